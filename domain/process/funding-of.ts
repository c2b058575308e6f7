import type { FundLine } from '../funds/dossier-money';
import type { StepDefinition } from './process-definition';
import { readPointer } from './read-pointer';

/**
 * The funding split a step's form data brings (the step's `funding`: the array at `lines`, each member's `fund` and
 * `amount`), in order, or undefined when the step declares none. Members whose fund is not a string or whose amount
 * is not a whole number are left out: the form's schema reports them.
 */
export function fundingOf(step: StepDefinition, data: unknown): FundLine[] | undefined {
  const funding = step.funding;
  if (!funding) return undefined;
  const lines = readPointer(data, funding.lines);
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line: unknown) => {
    if (line === null || typeof line !== 'object') return [];
    const fundId = (line as Record<string, unknown>)[funding.fund];
    const amount = (line as Record<string, unknown>)[funding.amount];
    return typeof fundId === 'string' && Number.isSafeInteger(amount) ? [{ fundId, amount: amount as number }] : [];
  });
}
