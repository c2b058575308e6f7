import type { OverlapRule } from './overlap-rule';

/** A problem of a rule list an administrator sends, at a JSON pointer into it. */
export interface OverlapRuleProblem {
  path: string;
  message: { vi: string; en: string };
}

/**
 * What the request schema cannot say of a rule list: ids must be unique. The shape (subjects, windows, bounds) is the
 * request schema's (api-contract `OverlapRules`). Pure; an empty list means the rules are acceptable.
 */
export function overlapRuleProblems(rules: readonly OverlapRule[]): OverlapRuleProblem[] {
  const seen = new Set<string>();
  const problems: OverlapRuleProblem[] = [];
  rules.forEach((rule, i) => {
    if (seen.has(rule.id)) {
      problems.push({
        path: `/rules/${i}/id`,
        message: { vi: `Mã quy tắc "${rule.id}" bị trùng`, en: `rule id "${rule.id}" is used twice` },
      });
    }
    seen.add(rule.id);
  });
  return problems;
}
