// Loans of the Bank for Social Policies after disbursement (issue 15, seed 004): against the real API, Temporal and
// FerretDB, a loan disbursed through credit-access-2024@1 becomes a long-lived record on which the bank's officer
// records collections, an instalment overdue and the settlement, each refused field by field when it exceeds what
// is outstanding, once per Idempotency-Key, never lost or doubled by concurrent writers; and the half-yearly
// "cho vay – thu nợ" report adds the loans up, every total equal to the sum of the stored records.
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { formatVnd } from '../../domain/funds/format-vnd';
import { LOAN_FIGURE_COLUMNS } from '../../domain/loans/loan-figure-columns';
import { disbursedLoans } from './support/disbursed-loans';
import { pdfText } from './support/pdf-text';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;
const loans = disbursedLoans(ctx);
const BANK = loans.bank;
const HA_CAU = { commune: 'HN-HD-HC', officer: 'xa.hacau', board: 'tindung.hacau' };

const send = (path: string, as: string, body?: unknown, key: string = randomUUID()) =>
  ctx.api.call(body === undefined ? 'GET' : 'POST', path, {
    as,
    ...(body === undefined ? {} : { body, headers: { 'Idempotency-Key': key } }),
  });
const fieldsOf = (body: any): string[] => (body.error?.fields ?? []).map((f: { path: string }) => f.path);

describe('a disbursed loan', () => {
  let housing: string;
  let production: string;
  beforeAll(async () => {
    housing = await loans.disburse(HA_CAU, '.housing', 50 * M, '2025-02-10');
    production = await loans.disburse(HA_CAU, '', 40 * M, '2025-08-15');
  });

  it('is a record the bank officer collects on, once per Idempotency-Key, each entry audited', async () => {
    const before = await send(`/api/loans/${housing}`, BANK);
    expect(before.body).toMatchObject({
      purpose: 'loan_housing',
      commune: { code: 'HN-HD-HC' },
      disbursedOn: '2025-02-10',
      disbursed: 50 * M,
      interestSupported: true,
      balance: { outstanding: 50 * M, overdue: 0, settled: false },
      entries: [],
    });
    const key = randomUUID();
    const collection = {
      kind: 'collection',
      date: '2025-05-10',
      principal: 5 * M,
      interest: 600_000,
      interestSupport: 375_000,
    };
    const first = await send(`/api/loans/${housing}/entries`, BANK, collection, key);
    const again = await send(`/api/loans/${housing}/entries`, BANK, collection, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.seq).toBe(first.body.seq);
    expect(first.body.balanceAfter).toMatchObject({
      outstanding: 45 * M,
      interestPaid: 600_000,
      interestSupport: 375_000,
    });
    expect(await ctx.system.models.LoanEntry.countDocuments({ dossierId: housing })).toBe(1);
    const events = await ctx.system.models.AdminEvent.find({ kind: 'loan.entry', target: housing }).lean();
    expect(events.map((e) => [e.by, e.details['principal']])).toEqual([[expect.any(String), 5 * M]]);
  });

  it.each([
    ['more principal than outstanding', { kind: 'collection', date: '2025-06-01', principal: 46 * M }, ['/principal']],
    [
      'support above the interest',
      { kind: 'collection', date: '2025-06-01', interest: 100, interestSupport: 200 },
      ['/interestSupport'],
    ],
    ['a date in the future', { kind: 'collection', date: '2099-01-01', principal: M }, ['/date']],
    ['a date before the last entry', { kind: 'collection', date: '2025-05-01', principal: M }, ['/date']],
    ['nothing collected', { kind: 'collection', date: '2025-06-01' }, ['/principal']],
    ['an overdue without its amount', { kind: 'overdue', date: '2025-06-01' }, ['/amount']],
    ['an overdue above the outstanding', { kind: 'overdue', date: '2025-06-01', amount: 46 * M }, ['/amount']],
    ['a settlement with principal outstanding', { kind: 'settlement', date: '2025-06-01' }, ['/kind']],
    ['a settlement carrying money', { kind: 'settlement', date: '2025-06-01', principal: M }, ['/principal']],
  ])('refuses %s at the field (422), recording nothing', async (_name, body, paths) => {
    const count = await ctx.system.models.LoanEntry.countDocuments({ dossierId: housing });
    const refused = await send(`/api/loans/${housing}/entries`, BANK, body);
    expect([refused.status, fieldsOf(refused.body)]).toEqual([422, paths]);
    expect(await ctx.system.models.LoanEntry.countDocuments({ dossierId: housing })).toBe(count);
  });

  it('gives interest support only on housing loans, and lets only the bank officer write', async () => {
    const body = { kind: 'collection', date: '2025-09-15', interest: 250_000, interestSupport: 100_000 };
    const refused = await send(`/api/loans/${production}/entries`, BANK, body);
    expect([refused.status, fieldsOf(refused.body)]).toEqual([422, ['/interestSupport']]);
    expect((await send(`/api/loans/${production}/entries`, 'xa.hacau', { ...body, interestSupport: 0 })).status).toBe(
      403,
    );
    expect((await send(`/api/loans/${production}`, 'xa.hacau')).status).toBe(200);
    // Outside the caller's units, a loan is as unknown as a dossier is: 404, not 403 (which would tell it exists).
    expect((await send(`/api/loans/${production}`, 'xa2025.kienhung')).status).toBe(404);
    expect((await send(`/api/loans/not-a-loan`, BANK)).status).toBe(404);
    // Reading a household's debt is a personal-data read, recorded like a dossier's.
    expect(
      await ctx.system.models.SecurityEvent.countDocuments({ kind: 'personal_data_read', dossierId: production }),
    ).toBeGreaterThan(0);
  });

  it('never collects more than outstanding under concurrent writers', async () => {
    const writes = await Promise.all(
      Array.from({ length: 8 }, () =>
        send(`/api/loans/${production}/entries`, BANK, { kind: 'collection', date: '2025-10-01', principal: 10 * M }),
      ),
    );
    expect(writes.filter((w) => w.status === 201)).toHaveLength(4);
    expect(writes.filter((w) => w.status === 422)).toHaveLength(4);
    const entries = await ctx.system.models.LoanEntry.find({ dossierId: production }).sort({ seq: 1 }).lean();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries.at(-1)?.balanceAfter.outstanding).toBe(0);
    const settled = await send(`/api/loans/${production}/entries`, BANK, { kind: 'settlement', date: '2025-10-02' });
    expect([settled.status, settled.body.balanceAfter.settled]).toEqual([201, true]);
    const after = await send(`/api/loans/${production}/entries`, BANK, {
      kind: 'collection',
      date: '2025-10-03',
      interest: 1,
    });
    expect([after.status, after.body.error.code]).toEqual([409, 'loan_settled']);
  });

  it('marks an instalment overdue, cleared by the next repayment of principal', async () => {
    const overdueOf = async (as: string) =>
      ((await send('/api/notifications', as)).body.items as { kind: string; dossierId: string }[]).filter(
        (n) => n.kind === 'loan_overdue' && n.dossierId === housing,
      );
    const key = randomUUID();
    const instalment = { kind: 'overdue', date: '2025-11-10', amount: 2 * M };
    const overdue = await send(`/api/loans/${housing}/entries`, BANK, instalment, key);
    expect(overdue.body.balanceAfter).toMatchObject({ outstanding: 45 * M, overdue: 2 * M });
    // The commune's officer and its credit board are told, once each, even when the write is sent again; the bank
    // and the district, who did not ask for it, are not.
    expect((await send(`/api/loans/${housing}/entries`, BANK, instalment, key)).body.seq).toBe(overdue.body.seq);
    for (const as of [HA_CAU.officer, HA_CAU.board]) {
      expect([as, await overdueOf(as)]).toEqual([
        as,
        [
          expect.objectContaining({
            scope: 'dossier',
            step: null,
            recipient: expect.objectContaining({ unitCode: HA_CAU.commune }),
          }),
        ],
      ]);
    }
    expect(await overdueOf('quan.hadong')).toEqual([]);
    const repaid = await send(`/api/loans/${housing}/entries`, BANK, {
      kind: 'collection',
      date: '2025-12-20',
      principal: 3 * M,
      interest: 500_000,
      interestSupport: 300_000,
    });
    expect(repaid.body.balanceAfter).toMatchObject({ outstanding: 42 * M, overdue: 0 });
    await send(`/api/loans/${housing}/entries`, BANK, { kind: 'overdue', date: '2025-12-31', amount: M });
  });
});

describe('the half-yearly loan report ("cho vay – thu nợ")', () => {
  const report = async (unit: string, period: string) => {
    const answer = await send(`/api/reports/loans?unit=${unit}&period=${period}`, 'quan.hadong');
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it.each([
    ['2025-H1', '2025-07-05'],
    ['2025-H2', '2026-01-05'],
  ])('for %s, due %s, adds up to the stored records, by purpose and by ward', async (period, dueOn) => {
    const body = await report('HN-HD', period);
    expect([body.dueOn, body.unit.code, body.period.kind]).toEqual([dueOn, 'HN-HD', 'half']);
    const [from, to] = [body.from as string, body.to as string];
    // The records themselves, read directly: the loans' disbursement forms and their ledgers' entries.
    const views = await ctx.system.models.DossierView.find({
      programme: 'credit_access',
      outcome: 'completed',
      unitChain: 'HN-HD',
    }).lean();
    const forms = await ctx.system.models.Submission.find({
      dossierId: { $in: views.map((v) => v._id) },
      stepId: 'disbursement',
    }).lean();
    const disbursedIn = forms.filter(
      (f) => String(f.data['disbursedOn']) >= from && String(f.data['disbursedOn']) <= to,
    );
    const entries = await ctx.system.models.LoanEntry.find({ dossierId: { $in: views.map((v) => v._id) } }).lean();
    const inPeriod = entries.filter((e) => e.date >= from && e.date <= to);
    const sum = (rows: readonly object[], f: string) =>
      rows.reduce((s, r) => s + ((r as Record<string, number>)[f] ?? 0), 0);
    const lastBefore = (id: string) =>
      entries.filter((e) => e.dossierId === id && e.date <= to).sort((a, b) => b.seq - a.seq)[0];
    const outstanding = forms
      .filter((f) => String(f.data['disbursedOn']) <= to)
      .reduce(
        (s, f) => s + (lastBefore(f.dossierId)?.balanceAfter.outstanding ?? (f.data['disbursedAmount'] as number)),
        0,
      );
    expect(body.totals).toMatchObject({
      disbursedLoans: disbursedIn.length,
      disbursed: disbursedIn.reduce((s, f) => s + (f.data['disbursedAmount'] as number), 0),
      principalCollected: sum(inPeriod, 'principal'),
      interestCollected: sum(inPeriod, 'interest'),
      interestSupport: sum(inPeriod, 'interestSupport'),
      outstanding,
    });
    expect(body.totals.disbursedLoans + body.totals.principalCollected).toBeGreaterThan(0);
    for (const breakdown of [body.byPurpose, body.byUnit, body.rows]) {
      for (const f of Object.keys(body.totals)) expect([f, sum(breakdown, f)]).toEqual([f, body.totals[f]]);
    }
    expect(body.byUnit.map((u: { unit: { name: string } }) => u.unit.name)).toEqual(['Phường Hà Cầu']);
    expect(body.byPurpose.map((p: { label: { vi: string } }) => p.label.vi)).toContain('Vay làm nhà ở');
  });

  it('shows the second half as the bank reports it: outstanding, overdue and the settled loan', async () => {
    const body = await report('HN-HD', '2025-H2');
    expect(body.totals).toMatchObject({
      disbursedLoans: 1,
      disbursed: 40 * M,
      principalCollected: 43 * M,
      interestCollected: 500_000,
      interestSupport: 300_000,
      outstandingLoans: 1,
      outstanding: 42 * M,
      overdueLoans: 1,
      overdue: M,
      settledLoans: 1,
    });
    const first = await report('HN-HD', '2025-H1');
    expect(first.totals).toMatchObject({
      disbursed: 50 * M,
      principalCollected: 5 * M,
      interestSupport: 375_000,
      outstanding: 45 * M,
    });
  });

  it('gives the same figures as an Excel workbook: totals, a sheet per breakdown with SUM totals, the rows', async () => {
    const res = await fetch(`${ctx.system.baseUrl}/api/reports/loans.xlsx?unit=HN-HD&period=2025-H2`, {
      headers: { authorization: `Bearer ${await ctx.api.token('quan.hadong')}` },
    });
    expect([res.status, res.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo mục đích vay',
      'Theo đơn vị',
      'Từng khoản vay',
    ]);
    const json = await report('HN-HD', '2025-H2');
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getRow(4).values).toEqual([undefined, 'Hạn gửi báo cáo', '05/01/2026']);
    const byUnit = workbook.getWorksheet('Theo đơn vị')!;
    const total = byUnit.getRow(byUnit.rowCount);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    // Column 8 is the outstanding (dư nợ): a SUM formula whose cached result is the report's total.
    expect(total.getCell(8).value).toMatchObject({
      formula: expect.stringMatching(/^SUM\(/),
      result: json.totals.outstanding,
    });
    const perLoan = workbook.getWorksheet('Từng khoản vay')!;
    expect(perLoan.rowCount).toBe(1 + json.rows.length);
    // Each loan's ward by its name, as the report's JSON names it.
    expect(perLoan.getRow(2).getCell(3).value).toBe(json.rows[0].commune.name);
    expect(json.rows[0].commune).toEqual({ code: 'HN-HD-HC', name: 'Phường Hà Cầu' });
  });

  it('prints the same totals as a PDF in the Decree 30 layout, with the due day, by purpose and by ward', async () => {
    const res = await fetch(`${ctx.system.baseUrl}/api/reports/loans.pdf?unit=HN-HD&period=2025-H2`, {
      headers: { authorization: `Bearer ${await ctx.api.token('quan.hadong')}` },
    });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(res.headers.get('content-disposition')).toContain('bao-cao-cho-vay-thu-no-HN-HD-2025-07-01-2025-12-31.pdf');
    const { flat } = await pdfText(Buffer.from(await res.arrayBuffer()));
    const json = await report('HN-HD', '2025-H2');
    for (const text of [
      'UBND QUẬN HÀ ĐÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '/BC-UBND',
      'Kết quả cho vay – thu nợ của Ngân hàng Chính sách xã hội 6 tháng cuối năm 2025',
      'hạn gửi báo cáo: ngày 05/01/2026',
      'II. KẾT QUẢ THEO MỤC ĐÍCH VAY',
      'III. KẾT QUẢ THEO ĐƠN VỊ CẤP DƯỚI',
      'Vay làm nhà ở',
      'Phường Hà Cầu',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
    ]) {
      expect(flat).toContain(text);
    }
    // Section I prints one line per figure: each is the JSON report's total (money as "42.000.000 ₫").
    const totals = flat.slice(flat.indexOf('I. TỔNG HỢP KẾT QUẢ'), flat.indexOf('II. KẾT QUẢ THEO MỤC ĐÍCH VAY'));
    for (const c of LOAN_FIGURE_COLUMNS) {
      const value = c.kind === 'money' ? formatVnd(json.totals[c.key]) : String(json.totals[c.key]);
      expect([c.key, totals]).toEqual([c.key, expect.stringContaining(`${c.label.vi} ${value}`)]);
    }
    expect(json.totals.outstanding).toBe(42 * M);
    // The tables' total rows end with the same figures, in the columns' order.
    const totalRow = `Tổng cộng ${LOAN_FIGURE_COLUMNS.map((c) =>
      c.kind === 'money' ? formatVnd(json.totals[c.key]) : String(json.totals[c.key]),
    ).join(' ')}`;
    expect(flat.split(totalRow)).toHaveLength(3);
  });

  it('refuses a bad period at the field and a reader outside the unit', async () => {
    const bad = await send('/api/reports/loans?unit=HN-HD&period=2025-H3', 'quan.hadong');
    expect([bad.status, fieldsOf(bad.body)]).toEqual([422, ['/query/period']]);
    expect((await send('/api/reports/loans?unit=HN-HD&period=2025-H1', 'xa2025.kienhung')).status).toBe(403);
  });
});
