import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_KEY_FILE, loadEmbedSigningKeys } from '../../../../api/embed/load-embed-signing-keys';

const folder = () => mkdtempSync(join(tmpdir(), 'hoso-keys-'));
const hex = randomBytes(32).toString('hex');

describe('loadEmbedSigningKeys', () => {
  it('reads HOSO_EMBED_SIGNING_KEYS, else the file HOSO_EMBED_SIGNING_KEYS_FILE names', () => {
    const dataDir = folder();
    const fromEnv = loadEmbedSigningKeys({
      env: { HOSO_EMBED_SIGNING_KEYS: `a:hex:${hex}` },
      mode: 'production',
      dataDir,
    });
    expect(fromEnv.signing).toEqual({ kid: 'a', secret: Buffer.from(hex, 'hex') });
    const file = join(dataDir, 'keys');
    writeFileSync(file, `# keys\nb:hex:${hex}\n`);
    const fromFile = loadEmbedSigningKeys({ env: { HOSO_EMBED_SIGNING_KEYS_FILE: file }, mode: 'production', dataDir });
    expect(fromFile.signing.kid).toBe('b');
  });

  it('refuses production without keys, an unreadable key file, and HOSO_EMBED_SECRET alone', () => {
    const dataDir = folder();
    expect(() => loadEmbedSigningKeys({ env: {}, mode: 'production', dataDir })).toThrow(
      /production needs HOSO_EMBED_SIGNING_KEYS/,
    );
    expect(() =>
      loadEmbedSigningKeys({
        env: { HOSO_EMBED_SIGNING_KEYS_FILE: join(dataDir, 'none') },
        mode: 'production',
        dataDir,
      }),
    ).toThrow('HOSO_EMBED_SIGNING_KEYS_FILE cannot be read (ENOENT)');
    expect(() => loadEmbedSigningKeys({ env: { HOSO_EMBED_SECRET: hex }, mode: 'demo', dataDir })).toThrow(
      /HOSO_EMBED_SECRET is no longer read/,
    );
  });

  it('generates the demo key once into a 0600 file under the data folder and reads it back', () => {
    const dataDir = join(folder(), 'data');
    const first = loadEmbedSigningKeys({ env: {}, mode: 'demo', dataDir });
    const file = join(dataDir, DEMO_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.signing.kid).toBe('demo');
    expect(first.signing.secret).toHaveLength(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.signing.secret.toString('hex'));
    expect(loadEmbedSigningKeys({ env: {}, mode: 'demo', dataDir }).signing).toEqual(first.signing);
  });

  it('refuses a demo key file that holds no key', () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, DEMO_KEY_FILE), 'abc\n');
    expect(() => loadEmbedSigningKeys({ env: {}, mode: 'demo', dataDir })).toThrow(/does not hold a 32-byte hex key/);
  });
});
