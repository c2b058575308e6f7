import { Schema } from 'mongoose';
import type { OverlapSubject } from '../domain/overlap/overlap-rule';
import type { Outcome } from '../domain/process/process-definition';

/**
 * The overlap index: one entry per dossier and identity it names (collection `overlap_keys`). `keyHash` is the keyed
 * hash (HMAC-SHA-256 with the installation's overlap key) of a citizen id, never the id itself. Written once when the
 * dossier is created (insert-if-absent on `_id`, so a retry or the backfill adds only what is missing); the closing
 * projection sets `closedAt` and `outcome`.
 */
export interface OverlapKeyDoc {
  _id: string; // `${dossierId}|${subject}|${keyHash}`
  dossierId: string;
  subject: OverlapSubject;
  keyHash: string;
  programme: string;
  supportType: string | null;
  /** The receiving unit, and every unit of its chain (who may read the dossier). */
  unit: string;
  units: string[];
  openedAt: Date;
  closedAt: Date | null;
  outcome: Outcome | null;
}

export const overlapKeySchema = new Schema<OverlapKeyDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    subject: { type: String, required: true },
    keyHash: { type: String, required: true },
    programme: { type: String, required: true },
    supportType: { type: String, default: null },
    unit: { type: String, required: true },
    units: { type: [String], default: [] },
    openedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    outcome: { type: String, default: null },
  },
  { collection: 'overlap_keys', versionKey: false },
);
overlapKeySchema.index({ keyHash: 1 });
overlapKeySchema.index({ dossierId: 1 });
