import { slaCounterContributions, type CountedFields } from './sla-counter-contributions';

/** The increments one SLA counter document takes when a dossier moves (see slaCounterDelta). */
export interface SlaCounterUpdate {
  /** The counter document. */
  id: string;
  /** Its identifying fields, set when it is created. */
  key: Record<string, string>;
  /** The counts to add, by update path (`c.<entry>` or `m.<yyyy-mm>.onTime` / `.late`); never 0. */
  inc: { path: string; n: number }[];
}

/**
 * What the SLA counters must take when a read-model document goes from `before` to `after` (either may be null: a
 * new or a removed document), one update per counter document. Contributions present in both cancel out, so a
 * change that touches no counted field gives no update at all.
 */
export function slaCounterDelta(before: CountedFields | null, after: CountedFields | null): SlaCounterUpdate[] {
  const byDoc = new Map<string, { key: Record<string, string>; inc: Map<string, number> }>();
  const add = (id: string, key: Record<string, string>, path: string, n: number) => {
    const doc = byDoc.get(id) ?? { key, inc: new Map<string, number>() };
    doc.inc.set(path, (doc.inc.get(path) ?? 0) + n);
    byDoc.set(id, doc);
  };
  for (const c of slaCounterContributions(before)) add(c.id, c.key, c.path, -1);
  for (const c of slaCounterContributions(after)) add(c.id, c.key, c.path, 1);
  const updates: SlaCounterUpdate[] = [];
  for (const [id, { key, inc }] of byDoc) {
    const nonZero = [...inc].filter(([, n]) => n !== 0).map(([path, n]) => ({ path, n }));
    if (nonZero.length > 0) updates.push({ id, key, inc: nonZero });
  }
  return updates;
}
