import type { SupportRaisedRow, SupportResults } from '../reports/support-results';
import type { PlanContent, PlanTarget } from './plan';
import { childOnPath, isAtOrBelow, type UnitsTree } from './units-tree';

/**
 * Where a `raised` target stands: the đồng received in the results' period into the funds held by the target's
 * unit (its lower unit, else the plan's unit) or a unit below it, only its `fundId` when it names one, only funds of
 * units of its `sourceLevels` when it names them; `byUnit` per unit directly below the target's unit (a fund of the
 * target's unit itself counts in the total only). The results carry no allocated funds (state budget, policy-bank
 * loans: raisedRowsOf). `units` must hold the funds' units. Pure.
 */
export function raisedProgress(
  plan: PlanContent,
  target: PlanTarget,
  results: SupportResults,
  units: UnitsTree,
): { actual: number; byUnit: { unitCode: string; actual: number }[] } {
  const scope = target.unitCode ?? plan.unitCode;
  const counts = (row: SupportRaisedRow) => {
    if (target.fundId && row.fundId !== target.fundId) return false;
    if (!isAtOrBelow(units, row.unitCode, scope)) return false;
    if (!target.sourceLevels?.length) return true;
    const level = units.get(row.unitCode)?.level;
    return level !== undefined && target.sourceLevels.includes(level);
  };
  const rows = results.raised.filter(counts);
  const actual = rows.reduce((total, row) => total + row.amount, 0);
  const perUnit = new Map<string, number>();
  for (const row of rows) {
    const child = childOnPath(units, row.unitCode, scope);
    if (child) perUnit.set(child, (perUnit.get(child) ?? 0) + row.amount);
  }
  const byUnit = [...perUnit].map(([unitCode, amount]) => ({ unitCode, actual: amount }));
  byUnit.sort((a, b) => b.actual - a.actual || a.unitCode.localeCompare(b.unitCode));
  return { actual, byUnit };
}
