import { createHmac } from 'node:crypto';

/** A citizen id's keyed hash: what the overlap index and the poverty register store and match, never the id. */
export type CitizenIdHasher = (citizenId: string) => string;

/**
 * HMAC-SHA-256 of the trimmed citizen id under the installation's overlap key (loadOverlapKey), as hex: the one
 * normalisation and key the overlap index (docs/overlap-checks.md) and the poverty register
 * (docs/poverty-register.md) share, so a register's household matches the dossiers that name it.
 */
export function createCitizenIdHasher(key: Buffer): CitizenIdHasher {
  return (citizenId) => createHmac('sha256', key).update(`cccd:${citizenId.trim()}`).digest('hex');
}
