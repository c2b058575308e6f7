import type { Models } from '../../../storage/create-models';
import { applySlaCounterDelta } from '../../../read-model/sla/apply-sla-counter-delta';
import { openBucketOf } from '../../../read-model/sla/open-bucket-of';
import { COUNTED_FIELDS } from '../../../read-model/sla/sla-counter-contributions';

const HOUR = 3600_000;

/**
 * Time passes for a dossier without waiting for it: moves its step's due times so that it is now near due or
 * overdue, and writes what the workflow's reminder or escalation timer would have projected (its recorded
 * timeliness, open bucket and SLA counters) through the same code the projection uses. The timers themselves are
 * tested with real short limits in sla-clock.test.ts.
 */
export async function simulateTimer(models: Models, dossierId: string, fired: 'near_due' | 'overdue'): Promise<void> {
  const now = Date.now();
  const times =
    fired === 'overdue'
      ? { dueAt: new Date(now - HOUR), nearDueAt: new Date(now - 2 * HOUR) }
      : { dueAt: new Date(now + HOUR), nearDueAt: new Date(now - HOUR) };
  const doc = await models.DossierView.findById(dossierId).lean();
  if (!doc) throw new Error(`no read model for ${dossierId}`);
  const next = { ...doc, ...times, timeliness: fired };
  const openBucket = openBucketOf(next, new Date());
  await models.DossierView.updateOne({ _id: dossierId }, { $set: { ...times, timeliness: fired, openBucket } });
  const before = Object.fromEntries(
    Object.keys(COUNTED_FIELDS).map((k) => [k, (doc as unknown as Record<string, unknown>)[k]]),
  );
  await applySlaCounterDelta(models, before as never, { ...next, openBucket });
}
