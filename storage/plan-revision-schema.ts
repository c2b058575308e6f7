import { Schema } from 'mongoose';
import type { Level } from '../domain/process/process-definition';
import type { PlanPeriodKind, PlanTarget } from '../domain/plans/plan';

/**
 * One revision of a plan ([plans-and-reports.md](../docs/plans-and-reports.md)). The `plans` collection is
 * append-only: creating a plan inserts revision 1 and every edit inserts the next revision, whole, with who made it,
 * when and why; nothing is ever updated or deleted, so every earlier revision stays readable. The unique
 * `{planId, revision}` index is what makes a lost update impossible on FerretDB: of two edits made from the same
 * revision, only the first insert succeeds (test/storage proves a unique compound index admits exactly one of
 * concurrent inserts of one key); the other gets a duplicate key, answered 409.
 */
export interface PlanRevisionDoc {
  _id: string; // `${planId}@${revision}`
  planId: string;
  revision: number;
  unitCode: string;
  level: Level;
  title: string;
  kind: PlanPeriodKind;
  from: string;
  to: string;
  basis: string | null;
  targets: PlanTarget[];
  by: string;
  byName: string;
  at: Date;
  /** Why this revision was made; null for revision 1. */
  reason: string | null;
}

export const planRevisionSchema = new Schema<PlanRevisionDoc>(
  {
    _id: { type: String, required: true },
    planId: { type: String, required: true },
    revision: { type: Number, required: true },
    unitCode: { type: String, required: true },
    level: { type: String, required: true, enum: ['province', 'district', 'commune'] },
    title: { type: String, required: true },
    kind: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    basis: { type: String, default: null },
    targets: { type: Schema.Types.Mixed, default: [] },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    at: { type: Date, required: true },
    reason: { type: String, default: null },
  },
  { collection: 'plans', versionKey: false },
);
planRevisionSchema.index({ planId: 1, revision: 1 }, { unique: true });
planRevisionSchema.index({ unitCode: 1, from: 1 });
