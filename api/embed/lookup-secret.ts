import { createHash, timingSafeEqual } from 'node:crypto';

/** Letters and digits a person copies without confusion (no 0/O, 1/I/L). */
export const LOOKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** Bytes at or above this are skipped, so each kept byte picks a letter with the same chance (248 = 8 × 31). */
const UNBIASED_BELOW = 256 - (256 % LOOKUP_ALPHABET.length);

/**
 * A lookup secret spelled from `bytes` (a stream long enough: 12 kept bytes; about 3% are skipped): 12 characters of
 * a 31-letter alphabet (about 59 bits), in groups of four (`K7QM-3XPA-9RTD`). Returns undefined when `bytes` runs
 * out first, so the caller asks for more. Guessing one is bounded by the lookup's rate limit, not its length alone.
 */
export function spellLookupSecret(bytes: Uint8Array): string | undefined {
  let letters = '';
  for (const byte of bytes) {
    if (byte >= UNBIASED_BELOW) continue;
    letters += LOOKUP_ALPHABET[byte % LOOKUP_ALPHABET.length];
    if (letters.length === GROUPS * GROUP_LENGTH) {
      return letters.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
    }
  }
  return undefined;
}

/** The secret as typed back: case, spaces and dashes do not matter. */
const normalize = (secret: string) => secret.toUpperCase().replace(/[\s-]/g, '');

/** The SHA-256 (hex) stored for a secret; the secret itself is never stored. */
export function hashLookupSecret(secret: string): string {
  return createHash('sha256').update(normalize(secret)).digest('hex');
}

/** A stand-in hash compared when the dossier code is unknown, so both refusals take the same work. */
const NO_HASH = hashLookupSecret('no dossier has this secret');

/**
 * Whether `secret` is the one whose hash is `storedHash`, compared in constant time; an unknown code (no stored
 * hash) is compared against a stand-in and is always false, so a wrong code and a wrong secret cost the same.
 */
export function lookupSecretMatches(secret: string, storedHash: string | undefined): boolean {
  const given = Buffer.from(hashLookupSecret(secret), 'hex');
  const stored = Buffer.from(storedHash ?? NO_HASH, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored) && storedHash !== undefined;
}
