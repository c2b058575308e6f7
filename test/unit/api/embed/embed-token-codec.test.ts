import { createHmac, randomBytes } from 'node:crypto';
import { createEmbedTokenCodec } from '../../../../api/embed/create-embed-token-codec';
import {
  EmbedKeyConfigError,
  embedSigningKeysOf,
  parseEmbedSigningKeys,
} from '../../../../api/embed/embed-signing-keys';

const OLD = randomBytes(32);
const NEW = randomBytes(32);
const claims = { id: 'emb_1', exp: Math.floor(Date.now() / 1000) + 3600 };

/** A token in the form earlier versions signed with their single key (HOSO_EMBED_SECRET or `settings`). */
function legacyToken(key: Buffer): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `e1.${body}.${createHmac('sha256', key).update(`e1.${body}`).digest('base64url')}`;
}

describe('embed token codec with rotating keys', () => {
  const before = createEmbedTokenCodec(embedSigningKeysOf([{ kid: 'k1', secret: OLD }]));
  const during = createEmbedTokenCodec(
    embedSigningKeysOf([
      { kid: 'k2', secret: NEW },
      { kid: 'k1', secret: OLD },
    ]),
  );
  const after = createEmbedTokenCodec(embedSigningKeysOf([{ kid: 'k2', secret: NEW }]));

  it('signs with the first key and names it in the token', () => {
    expect(during.encode(claims)).toMatch(/^e2\.k2\./);
    expect(during.decode(during.encode(claims))).toEqual({ ok: true, claims });
  });

  it('verifies a token of the old key while it is listed, and not once it is gone', () => {
    const old = before.encode(claims);
    expect(during.decode(old)).toEqual({ ok: true, claims });
    expect(after.decode(old)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('verifies a legacy e1 token against any listed key, and refuses it when its key is not listed', () => {
    const legacy = legacyToken(OLD);
    expect(during.decode(legacy)).toEqual({ ok: true, claims });
    expect(after.decode(legacy)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token whose kid was swapped for another listed one', () => {
    const swapped = before.encode(claims).replace(/^e2\.k1\./, 'e2.k2.');
    expect(during.decode(swapped)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each(['e2.k1.x', 'e3.k1.a.b', 'e2..a.b', 'e1.a', `e2.k1.${'a'.repeat(600)}.b`])('calls %s malformed', (token) => {
    expect(during.decode(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('calls an expired token expired', () => {
    const token = during.encode({ id: 'emb_1', exp: Math.floor(Date.now() / 1000) - 1 });
    expect(during.decode(token)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('parseEmbedSigningKeys', () => {
  const hex = randomBytes(32).toString('hex');

  it('reads kid:secret entries separated by commas, spaces or lines, skipping comments, the first signing', () => {
    const keys = parseEmbedSigningKeys(
      `# rotated 2026-12\nk3:${'s'.repeat(32)}\nk2:hex:${hex}, k1:base64:${Buffer.from(hex, 'hex').toString('base64')}`,
    );
    expect(keys.signing.kid).toBe('k3');
    expect([...keys.verifying.keys()]).toEqual(['k3', 'k2', 'k1']);
    expect(keys.verifying.get('k2')).toEqual(Buffer.from(hex, 'hex'));
    expect(keys.verifying.get('k1')).toEqual(Buffer.from(hex, 'hex'));
  });

  it.each([
    ['an empty list', '', /empty/],
    ['an entry without a kid', `:${hex}`, /#1 is not "kid:secret"/],
    ['a kid with a dot', `k.1:${hex}`, /#1 is not "kid:secret"/],
    ['a short secret', `k1:${hex} k2:short`, /#2 \("k2"\) is shorter than 32 bytes/],
    ['bad hex', `k1:hex:${'zz'.repeat(32)}`, /shorter than 32 bytes/],
    ['a placeholder', 'k1:CHANGE-ME-to-64-hex-characters-from-openssl-rand-hex-32', /placeholder/],
    ['a duplicate kid', `k1:${hex} k1:${'t'.repeat(32)}`, /listed twice/],
  ])('refuses %s without repeating the secret', (_what, text, message) => {
    let error: unknown;
    try {
      parseEmbedSigningKeys(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmbedKeyConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(hex);
  });
});
