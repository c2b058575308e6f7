import { Schema } from 'mongoose';

/**
 * One link of the audit hash chain (see storage/audit-chain): the record `sourceId` of `source` (a collection name),
 * the digest of its canonical JSON, and `hash` = sha256(prevHash + canonical JSON of the link without `hash`).
 * `_id` is the sequence number (1, 2, …): unique, so two sealers can never append the same position.
 */
export interface AuditLinkDoc {
  _id: number;
  source: string;
  sourceId: string;
  /** The record's insertion time (what the sealer orders records by). */
  sourceAt: Date;
  digest: string;
  prevHash: string;
  sealedAt: Date;
  hash: string;
}

export const auditLinkSchema = new Schema<AuditLinkDoc>(
  {
    _id: { type: Number, required: true },
    source: { type: String, required: true },
    sourceId: { type: String, required: true },
    sourceAt: { type: Date, required: true },
    digest: { type: String, required: true },
    prevHash: { type: String, required: true },
    sealedAt: { type: Date, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_chain', versionKey: false },
);
auditLinkSchema.index({ source: 1, sourceId: 1 }, { unique: true });
auditLinkSchema.index({ source: 1, sourceAt: -1 });
