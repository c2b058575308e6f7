import type { DossierViewDoc } from '../db/dossier-view-schema';
import type { OpenTimeliness } from '../../workflows/timeliness';

export type BucketFields = Pick<DossierViewDoc, 'currentStep' | 'status' | 'dueAt' | 'nearDueAt' | 'timeliness'>;

/** The read model's `openBucket` (see DossierViewDoc.openBucket); `at` is the projection's time. */
export function openBucketOf(doc: BucketFields, at: Date): OpenTimeliness | null {
  if (doc.currentStep === null || doc.currentStep === undefined) return null;
  if (doc.status === 'awaiting_supplement' || !doc.dueAt) return 'stopped';
  if (doc.timeliness === 'not_due' || doc.timeliness === 'near_due' || doc.timeliness === 'overdue') return doc.timeliness;
  // A run that keeps no clock: its due times at the moment of projection.
  const t = at.getTime();
  if (new Date(doc.dueAt).getTime() < t) return 'overdue';
  if (doc.nearDueAt && new Date(doc.nearDueAt).getTime() <= t) return 'near_due';
  return 'not_due';
}
