import { amountLimitProblems, cumulativeFactsOf } from '../../domain/process/amount-limit-problems';
import { factsOf } from '../../domain/process/facts-of';
import { findStep } from '../../domain/process/find-step';
import type { ProcessDefinition, StepDefinition } from '../../domain/process/process-definition';
import type { Models } from '../../storage/create-models';
import type { DossierState } from '../../workflows/messages';
import type { StepDataCheck } from './step-data-check';

/**
 * The definition's amount limits for `step`'s data in this dossier (see amountLimitProblems). Only when the step
 * brings a limited fact, the dossier's facts and history are read from the workflow (`loadState`: the source of
 * truth; the read model may lag), and the earlier values of cumulative facts from the submissions that history
 * references (a refused or abandoned submission never counts). Two payments submitted at the same moment are each
 * judged against the payments before them; paying exactly once per tranche is the ledger's guarantee, not this check's.
 */
export function createAmountLimitCheck(
  deps: { models: Models; loadState: (dossierId: string) => Promise<DossierState> },
  dossierId: string,
  definition: ProcessDefinition,
  step: StepDefinition,
): StepDataCheck {
  return async (data) => {
    const stepFacts = factsOf(step, data);
    if (!(definition.amountLimits ?? []).some((l) => stepFacts[l.fact] !== undefined)) return [];
    const state = await deps.loadState(dossierId);
    const cumulative = cumulativeFactsOf(definition, step);
    const earlier: Record<string, number> = {};
    if (cumulative.length > 0) {
      const ids = state.history.flatMap((r) => (r.submission ? [r.submission.id] : []));
      const docs = await deps.models.Submission.find({ _id: { $in: ids }, dossierId }, { stepId: 1, data: 1 }).lean();
      for (const doc of docs) {
        const earlierStep = findStep(definition, doc.stepId);
        const facts = earlierStep ? factsOf(earlierStep, doc.data) : {};
        for (const fact of cumulative) {
          const value = facts[fact];
          if (typeof value === 'number') earlier[fact] = (earlier[fact] ?? 0) + value;
        }
      }
    }
    return amountLimitProblems(definition, step, stepFacts, state.facts, earlier);
  };
}
