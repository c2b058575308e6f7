import { isMonth } from '../calendar/period-instance';
import type { DossierMoney } from '../funds/dossier-money';
import { paidCount } from '../funds/tranche-instance';
import type { FactValue, ProcessDefinition, StepDefinition, TranchePeriod } from './process-definition';

/**
 * What the clock of a step on a periodic schedule (`step.schedule`) is computed from: the tranche's period, the
 * dossier's start month (the fact `period.startFact`) and the instance the step works on — the first unpaid one
 * (paid + 1: the one to order, to reissue after a failure, or to confirm). Null when the step has no schedule, it
 * names no periodic tranche, or the facts lack a YYYY-MM start month (the step then keeps its `timeLimit`). Pure.
 */
export function scheduleOf(
  definition: ProcessDefinition,
  step: StepDefinition,
  after: { facts: Readonly<Record<string, FactValue>>; money?: DossierMoney | undefined },
): { period: TranchePeriod; firstMonth: string; instance: number } | null {
  const tranche = (definition.tranches ?? []).find((t) => t.id === step.schedule?.tranche);
  const period = tranche?.repeat?.period;
  if (!tranche || !period) return null;
  const firstMonth = after.facts[period.startFact];
  if (!isMonth(firstMonth)) return null;
  return { period, firstMonth, instance: paidCount(after.money, tranche) + 1 };
}
