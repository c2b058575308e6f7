import type { SupportCountRow, SupportMoneyRow, SupportResults } from '../reports/support-results';
import { raisedProgress } from './raised-progress';
import type { PlanContent, PlanTarget } from './plan';
import { childOnPath, isAtOrBelow, type UnitsTree } from './units-tree';

/** Where one target stands. */
export interface TargetProgress {
  /** The target's place in the plan's list. */
  index: number;
  /**
   * The figure: count → dossiers (or beneficiaries); amount → đồng committed; coverage → beneficiaries; share →
   * the dossiers the target names; raised → đồng received.
   */
  actual: number;
  /** What the figure is a percentage of: coverage → the baseline; share → every approved dossier; else null. */
  of: number | null;
  /** The figure compared with the target's value: actual for count and amount, the percentage for the others. */
  achieved: number;
  /** achieved ÷ the target's value (1 = just met). */
  ratio: number;
  met: boolean;
  /** The figure per unit directly below the target's unit (its lower unit, or the plan's unit), largest first. */
  byUnit: { unitCode: string; actual: number }[];
}

export interface PlanProgress {
  targets: TargetProgress[];
}

type Row = SupportCountRow | SupportMoneyRow;

const sum = <R>(rows: readonly R[], value: (row: R) => number) => rows.reduce((total, row) => total + value(row), 0);

/** The share's numerator and the count/amount figure come from money rows when the target names a source. */
const namesSource = (t: PlanTarget) => Boolean(t.fundId) || (t.metric === 'share' && Boolean(t.sourceLevels?.length));

/**
 * Each target's actual figure, its ratio to the target and whether it is met, from the support results of the
 * plan's unit over the plan's period (`results`, one row per commune): a row counts for a target when its programme
 * (and support type, source and the level of the source's unit, when the target names them) match and its commune
 * is the target's lower unit or below it (rolled up through `units`), or anywhere in the plan's unit when the target
 * names none. `fundUnits` gives each fund's unit, for share targets that name source levels. A dossier funded by two
 * funds of the named levels counts once per fund. Pure.
 */
export function planProgress(
  plan: PlanContent,
  results: SupportResults,
  units: UnitsTree,
  fundUnits: ReadonlyMap<string, string> = new Map(),
): PlanProgress {
  const targets = plan.targets.map((target, index): TargetProgress => {
    if (target.metric === 'raised') {
      const { actual, byUnit } = raisedProgress(plan, target, results, units);
      return {
        index,
        actual,
        of: null,
        achieved: actual,
        ratio: actual / target.value,
        met: actual >= target.value,
        byUnit,
      };
    }
    const scope = target.unitCode ?? plan.unitCode;
    const sameKind = (row: Row) =>
      row.programme === target.programme && (!target.supportType || row.supportType === target.supportType);
    const inScope = (row: Row) => sameKind(row) && isAtOrBelow(units, row.unitCode, scope);
    const fromSource = (row: SupportMoneyRow) => {
      if (target.fundId && row.fundId !== target.fundId) return false;
      if (target.metric !== 'share' || !target.sourceLevels?.length) return true;
      const level = units.get(fundUnits.get(row.fundId) ?? '')?.level;
      return level !== undefined && target.sourceLevels.includes(level);
    };
    const counts = results.counts.filter(inScope);
    const money = results.money.filter((row) => inScope(row) && fromSource(row));
    const figure = (countRows: SupportCountRow[], moneyRows: SupportMoneyRow[]): number => {
      if (target.metric === 'amount') return sum(moneyRows, (r) => r.committed);
      if (target.metric === 'coverage') return sum(countRows, (r) => r.beneficiaries);
      if (namesSource(target)) return sum(moneyRows, (r) => r.dossiers);
      return sum(countRows, (r) => (target.counting === 'beneficiaries' ? r.beneficiaries : r.approved));
    };
    const actual = figure(counts, money);
    const of =
      target.metric === 'coverage'
        ? (target.baseline ?? 0)
        : target.metric === 'share'
          ? sum(
              results.counts.filter((r) => sameKind(r) && isAtOrBelow(units, r.unitCode, plan.unitCode)),
              (r) => r.approved,
            )
          : null;
    const achieved = of === null ? actual : of > 0 ? (actual / of) * 100 : 0;
    const perUnit = new Map<string, { counts: SupportCountRow[]; money: SupportMoneyRow[] }>();
    const group = (row: Row) => {
      const child = childOnPath(units, row.unitCode, scope);
      if (!child) return undefined;
      if (!perUnit.has(child)) perUnit.set(child, { counts: [], money: [] });
      return perUnit.get(child)!;
    };
    for (const row of counts) group(row)?.counts.push(row);
    for (const row of money) group(row)?.money.push(row);
    const byUnit = [...perUnit].map(([unitCode, rows]) => ({ unitCode, actual: figure(rows.counts, rows.money) }));
    byUnit.sort((a, b) => b.actual - a.actual || a.unitCode.localeCompare(b.unitCode));
    return { index, actual, of, achieved, ratio: achieved / target.value, met: achieved >= target.value, byUnit };
  });
  return { targets };
}
