import type { Models } from '../db/create-models';
import { recountSlaCounters, type RecountedCounter } from './recount-sla-counters';

/** One count that differs between the stored SLA counters and a recount from the read model. */
export interface SlaCounterDrift {
  /** The counter document's _id. */
  id: string;
  /** The count's update path inside it (`c.<entry>` or `m.<yyyy-mm>.onTime` / `.late`). */
  path: string;
  stored: number;
  recounted: number;
}

/** Every numeric leaf of `c` and `m`, as dotted update paths. */
function countsOf(doc: Record<string, unknown> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') out.set(path, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  if (doc) for (const field of ['c', 'm']) walk(doc[field], field);
  return out;
}

/**
 * Compares the stored SLA counters with a recount from the read model, count by count. A stored 0 where the recount
 * has nothing is no drift (counts that went back to zero stay in the maintained documents). Returns the drifts sorted
 * by counter and path, and the number of dossiers recounted. Reads without writing; while projections run, a dossier
 * moved between the recount and the read of the counters shows as a transient drift (see reconcileSlaCounters). So
 * does a document that still owes counter updates (`slaPending`, see writeCountedView): a projection in progress, or
 * one a crash interrupted, until its retry settles it. Repairing such a drift by hand would count it twice once the
 * pending updates are applied: a repair must leave those dossiers' counts alone or clear their `slaPending`.
 */
export async function diffSlaCounters(models: Models): Promise<{ dossiers: number; drifts: SlaCounterDrift[] }> {
  const { dossiers, counters } = await recountSlaCounters(models);
  const stored = new Map<string, Record<string, unknown>>();
  for await (const doc of models.SlaCounter.find({}).lean<RecountedCounter[]>().cursor({ batchSize: 2000 })) stored.set(String(doc._id), doc);
  const drifts: SlaCounterDrift[] = [];
  for (const id of new Set([...stored.keys(), ...counters.keys()])) {
    const have = countsOf(stored.get(id));
    const want = countsOf(counters.get(id));
    for (const path of new Set([...have.keys(), ...want.keys()])) {
      const s = have.get(path) ?? 0;
      const r = want.get(path) ?? 0;
      if (s !== r) drifts.push({ id, path, stored: s, recounted: r });
    }
  }
  drifts.sort((a, b) => (a.id === b.id ? a.path.localeCompare(b.path) : a.id.localeCompare(b.id)));
  return { dossiers, drifts };
}
