// Sponsorship commitments (seed 002, issue 15) on the shipped sponsorship-2025@1, through the API and the real
// workflow on Temporal's time-skipping server: a monthly tranche paid month by month, each month due on the 10th of
// its own month (the next working day when that is a day off) whatever day the step was entered; a month left unpaid
// past its day turns late and alerts the coordinating body of the commune and of the level above, naming the month;
// an amendment from a month not yet paid changes the remaining months with the ledger exact; an early end releases the
// rest. Time passes only when a test skips it (`ctx.skip`), to just past a due time the workflow reported.
import sponsorship from '../../domain/process/definitions/sponsorship-2025@1.json';
import { periodOfInstance } from '../../domain/calendar/period-instance';
import { scheduledDueAt } from '../../domain/calendar/scheduled-due-at';
import type { TranchePeriod } from '../../domain/process/process-definition';
import { vietnamMonthOf } from '../../domain/time/vietnam-month-of';
import { getState } from '../../workflows/messages';
import { eventually } from './support/eventually';
import { example } from './support/form-examples';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTimeSkippingSystem } from './support/use-time-skipping-system';

const ctx = useTimeSkippingSystem();
const money = moneyDossiers(ctx);
const COMMUNE = 'xa2025.kienhung';
const HEAD = 'chutich.kienhung';
const BODY = 'daumoi.kienhung';
const UNIT = 'HN-KIENHUNG';
const PERIOD = sponsorship.tranches[0]!.repeat.period as TranchePeriod;

const act = (user: string, id: string, body: Record<string, unknown>) => money.act(user, id, body);
const pay = (id: string, amount: number) =>
  act(BODY, id, { action: 'approve', data: { ...example('payment-order@1'), amount } });
const confirm = (id: string) => act(COMMUNE, id, { action: 'approve', data: example('payment-confirmation@1') });
/** The month `n` months after the server's current month (Việt Nam). */
const monthAfter = async (n: number) =>
  periodOfInstance({ unit: 'month' }, vietnamMonthOf(new Date(await ctx.now())), n + 1);
/** Instance k's due time on the system's calendar, as the workflow's activity computes it. */
const dueOf = async (firstMonth: string, k: number) =>
  (
    await scheduledDueAt(ctx.system.calendar, {
      period: PERIOD,
      firstMonth,
      instance: k,
      entered: '2000-01-01T00:00:00.000Z',
      unitCode: UNIT,
    })
  ).dueAt;
/** Moves the server's clock to one minute past `iso`. */
const skipPast = async (iso: string) => ctx.skip(Math.max(0, Date.parse(iso) - (await ctx.now())) + 60_000);

async function commitmentData(change: Record<string, unknown>) {
  const data = example('sponsorship-commitment@2');
  data.sponsor.unitCode = UNIT;
  data.beneficiary.unitCode = UNIT;
  return {
    ...data,
    signedCommitment: [{ fileId: await money.upload(COMMUNE), caption: 'Bản cam kết có chữ ký' }],
    ...change,
  };
}
const create = (data: Record<string, unknown>) =>
  ctx.api.call('POST', '/api/dossiers', {
    as: COMMUNE,
    body: { processKey: 'sponsorship-2025', processVersion: 1, data },
  });

/** A commitment of `months` months at `monthly` from next month, signed and committed on a fund of its own. */
async function signed(name: string, months: number, monthly: number) {
  const fund = await money.fund(`Quỹ Vì người nghèo (${name})`, 100 * M);
  const firstMonth = await monthAfter(1);
  const created = await create(
    await commitmentData({ firstMonth, months, monthlyAmount: monthly, totalAmount: months * monthly }),
  );
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.id as string;
  expect((await act(COMMUNE, id, { action: 'submit' })).body.currentStep).toBe('sign-off');
  const total = months * monthly;
  const res = await act(HEAD, id, { action: 'approve', data: money.decision(total, [[fund, total]]) });
  expect([res.status, res.body.currentStep]).toEqual([200, 'month-payment']);
  expect(res.body.dueAt).toBe(await dueOf(firstMonth, 1));
  return { id, fund, firstMonth };
}

describe('a sponsorship commitment paid each month', () => {
  it('pays 12 months one by one, each due on its own month’s due day, and completes with the ledger exact', async () => {
    const { id, fund, firstMonth } = await signed('mười hai tháng', 12, M);
    for (let k = 1; k <= 12; k++) {
      const ordered = await pay(id, M);
      expect([ordered.status, ordered.body.currentStep]).toEqual([200, 'month-confirmation']);
      const confirmed = await confirm(id);
      expect(confirmed.status).toBe(200);
      if (k < 12) {
        // Entered today, the next month's payment is due on that month's day, not some days from now.
        expect(confirmed.body).toMatchObject({ currentStep: 'month-payment', dueAt: await dueOf(firstMonth, k + 1) });
      } else {
        expect(confirmed.body).toMatchObject({ status: 'completed', outcome: 'completed' });
      }
    }
    const dueTimes = await Promise.all([1, 2, 3].map((k) => dueOf(firstMonth, k)));
    expect(new Set(dueTimes).size).toBe(3);
    const orders = await money.orders(id);
    expect(orders.map((o) => o.trancheId).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `monthly#${i + 1}`).sort(),
    );
    expect(orders.every((o) => o.status === 'paid' && o.amount === M)).toBe(true);
    expect(await money.balance(fund)).toEqual({ received: 100 * M, committed: 0, paid: 12 * M, available: 88 * M });
    const dossier = await money.dossier(id);
    expect(dossier.facts).toMatchObject({
      supportType: 'income_sponsorship',
      beneficiaries: 1,
      requestedAmount: 12 * M,
      approvedAmount: 12 * M,
      'paid:monthly': 12,
      'left:monthly': 0,
    });
  });
});

describe('a month missed, an amendment and an early end', () => {
  let id = '';
  let fund = '';
  let firstMonth = '';

  it('turns a month not paid by its day late, alerting the coordinating body of the commune and of the province, naming the month', async () => {
    ({ id, fund, firstMonth } = await signed('tháng bị lỡ', 12, M));
    await pay(id, M);
    expect((await confirm(id)).body.currentStep).toBe('month-payment');
    const waiting = await ctx.system.temporal.workflow.getHandle(ctx.system.workflowIdOf(id)).query(getState);
    const month = periodOfInstance(PERIOD, firstMonth, 2);
    expect(waiting.dueAt).toBe(await dueOf(firstMonth, 2));
    expect(waiting.clock?.period).toEqual({ month, unit: 'month' });

    await skipPast(waiting.dueAt!);
    const late = await eventually('the month overdue in the read model', async () => {
      const view = await ctx.system.models.DossierView.findById(id).lean();
      return view?.timeliness === 'overdue' ? view : undefined;
    });
    expect(late.openBucket).toBe('overdue');
    const stored = await eventually('the escalations', async () => {
      const notes = await ctx.system.models.Notification.find({ dossierId: id, kind: 'escalation' }).lean();
      return notes.length === 2 ? notes : undefined;
    });
    expect(stored.map((n) => [n.recipientRole, n.recipientUnit, n.period]).sort()).toEqual([
      ['coordinating_body', 'HN', { month, unit: 'month' }],
      ['coordinating_body', UNIT, { month, unit: 'month' }],
    ]);
    // The coordinating body reads both its reminder and the escalation, each naming the month.
    const notes = await ctx.api.call('GET', '/api/notifications', { as: BODY });
    expect(notes.status).toBe(200);
    const mine = notes.body.items.filter((n: { dossierId: string }) => n.dossierId === id);
    expect(mine.map((n: { kind: string; period: unknown }) => [n.kind, n.period])).toEqual([
      ['escalation', { month, unit: 'month' }],
      ['reminder', { month, unit: 'month' }],
    ]);
    // The SLA view lists it as overdue.
    const pending = await ctx.api.call('GET', `/api/sla/pending?unit=${UNIT}&timeliness=overdue&limit=200`, {
      as: 'lanhdao.hanoi',
    });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(id);

    // Paid late: the hand-off is recorded late.
    expect((await pay(id, M)).body.currentStep).toBe('month-confirmation');
    const history = (await money.dossier(id)).history as { action: string; stepTimeliness?: string }[];
    expect(history.filter((h) => h.action === 'approve').map((h) => h.stepTimeliness)).toEqual([
      'early', // the signature
      'early', // month 1, paid before its day
      'early', // its confirmation
      'late', // month 2, paid after its day
    ]);
    expect((await confirm(id)).body.currentStep).toBe('month-payment');
    expect(await money.balance(fund)).toMatchObject({ committed: 10 * M, paid: 2 * M });
  });

  it('refuses an amendment from a month already paid, or of no amount, and writes nothing', async () => {
    const proposed = await act(BODY, id, { action: 'submit', comment: 'Bên nhận đỡ đầu đề nghị tăng mức hỗ trợ' });
    expect([proposed.status, proposed.body.currentStep]).toEqual([200, 'amendment']);
    const before = await money.entries(fund);
    const amend = (change: Record<string, unknown>) =>
      act(HEAD, id, { action: 'approve', data: { ...example('sponsorship-amendment@1'), months: 12, ...change } });
    const past = await amend({ fromMonth: periodOfInstance(PERIOD, firstMonth, 2), monthlyAmount: 1_500_000 });
    expect(past.status).toBe(422);
    // Refused before anything is stored, at the field, in both languages (the rule the workflow refuses by too).
    const month3 = periodOfInstance(PERIOD, firstMonth, 3).split('-').reverse().join('/');
    expect(past.body.error.fields).toEqual([
      {
        path: '/data/fromMonth',
        keyword: 'amendment',
        message: `Điều chỉnh phải áp dụng từ tháng ${month3} (kỳ đầu tiên chưa chi trả) trở đi, theo lịch chi trả của cam kết`,
      },
    ]);
    const endsBefore = await amend({ fromMonth: periodOfInstance(PERIOD, firstMonth, 6), months: 5 });
    expect(endsBefore.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['/data/months']);
    const zero = await amend({ fromMonth: periodOfInstance(PERIOD, firstMonth, 4), monthlyAmount: 0 });
    expect(zero.status).toBe(422);
    expect(zero.body.error.fields.map((f: { path: string }) => f.path)).toContain('/data/monthlyAmount');
    const tooLong = await amend({ fromMonth: periodOfInstance(PERIOD, firstMonth, 4), months: 61 });
    expect(tooLong.status).toBe(422);
    expect(await money.entries(fund)).toEqual(before);
    expect((await money.dossier(id)).currentStep).toMatchObject({ id: 'amendment' });
  });

  it('raises the amount from a month not yet paid: the increase is committed and the months pay the new amount', async () => {
    const amended = await act(HEAD, id, {
      action: 'approve',
      data: {
        ...example('sponsorship-amendment@1'),
        fromMonth: periodOfInstance(PERIOD, firstMonth, 4),
        monthlyAmount: 1_500_000,
        months: 12,
      },
    });
    expect(amended.body).toMatchObject({ currentStep: 'month-payment', dueAt: await dueOf(firstMonth, 3) });
    // Month 3 at 1 M and months 4–12 at 1.5 M: 14.5 M left to pay, 4.5 M more than the 10 M committed.
    expect(await money.balance(fund)).toMatchObject({ committed: 14_500_000, paid: 2 * M });
    await pay(id, M);
    await confirm(id);
    expect((await pay(id, 1_600_000)).status).toBe(422); // more than the new monthly amount
    await pay(id, 1_500_000);
    expect((await confirm(id)).body).toMatchObject({ currentStep: 'month-payment', dueAt: await dueOf(firstMonth, 5) });
    const recorded = (await money.dossier(id)).history.find(
      (h: { action: string; fromStep: string }) => h.fromStep === 'amendment',
    );
    expect(recorded).toMatchObject({ action: 'approve', submission: expect.anything() });
  });

  it('ends early with a reason: what is left is released and the dossier completes', async () => {
    expect((await act(BODY, id, { action: 'reject' })).status).toBe(422);
    const ended = await act(BODY, id, { action: 'reject', comment: 'Người được đỡ đầu đã có việc làm ổn định' });
    expect(ended.body).toMatchObject({ status: 'completed', outcome: 'completed' });
    expect((await money.dossier(id)).money.cancelled).toMatchObject({ released: 8 * 1_500_000 });
    expect(await money.balance(fund)).toEqual({
      received: 100 * M,
      committed: 0,
      paid: 4_500_000,
      available: 100 * M - 4_500_000,
    });
  });
});

describe('refused commitments', () => {
  it('refuses the seed-era chain to a post-2025 ward, which has no district', async () => {
    const res = await ctx.api.call('POST', '/api/dossiers', {
      as: COMMUNE,
      body: { processKey: 'sponsorship-2024', processVersion: 1, data: await commitmentData({}) },
    });
    expect([res.status, res.body.error.code]).toEqual([409, 'process_not_applicable']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an amount of 0', { monthlyAmount: 0, totalAmount: 0 }, '/data/monthlyAmount'],
    ['61 months', { months: 61, totalAmount: 61 * M }, '/data/months'],
    ['0 months', { months: 0, totalAmount: 0 }, '/data/months'],
    ['a total other than the monthly amount × the months', { totalAmount: 11 * M }, '/data/totalAmount'],
    ['a first month that is not a month', { firstMonth: '2025-13' }, '/data/firstMonth'],
    ['no signed commitment', { signedCommitment: [] }, '/data/signedCommitment'],
  ])('refuses %s, creating nothing', async (_name, change, path) => {
    const count = await ctx.system.models.DossierView.countDocuments({});
    const res = await create(await commitmentData(change));
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await ctx.system.models.DossierView.countDocuments({})).toBe(count);
  });
});
