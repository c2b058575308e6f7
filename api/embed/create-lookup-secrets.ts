import { createHmac, hkdfSync } from 'node:crypto';
import type { EmbedSigningKeys } from './embed-signing-keys';
import { hashLookupSecret, spellLookupSecret } from './lookup-secret';

/** A dossier's lookup secret and the key id it was derived with (stored beside the hash, so a replay finds it). */
export interface DerivedLookupSecret {
  secret: string;
  kid: string;
}

export interface LookupSecrets {
  /** The secret of a new receipt, derived with the current signing key. */
  derive(dossierId: string): DerivedLookupSecret;
  /**
   * The secret a receipt showed, derived again for a replayed answer: undefined when the key `kid` is no longer
   * configured (rotated out) or the derivation does not give `storedHash` (a receipt from before secrets were
   * derived, or another key under the same kid); the replay then comes without it.
   */
  recover(dossierId: string, kid: string | undefined, storedHash: string): string | undefined;
}

const INFO = 'hoso citizen lookup secret v1';

/**
 * Lookup secrets derived, not drawn: HMAC-SHA256 of the dossier code under a key that HKDF derives from an embed
 * signing key (so a lookup secret never equals a token's MAC). The database keeps only the secret's SHA-256 and the
 * key id; a replayed submission (same Idempotency-Key) derives the same secret again, and nobody without the signing
 * key can. Whoever holds the signing keys can compute every secret, as they can already issue tokens.
 */
export function createLookupSecrets(keys: EmbedSigningKeys): LookupSecrets {
  const derivedKeys = new Map<string, Buffer>();
  const keyOf = (kid: string): Buffer | undefined => {
    const signing = keys.verifying.get(kid);
    if (!signing) return undefined;
    let key = derivedKeys.get(kid);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', signing, Buffer.alloc(0), INFO, 32));
      derivedKeys.set(kid, key);
    }
    return key;
  };
  const secretUnder = (key: Buffer, dossierId: string): string => {
    // One HMAC block gives 32 bytes for 12 letters; further blocks only if it skipped more than 20 of them.
    for (let block = 0; ; block++) {
      const bytes = Buffer.concat(
        Array.from({ length: block + 1 }, (_, i) => createHmac('sha256', key).update(`${i}\n${dossierId}`).digest()),
      );
      const secret = spellLookupSecret(bytes);
      if (secret) return secret;
    }
  };
  return {
    derive(dossierId) {
      const kid = keys.signing.kid;
      return { secret: secretUnder(keyOf(kid)!, dossierId), kid };
    },
    recover(dossierId, kid, storedHash) {
      const key = kid === undefined ? undefined : keyOf(kid);
      if (!key) return undefined;
      const secret = secretUnder(key, dossierId);
      return hashLookupSecret(secret) === storedHash ? secret : undefined;
    },
  };
}
