import { Schema } from 'mongoose';
import type { DecisionRecord } from '../domain/process/dossier-state';

/** Append-only audit log: one entry per decision, keyed by dossier and seq so a retried append is a no-op. */
export interface AuditEntryDoc extends DecisionRecord {
  _id: string; // `${dossierId}#${seq}`
  dossierId: string;
  processKey: string;
  processVersion: number;
  /**
   * When the projection inserted it (the decision's own time is `at`): the audit sealer orders records by it. Missing
   * on entries written before the audit chain existed; those are chained on the first seal.
   */
  recordedAt?: Date;
}

export const auditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: { type: String, required: true },
    dossierId: { type: String, required: true },
    processKey: String,
    processVersion: Number,
    recordedAt: Date,
    seq: { type: Number, required: true },
    action: { type: String, required: true },
    fromStep: { type: String, default: null },
    toStep: { type: String, default: null },
    outcome: String,
    actor: { userId: String, role: String, unitCode: String },
    at: { type: String, required: true },
    comment: String,
    submission: { id: String, form: String },
    stepDueAt: { type: String, default: null },
    onTime: Boolean,
    to: { type: { role: String, unitCode: String }, default: undefined },
    stepTimeliness: String,
    previousDueAt: String,
    newDueAt: String,
    scope: String,
    notified: { type: [{ _id: false, role: String, unitCode: String }], default: undefined },
    overlapOverride: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: 'audit_log', versionKey: false },
);
auditEntrySchema.index({ dossierId: 1, seq: 1 });
auditEntrySchema.index({ 'actor.unitCode': 1, at: -1 });
auditEntrySchema.index({ recordedAt: 1 });
