import type { Models } from '../db/create-models';
import { addAtPath } from './add-at-path';
import { COUNTED_FIELDS, slaCounterContributions, type CountedFields } from './sla-counter-contributions';

/** A counter document as a recount builds it: its identifying fields and the counts nested in `c` or `m`. */
export type RecountedCounter = Record<string, unknown> & { _id: string };

/**
 * Counts every SLA counter from the read model (what slaCounterContributions says each dossier adds), in memory,
 * without writing anything. Reads each dossier once (the counted fields only); `onProgress` reports the dossiers read.
 */
export async function recountSlaCounters(
  models: Models,
  onProgress?: (read: number) => void,
): Promise<{ dossiers: number; counters: Map<string, RecountedCounter> }> {
  const counters = new Map<string, RecountedCounter>();
  let dossiers = 0;
  const cursor = models.DossierView.find({}, COUNTED_FIELDS).lean<CountedFields[]>().cursor({ batchSize: 2000 });
  for await (const doc of cursor) {
    dossiers += 1;
    for (const c of slaCounterContributions(doc as CountedFields)) {
      const row = counters.get(c.id) ?? ({ _id: c.id, ...c.key } as RecountedCounter);
      addAtPath(row, c.path, 1);
      counters.set(c.id, row);
    }
    if (onProgress && dossiers % 10_000 === 0) onProgress(dossiers);
  }
  onProgress?.(dossiers);
  return { dossiers, counters };
}
