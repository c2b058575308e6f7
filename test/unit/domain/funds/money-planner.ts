import { planMoney, type MoneyPlanResult } from '../../../../domain/funds/plan-money';
import type { DossierMoney } from '../../../../domain/funds/dossier-money';
import type { ProcessDefinition, Transition } from '../../../../domain/process/process-definition';

/**
 * planMoney for one definition as the money tests call it: a transition taken with some facts and, for a commit
 * or a cancel, a split or a comment; `orderId()` names a tranche ordered for the first time.
 */
export function moneyPlanner(definition: ProcessDefinition, orderId: () => string, at = '2026-01-05T01:00:00.000Z') {
  return (
    money: DossierMoney | undefined,
    t: Transition,
    facts: Record<string, number> = {},
    extra: { funding?: { fundId: string; amount: number }[]; comment?: string } = {},
  ): MoneyPlanResult =>
    planMoney(
      definition,
      money,
      { transition: t, outcome: t.end ?? null, facts },
      { ...extra, at, newOrderId: orderId() },
    );
}
