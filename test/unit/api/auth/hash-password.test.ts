import { randomBytes, scryptSync } from 'node:crypto';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  verifyPassword,
} from '../../../../api/auth/hash-password';

/** A hash as the code before stored parameters wrote it: `scrypt$salt$key`, Node's defaults (N = 2^14). */
const legacyHash = (password: string) => {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
};

describe('hashPassword and verifyPassword', () => {
  it('store the OWASP parameters in the hash and verify the right password only', async () => {
    const hash = await hashPassword('một mật khẩu dài');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    await expect(verifyPassword('một mật khẩu dài', hash)).resolves.toBe(true);
    await expect(verifyPassword('một mật khẩu dàI', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salt every hash, so one password gives two different hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
  });

  it('verify an old-format hash made with Node defaults and report that it needs hashing again', async () => {
    const hash = legacyHash('demo1234');
    await expect(verifyPassword('demo1234', hash)).resolves.toBe(true);
    await expect(verifyPassword('demo12345', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(true);
  });

  it('verify hashes made with other stored parameters, and ask for a rehash of them', async () => {
    const params = { N: 2 ** 10, r: 4, p: 2 };
    const hash = await hashPassword('pw with other params', params);
    expect(hash.startsWith('scrypt$1024$4$2$')).toBe(true);
    await expect(verifyPassword('pw with other params', hash)).resolves.toBe(true);
    expect(needsRehash(hash)).toBe(true);
    expect(needsRehash(hash, params)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a missing key', 'scrypt$00112233445566778899aabbccddeeff$'],
    ['non-hex salt', 'scrypt$zz$00'],
    ['N that is not a power of two', `scrypt$1000$8$1$${'00'.repeat(16)}$${'00'.repeat(32)}`],
    ['N beyond the cap', `scrypt$${2 ** 21}$8$1$${'00'.repeat(16)}$${'00'.repeat(32)}`],
    ['r of zero', `scrypt$1024$0$1$${'00'.repeat(16)}$${'00'.repeat(32)}`],
    ['p beyond the cap', `scrypt$1024$8$17$${'00'.repeat(16)}$${'00'.repeat(32)}`],
    ['a signed number', `scrypt$+1024$8$1$${'00'.repeat(16)}$${'00'.repeat(32)}`],
    ['too many parts', `scrypt$1024$8$1$1$${'00'.repeat(16)}$${'00'.repeat(32)}`],
  ])('answer false, never throw, for a stored hash with %s', async (_what, stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('keep one dummy hash per process, with the current parameters, that no password is known to match', async () => {
    const dummy = await dummyPasswordHash();
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(needsRehash(dummy, SCRYPT_PARAMS)).toBe(false);
    await expect(verifyPassword('', dummy)).resolves.toBe(false);
  });
});
