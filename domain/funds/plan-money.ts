import { FailureType } from '../process/failure-types';
import type { DecisionPlan } from '../process/plan-decision';
import type { FactValue, ProcessDefinition } from '../process/process-definition';
import { refusal, type Refusal } from '../process/refusal';
import { formatVnd } from './format-vnd';
import { EMPTY_MONEY, unpaidOf, type DossierMoney, type FundLine, type FundShare } from './dossier-money';
import { settlementSplit } from './settlement-split';
import { adjustCommitment } from './adjust-commitment';
import { instanceToOrder, openInstanceKey, paidCount, timesDue } from './tranche-instance';

/**
 * One thing the workflow asks the money activities to do, in order. `tranche` is the money-state key of the order:
 * the tranche id, or `<id>#<n>` for instance n of a repeated tranche (tranche-instance.ts).
 */
export type MoneyOp =
  | { op: 'commit'; lines: FundLine[] }
  | { op: 'release'; lines: FundLine[] }
  | { op: 'order'; tranche: string; orderId: string; amount: number; attempt: number; fundSplit: FundLine[] }
  | { op: 'settle'; tranche: string; orderId: string; fundSplit: FundLine[] }
  | { op: 'fail'; tranche: string; orderId: string };

export interface MoneyPlan {
  ops: MoneyOp[];
  /** The dossier's money once every op has succeeded; undefined when the dossier has and gets no money part. */
  money: DossierMoney | undefined;
}

export type MoneyPlanResult = { ok: true; plan: MoneyPlan } | Refusal;

/**
 * What a planned decision does with money (its transition's effects, the implicit release of a dossier closing
 * `rejected` or `withdrawn`, the completion rule), without side effects: the ops for the money activities and the
 * money state after them, or the refusal. `decision.funding` is the decision's split (DecideInput.funding), merged
 * per fund; `newOrderId` the id a tranche ordered for the first time gets (the workflow passes a uuid4, the validator
 * a placeholder); `at` and `comment` are recorded by cancel_rest. Refuses:
 * a commit without split (RequirementMissing) or whose split does not sum to the amount fact (InvalidInput); an
 * order of a tranche already ordered or paid (a repeated tranche: its open instance ordered, or every instance
 * due paid; ActionNotAllowed), or for more than is committed and not yet ordered, or, for the last instance of the
 * last tranche, other than all of it (InvalidInput); a settle or fail without an outstanding order, a close or
 * cancel while an order is outstanding, and a completion while a declared tranche is unpaid or a repeated one
 * paid fewer times than due (ActionNotAllowed). The times due are `timesDue(tranche, plan.facts)`: `repeat.max`,
 * or min(max, the `repeat.timesFact` fact) once the dossier has it. Messages carry amounts and ids only.
 */
export function planMoney(
  definition: ProcessDefinition,
  current: DossierMoney | undefined,
  plan: Pick<DecisionPlan, 'transition' | 'outcome' | 'facts'>,
  decision: {
    funding?: readonly FundLine[];
    comment?: string;
    at: string;
    newOrderId: string;
    /** The facts before the decision: what an `adjust_commitment` keeps for the unpaid instances before its month. */
    before?: Readonly<Record<string, FactValue>>;
  },
): MoneyPlanResult {
  const { funding, newOrderId } = decision;
  const effects = plan.transition.effects ?? [];
  const declared = definition.tranches ?? [];
  if (effects.length === 0 && current === undefined && declared.length === 0)
    return { ok: true, plan: { ops: [], money: undefined } };
  let money: DossierMoney = current ?? { ...EMPTY_MONEY, funds: [], tranches: {} };
  const ops: MoneyOp[] = [];
  let cancelling = false;
  const outstanding = () => Object.entries(money.tranches).find(([, o]) => o.status === 'ordered');

  for (const effect of effects) {
    switch (effect.kind) {
      case 'commit': {
        const amount = plan.facts[effect.amountFact];
        if (!funding || funding.length === 0) {
          return refusal(
            FailureType.RequirementMissing,
            'this decision commits money: a funding split is required',
            'funding',
          );
        }
        const sum = funding.reduce((total, line) => total + line.amount, 0);
        if (typeof amount !== 'number' || sum !== amount) {
          const expected = typeof amount === 'number' ? formatVnd(amount) : 'missing';
          return refusal(
            FailureType.InvalidInput,
            `the funding split adds up to ${formatVnd(sum)}, not the ${effect.amountFact} (${expected})`,
            'funding',
          );
        }
        const before = money.funds.filter((f) => unpaidOf(f) > 0);
        ops.push({ op: 'commit', lines: mergedByFund(funding) });
        // A second commitment (the decision taken again) replaces the first: released once the new one holds.
        if (before.length > 0)
          ops.push({ op: 'release', lines: before.map((f) => ({ fundId: f.fundId, amount: unpaidOf(f) })) });
        money = { ...money, funds: addShares(releaseAll(money.funds), funding) };
        break;
      }
      case 'order_payment': {
        const target = instanceToOrder(definition, money, effect.tranche, plan.facts);
        if ('full' in target) {
          return refusal(FailureType.ActionNotAllowed, `tranche '${effect.tranche}' is already ${target.full.status}`);
        }
        const { key, existing, last } = target;
        const amount = plan.facts[effect.amountFact];
        const open = orderableShares(money);
        const left = open.reduce((total, f) => total + unpaidOf(f), 0);
        if (
          typeof amount !== 'number' ||
          !Number.isSafeInteger(amount) ||
          amount <= 0 ||
          amount > left ||
          (last && amount !== left)
        ) {
          const rule = last
            ? `must be exactly what is left, ${formatVnd(left)}`
            : `must be at most what is left, ${formatVnd(left)}`;
          return refusal(FailureType.InvalidInput, `the payment of tranche '${key}' ${rule}`, 'submission');
        }
        const order = {
          orderId: existing?.orderId ?? newOrderId,
          amount,
          status: 'ordered' as const,
          attempt: (existing?.attempt ?? 0) + 1,
          fundSplit: settlementSplit(open, amount, last),
        };
        const { status: _status, ...ordered } = order;
        ops.push({ op: 'order', tranche: key, ...ordered });
        money = { ...money, tranches: { ...money.tranches, [key]: order } };
        break;
      }
      case 'settle_payment':
      case 'fail_payment': {
        const key = openInstanceKey(definition, money, effect.tranche);
        const order = money.tranches[key];
        if (!order || order.status !== 'ordered') {
          return refusal(FailureType.ActionNotAllowed, `tranche '${effect.tranche}' has no outstanding payment order`);
        }
        if (effect.kind === 'settle_payment') {
          ops.push({ op: 'settle', tranche: key, orderId: order.orderId, fundSplit: order.fundSplit });
          money = {
            ...money,
            funds: money.funds.map((f) => ({ ...f, paid: f.paid + amountOf(order.fundSplit, f.fundId) })),
            tranches: { ...money.tranches, [key]: { ...order, status: 'paid' } },
          };
        } else {
          ops.push({ op: 'fail', tranche: key, orderId: order.orderId });
          money = { ...money, tranches: { ...money.tranches, [key]: { ...order, status: 'failed' } } };
        }
        break;
      }
      case 'cancel_rest':
        cancelling = true;
        break;
      case 'adjust_commitment': {
        const adjusted = adjustCommitment(definition, money, effect, plan.facts, decision.before ?? {});
        if (!adjusted.ok) return adjusted;
        ops.push(...adjusted.ops);
        money = adjusted.money;
        break;
      }
    }
  }

  const closing = plan.outcome === 'rejected' || plan.outcome === 'withdrawn' || cancelling;
  if (closing) {
    const pending = outstanding();
    if (pending)
      return refusal(FailureType.ActionNotAllowed, `the payment order of tranche '${pending[0]}' is outstanding`);
    const lines = money.funds.filter((f) => unpaidOf(f) > 0).map((f) => ({ fundId: f.fundId, amount: unpaidOf(f) }));
    if (lines.length > 0) ops.push({ op: 'release', lines });
    money = { ...money, funds: releaseAll(money.funds) };
    if (cancelling) {
      const released = lines.reduce((total, l) => total + l.amount, 0);
      money = { ...money, cancelled: { at: decision.at, released, reason: decision.comment ?? '' } };
    }
  } else if (plan.outcome === 'completed') {
    const unpaid = declared.find((t) => paidCount(money, t) < timesDue(t, plan.facts));
    if (unpaid) {
      const times = unpaid.repeat ? ` ${timesDue(unpaid, plan.facts)} times (paid ${paidCount(money, unpaid)})` : '';
      return refusal(FailureType.ActionNotAllowed, `tranche '${unpaid.id}' is not paid${times} yet`);
    }
  }
  return { ok: true, plan: { ops, money } };
}

const amountOf = (lines: readonly FundLine[], fundId: string): number =>
  lines.filter((l) => l.fundId === fundId).reduce((total, l) => total + l.amount, 0);

/** One line per fund, in the order each fund first appears. */
function mergedByFund(lines: readonly FundLine[]): FundLine[] {
  const merged: FundLine[] = [];
  for (const line of lines) {
    const same = merged.find((m) => m.fundId === line.fundId);
    if (same) same.amount += line.amount;
    else merged.push({ ...line });
  }
  return merged;
}

/** Every fund's unpaid share released. */
function releaseAll(funds: readonly FundShare[]): FundShare[] {
  return funds.map((f) => ({ ...f, released: f.released + unpaidOf(f) }));
}

/** The split added to the funds' commitments (a fund named twice counts once, with both amounts). */
function addShares(funds: readonly FundShare[], lines: readonly FundLine[]): FundShare[] {
  const next = funds.map((f) => ({ ...f }));
  for (const line of lines) {
    const share = next.find((f) => f.fundId === line.fundId);
    if (share) share.committed += line.amount;
    else next.push({ fundId: line.fundId, committed: line.amount, paid: 0, released: 0 });
  }
  return next;
}

/** The funds' shares less what outstanding orders will pay from them: what a new order may still take. */
function orderableShares(money: DossierMoney): FundShare[] {
  const ordered = Object.values(money.tranches).filter((o) => o.status === 'ordered');
  return money.funds.map((f) => ({
    ...f,
    paid: f.paid + ordered.reduce((total, o) => total + amountOf(o.fundSplit, f.fundId), 0),
  }));
}
