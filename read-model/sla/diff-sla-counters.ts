import type { Models } from '../../storage/create-models';
import { holdsToken } from './counted-view-store';
import { recountSlaCounters, type RecountedCounter } from './recount-sla-counters';

/** One count that differs between the stored SLA counters and a recount from the read model. */
export interface SlaCounterDrift {
  /** The counter document's _id. */
  id: string;
  /** The count's update path inside it (`c.<entry>` or `m.<yyyy-mm>.onTime` / `.late`). */
  path: string;
  /** The stored count, plus what read-model documents still owe it (their `slaPending` not yet applied). */
  stored: number;
  recounted: number;
  /** The counter's identifying fields (kind, scope, unit, procedure), to create it when a repair finds it missing. */
  key: Record<string, string>;
}

const KEY_FIELDS = ['kind', 'scope', 'processingUnit', 'receivingUnit', 'processKey'] as const;

/** The identifying fields of a counter document (see SlaCounterDoc). */
function keyOf(doc: Record<string, unknown> | undefined): Record<string, string> {
  const key: Record<string, string> = {};
  for (const field of KEY_FIELDS) if (typeof doc?.[field] === 'string') key[field] = doc[field];
  return key;
}

/** Every numeric leaf of `c` and `m`, as dotted update paths. */
function countsOf(doc: Record<string, unknown> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'number') out.set(path, value);
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  if (doc) for (const field of ['c', 'm']) walk(doc[field], field);
  return out;
}

/**
 * Compares the stored SLA counters with a recount from the read model, count by count. A stored 0 where the recount
 * has nothing is no drift (counts that went back to zero stay in the maintained documents). Returns the drifts sorted
 * by counter and path, and the number of dossiers recounted. Reads without writing; while projections run, a dossier
 * moved between the recount and the read of the counters shows as a transient drift (see reconcileSlaCounters).
 * Counter updates a read-model document still owes (`slaPending`, see writeCountedView: a projection in progress, or
 * one a crash interrupted, until its retry settles it) count as stored unless the counter document already marks
 * their token as applied: otherwise a repair would count them twice once they are applied.
 * `onProgress` reports the dossiers read (see recountSlaCounters); an error it throws stops the diff.
 */
export async function diffSlaCounters(
  models: Models,
  onProgress?: (read: number) => void,
): Promise<{ dossiers: number; drifts: SlaCounterDrift[] }> {
  const { dossiers, counters, owed } = await recountSlaCounters(models, onProgress);
  const stored = new Map<string, Record<string, unknown>>();
  for await (const doc of models.SlaCounter.find({}).lean<RecountedCounter[]>().cursor({ batchSize: 2000 }))
    stored.set(String(doc._id), doc);
  const owedCounts = new Map<string, Map<string, number>>();
  for (const pending of owed) {
    for (const update of pending.updates) {
      if (holdsToken(stored.get(update.id), pending.token)) continue; // applied already, only not cleared yet
      const counts = owedCounts.get(update.id) ?? new Map<string, number>();
      for (const { path, n } of update.inc) counts.set(path, (counts.get(path) ?? 0) + n);
      owedCounts.set(update.id, counts);
    }
  }
  const drifts: SlaCounterDrift[] = [];
  for (const id of new Set([...stored.keys(), ...counters.keys(), ...owedCounts.keys()])) {
    const have = countsOf(stored.get(id));
    for (const [path, n] of owedCounts.get(id) ?? []) have.set(path, (have.get(path) ?? 0) + n);
    const want = countsOf(counters.get(id));
    const key = keyOf(counters.get(id) ?? stored.get(id));
    for (const path of new Set([...have.keys(), ...want.keys()])) {
      const s = have.get(path) ?? 0;
      const r = want.get(path) ?? 0;
      if (s !== r) drifts.push({ id, path, stored: s, recounted: r, key });
    }
  }
  drifts.sort((a, b) => (a.id === b.id ? a.path.localeCompare(b.path) : a.id.localeCompare(b.id)));
  return { dossiers, drifts };
}
