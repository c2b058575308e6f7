import { createLookupSecrets } from '../../../../api/embed/create-lookup-secrets';
import { embedSigningKeysOf } from '../../../../api/embed/embed-signing-keys';
import { hashLookupSecret, spellLookupSecret } from '../../../../api/embed/lookup-secret';

const key = (kid: string, fill: string) => ({ kid, secret: Buffer.alloc(32, fill) });
const FORMAT = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

describe('createLookupSecrets', () => {
  const secrets = createLookupSecrets(embedSigningKeysOf([key('k2', 'b'), key('k1', 'a')]));

  it('derives the same secret for the same dossier, another for another dossier, in the receipt format', () => {
    const first = secrets.derive('HN-HD-HC-2025-00001');
    expect(first).toEqual(secrets.derive('HN-HD-HC-2025-00001'));
    expect(first.kid).toBe('k2');
    expect(first.secret).toMatch(FORMAT);
    expect(secrets.derive('HN-HD-HC-2025-00002').secret).not.toBe(first.secret);
  });

  it('recovers a secret from its stored hash and key id, also after the key stopped signing', () => {
    const { secret, kid } = secrets.derive('HN-HD-HC-2025-00003');
    expect(secrets.recover('HN-HD-HC-2025-00003', kid, hashLookupSecret(secret))).toBe(secret);
    const rotated = createLookupSecrets(embedSigningKeysOf([key('k3', 'c'), key('k2', 'b')]));
    expect(rotated.recover('HN-HD-HC-2025-00003', kid, hashLookupSecret(secret))).toBe(secret);
    expect(rotated.derive('HN-HD-HC-2025-00003').secret).not.toBe(secret);
  });

  it.each([
    ['a key id no longer configured', 'k9', (s: string) => hashLookupSecret(s)],
    ['no key id (a receipt from before secrets were derived)', undefined, (s: string) => hashLookupSecret(s)],
    ['a hash that is not of the derived secret', 'k2', () => hashLookupSecret('AAAA-BBBB-CCCC')],
  ])('recovers nothing for %s', (_what, kid, hashOf) => {
    const { secret } = secrets.derive('HN-HD-HC-2025-00004');
    expect(secrets.recover('HN-HD-HC-2025-00004', kid, hashOf(secret))).toBeUndefined();
  });
});

describe('spellLookupSecret', () => {
  it('skips the bytes that would favour some letters, and says when the bytes run out', () => {
    expect(spellLookupSecret(Uint8Array.from([...Array(12).keys()]))).toBe('ABCD-EFGH-JKMN');
    expect(spellLookupSecret(Uint8Array.from([255, 248, ...Array(12).keys()]))).toBe('ABCD-EFGH-JKMN');
    expect(spellLookupSecret(Uint8Array.from([...Array(11).keys(), 250]))).toBeUndefined();
  });
});
