import { PREFILLED_FIELDS } from '../../domain/reports/campaign-figures';
import { correctionProblems } from '../../domain/reports/correction-problems';
import type { StepDefinition } from '../../domain/process/process-definition';
import type { Models } from '../../storage/create-models';
import { createCampaignFigures } from '../reports/create-campaign-figures';
import type { StepDataCheck } from './step-data-check';

/** A step's data with its computed figures, and the check of its corrections (see createStepFigures). */
export interface WithFigures {
  data: Record<string, unknown>;
  check: StepDataCheck;
}

const NO_CHECK: StepDataCheck = async () => [];

/**
 * For a step with `figures` (a result report), the data to store: the entered data with `/computed` set to the
 * figures of the receiving unit over the step's period as they stand now (campaignFiguresOf, the values of
 * PREFILLED_FIELDS and `computedAt`), whatever the caller sent there; and the check that refuses, at
 * `/corrections/<field>`, a field entered unlike its computed figure without a reason (correctionProblems). Any other
 * step's data passes through unchanged. A failure to read the records throws (500): nothing is stored without them.
 */
export function createStepFigures(deps: { models: Models; now: () => Date }) {
  const figuresOf = createCampaignFigures(deps);
  return async function withFigures(
    step: StepDefinition,
    data: Record<string, unknown>,
    receivingUnit: string,
  ): Promise<WithFigures> {
    if (!step.figures) return { data, check: NO_CHECK };
    const figures = await figuresOf({ unitCode: receivingUnit, from: step.figures.from, to: step.figures.to });
    const computed = {
      ...Object.fromEntries(PREFILLED_FIELDS.map((field) => [field, figures.fields[field].value])),
      computedAt: deps.now().toISOString(),
    };
    return {
      data: { ...data, computed },
      check: async (stored) => correctionProblems(stored),
    };
  };
}
