import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

const KEY_SETTING = 'embed-token-signing-key';

export interface EmbedTokenClaims {
  id: string;
  /** Expiry, Unix seconds. */
  exp: number;
}

export type DecodeResult =
  { ok: true; claims: EmbedTokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export interface EmbedTokenCodec {
  /** `e1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`; deterministic, so a token can be shown again. */
  encode(claims: EmbedTokenClaims): string;
  /** Checks shape, signature (constant time) and expiry. Never throws. */
  decode(token: string, now?: Date): DecodeResult;
}

/**
 * The HMAC key comes from HOSO_EMBED_SECRET when set, otherwise from the `settings` collection, created once per
 * installation (so tokens survive restarts and every API process agrees).
 */
export async function loadEmbedSigningKey(models: Models, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  if (env.HOSO_EMBED_SECRET) return Buffer.from(env.HOSO_EMBED_SECRET, 'utf8');
  const existing = await models.Setting.findById(KEY_SETTING).lean();
  if (existing) return Buffer.from(existing.value, 'hex');
  try {
    await models.Setting.create({ _id: KEY_SETTING, value: randomBytes(32).toString('hex'), createdAt: new Date() });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // another process created it first
  }
  const created = await models.Setting.findById(KEY_SETTING).lean();
  if (!created) throw new Error('embed signing key could not be stored');
  return Buffer.from(created.value, 'hex');
}

export function createEmbedTokenCodec(key: Buffer): EmbedTokenCodec {
  const sign = (body: string) => createHmac('sha256', key).update(`e1.${body}`).digest();
  return {
    encode(claims) {
      const body = Buffer.from(JSON.stringify({ id: claims.id, exp: claims.exp })).toString('base64url');
      return `e1.${body}.${sign(body).toString('base64url')}`;
    },
    decode(token, now = new Date()) {
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== 'e1' || !parts[1] || !parts[2] || token.length > 512)
        return { ok: false, reason: 'malformed' };
      const given = Buffer.from(parts[2], 'base64url');
      const expected = sign(parts[1]);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'bad_signature' };
      let claims: EmbedTokenClaims;
      try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as EmbedTokenClaims;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof claims.id !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
      if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
  };
}
