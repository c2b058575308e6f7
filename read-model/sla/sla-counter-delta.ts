import type { SlaCounterUpdate } from '../../storage/sla-counter-update';
import { slaCounterContributions, type CountedFields } from './sla-counter-contributions';

export type { SlaCounterUpdate };

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
