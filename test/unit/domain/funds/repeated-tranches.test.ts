import education from '../../../../domain/process/definitions/education-support-2025@1.json';
import type { MoneyPlanResult } from '../../../../domain/funds/plan-money';
import { moneyPlanner } from './money-planner';
import type { DossierMoney } from '../../../../domain/funds/dossier-money';
import { trancheFacts } from '../../../../domain/funds/tranche-facts';
import {
  instanceKey,
  instanceTitle,
  paymentReference,
  timesDue,
  trancheOfKey,
} from '../../../../domain/funds/tranche-instance';
import type { ProcessDefinition, Transition } from '../../../../domain/process/process-definition';
import { evaluateCondition } from '../../../../domain/process/evaluate-condition';

/**
 * The shipped education chain: one tranche, `schoolYear`, paid up to three times, as many as the decision's
 * `schoolYears` fact says (the tests without that fact get the 3 of `repeat.max`).
 */
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

describe('a repeated tranche whose times come from the decision (repeat.timesFact: schoolYears)', () => {
  const years2 = { schoolYears: 2 };
  const order2 = (money: DossierMoney, amount: number) =>
    plan(money, transition('year-order'), { ...years2, orderedAmount: amount });
  const paid2 = (money: DossierMoney, amount: number) =>
    ok(plan(ok(order2(money, amount)).money!, transition('year-confirmation', 0), years2)).money!;

  it.each<[string, Record<string, number>, number, number]>([
    ['no fact yet', {}, 3, 1],
    ['2 school years', { schoolYears: 2 }, 2, 0],
    ['1 school year', { schoolYears: 1 }, 1, 0],
    ['more school years than repeat.max', { schoolYears: 7 }, 3, 1],
    ['a fact that is not a count (0)', { schoolYears: 0 }, 3, 1],
    ['a fact that is not a count (2.5)', { schoolYears: 2.5 }, 3, 1],
  ])(
    'are due min(max, schoolYears) times: %s gives %i, and left:schoolYear %i once 2 are ordered',
    (_name, facts, times, left) => {
      const tranche = definition.tranches![0]!;
      expect(timesDue(tranche, facts)).toBe(times);
      const ordered = ok(order(paidYear(committed(), 3_000_000), 3_000_000)).money!;
      expect(trancheFacts(definition, ordered, facts)['left:schoolYear']).toBe(left);
      // A tranche without timesFact ignores the fact; a one-off tranche is due once.
      expect(timesDue({ ...tranche, repeat: { max: 3 } }, facts)).toBe(3);
      expect(timesDue({ id: 'advance', title: tranche.title }, facts)).toBe(1);
    },
  );

  it('completes after the 2nd paid year of a decision for 2, and refuses a 3rd order', () => {
    const money = paidYear(committed(6_000_000), 3_000_000);
    const second = ok(order2(money, 3_000_000)).money!;
    expect(ok(plan(second, transition('year-confirmation', 1), years2)).money!.funds).toEqual([
      { fundId: A, committed: 4_000_000, paid: 4_000_000, released: 0 },
      { fundId: B, committed: 2_000_000, paid: 2_000_000, released: 0 },
    ]);
    expect(order2(paid2(money, 3_000_000), 1)).toMatchObject({ ok: false, type: 'ActionNotAllowed' });
  });

  it('refuses to complete after the 1st of 2 years, naming the times due', () => {
    const first = ok(order2(committed(6_000_000), 3_000_000)).money!;
    expect(plan(first, transition('year-confirmation', 1), years2)).toMatchObject({
      ok: false,
      type: 'ActionNotAllowed',
      message: "tranche 'schoolYear' is not paid 2 times (paid 1) yet",
    });
  });

  it('pays exactly what is left on the last year due, the 2nd of 2', () => {
    const money = paid2(committed(6_000_000), 2_000_000);
    expect(order2(money, 3_000_000)).toMatchObject({
      ok: false,
      type: 'InvalidInput',
      message: "the payment of tranche 'schoolYear#2' must be exactly what is left, 4.000.000 ₫",
    });
    expect(ok(order2(money, 4_000_000)).ops[0]).toMatchObject({ op: 'order', tranche: 'schoolYear#2' });
  });
});

describe('tranche facts', () => {
  it('count the instances ordered and paid, as the dossier stands before the decision', () => {
    expect(trancheFacts(definition, undefined)).toEqual({
      'ordered:schoolYear': 0,
      'paid:schoolYear': 0,
      'left:schoolYear': 3,
    });
    const ordered = ok(order(paidYear(committed(), 3_000_000), 3_000_000)).money!;
    const two = { 'ordered:schoolYear': 2, 'paid:schoolYear': 1, 'left:schoolYear': 1 };
    expect(trancheFacts(definition, ordered)).toEqual(two);
    // A failed instance, to be reissued, is still one ordered instance.
    expect(trancheFacts(definition, fail(ordered))).toEqual(two);
  });

  it.each<[string, Record<string, number>, number, string]>([
    ['no schoolYears fact (3 due)', {}, 1, 'enrolment'],
    ['no schoolYears fact (3 due)', {}, 2, 'enrolment'],
    ['no schoolYears fact (3 due)', {}, 3, 'the end'],
    ['1 school year', { schoolYears: 1 }, 1, 'the end'],
    ['2 school years', { schoolYears: 2 }, 1, 'enrolment'],
    ['2 school years', { schoolYears: 2 }, 2, 'the end'],
    ['3 school years', { schoolYears: 3 }, 2, 'enrolment'],
    ['3 school years', { schoolYears: 3 }, 3, 'the end'],
  ])('route, with %s, the confirmation of school year %i to %s', (_name, decided, year, where) => {
    let money = committed();
    for (let n = 1; n < year; n++) money = paidYear(money, 3_000_000);
    money = ok(order(money, 3_000_000)).money!;
    const facts = { ...decided, ...trancheFacts(definition, money, decided) };
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
