import { planMoney, type MoneyPlanResult } from '../../../../domain/funds/plan-money';
import { moneyPlanner } from './money-planner';
import { settlementSplit } from '../../../../domain/funds/settlement-split';
import type { DossierMoney } from '../../../../domain/funds/dossier-money';
import type { Transition } from '../../../../domain/process/process-definition';
import { moneyDefinition } from './money-definition';

const definition = moneyDefinition();
const transition = (step: string, index = 0): Transition =>
  definition.steps.find((s) => s.id === step)!.transitions[index]!;
const A = 'fund-a';
const B = 'fund-b';
const at = '2026-01-05T01:00:00.000Z';

const plan = moneyPlanner(definition, () => 'order-1', at);
function ok(result: MoneyPlanResult) {
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}
const committed = (): DossierMoney =>
  ok(
    plan(
      undefined,
      transition('approval'),
      { approvedAmount: 100 },
      {
        funding: [
          { fundId: A, amount: 70 },
          { fundId: B, amount: 30 },
        ],
      },
    ),
  ).money!;

describe('planMoney', () => {
  it('commits the split, one line per fund, when it adds up to the approved amount', () => {
    const result = ok(
      plan(
        undefined,
        transition('approval'),
        { approvedAmount: 100 },
        {
          funding: [
            { fundId: A, amount: 60 },
            { fundId: B, amount: 30 },
            { fundId: A, amount: 10 },
          ],
        },
      ),
    );
    expect(result.ops).toEqual([
      {
        op: 'commit',
        lines: [
          { fundId: A, amount: 70 },
          { fundId: B, amount: 30 },
        ],
      },
    ]);
    expect(result.money!.funds).toEqual([
      { fundId: A, committed: 70, paid: 0, released: 0 },
      { fundId: B, committed: 30, paid: 0, released: 0 },
    ]);
  });

  it('refuses a split that does not add up, or none, at the funding field', () => {
    expect(
      plan(undefined, transition('approval'), { approvedAmount: 100 }, { funding: [{ fundId: A, amount: 5 }] }),
    ).toEqual({
      ok: false,
      type: 'InvalidInput',
      message: 'the funding split adds up to 5 ₫, not the approvedAmount (100 ₫)',
      field: 'funding',
    });
    expect(plan(undefined, transition('approval'), { approvedAmount: 100 })).toMatchObject({
      type: 'RequirementMissing',
      field: 'funding',
    });
  });

  it('orders a tranche split in proportion to the funds, and the last tranche exactly what is left', () => {
    const advance = ok(plan(committed(), transition('advance-order'), { orderedAmount: 50 }));
    expect(advance.ops).toEqual([
      {
        op: 'order',
        tranche: 'advance',
        orderId: 'order-1',
        amount: 50,
        attempt: 1,
        fundSplit: [
          { fundId: A, amount: 35 },
          { fundId: B, amount: 15 },
        ],
      },
    ]);
    const paid = ok(plan(advance.money, transition('advance-paid'))).money!;
    expect(paid.funds.map((f) => f.paid)).toEqual([35, 15]);
    expect(plan(paid, transition('rest-order'), { orderedAmount: 40 })).toMatchObject({
      ok: false,
      type: 'InvalidInput',
      field: 'submission',
    });
    const rest = ok(plan(paid, transition('rest-order'), { orderedAmount: 50 }));
    expect(rest.ops[0]).toMatchObject({
      op: 'order',
      tranche: 'rest',
      fundSplit: [
        { fundId: A, amount: 35 },
        { fundId: B, amount: 15 },
      ],
    });
    const done = ok(plan(rest.money, transition('rest-paid')));
    expect(done.money!.funds.map((f) => f.committed - f.paid - f.released)).toEqual([0, 0]);
  });

  it('refuses an order beyond what is committed, and a second order of a tranche', () => {
    expect(plan(committed(), transition('advance-order'), { orderedAmount: 101 })).toMatchObject({
      ok: false,
      type: 'InvalidInput',
    });
    const ordered = ok(plan(committed(), transition('advance-order'), { orderedAmount: 50 })).money!;
    expect(plan(ordered, transition('advance-order'), { orderedAmount: 50 })).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
      message: "tranche 'advance' is already ordered",
    });
  });

  it('reissues a failed order under the same id with the next attempt, and pays it once', () => {
    const ordered = ok(plan(committed(), transition('advance-order'), { orderedAmount: 50 })).money!;
    const failed = ok(plan(ordered, transition('advance-paid', 1)));
    expect(failed.ops).toEqual([{ op: 'fail', tranche: 'advance', orderId: 'order-1' }]);
    const again = planMoney(
      definition,
      failed.money,
      { transition: transition('advance-order'), outcome: null, facts: { orderedAmount: 50 } },
      { at, newOrderId: 'order-2' },
    );
    expect(ok(again).ops[0]).toMatchObject({ op: 'order', orderId: 'order-1', attempt: 2 });
    const settled = ok(plan(ok(again).money, transition('advance-paid')));
    expect(settled.money!.funds.map((f) => f.paid)).toEqual([35, 15]);
    expect(plan(settled.money, transition('advance-paid'))).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });

  it('releases what is unpaid when the dossier is withdrawn or the rest is cancelled, with the reason', () => {
    const withdrawn = ok(plan(committed(), transition('advance-order', 1)));
    expect(withdrawn.ops).toEqual([
      {
        op: 'release',
        lines: [
          { fundId: A, amount: 70 },
          { fundId: B, amount: 30 },
        ],
      },
    ]);
    const paidAdvance = ok(
      plan(ok(plan(committed(), transition('advance-order'), { orderedAmount: 50 })).money, transition('advance-paid')),
    ).money;
    const cancelled = ok(plan(paidAdvance, transition('rest-order', 1), {}, { comment: 'household moved' }));
    expect(cancelled.ops).toEqual([
      {
        op: 'release',
        lines: [
          { fundId: A, amount: 35 },
          { fundId: B, amount: 15 },
        ],
      },
    ]);
    expect(cancelled.money!.cancelled).toEqual({ at, released: 50, reason: 'household moved' });
  });

  it('refuses to close while an order is outstanding, and to complete while a tranche is unpaid', () => {
    const ordered = ok(plan(committed(), transition('advance-order'), { orderedAmount: 50 })).money!;
    expect(plan(ordered, { action: 'reject', end: 'rejected' })).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
    expect(plan(committed(), { action: 'approve', end: 'completed' })).toEqual({
      ok: false,
      type: 'ActionNotAllowed',
      message: "tranche 'advance' is not paid yet",
    });
  });

  it('does nothing for a definition without money', () => {
    const plain = { ...definition, tranches: undefined };
    expect(
      planMoney(
        plain,
        undefined,
        { transition: { action: 'approve', end: 'completed' }, outcome: 'completed', facts: {} },
        { at, newOrderId: 'x' },
      ),
    ).toEqual({
      ok: true,
      plan: { ops: [], money: undefined },
    });
  });
});

describe('settlementSplit', () => {
  const share = (fundId: string, committed: number, paid = 0) => ({ fundId, committed, paid, released: 0 });

  it('splits by the largest remainder so the lines add up exactly, ties to the fund named first', () => {
    expect(settlementSplit([share(A, 1), share(B, 1), share('c', 1)], 2, false)).toEqual([
      { fundId: A, amount: 1 },
      { fundId: B, amount: 1 },
    ]);
    const lines = settlementSplit([share(A, 33_333_333), share(B, 66_666_667)], 50_000_000, false);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(50_000_000);
    // 16,666,666.5 and 33,333,333.5: equal remainders, the first fund takes the đồng.
    expect(lines).toEqual([
      { fundId: A, amount: 16_666_667 },
      { fundId: B, amount: 33_333_333 },
    ]);
  });

  it('pays each fund all it has left in the last tranche, leaving out funds already paid', () => {
    expect(settlementSplit([share(A, 70, 70), share(B, 30, 10)], 20, true)).toEqual([{ fundId: B, amount: 20 }]);
  });
});
