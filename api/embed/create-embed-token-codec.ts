import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EmbedSigningKeys } from './embed-signing-keys';

export interface EmbedTokenClaims {
  id: string;
  /** Expiry, Unix seconds. */
  exp: number;
}

export type DecodeResult =
  { ok: true; claims: EmbedTokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export interface EmbedTokenCodec {
  /** `e2.<kid>.<claims, base64url JSON>.<HMAC-SHA256, base64url>`; deterministic, so a token can be shown again. */
  encode(claims: EmbedTokenClaims): string;
  /** Checks shape, signature (constant time) and expiry. Never throws. */
  decode(token: string, now?: Date): DecodeResult;
}

const KID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Tokens `e2.<kid>.<claims>.<HMAC-SHA256 of "e2.<kid>.<claims>" under that kid's key>` signed with `keys.signing`;
 * a token verifies if its kid is one of `keys.verifying` (so a key can be rotated: list the new one first, keep the
 * old one until its tokens have expired or been shown again). Tokens of the earlier `e1.<claims>.<mac>` form carry no
 * kid: they verify against any listed key, which is how tokens signed with the old HOSO_EMBED_SECRET or `settings`
 * key keep working once that key is listed (docs/operations.md, "Embed signing keys").
 */
export function createEmbedTokenCodec(keys: EmbedSigningKeys): EmbedTokenCodec {
  const mac = (key: Buffer, signed: string) => createHmac('sha256', key).update(signed).digest();
  const matches = (given: Buffer, expected: Buffer) =>
    given.length === expected.length && timingSafeEqual(given, expected);
  const verified = (parts: string[]): string | undefined => {
    if (parts[0] === 'e2' && parts.length === 4) {
      const [, kid, body, signature] = parts as [string, string, string, string];
      const key = KID.test(kid) ? keys.verifying.get(kid) : undefined;
      if (!key || !body) return undefined;
      return matches(Buffer.from(signature, 'base64url'), mac(key, `e2.${kid}.${body}`)) ? body : undefined;
    }
    if (parts[0] === 'e1' && parts.length === 3) {
      const [, body, signature] = parts as [string, string, string];
      const given = Buffer.from(signature, 'base64url');
      let ok = false;
      for (const key of keys.verifying.values()) ok = matches(given, mac(key, `e1.${body}`)) || ok;
      return ok && body ? body : undefined;
    }
    return undefined;
  };
  return {
    encode(claims) {
      const { kid, secret } = keys.signing;
      const body = Buffer.from(JSON.stringify({ id: claims.id, exp: claims.exp })).toString('base64url');
      return `e2.${kid}.${body}.${mac(secret, `e2.${kid}.${body}`).toString('base64url')}`;
    },
    decode(token, now = new Date()) {
      const parts = token.split('.');
      if (token.length > 512 || parts.some((part) => part === '') || !['e1', 'e2'].includes(parts[0] ?? ''))
        return { ok: false, reason: 'malformed' };
      if (parts.length !== (parts[0] === 'e2' ? 4 : 3)) return { ok: false, reason: 'malformed' };
      const body = verified(parts);
      if (body === undefined) return { ok: false, reason: 'bad_signature' };
      let claims: EmbedTokenClaims;
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as EmbedTokenClaims;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (typeof claims.id !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
      if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
  };
}
