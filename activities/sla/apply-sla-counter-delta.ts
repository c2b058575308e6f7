import type { Models } from '../db/create-models';
import { slaCounterContributions, type CountedFields, type SlaCounterContribution } from './sla-counter-contributions';

/**
 * Moves the SLA counters from what `before` contributed to what `after` contributes (either may be null: a new or
 * a removed document). Contributions present in both cancel out, so re-projecting a dossier whose counted fields did
 * not change writes nothing.
 */
export async function applySlaCounterDelta(models: Models, before: CountedFields | null, after: CountedFields | null): Promise<void> {
  const delta = new Map<string, { c: SlaCounterContribution; n: number }>();
  const add = (c: SlaCounterContribution, n: number) => {
    const k = `${c.id}\u0000${c.path}`;
    const entry = delta.get(k) ?? { c, n: 0 };
    entry.n += n;
    delta.set(k, entry);
  };
  for (const c of slaCounterContributions(before)) add(c, -1);
  for (const c of slaCounterContributions(after)) add(c, 1);
  const ops = [...delta.values()]
    .filter((e) => e.n !== 0)
    .map(({ c, n }) => ({ updateOne: { filter: { _id: c.id }, update: { $inc: { [c.path]: n }, $setOnInsert: c.key }, upsert: true } }));
  if (ops.length > 0) await models.SlaCounter.bulkWrite(ops as never, { ordered: true });
}
