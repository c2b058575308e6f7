// Repeated tranches (issue 14) through the API and the real workflow on the shipped education-support-2025@1: the
// province commits the support for up to three school years at once (the total the yearly amount × the school
// years); each school year is ordered and confirmed as an instance of its own (one payment order each, paid once
// whatever the retries), the commune confirms enrolment for the next school year from 5 September, the dossier
// completes once the school years decided are paid, and stopping after a year releases the rest.
import { vietnamDate } from '../../domain/time/vietnam-date';
import { example } from './support/form-examples';
import { moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const { orders: ordersOf, payments } = money;
const K = 1_000;
const YEAR = 2_700 * K;

const COMMUNE = 'xa2025.kienhung';
const act = (user: string, id: string, body: Record<string, unknown>, key?: string) =>
  money.act(user, id, body, key ? { 'idempotency-key': key } : {});
const order = (id: string, amount = YEAR, key?: string) =>
  act('khobac.hanoi', id, { action: 'approve', data: { ...example('payment-order@1'), amount } }, key);
const confirmPaid = (id: string, key?: string) =>
  act('khobac.hanoi', id, { action: 'approve', data: example('payment-confirmation@1') }, key);
const enrolled = (id: string) => act(COMMUNE, id, { action: 'approve', data: example('school-enrolment@1') });

/**
 * A child's dossier decided by the department at 2.7 M a school year for three years (8.1 M committed: 5.1 M from
 * one fund, 3 M from another, each funded anew), or for fewer (3 M from the second fund, the rest from the first),
 * waiting for the first year's payment order.
 */
async function decided(name: string, schoolYears = 3) {
  const poor = await money.fund(`Quỹ Vì người nghèo (${name})`, 20 * 1_000 * K);
  const budget = await money.fund(`Ngân sách giáo dục (${name})`, 10 * 1_000 * K);
  const id = await submitted();
  const decision = {
    ...example('education-decision@1'),
    yearlyAmount: YEAR,
    schoolYears,
    approvedAmount: schoolYears * YEAR,
    fundingSplit: [
      { fundId: poor, amount: schoolYears * YEAR - 3_000 * K },
      { fundId: budget, amount: 3_000 * K },
    ],
  };
  const res = await act('tp.hanoi', id, { action: 'approve', data: decision });
  expect([res.status, res.body.currentStep]).toEqual([200, 'year-order']);
  return { id, poor, budget };
}

/** A child's dossier proposed by the commune, at the department's decision. */
async function submitted(): Promise<string> {
  const proposal = example('education-support@1');
  proposal.household.unitCode = 'HN-KIENHUNG';
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: COMMUNE,
    body: { processKey: 'education-support-2025', processVersion: 1, data: proposal },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await act(COMMUNE, id, { action: 'submit' })).status).toBe(200);
  return id;
}

/** The fund's ledger balances (money.balance checks it) with nothing left committed: `paid` of `received` spent. */
async function expectBalanced(fundId: string, received: number, paid: number) {
  expect(await money.balance(fundId)).toEqual({ received, committed: 0, paid, available: received - paid });
}

describe('education support, paid per school year', () => {
  it('pays three school years, one order each, and completes with the payments adding up to the commitment', async () => {
    const { id, poor, budget } = await decided('ba năm học');
    for (const year of [1, 2, 3]) {
      expect((await order(id)).body.currentStep).toBe('year-confirmation');
      const confirmed = await confirmPaid(id);
      expect(confirmed.status).toBe(200);
      if (year < 3) {
        expect(confirmed.body.currentStep).toBe('enrolment');
        expect((await money.dossier(id)).facts).toMatchObject({
          'ordered:schoolYear': year,
          'paid:schoolYear': year,
          'left:schoolYear': 3 - year,
        });
        expect((await enrolled(id)).body.currentStep).toBe('year-order');
      } else {
        expect(confirmed.body).toMatchObject({ status: 'completed', outcome: 'completed' });
      }
    }
    const orders = await ordersOf(id);
    expect(orders.map((o) => [o.trancheId, o.status, o.amount, o.reference])).toEqual([
      ['schoolYear#1', 'paid', YEAR, `HS-${id}-schoolYear-1`],
      ['schoolYear#2', 'paid', YEAR, `HS-${id}-schoolYear-2`],
      ['schoolYear#3', 'paid', YEAR, `HS-${id}-schoolYear-3`],
    ]);
    expect(new Set(orders.map((o) => o._id)).size).toBe(3);
    // Each fund paid exactly what it committed, over the three orders; nothing is left committed.
    const paidBy = async (fundId: string) => (await payments(fundId)).reduce((sum, e) => sum + e.amount, 0);
    expect([await paidBy(poor), await paidBy(budget)]).toEqual([5_100 * K, 3_000 * K]);
    await expectBalanced(poor, 20_000 * K, 5_100 * K);
    await expectBalanced(budget, 10_000 * K, 3_000 * K);
    const projected = await ctx.system.models.DossierView.findById(id).lean();
    expect(projected?.amounts).toMatchObject({ approved: 3 * YEAR, disbursed: 3 * YEAR });
  });

  it('stops after the first school year with a reason: the rest is released and the ledgers balance', async () => {
    const { id, poor, budget } = await decided('thôi học');
    await order(id);
    expect((await confirmPaid(id)).body.currentStep).toBe('enrolment');
    expect((await act(COMMUNE, id, { action: 'reject' })).status).toBe(422);
    const stopped = await act(COMMUNE, id, { action: 'reject', comment: 'Trẻ chuyển trường ra ngoài thành phố' });
    expect(stopped.body).toMatchObject({ status: 'completed', outcome: 'completed' });
    expect((await money.dossier(id)).money.cancelled).toMatchObject({
      released: 2 * YEAR,
      reason: 'Trẻ chuyển trường ra ngoài thành phố',
    });
    // Year 1 took 2.7 M in proportion 51:30 (1.7 M and 1 M).
    await expectBalanced(poor, 20_000 * K, 1_700 * K);
    await expectBalanced(budget, 10_000 * K, 1_000 * K);
    expect(await ordersOf(id)).toHaveLength(1);
  });

  it('pays nothing twice for a repeated order or confirmation request; the last school year pays exactly what is left', async () => {
    const { id, poor } = await decided('gửi lại');
    const first = await order(id, YEAR, `order-${id}-1`);
    const again = await order(id, YEAR, `order-${id}-1`);
    expect([first.status, again.status, again.body.seq]).toEqual([200, 200, first.body.seq]);
    const confirmed = await confirmPaid(id, `confirm-${id}-1`);
    expect((await confirmPaid(id, `confirm-${id}-1`)).body.seq).toBe(confirmed.body.seq);
    expect(await ordersOf(id)).toMatchObject([{ trancheId: 'schoolYear#1', status: 'paid', attempt: 1 }]);
    expect((await payments(poor)).map((e) => e.amount)).toEqual([1_700 * K]);
    // The order of year 2 sent twice with different keys: the second finds the step moved on.
    await enrolled(id);
    expect((await order(id, YEAR, `order-${id}-2`)).status).toBe(200);
    expect([403, 409, 422]).toContain((await order(id, YEAR, `order-${id}-2b`)).status);
    expect((await ordersOf(id)).map((o) => o.trancheId)).toEqual(['schoolYear#1', 'schoolYear#2']);
    await confirmPaid(id);
    await enrolled(id);
    // The last school year must pay exactly what is left.
    expect((await order(id, YEAR - 1)).status).toBe(422);
    await order(id);
    expect((await confirmPaid(id)).body.status).toBe('completed');
    expect((await payments(poor)).reduce((sum, e) => sum + e.amount, 0)).toBe(5_100 * K);
  });

  it('reissues a failed payment for the same school year under the same order, and a bank statement settles it', async () => {
    const { id, poor, budget } = await decided('chi lỗi');
    await order(id);
    await confirmPaid(id);
    await enrolled(id);
    await order(id);
    const failed = await act('khobac.hanoi', id, { action: 'reject', comment: 'Tài khoản bị phong tỏa' });
    expect(failed.body.currentStep).toBe('year-order');
    const [, year2] = await ordersOf(id);
    expect(year2).toMatchObject({ trancheId: 'schoolYear#2', status: 'failed', attempt: 1 });
    expect((await money.dossier(id)).facts).toMatchObject({ 'ordered:schoolYear': 2, 'paid:schoolYear': 1 });

    expect((await order(id)).status).toBe(200);
    expect((await ordersOf(id))[1]).toMatchObject({ _id: year2?._id, status: 'ordered', attempt: 2 });
    const statement = [
      'Mã GD,Ngày giá trị,Số tiền,Nội dung,Trạng thái',
      `FT-${id}-2,15/09/2026,${YEAR},CK ${year2?.reference} hoc bong nam 2,OK`,
    ].join('\n');
    const imported = await ctx.api.call('POST', '/api/payments/bank-statements', {
      as: 'khobac.hanoi',
      body: { fileName: 'saoke-15-09-2026.csv', content: statement },
      headers: { 'idempotency-key': `statement-${id}` },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.lines).toEqual([expect.objectContaining({ status: 'settled', dossierId: id })]);
    expect((await ordersOf(id)).map((o) => [o.trancheId, o.status])).toEqual([
      ['schoolYear#1', 'paid'],
      ['schoolYear#2', 'paid'],
    ]);
    expect((await payments(poor)).map((e) => e.amount)).toEqual([1_700 * K, 1_700 * K]);
    expect((await payments(budget)).map((e) => e.amount)).toEqual([1_000 * K, 1_000 * K]);
    expect((await money.dossier(id)).currentStep.id).toBe('enrolment');
  });

  it('completes a decision for 2 school years after its 2nd paid year, without any cancel: payments = commitment', async () => {
    const schoolYears = 2;
    const { id, poor, budget } = await decided('hai năm học', schoolYears);
    for (let year = 1; year <= schoolYears; year++) {
      expect((await order(id)).status).toBe(200);
      const confirmed = await confirmPaid(id);
      if (year < schoolYears) {
        expect(confirmed.body.currentStep).toBe('enrolment');
        expect((await enrolled(id)).body.currentStep).toBe('year-order');
      } else {
        expect(confirmed.body).toMatchObject({ status: 'completed', outcome: 'completed' });
      }
    }
    const view = await money.dossier(id);
    expect(view.facts).toMatchObject({ schoolYears, 'paid:schoolYear': schoolYears, 'left:schoolYear': 0 });
    expect(view.money.cancelled).toBeNull();
    expect((await ordersOf(id)).map((o) => [o.trancheId, o.status])).toEqual(
      Array.from({ length: schoolYears }, (_, i) => [`schoolYear#${i + 1}`, 'paid']),
    );
    // Every đồng committed (5.4 M: 2.4 M and 3 M) is paid, and nothing is released.
    await expectBalanced(poor, 20_000 * K, schoolYears * YEAR - 3_000 * K);
    await expectBalanced(budget, 10_000 * K, 3_000 * K);
    const releases = await ctx.system.models.LedgerEntry.countDocuments({
      fundId: { $in: [poor, budget] },
      kind: 'release',
    });
    expect(releases).toBe(0);
  });

  it('refuses a decision whose total is not the yearly amount × the school years (422 at /approvedAmount), committing nothing', async () => {
    const poor = await money.fund('Quỹ Vì người nghèo (tổng sai)', 20 * 1_000 * K);
    const id = await submitted();
    const wrong = 3 * YEAR;
    const decision = {
      ...example('education-decision@1'),
      yearlyAmount: YEAR,
      schoolYears: 2,
      approvedAmount: wrong,
      fundingSplit: [{ fundId: poor, amount: wrong }],
    };
    const res = await act('tp.hanoi', id, { action: 'approve', data: decision });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      {
        path: '/data/approvedAmount',
        keyword: 'amounts',
        message: 'Tổng số tiền phê duyệt phải bằng Mức hỗ trợ mỗi năm học × Số năm học được hỗ trợ (5.400.000 đ)',
      },
    ]);
    expect(await money.balance(poor)).toEqual({ received: 20_000 * K, committed: 0, paid: 0, available: 20_000 * K });
    const view = await money.dossier(id);
    expect([view.currentStep.id, view.money?.funds ?? []]).toEqual(['province-decision', []]);
  });

  it('counts the enrolment step from 5 September: its due time is on or after the next 5 September', async () => {
    const { id } = await decided('hạn xác nhận');
    await order(id);
    const confirmed = await confirmPaid(id);
    expect(confirmed.body.currentStep).toBe('enrolment');
    const view = await money.dossier(id);
    const entered = Date.parse(view.currentStep.startedAt);
    // The next 5 September in Việt Nam, 00:00 (+07:00), unless the step was entered on that very day.
    const today = vietnamDate(entered);
    const year = Number(today.slice(0, 4)) + (today.slice(5) > '09-05' ? 1 : 0);
    const start = today.slice(5) === '09-05' ? entered : Date.parse(`${year}-09-04T17:00:00.000Z`);
    const due = Date.parse(view.currentStep.dueAt);
    expect(due).toBeGreaterThan(start);
    // The reminder counts from the clock's start too, not from the entry.
    expect(Date.parse(view.clock.reminderAt)).toBeGreaterThan(start);
    // 20 working days from 5 September end in early October.
    expect(vietnamDate(due) >= `${year}-09-05` && vietnamDate(due) <= `${year}-10-31`).toBe(true);
    // Officers may still act before it.
    expect((await enrolled(id)).body.currentStep).toBe('year-order');
  });
});
