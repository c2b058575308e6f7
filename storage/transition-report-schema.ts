import { Schema } from 'mongoose';
import type { TransitionReport } from '../api-contract';

/**
 * One run of a transition plan, kept for audit (append-only: inserted once, never updated): a dry run's report of
 * what would happen to each open dossier, or an execution's report of what did.
 */
export interface TransitionReportDoc extends Omit<TransitionReport, 'id' | 'at'> {
  _id: string;
  at: Date;
  byUserId: string;
}

export const transitionReportSchema = new Schema<TransitionReportDoc>(
  {
    _id: { type: String, required: true },
    planId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['dry_run', 'execute'] },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    byUserId: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, required: true },
    entries: { type: Schema.Types.Mixed, default: [] },
    definitions: { type: Schema.Types.Mixed, default: [] },
    grants: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'transition_reports', versionKey: false },
);
transitionReportSchema.index({ planId: 1, at: 1 });
