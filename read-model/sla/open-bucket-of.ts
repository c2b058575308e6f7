import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import { timelinessOf, type OpenTimeliness } from '../../domain/sla/timeliness';

export type BucketFields = Pick<DossierViewDoc, 'currentStep' | 'status' | 'dueAt' | 'nearDueAt' | 'timeliness'>;

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/**
 * The read model's `openBucket` (see DossierViewDoc.openBucket); `at` is the projection's time. What the workflow's
 * timers recorded wins; a run that keeps no clock is judged by its due times at the moment of projection, the
 * way timeliness is judged at read time (timelinessOf).
 */
export function openBucketOf(doc: BucketFields, at: Date): OpenTimeliness | null {
  if (doc.currentStep === null || doc.currentStep === undefined) return null;
  if (doc.status === 'awaiting_supplement' || !doc.dueAt) return 'stopped';
  if (doc.timeliness === 'not_due' || doc.timeliness === 'near_due' || doc.timeliness === 'overdue')
    return doc.timeliness;
  const open = timelinessOf(
    { startedAt: null, dueAt: iso(doc.dueAt), closedAt: null, nearDueAt: iso(doc.nearDueAt) },
    at.getTime(),
  );
  return open === 'near_due' || open === 'overdue' ? open : 'not_due';
}
