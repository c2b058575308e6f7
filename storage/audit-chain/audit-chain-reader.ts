import type { AuditLinkDoc } from '../audit-link-schema';

/** What the verifier reads (see createAuditChainReader for the database; unit tests use an in-memory one). */
export interface AuditChainReader {
  countLinks(): Promise<number>;
  /** Up to `limit` links with a sequence number above `seq`, in order. */
  linksAfter(seq: number, limit: number): Promise<AuditLinkDoc[]>;
  /** The records of `source` with these ids, as stored, by id; a missing id is absent from the map. */
  records(source: string, ids: string[]): Promise<Map<string, object>>;
  /**
   * The ids of the records of `source` that the sealer must have chained by now: inserted at or before `sealedBy`,
   * dated after `notAfter` (a time in the future: no writer sets that) or with no insertion time at all.
   */
  idsDue(source: string, sealedBy: Date, notAfter: Date): AsyncIterable<string>;
}
