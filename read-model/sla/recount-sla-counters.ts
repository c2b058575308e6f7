import type { Models } from '../../storage/create-models';
import { addAtPath } from './add-at-path';
import type { PendingSlaDelta } from '../../storage/pending-sla-delta';
import { COUNTED_FIELDS, slaCounterContributions, type CountedFields } from './sla-counter-contributions';

/** A counter document as a recount builds it: its identifying fields and the counts nested in `c` or `m`. */
export type RecountedCounter = Record<string, unknown> & { _id: string };

/**
 * Counts every SLA counter from the read model (what slaCounterContributions says each dossier adds), in memory,
 * without writing anything. Reads each dossier once (the counted fields only); `onProgress` reports the dossiers read.
 * Also returns the counter updates read-model documents still owe (`slaPending`, see writeCountedView): the
 * counters may not have taken them yet, and a comparison must allow for them (see diffSlaCounters).
 */
export async function recountSlaCounters(
  models: Models,
  onProgress?: (read: number) => void,
): Promise<{ dossiers: number; counters: Map<string, RecountedCounter>; owed: PendingSlaDelta[] }> {
  const counters = new Map<string, RecountedCounter>();
  const owed: PendingSlaDelta[] = [];
  let dossiers = 0;
  const cursor = models.DossierView.find({}, { ...COUNTED_FIELDS, slaPending: 1 })
    .lean<(CountedFields & { slaPending?: PendingSlaDelta | null })[]>()
    .cursor({ batchSize: 2000 });
  for await (const doc of cursor) {
    dossiers += 1;
    if (doc.slaPending) owed.push(doc.slaPending);
    for (const c of slaCounterContributions(doc as CountedFields)) {
      const row = counters.get(c.id) ?? ({ _id: c.id, ...c.key } as RecountedCounter);
      addAtPath(row, c.path, 1);
      counters.set(c.id, row);
    }
    if (onProgress && dossiers % 10_000 === 0) onProgress(dossiers);
  }
  onProgress?.(dossiers);
  return { dossiers, counters, owed };
}
