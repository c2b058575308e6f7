import { proxyActivities } from '@temporalio/workflow';
import type { MoneyActivities } from '../activities/money-activities';
import type { MoneyOp } from '../domain/funds/plan-money';

/**
 * Money activities are scheduled activities, never local ones: a local activity runs inside the workflow task that
 * asks for it, before the decision's update is durable, and would write money for a decision Temporal then drops
 * (see attendedProjection in dossier-workflow.ts). They retry until they succeed, like the projection: each is
 * idempotent by its references, and giving up half-way would leave the ledgers behind the workflow. A fund's
 * refusal fails the commit without retry, and the decision is refused (refusalOfActivity).
 */
const money = proxyActivities<MoneyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Runs a decision's money ops (planMoney) in order; `reference` is the decision's own uuid4. */
export function createMoneyRunner() {
  return async (call: { dossierId: string; reference: string; by: string }, ops: readonly MoneyOp[]): Promise<void> => {
    const { dossierId, reference, by } = call;
    for (const op of ops) {
      switch (op.op) {
        case 'commit':
          await money.commitFunding({ dossierId, reference, by, lines: op.lines });
          break;
        case 'release':
          await money.releaseFunding({ dossierId, reference, by, lines: op.lines });
          break;
        case 'order':
          await money.orderPayment({
            dossierId,
            trancheId: op.tranche,
            orderId: op.orderId,
            amount: op.amount,
            attempt: op.attempt,
            fundSplit: op.fundSplit,
            by,
          });
          break;
        case 'settle':
          await money.settlePayment({ dossierId, orderId: op.orderId, fundSplit: op.fundSplit, by });
          break;
        case 'fail':
          await money.failPayment({ orderId: op.orderId, by });
          break;
      }
    }
  };
}
