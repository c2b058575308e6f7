import { amendmentMonthProblem } from '../../domain/funds/amendment-month-problem';
import { paidCount, timesDue } from '../../domain/funds/tranche-instance';
import { isMonth } from '../../domain/calendar/period-instance';
import { factsOf } from '../../domain/process/facts-of';
import type { ProcessDefinition, StepDefinition, Transition } from '../../domain/process/process-definition';
import type { DossierState } from '../../workflows/messages';
import type { StepDataCheck, StepDataProblem } from './step-data-check';

/**
 * An amendment's months, checked before its data is stored (the same rule the workflow refuses by,
 * amendmentMonthProblem): for a transition with an `adjust_commitment`, a from-month already paid or not on the
 * schedule is a 422 at the field that brings `fromFact`, an end before it at the field that brings the tranche's
 * `timesFact`. The dossier's facts and money are read from the workflow (`loadState`: the source of truth). Other
 * transitions: no problems, nothing read.
 */
export function createAmendmentCheck(
  deps: { loadState: (dossierId: string) => Promise<DossierState> },
  dossierId: string,
  definition: ProcessDefinition,
  step: StepDefinition,
  transition: Transition,
): StepDataCheck {
  return async (data) => {
    const problems: StepDataProblem[] = [];
    for (const effect of transition.effects ?? []) {
      if (effect.kind !== 'adjust_commitment') continue;
      const tranche = (definition.tranches ?? []).find((t) => t.id === effect.tranche);
      const period = tranche?.repeat?.period;
      if (!tranche || !period) continue;
      const state = await deps.loadState(dossierId);
      const facts = { ...state.facts, ...factsOf(step, data) };
      const firstMonth = facts[period.startFact];
      if (!isMonth(firstMonth)) continue;
      const problem = amendmentMonthProblem(
        period,
        firstMonth,
        paidCount(state.money, tranche),
        timesDue(tranche, facts),
        facts[effect.fromFact],
      );
      const fact = problem?.on === 'end' ? tranche.repeat?.timesFact : effect.fromFact;
      const path = fact ? step.facts?.[fact] : undefined;
      if (problem) problems.push({ path: path ?? '', keyword: 'amendment', message: problem.message });
    }
    return problems;
  };
}
