import type { FactValue, ProcessDefinition } from '../process/process-definition';
import type { DossierMoney } from './dossier-money';
import { ordersOf, timesDue } from './tranche-instance';

/** The kinds of fact the engine derives for each declared tranche; see {@link trancheFacts}. */
export const TRANCHE_FACT_KINDS = ['ordered', 'paid', 'left'] as const;
export type TrancheFactKind = (typeof TRANCHE_FACT_KINDS)[number];

/** The name of a tranche fact: `paid:schoolYear`. The `:` keeps them apart from the facts forms bring. */
export const trancheFactName = (kind: TrancheFactKind, trancheId: string): string => `${kind}:${trancheId}`;

/**
 * The facts the engine derives from a dossier's money, for conditions (`when`) like the facts forms bring: for
 * each declared tranche, `ordered:<id>`, how many of its instances have been ordered (an order that failed and is
 * to be reissued counts once), and `paid:<id>`, how many are paid. Like every fact they describe the dossier
 * before the decision being taken: while instance k of `schoolYear` awaits its confirmation, `ordered:schoolYear`
 * is k and `paid:schoolYear` is k − 1. `left:<id>` is the instances due (timesDue with the dossier's `facts`: the
 * decision's `schoolYears` for a tranche with `repeat.timesFact`) less those ordered, never below 0: at the
 * confirmation of the last year due it is 0, so a definition loops on `{fact: 'left:schoolYear', gt: 0}`. Numbers
 * only, no personal data. Empty for a definition without tranches.
 */
export function trancheFacts(
  definition: ProcessDefinition,
  money: DossierMoney | undefined,
  facts?: Readonly<Record<string, FactValue>>,
): Record<string, FactValue> {
  const derived: Record<string, FactValue> = {};
  for (const tranche of definition.tranches ?? []) {
    const orders = ordersOf(money, tranche);
    derived[trancheFactName('ordered', tranche.id)] = orders.length;
    derived[trancheFactName('paid', tranche.id)] = orders.filter((o) => o.status === 'paid').length;
    derived[trancheFactName('left', tranche.id)] = Math.max(0, timesDue(tranche, facts) - orders.length);
  }
  return derived;
}
