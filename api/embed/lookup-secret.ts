import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits a person copies without confusion (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * A new lookup secret for a citizen's receipt: 12 characters of a 31-letter alphabet (about 59 bits, drawn with
 * `crypto.randomInt`), written in groups of four (`K7QM-3XPA-9RTD`). Guessing one is bounded by the lookup's rate
 * limit, not by its length alone.
 */
export function newLookupSecret(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
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
