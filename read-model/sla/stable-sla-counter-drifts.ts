import type { SlaCounterDrift } from './diff-sla-counters';

const keyOf = (d: SlaCounterDrift): string => `${d.id}\u0000${d.path}`;

/**
 * Splits the drifts of two diffs taken some time apart into those that stayed put (the same count, with the same
 * stored and recounted values in both) and the transient ones (seen in one diff only, or with values that moved).
 * A projection between its read-model write and its counter write shows as a drift for a few milliseconds; a drift
 * left by a projection that died there stays the same until it is repaired. The transient list holds the second
 * diff's value where there is one, else the first's.
 */
export function stableSlaCounterDrifts(
  first: readonly SlaCounterDrift[],
  second: readonly SlaCounterDrift[],
): { stable: SlaCounterDrift[]; transient: SlaCounterDrift[] } {
  const before = new Map(first.map((d) => [keyOf(d), d]));
  const stable: SlaCounterDrift[] = [];
  const transient: SlaCounterDrift[] = [];
  for (const d of second) {
    const earlier = before.get(keyOf(d));
    before.delete(keyOf(d));
    if (earlier && earlier.stored === d.stored && earlier.recounted === d.recounted) stable.push(d);
    else transient.push(d);
  }
  transient.push(...before.values());
  return { stable, transient };
}
