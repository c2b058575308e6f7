import education from '../../../../domain/process/definitions/education-support-2025@1.json';
import type { MoneyPlanResult } from '../../../../domain/funds/plan-money';
import { moneyPlanner } from './money-planner';
import type { DossierMoney } from '../../../../domain/funds/dossier-money';
import { trancheFacts } from '../../../../domain/funds/tranche-facts';
import { instanceKey, instanceTitle, paymentReference, trancheOfKey } from '../../../../domain/funds/tranche-instance';
import type { ProcessDefinition, Transition } from '../../../../domain/process/process-definition';
import { evaluateCondition } from '../../../../domain/process/evaluate-condition';

/** The shipped education chain: one tranche, `schoolYear`, paid up to three times. */
const definition = education as ProcessDefinition;
const transition = (step: string, index = 0): Transition =>
  definition.steps.find((s) => s.id === step)!.transitions[index]!;
const A = 'fund-a';
const B = 'fund-b';

let orderIds = 0;
const plan = moneyPlanner(definition, () => `order-${++orderIds}`);
function ok(result: MoneyPlanResult) {
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}
const committed = (total = 9_000_000): DossierMoney =>
  ok(
    plan(
      undefined,
      transition('province-decision'),
      { approvedAmount: total },
      {
        funding: [
          { fundId: A, amount: total - 2_000_000 },
          { fundId: B, amount: 2_000_000 },
        ],
      },
    ),
  ).money!;
const order = (money: DossierMoney, amount: number) => plan(money, transition('year-order'), { orderedAmount: amount });
const settle = (money: DossierMoney) => ok(plan(money, transition('year-confirmation', 0))).money!;
const fail = (money: DossierMoney) => ok(plan(money, transition('year-confirmation', 2))).money!;
/** Orders and settles `amount` for the next school year. */
const paidYear = (money: DossierMoney, amount: number) => settle(ok(order(money, amount)).money!);

describe('a repeated tranche (schoolYear, up to 3 times)', () => {
  it('orders each school year as an instance of its own, with a new order id, under <id>#<n>', () => {
    const year1 = ok(order(committed(), 3_000_000));
    expect(year1.ops).toEqual([expect.objectContaining({ op: 'order', tranche: 'schoolYear#1', attempt: 1 })]);
    const year2 = ok(order(settle(year1.money!), 3_000_000));
    expect(year2.ops).toEqual([expect.objectContaining({ op: 'order', tranche: 'schoolYear#2', attempt: 1 })]);
    const ids = [year1, year2].map((p) => (p.ops[0] as { orderId: string }).orderId);
    expect(new Set(ids).size).toBe(2);
  });

  it('settles and fails the open instance; a failed instance is reissued in place under the same id', () => {
    const year1 = paidYear(committed(), 3_000_000);
    const ordered = ok(order(year1, 3_000_000)).money!;
    const failed = fail(ordered);
    expect(failed.tranches['schoolYear#2']).toMatchObject({ status: 'failed', attempt: 1 });
    expect(failed.tranches['schoolYear#1']).toMatchObject({ status: 'paid' });
    const reissued = ok(order(failed, 3_000_000));
    expect(reissued.ops).toEqual([
      expect.objectContaining({
        tranche: 'schoolYear#2',
        orderId: ordered.tranches['schoolYear#2']!.orderId,
        attempt: 2,
      }),
    ]);
    const paid = settle(reissued.money!);
    expect(paid.tranches['schoolYear#2']).toMatchObject({ status: 'paid', attempt: 2 });
    expect(paid.funds.reduce((sum, f) => sum + f.paid, 0)).toBe(6_000_000);
  });

  it('refuses a second order while the open instance is outstanding, and any order once max instances are paid', () => {
    const ordered = ok(order(committed(), 3_000_000)).money!;
    expect(order(ordered, 3_000_000)).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
    const all = paidYear(paidYear(paidYear(committed(), 3_000_000), 3_000_000), 3_000_000);
    expect(order(all, 1)).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });

  it('pays each instance its ordered amount, at most what is left; the last instance exactly what is left', () => {
    const money = paidYear(paidYear(committed(8_100_000), 2_700_000), 2_700_000);
    expect(order(money, 2_000_000)).toMatchObject({
      ok: false,
      type: 'InvalidInput',
      message: expect.stringContaining('exactly'),
    });
    const last = ok(order(money, 2_700_000));
    expect(last.ops[0]).toMatchObject({ amount: 2_700_000 });
    expect(order(committed(), 9_000_001)).toMatchObject({ ok: false, type: 'InvalidInput' });
    // An earlier instance may pay less than a year's share; the last one then takes the rest.
    const less = paidYear(committed(9_000_000), 1_000_000);
    expect(order(less, 3_000_000)).toMatchObject({ ok: true });
  });

  it('splits each instance across the funds so that all instances together pay exactly the commitment', () => {
    const money = paidYear(paidYear(paidYear(committed(8_100_000), 2_700_000), 2_700_000), 2_700_000);
    expect(money.funds).toEqual([
      { fundId: A, committed: 6_100_000, paid: 6_100_000, released: 0 },
      { fundId: B, committed: 2_000_000, paid: 2_000_000, released: 0 },
    ]);
  });

  it('completes only once the tranche is paid max times', () => {
    const completing = transition('year-confirmation', 1);
    const twice = ok(order(paidYear(committed(), 3_000_000), 3_000_000)).money!;
    // Settling the 2nd of 3 instances on a transition that ends the dossier is refused.
    expect(plan(twice, completing)).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
      message: "tranche 'schoolYear' is not paid 3 times (paid 2) yet",
    });
    const third = ok(order(settle(twice), 3_000_000)).money!;
    expect(plan(third, completing)).toMatchObject({ ok: true });
  });

  it('releases the rest when cancelled after one year, and refuses to cancel while an order is outstanding', () => {
    const cancel = transition('enrolment', 1);
    const year1 = paidYear(committed(), 3_000_000);
    const result = ok(plan(year1, cancel, {}, { comment: 'Trẻ chuyển trường ra ngoài thành phố' }));
    expect(result.ops).toEqual([
      {
        op: 'release',
        // Year 1 took 3 M in proportion 7:2 (2,333,333 and 666,667 đồng); the rest goes back to each fund.
        lines: [
          { fundId: A, amount: 4_666_667 },
          { fundId: B, amount: 1_333_333 },
        ],
      },
    ]);
    expect(result.money!.cancelled).toMatchObject({ released: 6_000_000 });
    const outstanding = ok(order(year1, 3_000_000)).money!;
    expect(plan(outstanding, cancel, {}, { comment: 'x' })).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });
});

describe('tranche facts', () => {
  it('count the instances ordered and paid, as the dossier stands before the decision', () => {
    expect(trancheFacts(definition, undefined)).toEqual({ 'ordered:schoolYear': 0, 'paid:schoolYear': 0 });
    const ordered = ok(order(paidYear(committed(), 3_000_000), 3_000_000)).money!;
    expect(trancheFacts(definition, ordered)).toEqual({ 'ordered:schoolYear': 2, 'paid:schoolYear': 1 });
    // A failed instance, to be reissued, is still one ordered instance.
    expect(trancheFacts(definition, fail(ordered))).toEqual({ 'ordered:schoolYear': 2, 'paid:schoolYear': 1 });
  });

  it.each([
    [1, 'enrolment'],
    [2, 'enrolment'],
    [3, 'the end'],
  ])('route the confirmation of school year %i to %s', (year, where) => {
    let money = committed();
    for (let n = 1; n < year; n++) money = paidYear(money, 3_000_000);
    money = ok(order(money, 3_000_000)).money!;
    const facts = trancheFacts(definition, money);
    const approvals = definition.steps.find((s) => s.id === 'year-confirmation')!.transitions;
    const taken = approvals.find((t) => t.action === 'approve' && evaluateCondition(t.when, facts))!;
    expect(taken.to ?? 'the end').toBe(where);
  });

  it('are none for a definition without tranches', () => {
    expect(trancheFacts({ ...definition, tranches: undefined }, committed())).toEqual({});
  });
});

describe('tranche instance keys', () => {
  it.each([
    ['advance', 1, false, 'advance', 'HS-HN-1-advance'],
    ['schoolYear', 2, true, 'schoolYear#2', 'HS-HN-1-schoolYear-2'],
  ])('%s instance %i (repeated: %s) is %s, paid with reference %s', (id, n, repeated, key, reference) => {
    expect(instanceKey(id, n, repeated)).toBe(key);
    expect(trancheOfKey(key)).toBe(id);
    expect(paymentReference('HN-1', key)).toBe(reference);
  });
});

describe('instanceTitle', () => {
  const definition = education as unknown as ProcessDefinition;
  it("names a repeated tranche's instance by its number, in both languages", () => {
    expect(instanceTitle(definition, 'schoolYear#2')).toEqual({
      vi: 'Hỗ trợ năm học (lần 2)',
      en: 'Support for a school year (no. 2)',
    });
  });
  it('gives the key itself for a tranche the definition does not declare', () => {
    expect(instanceTitle(definition, 'advance')).toEqual({ vi: 'advance', en: 'advance' });
  });
});
