/** One HMAC key of embed tokens, named by its key id (`kid`), which new tokens carry. */
export interface EmbedSigningKey {
  readonly kid: string;
  readonly secret: Buffer;
}

/** The key that signs new tokens (the first listed) and every key that verifies them, by kid. */
export interface EmbedSigningKeys {
  readonly signing: EmbedSigningKey;
  readonly verifying: ReadonlyMap<string, Buffer>;
}

/** A secret shorter than this is refused: HMAC-SHA256 wants at least its output's length of key. */
export const MIN_EMBED_SECRET_BYTES = 32;

const KID = /^[A-Za-z0-9_-]{1,32}$/;
/** Placeholders from our own examples (docs/deploy/hoso.env) and the published demo password. */
const DEFAULT_SECRET = /change-?me|replace-?me|example|demo1234/i;

/** A problem with the configured keys; its message names the entry by position and kid, never the secret. */
export class EmbedKeyConfigError extends Error {
  override readonly name = 'EmbedKeyConfigError';
}

/** The keys from a list, the first signing; throws EmbedKeyConfigError for an empty list or a duplicate kid. */
export function embedSigningKeysOf(keys: readonly EmbedSigningKey[]): EmbedSigningKeys {
  const [signing] = keys;
  if (!signing) throw new EmbedKeyConfigError('the list of embed signing keys is empty');
  const verifying = new Map<string, Buffer>();
  for (const key of keys) {
    if (verifying.has(key.kid)) throw new EmbedKeyConfigError(`embed signing key id "${key.kid}" is listed twice`);
    verifying.set(key.kid, key.secret);
  }
  return { signing, verifying };
}

function secretOf(text: string): Buffer {
  if (text.startsWith('hex:')) {
    const hex = text.slice(4);
    return /^(?:[0-9a-fA-F]{2})+$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(0);
  }
  if (text.startsWith('base64:')) return Buffer.from(text.slice(7), 'base64');
  return Buffer.from(text, 'utf8');
}

/**
 * Reads HOSO_EMBED_SIGNING_KEYS' format: `kid:secret` entries separated by commas, spaces or new lines (`#` starts
 * a comment line, for a key file). A secret is taken as UTF-8 text, or as bytes when written `hex:…` (the form the
 * old `settings` key is stored in) or `base64:…`. The first entry signs, all verify. Throws EmbedKeyConfigError for
 * a malformed entry, a kid outside `[A-Za-z0-9_-]{1,32}`, a duplicate kid, a secret shorter than 32 bytes or one of
 * our documented placeholders.
 */
export function parseEmbedSigningKeys(text: string): EmbedSigningKeys {
  const entries = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  return embedSigningKeysOf(
    entries.map((entry, index) => {
      const colon = entry.indexOf(':');
      const kid = colon > 0 ? entry.slice(0, colon) : '';
      const where = `embed signing key #${index + 1}${KID.test(kid) ? ` ("${kid}")` : ''}`;
      if (!KID.test(kid)) {
        throw new EmbedKeyConfigError(`${where} is not "kid:secret" with a kid of 1 to 32 letters, digits, - or _`);
      }
      const written = entry.slice(colon + 1);
      if (DEFAULT_SECRET.test(written)) {
        throw new EmbedKeyConfigError(`${where} is a placeholder from the documentation; generate a secret`);
      }
      const secret = secretOf(written);
      if (secret.length < MIN_EMBED_SECRET_BYTES) {
        throw new EmbedKeyConfigError(`${where} is shorter than ${MIN_EMBED_SECRET_BYTES} bytes`);
      }
      return { kid, secret };
    }),
  );
}
