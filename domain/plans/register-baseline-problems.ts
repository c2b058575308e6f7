import type { PlanContent, PlanTarget } from './plan';

/** A problem at a field, as planProblems answers it (PlanProblem; not imported, to keep the modules acyclic). */
interface PlanProblem {
  path: string;
  keyword: 'plan';
  message: LocalizedText;
}
import type { LocalizedText } from '../process/process-definition';

/**
 * What is wrong with a target's `registerBaseline` (the poverty register as a coverage target's baseline), at its
 * field: only for coverage targets, not together with a typed `baseline`, and only in a plan within one calendar
 * year (the register is per year: the plan's year is the register's). Pure.
 */
export function registerBaselineProblems(plan: PlanContent, target: PlanTarget, at: string): PlanProblem[] {
  if (!target.registerBaseline) return [];
  const problem = (vi: string, en: string): PlanProblem[] => [
    { path: `${at}/registerBaseline`, keyword: 'plan', message: { vi, en } },
  ];
  if (target.metric !== 'coverage')
    return problem(
      'Căn cứ theo danh sách hộ nghèo chỉ dùng cho chỉ tiêu bao phủ',
      'a register baseline is for coverage targets only',
    );
  if (target.baseline)
    return problem(
      'Chọn một căn cứ: số hộ/người nhập tay hoặc danh sách hộ nghèo, không cả hai',
      'give one baseline: a typed number or the register, not both',
    );
  if (plan.from.slice(0, 4) !== plan.to.slice(0, 4))
    return problem(
      'Danh sách hộ nghèo lập theo năm: kế hoạch dùng nó phải nằm trong một năm',
      'the register is per year: a plan that uses it must lie within one calendar year',
    );
  return [];
}
