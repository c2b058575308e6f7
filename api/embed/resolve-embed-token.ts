import type { Models } from '../../storage/create-models';
import type { EmbedTokenDoc } from '../../storage/embed-token-schema';
import { DomainError } from '../errors';
import type { EmbedTokenCodec } from './create-embed-token-codec';

export type EmbedTokenResolution = { ok: true; token: EmbedTokenDoc } | { ok: false; error: DomainError };

const refused = (code: string, vi: string, en: string) => new DomainError(401, code, { vi, en });

/**
 * The stored token a raw embed token stands for, if it may be used now: signature and expiry checked by the codec
 * (no lookup for a forged or expired one), then the token must exist with the same expiry and not be revoked.
 * Origin checks are the caller's (the JSON endpoints check `Origin`, the iframe page sets frame-ancestors).
 *
 * Refusals are 401 `DomainError`s: `embed_token_expired`, `embed_token_revoked`, or `embed_token_invalid` for
 * anything else (malformed, bad signature, unknown id, an expiry that does not match the stored one), so a caller
 * cannot tell a forged token from a deleted one. Database errors are thrown as they are.
 */
export async function resolveEmbedToken(
  deps: { codec: EmbedTokenCodec; models: Models },
  raw: string,
): Promise<EmbedTokenResolution> {
  const decoded = deps.codec.decode(raw);
  if (!decoded.ok) {
    return {
      ok: false,
      error:
        decoded.reason === 'expired'
          ? refused('embed_token_expired', 'Mã nhúng biểu mẫu đã hết hạn', 'embed token expired')
          : refused('embed_token_invalid', 'Mã nhúng biểu mẫu không hợp lệ', 'invalid embed token'),
    };
  }
  const doc = await deps.models.EmbedToken.findById(decoded.claims.id).lean();
  if (!doc || Math.floor(doc.expiresAt.getTime() / 1000) !== decoded.claims.exp) {
    return {
      ok: false,
      error: refused('embed_token_invalid', 'Mã nhúng biểu mẫu không hợp lệ', 'invalid embed token'),
    };
  }
  if (doc.revokedAt)
    return {
      ok: false,
      error: refused('embed_token_revoked', 'Mã nhúng biểu mẫu đã bị thu hồi', 'embed token revoked'),
    };
  return { ok: true, token: doc };
}
