import type { FundKind } from '../funds/fund-kinds';
import { isRaisingFund } from '../reports/raised-rows-of';
import type { PlanContent, PlanTarget } from './plan';
import { isAtOrBelow, type UnitsTree } from './units-tree';

/** One thing wrong with a raised target: the target's field and why, in both languages. */
export interface RaisedTargetProblem {
  field: string;
  vi: string;
  en: string;
}

/**
 * What is wrong with a `raised` target besides the checks every target gets: a support type (receipts have none),
 * its fund (`fund`, when it names a known one) held above the target's unit (its receipts are not the unit's
 * raising) or of an allocated kind (the state budget, policy-bank loans: allocated, not raised). Pure.
 */
export function raisedTargetProblems(
  plan: PlanContent,
  target: PlanTarget,
  units: UnitsTree,
  fund: { name: string; unitCode: string; kind?: FundKind } | undefined,
): RaisedTargetProblem[] {
  const problems: RaisedTargetProblem[] = [];
  if (target.supportType)
    problems.push({
      field: 'supportType',
      vi: 'Chỉ tiêu vận động không chia theo loại hỗ trợ',
      en: 'a raised target has no support type: receipts have none',
    });
  if (!fund) return problems;
  const scope = target.unitCode ?? plan.unitCode;
  const scopeName = units.get(scope)?.name ?? scope;
  if (!isAtOrBelow(units, fund.unitCode, scope))
    problems.push({
      field: 'fundId',
      vi: `Nguồn "${fund.name}" không thuộc ${scopeName} hoặc đơn vị cấp dưới`,
      en: `the fund "${fund.name}" is not held by ${scopeName} or a unit below it`,
    });
  else if (fund.kind && !isRaisingFund(fund.kind))
    problems.push({
      field: 'fundId',
      vi: `Nguồn "${fund.name}" là nguồn được cấp, không phải nguồn vận động`,
      en: `the fund "${fund.name}" is allocated, not raised`,
    });
  return problems;
}
