import { createHash } from 'node:crypto';
import type { AuditLinkDoc } from '../audit-link-schema';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of link 1. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest a link keeps of its source record: sha256 of the record's canonical JSON, as stored. */
export function sourceDigest(record: object): string {
  return sha256(canonicalJson(record));
}

/** sha256(prevHash + canonical JSON of every other field of the link): what `hash` must be. */
export function linkHash(link: Omit<AuditLinkDoc, 'hash'>): string {
  const { _id, source, sourceId, sourceAt, digest, prevHash, sealedAt } = link;
  return sha256(prevHash + canonicalJson({ seq: _id, source, sourceId, sourceAt, digest, prevHash, sealedAt }));
}
