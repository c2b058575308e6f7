import { formatQuantity } from '../../forms/format-quantity';
import type { FactValue, LocalizedText, ProcessDefinition, StepDefinition } from './process-definition';

/** One amount that exceeds its limit, at the field of the step's form that brings it (`/amount`). */
export interface AmountLimitProblem {
  path: string;
  keyword: 'amountLimit';
  message: LocalizedText;
  params: { fact: string; amount: number; earlier: number; limit: number };
}

const isAmount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * The definition's `amountLimits` that the facts a step's form brings (`stepFacts`, see `factsOf`) break: each
 * limited fact, plus for a cumulative one the sum of its earlier values in the dossier (`earlier`, by fact name), must
 * be at most the fact `atMost` as the dossier knows it after this submission (`dossierFacts` merged with
 * `stepFacts`). A limit is not judged when either amount is missing or not an integer (the form's schema reports
 * that), nor when the step brings no fact it limits. Amounts in messages are VND with each language's thousands
 * separator. Pure, workflow-safe, never throws.
 */
export function amountLimitProblems(
  definition: ProcessDefinition,
  step: StepDefinition,
  stepFacts: Record<string, FactValue>,
  dossierFacts: Record<string, FactValue>,
  earlier: Record<string, number> = {},
): AmountLimitProblem[] {
  const known = { ...dossierFacts, ...stepFacts };
  const problems: AmountLimitProblem[] = [];
  for (const limitDef of definition.amountLimits ?? []) {
    const pointer = step.facts?.[limitDef.fact];
    const amount = stepFacts[limitDef.fact];
    const limit = known[limitDef.atMost];
    if (pointer === undefined || !isAmount(amount) || !isAmount(limit)) continue;
    const before = limitDef.cumulative ? (earlier[limitDef.fact] ?? 0) : 0;
    const total = amount + before;
    if (total <= limit) continue;
    const [totalText, limitText] = [formatQuantity(total, 'VND'), formatQuantity(limit, 'VND')];
    problems.push({
      path: pointer,
      keyword: 'amountLimit',
      message: {
        vi: `${limitDef.label.vi} (${totalText.vi}) không được vượt quá ${limitDef.limitLabel.vi} (${limitText.vi})`,
        en: `${limitDef.label.en} (${totalText.en}) must not exceed ${limitDef.limitLabel.en} (${limitText.en})`,
      },
      params: { fact: limitDef.fact, amount, earlier: before, limit },
    });
  }
  return problems;
}

/** The facts a step brings that a cumulative limit adds up: their earlier values in the dossier must be gathered. */
export function cumulativeFactsOf(definition: ProcessDefinition, step: StepDefinition): string[] {
  return (definition.amountLimits ?? [])
    .filter((l) => l.cumulative && step.facts?.[l.fact] !== undefined)
    .map((l) => l.fact);
}
