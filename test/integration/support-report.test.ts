// The periodic support report (issue 15) against the real system: dossiers brought through the shipped chains
// (housing-support-2024@4 in two Hà Đông wards, education-support-2025@1 in Kiến Hưng, outside Hà Đông), then every
// figure of the report — JSON and the numbers of its workbook — checked against sums computed here, independently,
// from the read model (dossier_views) and the ledgers (ledger_entries); a dossier outside the period or outside the
// unit is not counted; the PDF carries the Decree 30 layout; who may read it.
import ExcelJS from 'exceljs';
import { SUPPORT_FIGURE_COLUMNS } from '../../domain/reports/support-figure-columns';
import type { SupportFigures } from '../../domain/reports/support-report';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { example, proposalIn } from './support/form-examples';
import { M, moneyDossiers } from './support/money-dossiers';
import { createOpenApiConformance } from './support/openapi-conformance';
import { pdfText } from './support/pdf-text';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const K = 1_000;

/** The figures summed here (the on-time rate is derived from two of them). */
type Figures = Omit<SupportFigures, 'onTimeRate'>;
const KEYS = SUPPORT_FIGURE_COLUMNS.map((c) => c.key).filter((k): k is keyof Figures => k !== 'onTimeRate');
const zero = (): Figures => Object.fromEntries(KEYS.map((k) => [k, 0])) as Figures;

/**
 * The report's figures computed from the records, written here without the report's code: per dossier of the unit
 * (by `unitChain`), its days in Việt Nam; per ledger entry of such a dossier, its posting day (`at` in Việt Nam).
 * `group` says which group a dossier (and its entries) falls in.
 */
async function expectedFigures(
  unit: string,
  from: string,
  to: string,
  group: (v: DossierViewDoc, fundId?: string) => string,
): Promise<Map<string, Figures>> {
  const views = await ctx.system.models.DossierView.find({ unitChain: unit }).lean<DossierViewDoc[]>();
  const ids = new Set(views.map((v) => v._id));
  const entries = (await ctx.system.models.LedgerEntry.find({}).lean<LedgerEntryDoc[]>()).filter(
    (e) => e.dossierId !== null && ids.has(e.dossierId),
  );
  const inside = (d: Date | null) => d !== null && vietnamDate(d) >= from && vietnamDate(d) <= to;
  const result = new Map<string, Figures>();
  const at = (key: string) => {
    const f = result.get(key) ?? zero();
    result.set(key, f);
    return f;
  };
  for (const v of views) {
    const mine = entries.filter((e) => e.dossierId === v._id);
    const netCommitted = mine
      .filter((e) => inside(e.at))
      .reduce((s, e) => s + (e.kind === 'commitment' ? e.amount : e.kind === 'release' ? -e.amount : 0), 0);
    const hasCommitment = mine.some((e) => e.kind === 'commitment');
    const closedIn = inside(v.closedAt);
    const approved = hasCommitment ? netCommitted > 0 : closedIn && v.outcome === 'completed';
    const f = at(group(v));
    if (inside(v.openedAt)) f.proposed++;
    if (approved) {
      f.approved++;
      const households = typeof v.facts['beneficiaries'] === 'number' ? v.facts['beneficiaries'] : 1;
      f.beneficiaries += households;
      // Houses: of the housing programmes only, a list's own counts, else the dossier's type for all its households.
      if (v.programme === 'housing' || v.programme === 'fund_for_the_poor') {
        const { housesBuilt: built, housesRepaired: repaired, supportType } = v.facts;
        if (typeof built === 'number' && typeof repaired === 'number') {
          f.housesBuilt += built;
          f.housesRepaired += repaired;
        } else if (supportType === 'new_build') f.housesBuilt += households;
        else if (supportType === 'repair') f.housesRepaired += households;
      }
    }
    if (closedIn && v.outcome === 'completed') f.completed++;
    if (closedIn && (v.outcome === 'rejected' || v.outcome === 'withdrawn')) f.rejected++;
    if (closedIn && v.closedOnTime === true) f.closedOnTime++;
    if (closedIn && v.closedOnTime === false) f.closedLate++;
    for (const e of mine.filter((x) => inside(x.at))) {
      const m = at(group(v, e.fundId));
      if (e.kind === 'commitment') m.committed += e.amount;
      if (e.kind === 'release') m.committed -= e.amount;
      if (e.kind === 'payment') m.paid += e.amount;
      if (e.kind === 'payment_reversal') m.paid -= e.amount;
    }
  }
  for (const [key, f] of result) if (Object.values(f).every((n) => n === 0)) result.delete(key);
  return result;
}

const figuresOf = (row: Record<string, unknown>): Figures =>
  Object.fromEntries(KEYS.map((k) => [k, row[k]])) as Figures;
const moneyOnly = (f: Figures) => ({ committed: f.committed, paid: f.paid });

async function download(path: string, as: string) {
  const res = await fetch(`${ctx.system.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${await ctx.api.token(as)}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('the support report of a unit for a period', () => {
  const ids: Record<string, string> = {};
  const funds: Record<string, string> = {};
  let from = '';
  let to = '';

  beforeAll(async () => {
    funds.poor = await money.fund('Quỹ Vì người nghèo thành phố (báo cáo)', 500 * M);
    funds.women = await money.fund('Hội Liên hiệp Phụ nữ thành phố (báo cáo)', 300 * M);
    funds.district = await money.fund('Quỹ Vì người nghèo quận Hà Đông (báo cáo)', 200 * M, 'HN-HD');

    // Hà Cầu: a new build approved at 100 M (70 + 30) with its 50 M advance paid (35 + 15).
    ids.paid = await money.atApproval();
    from = vietnamDate((await ctx.system.models.DossierView.findById(ids.paid).lean())!.openedAt);
    expect(
      (
        await money.approve(ids.paid, 100 * M, [
          [funds.poor, 70 * M],
          [funds.women, 30 * M],
        ])
      ).status,
    ).toBe(200);
    expect((await money.order(ids.paid, 50 * M)).status).toBe(200);
    expect((await money.confirmPaid(ids.paid)).status).toBe(200);

    // Hà Cầu: a new build rejected by the city; another only submitted.
    ids.rejected = await money.atApproval();
    expect(
      (await money.act('tp.hanoi', ids.rejected, { action: 'reject', comment: 'Không đủ điều kiện' })).status,
    ).toBe(200);
    const submitted = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', processVersion: 4, data: proposalIn('HN-HD-HC') },
    });
    ids.open = submitted.body.id as string;
    expect((await money.act('xa.hacau', ids.open, { action: 'submit' })).status).toBe(200);

    // Phú Lương: a repair the district approves itself at 60 M (30 from the city's fund, 30 from the district's).
    const repair = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.phuluong',
      body: { processKey: 'housing-support-2024', processVersion: 4, data: proposalIn('HN-HD-PL', '.repair') },
    });
    expect(repair.status).toBe(201);
    ids.repair = repair.body.id as string;
    expect((await money.act('xa.phuluong', ids.repair, { action: 'submit' })).status).toBe(200);
    const review = { ...example('housing-review@1'), approvedAmount: 60 * M };
    expect((await money.act('quan.hadong', ids.repair, { action: 'approve', data: review })).status).toBe(200);
    const decided = await money.act('quan.hadong', ids.repair, {
      action: 'approve',
      data: money.decision(60 * M, [
        [funds.poor, 30 * M],
        [funds.district, 30 * M],
      ]),
    });
    expect(decided.body).toMatchObject({ currentStep: 'advance-order' });

    // Yên Nghĩa: a proposal withdrawn by its commune.
    const withdrawn = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.yennghia',
      body: { processKey: 'housing-support-2024', processVersion: 4, data: proposalIn('HN-HD-YN') },
    });
    ids.withdrawn = withdrawn.body.id as string;
    const w = await money.act('xa.yennghia', ids.withdrawn, { action: 'withdraw', comment: 'Hộ xin rút' });
    expect(w.body).toMatchObject({ status: 'withdrawn' });

    // Kiến Hưng (directly under the city since 2025, outside Hà Đông): a child's education for three school years,
    // 8.1 M committed, the first year's 2.7 M paid.
    const proposal = example('education-support@1');
    proposal.household.unitCode = 'HN-KIENHUNG';
    const child = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa2025.kienhung',
      body: { processKey: 'education-support-2025', processVersion: 1, data: proposal },
    });
    ids.education = child.body.id as string;
    expect((await money.act('xa2025.kienhung', ids.education, { action: 'submit' })).status).toBe(200);
    const education = await money.act('tp.hanoi', ids.education, {
      action: 'approve',
      data: {
        ...example('education-decision@1'),
        yearlyAmount: 2_700 * K,
        schoolYears: 3,
        approvedAmount: 8_100 * K,
        fundingSplit: [{ fundId: funds.poor, amount: 8_100 * K }],
      },
    });
    expect(education.body).toMatchObject({ currentStep: 'year-order' });
    const yearOrder = { ...example('payment-order@1'), amount: 2_700 * K };
    expect((await money.act('khobac.hanoi', ids.education, { action: 'approve', data: yearOrder })).status).toBe(200);
    const yearPaid = { action: 'approve', data: example('payment-confirmation@1') };
    expect((await money.act('khobac.hanoi', ids.education, yearPaid)).status).toBe(200);

    // A Hà Cầu dossier of a year before (a copy of the paid one, opened and closed 400 days earlier, no money).
    const copy = (await ctx.system.models.DossierView.findById(ids.paid).lean<DossierViewDoc>())!;
    const earlier = (d: Date) => new Date(d.getTime() - 400 * 86_400_000);
    ids.old = `${ids.paid}-OLD`;
    await ctx.system.models.DossierView.create({
      ...copy,
      _id: ids.old,
      openedAt: earlier(copy.openedAt),
      closedAt: earlier(copy.openedAt),
      status: 'completed',
      outcome: 'completed',
      closedOnTime: true,
      currentStep: null,
    });
    to = vietnamDate(new Date());
  });

  it('adds up to the records for the district: totals and every breakdown, with nothing from outside it', async () => {
    const res = await ctx.api.call('GET', `/api/reports/support?unit=HN-HD&from=${from}&to=${to}`, {
      as: 'quan.hadong',
    });
    expect(res.status).toBe(200);
    const report = res.body;
    const total = (await expectedFigures('HN-HD', from, to, () => 'all')).get('all')!;
    expect(figuresOf(report.totals)).toEqual(total);
    // What the test did, as a check on the independent sums themselves.
    expect(total).toMatchObject({ proposed: 5, approved: 2, rejected: 2, committed: 160 * M, paid: 50 * M });
    expect(report.totals.onTimeRate).toBe(
      total.closedOnTime + total.closedLate === 0 ? null : total.closedOnTime / (total.closedOnTime + total.closedLate),
    );

    const byProgramme = await expectedFigures('HN-HD', from, to, (v) => v.programme);
    expect(report.byProgramme.map((r: Record<string, unknown>) => [r['programme'], figuresOf(r)])).toEqual([
      ...byProgramme,
    ]);
    expect(report.byProgramme.map((r: { label: { vi: string } }) => r.label.vi)).toEqual(['Hỗ trợ nhà ở']);

    const byType = await expectedFigures('HN-HD', from, to, (v) => `${v.facts['supportType'] ?? ''}`);
    expect(
      Object.fromEntries(
        report.bySupportType.map((r: Record<string, unknown>) => [r['supportType'] ?? '', figuresOf(r)]),
      ),
    ).toEqual(Object.fromEntries(byType));
    expect(report.bySupportType.map((r: { label: { vi: string } }) => r.label.vi)).toEqual([
      'Hỗ trợ nhà ở — Xây mới',
      'Hỗ trợ nhà ở — Sửa chữa',
    ]);

    const bySource = await expectedFigures('HN-HD', from, to, (_v, fundId) => fundId ?? 'none');
    bySource.delete('none');
    expect(
      Object.fromEntries(report.bySource.map((s: Record<string, unknown>) => [s['fundId'], moneyOnly(figuresOf(s))])),
    ).toEqual(Object.fromEntries([...bySource].map(([k, f]) => [k, moneyOnly(f)])));
    expect(report.bySource.map((s: { name: string; dossiers: number }) => [s.name, s.dossiers])).toEqual([
      ['Hội Liên hiệp Phụ nữ thành phố (báo cáo)', 1],
      ['Quỹ Vì người nghèo quận Hà Đông (báo cáo)', 1],
      ['Quỹ Vì người nghèo thành phố (báo cáo)', 2],
    ]);

    const byUnit = await expectedFigures('HN-HD', from, to, (v) => v.units?.commune ?? v.receivingUnit);
    expect(
      Object.fromEntries(report.byUnit.map((u: Record<string, unknown>) => [u['unitCode'], figuresOf(u)])),
    ).toEqual(Object.fromEntries(byUnit));
    expect(report.byUnit.map((u: { name: string }) => u.name)).toEqual([
      'Phường Hà Cầu',
      'Phường Phú Lương',
      'Phường Yên Nghĩa',
    ]);
    // Kiến Hưng's education support is outside Hà Đông, and the year-old dossier outside the period.
    expect(JSON.stringify(report)).not.toContain('education');
  });

  it('counts what lies in the period and in the unit only', async () => {
    const city = await ctx.api.call('GET', `/api/reports/support?unit=HN&from=${from}&to=${to}`, {
      as: 'lanhdao.hanoi',
    });
    expect(figuresOf(city.body.totals)).toEqual((await expectedFigures('HN', from, to, () => 'all')).get('all'));
    expect(city.body.totals).toMatchObject({ proposed: 6, committed: 168_100 * K, paid: 52_700 * K });
    expect(city.body.byUnit.map((u: { name: string }) => u.name)).toEqual(['Phường Kiến Hưng', 'Quận Hà Đông']);

    const ward = await ctx.api.call('GET', `/api/reports/support?unit=HN-HD-HC&from=${from}&to=${to}`, {
      as: 'xa.hacau',
    });
    expect(ward.body.totals).toMatchObject({ proposed: 3, approved: 1, rejected: 1, committed: 100 * M, paid: 50 * M });
    expect(ward.body.byUnit).toEqual([expect.objectContaining({ unitCode: 'HN-HD-HC', name: 'Phường Hà Cầu' })]);

    const oldDay = vietnamDate((await ctx.system.models.DossierView.findById(ids.old).lean())!.openedAt);
    const before = await ctx.api.call('GET', `/api/reports/support?unit=HN-HD&from=${oldDay}&to=${oldDay}`, {
      as: 'quan.hadong',
    });
    expect(before.body.totals).toMatchObject({ proposed: 1, completed: 1, approved: 1, closedOnTime: 1, committed: 0 });
    expect(before.body.results.counts).toEqual([expect.objectContaining({ unitCode: 'HN-HD-HC', proposed: 1 })]);

    const empty = await ctx.api.call('GET', '/api/reports/support?unit=HN-HD&period=2001-Q3', { as: 'quan.hadong' });
    expect(empty.body).toMatchObject({
      from: '2001-07-01',
      to: '2001-09-30',
      period: { kind: 'quarter', title: { vi: 'Quý III năm 2001', en: 'Q3 2001' } },
      results: { counts: [], money: [], raised: [] },
      byProgramme: [],
    });
  });

  it('gives the same figures in its workbook, a sheet per breakdown', async () => {
    const query = `unit=HN-HD&from=${from}&to=${to}`;
    const json = (await ctx.api.call('GET', `/api/reports/support?${query}`, { as: 'quan.hadong' })).body;
    const file = await download(`/api/reports/support.xlsx?${query}`, 'lanhdao.hanoi');
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo chương trình',
      'Theo loại hỗ trợ',
      'Theo nguồn',
      'Theo đơn vị',
      'Số liệu chi tiết',
      'Chỉ tiêu kế hoạch',
      'Vận động',
    ]);
    // A formula's cached result; exceljs reads a cached 0 back as no result at all.
    const value = (cell: ExcelJS.Cell) =>
      typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value
        ? (cell.value.result ?? 0)
        : cell.value;
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
      return rows;
    };
    const total = (await expectedFigures('HN-HD', from, to, () => 'all')).get('all')!;
    const summary = new Map(rowsOf('Tổng hợp').map((r) => [r[0], r[1]]));
    expect(summary.get('Đề xuất')).toBe(total.proposed);
    expect(summary.get('Được duyệt')).toBe(total.approved);
    expect(summary.get('Kinh phí cam kết')).toBe(total.committed);
    expect(summary.get('Đã chi trả')).toBe(total.paid);

    // Each breakdown's data rows add up, column by column, to its total row and to the independent total.
    for (const name of ['Theo chương trình', 'Theo loại hỗ trợ', 'Theo đơn vị']) {
      const ws = workbook.getWorksheet(name)!;
      const header = (ws.getRow(2).values as string[]).slice(1);
      const last = ws.rowCount;
      for (const [label, key] of [
        ['Đề xuất', 'proposed'],
        ['Được duyệt', 'approved'],
        ['Hoàn thành', 'completed'],
        ['Từ chối, rút', 'rejected'],
        ['Kinh phí cam kết', 'committed'],
        ['Đã chi trả', 'paid'],
      ] as const) {
        const col = header.indexOf(label) + 1;
        let sum = 0;
        for (let r = 3; r < last; r++) sum += value(ws.getRow(r).getCell(col)) as number;
        expect([name, label, sum, value(ws.getRow(last).getCell(col))]).toEqual([name, label, total[key], total[key]]);
      }
    }
    const sources = workbook.getWorksheet('Theo nguồn')!;
    const sourceRows = rowsOf('Theo nguồn').slice(2, -1);
    expect(sourceRows).toEqual(
      json.bySource.map((s: Record<string, unknown>) => [
        s['name'],
        s['unitName'],
        s['dossiers'],
        s['committed'],
        s['paid'],
      ]),
    );
    expect(value(sources.getRow(sources.rowCount).getCell(4))).toBe(total.committed);
    expect(value(sources.getRow(sources.rowCount).getCell(5))).toBe(total.paid);
  });

  it('prints a PDF in the Decree 30 layout, in Vietnamese', async () => {
    const file = await download(`/api/reports/support.pdf?unit=HN-HD&from=${from}&to=${to}`, 'quan.hadong');
    expect([file.status, file.type]).toEqual([200, 'application/pdf']);
    const { flat } = await pdfText(file.body);
    for (const text of [
      'THÀNH PHỐ HÀ NỘI',
      'UBND QUẬN HÀ ĐÔNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '/BC-UBND',
      'Hà Đông, ngày',
      'BÁO CÁO',
      'Hỗ trợ nhà ở — Xây mới',
      'Quỹ Vì người nghèo quận Hà Đông (báo cáo)',
      'Phường Phú Lương',
      '160.000.000 ₫',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]) {
      expect(flat).toContain(text);
    }
  });

  it('sets the targets of the unit’s plans overlapping the period against their results, in JSON, Excel and PDF', async () => {
    const year = from.slice(0, 4);
    // Hà Đông was merged away on 1 July 2025: this year's plans are the city's (and its new wards').
    const plan = {
      unitCode: 'HN',
      title: `Kế hoạch hỗ trợ năm ${year} của Thành phố`,
      kind: 'year',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      targets: [
        { programme: 'housing', supportType: 'new_build', metric: 'count', value: 2 },
        { programme: 'housing', metric: 'amount', value: 150 * M },
        { programme: 'education', metric: 'count', value: 1, unitCode: 'HN-KIENHUNG' },
      ],
    };
    const post = (body: object, as = 'tp.hanoi') => ctx.api.call('POST', '/api/plans', { as, body });
    expect((await post(plan)).status).toBe(201);
    // A ward's own plan, and the city's plan of next year: left out of the city's report.
    const ward = { ...plan, unitCode: 'HN-KIENHUNG', title: 'Kế hoạch của phường Kiến Hưng', targets: [] };
    expect((await post(ward, 'xa2025.kienhung')).status).toBe(201);
    const next = `${Number(year) + 1}`;
    expect(
      (await post({ ...plan, title: 'Kế hoạch năm sau', from: `${next}-01-01`, to: `${next}-12-31` })).status,
    ).toBe(201);

    const query = `unit=HN&from=${from}&to=${to}`;
    const report = (await ctx.api.call('GET', `/api/reports/support?${query}`, { as: 'lanhdao.hanoi' })).body;
    expect(report.plans).toHaveLength(1);
    expect(report.plans[0]).toMatchObject({ title: plan.title, from: plan.from, to: plan.to, until: to });
    // The figures by the records: new builds approved, money committed for housing, Kiến Hưng's child approved.
    const byType = await expectedFigures('HN', plan.from, to, (v) => `${v.facts['supportType']}`);
    const newBuilds = byType.get('new_build')!;
    const housing = (await expectedFigures('HN', plan.from, to, (v) => v.programme)).get('housing')!;
    const kienHung = (await expectedFigures('HN', plan.from, to, (v) => v.receivingUnit)).get('HN-KIENHUNG')!;
    expect(report.plans[0].rows.map((r: Record<string, unknown>) => [r['achieved'], r['met']])).toEqual([
      [newBuilds.approved, newBuilds.approved >= 2],
      [housing.committed, housing.committed >= 150 * M],
      [kienHung.approved, kienHung.approved >= 1],
    ]);
    expect([newBuilds.approved, housing.committed, kienHung.approved]).toEqual([1, 160 * M, 1]);
    expect(report.plans[0].rows.map((r: { label: { vi: string } }) => r.label.vi)).toEqual([
      'Hỗ trợ nhà ở — Xây mới (số lượng)',
      'Hỗ trợ nhà ở (kinh phí)',
      'Hỗ trợ giáo dục (số lượng) · Phường Kiến Hưng',
    ]);
    expect(report.plans[0].rows[1]).toMatchObject({
      valueText: { vi: '150.000.000 ₫' },
      achievedText: { vi: '160.000.000 ₫' },
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await download(`/api/reports/support.xlsx?${query}`, 'lanhdao.hanoi')).body as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    workbook.getWorksheet('Chỉ tiêu kế hoạch')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(-3)).toEqual([
      ['Hỗ trợ nhà ở — Xây mới (số lượng)', '2', '1', 'Chưa đạt'],
      ['Hỗ trợ nhà ở (kinh phí)', '150.000.000 ₫', '160.000.000 ₫', 'Đạt'],
      ['Hỗ trợ giáo dục (số lượng) · Phường Kiến Hưng', '1', '1', 'Đạt'],
    ]);
    const { flat } = await pdfText((await download(`/api/reports/support.pdf?${query}`, 'lanhdao.hanoi')).body);
    expect(flat).toContain('VI. KẾT QUẢ SO VỚI CHỈ TIÊU KẾ HOẠCH');
    expect(flat).toContain(plan.title);
    expect(flat).toContain('Chưa đạt');
    expect(flat).not.toContain('Kế hoạch năm sau');
  });

  it('is read by roles at the unit or above, and refuses a bad period field by field', async () => {
    const conformance = createOpenApiConformance((await ctx.api.call('GET', '/openapi.json')).body);
    const call = async (url: string, as: string) =>
      conformance.check('GET', url, await ctx.api.call('GET', url, { as }));
    expect((await call('/api/reports/support?unit=HN-HD&period=2025', 'lanhdao.hadong')).status).toBe(200);
    expect((await call('/api/reports/support?unit=HN-HD&period=2025-H1', 'admin.hanoi')).status).toBe(200);
    expect((await call('/api/reports/support?unit=HN-HD-HC&period=2025', 'quan.hadong')).status).toBe(200);
    expect((await call('/api/reports/support?unit=HN-HD&period=2025', 'xa.hacau')).status).toBe(403);
    expect((await call('/api/reports/support?unit=HN&period=2025', 'quan.hadong')).status).toBe(403);
    expect((await call('/api/reports/support?unit=HN-XX&period=2025', 'tp.hanoi')).status).toBe(404);
    const field = async (url: string) =>
      (await call(url, 'quan.hadong')).body.error.fields.map((f: { path: string }) => f.path);
    expect(await field('/api/reports/support?unit=HN-HD')).toEqual(['/query/period']);
    expect(await field('/api/reports/support?unit=HN-HD&period=2025-Q5')).toEqual(['/query/period']);
    expect(await field('/api/reports/support?unit=HN-HD&period=2025&from=2025-01-01&to=2025-02-01')).toEqual([
      '/query/period',
    ]);
    expect(await field('/api/reports/support?unit=HN-HD&from=2025-01-01')).toEqual(['/query/to']);
    expect(await field('/api/reports/support?unit=HN-HD&from=2025-02-01&to=2025-01-01')).toEqual(['/query/to']);
    const bad = await ctx.api.call('GET', '/api/reports/support?unit=HN-HD&from=2025-02-01&to=2025-01-01', {
      as: 'quan.hadong',
    });
    expect(bad.body.error.fields[0].message).toBe('Ngày kết thúc phải từ ngày bắt đầu trở đi');
    expect(conformance.problems()).toEqual([]);
  });
});
