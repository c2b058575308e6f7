// Seed 003's Fund-for-the-Poor campaign in Định Quán (03/02–19/05/2024), through the API and the real workflow:
// receipts with their donors counted in the plan's raising targets by their date (inside the window only), the
// commune's temporary-housing list due by the fixed date 22/02/2024 (and late when sent after it), its commitment
// bounded by the fund's balance, and the report's money raised equal to the ledger's receipts.
import { randomUUID } from 'node:crypto';
import { DONOR_KIND_LABELS, UNKNOWN_DONOR_LABEL } from '../../domain/funds/donor-kinds';
import { postingDayOf } from '../../domain/funds/posting-day';
import { vietnamDate } from '../../domain/time/vietnam-date';
import type { LedgerEntryDoc } from '../../storage/ledger-entry-schema';
import { example } from './support/form-examples';
import { pdfText } from './support/pdf-text';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();

/** The receipts' amounts per donor kind, named, in the kinds' order and the unrecorded donor last. */
function expectedByKind(entries: readonly LedgerEntryDoc[]): [string, number][] {
  const kinds = [...Object.keys(DONOR_KIND_LABELS), null] as (keyof typeof DONOR_KIND_LABELS | null)[];
  return kinds.flatMap((kind) => {
    const of = entries.filter((e) => (e.donor?.kind ?? null) === kind);
    if (of.length === 0) return [];
    const label = kind ? DONOR_KIND_LABELS[kind].vi : UNKNOWN_DONOR_LABEL.vi;
    return [[label, of.reduce((t, e) => t + e.amount, 0)] as [string, number]];
  });
}
const M = 1_000_000;
const CAMPAIGN = { from: '2024-02-03', to: '2024-05-19' };

describe('the Fund-for-the-Poor campaign of Định Quán', () => {
  const funds: Record<'district' | 'phuVinh' | 'laNga' | 'budget', string> = {
    district: '',
    phuVinh: '',
    laNga: '',
    budget: '',
  };

  async function createFund(unitCode: string, kind: string, name: string): Promise<string> {
    const res = await ctx.api.call('POST', '/api/admin/funds', {
      as: 'admin.dongnai',
      body: { unitCode, kind, name },
    });
    expect(res.status).toBe(201);
    return res.body._id as string;
  }
  async function receive(fundId: string, amount: number, date: string, donor?: { kind: string; name: string }) {
    const res = await ctx.api.call('POST', `/api/admin/funds/${fundId}/receipts`, {
      as: 'admin.dongnai',
      body: { amount, date, ...(donor ? { donor } : {}) },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const act = (as: string, id: string, body: Record<string, unknown>) =>
    ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as, body });

  beforeAll(async () => {
    funds.district = await createFund('DN-DQ', 'fund_for_the_poor', 'Quỹ “Vì người nghèo” huyện Định Quán');
    funds.phuVinh = await createFund('DN-DQ-PV', 'fund_for_the_poor', 'Quỹ “Vì người nghèo” xã Phú Vinh');
    funds.laNga = await createFund('DN-DQ-LN', 'fund_for_the_poor', 'Quỹ “Vì người nghèo” xã La Ngà');
    funds.budget = await createFund('DN-DQ', 'state_budget', 'Ngân sách huyện Định Quán');
    await receive(funds.district, 7 * M, '2024-02-02', { kind: 'enterprise', name: 'Công ty TNHH Gỗ Phú Tân' });
    await receive(funds.district, 120 * M, '2024-02-03', { kind: 'enterprise', name: 'Công ty CP Cao su Đồng Nai' });
    await receive(funds.district, 15 * M, '2024-05-19', { kind: 'overseas_vietnamese', name: 'Ông Trần Văn Kiệt' });
    await receive(funds.district, 9 * M, '2024-05-20', { kind: 'individual', name: 'Bà Lê Thị Hoa' });
    await receive(funds.phuVinh, 25 * M, '2024-03-10', { kind: 'member_organisation', name: 'Hội Nông dân xã' });
    await receive(funds.phuVinh, 5 * M, '2024-04-01');
    await receive(funds.laNga, 10 * M, '2024-04-15', { kind: 'individual', name: 'Ông Phạm Văn Lộc' });
    await receive(funds.budget, 500 * M, '2024-03-01');
  });

  it('keeps each receipt’s donor in the ledger, without naming the donor in the audit log', async () => {
    const ledger = await ctx.api.call('GET', `/api/funds/${funds.district}/ledger`, { as: 'bvd.dinhquan' });
    expect(ledger.status).toBe(200);
    expect(ledger.body.entries.map((e: { donor: unknown }) => e.donor)).toEqual([
      { kind: 'enterprise', name: 'Công ty TNHH Gỗ Phú Tân' },
      { kind: 'enterprise', name: 'Công ty CP Cao su Đồng Nai' },
      { kind: 'overseas_vietnamese', name: 'Ông Trần Văn Kiệt' },
      { kind: 'individual', name: 'Bà Lê Thị Hoa' },
    ]);
    const events = await ctx.system.models.AdminEvent.find({ kind: 'fund.receipt', target: funds.district }).lean();
    expect(JSON.stringify(events)).not.toContain('Kiệt');
    const bad = await ctx.api.call('POST', `/api/admin/funds/${funds.district}/receipts`, {
      as: 'admin.dongnai',
      body: { amount: M, date: '2024-03-01', donor: { kind: 'alien', name: '' } },
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/donor/kind', '/donor/name']),
    );
  });

  it('counts the receipts dated in the campaign, not those before or after it nor the budget’s, in the raising targets', async () => {
    const plan = await ctx.api.call('POST', '/api/plans', {
      as: 'lanhdao.dinhquan',
      body: {
        unitCode: 'DN-DQ',
        title: 'Đợt cao điểm vận động Quỹ “Vì người nghèo” năm 2024',
        kind: 'campaign',
        ...CAMPAIGN,
        targets: [
          { programme: 'fund_for_the_poor', metric: 'raised', value: 150 * M },
          { programme: 'fund_for_the_poor', metric: 'raised', value: 30 * M, sourceLevels: ['commune'] },
          { programme: 'fund_for_the_poor', metric: 'raised', value: 100 * M, fundId: funds.district },
          { programme: 'fund_for_the_poor', metric: 'raised', value: 20 * M, unitCode: 'DN-DQ-PV' },
        ],
      },
    });
    expect(plan.status).toBe(201);
    const progress = await ctx.api.call('GET', `/api/plans/${plan.body.id}/progress`, { as: 'bvd.dinhquan' });
    expect(progress.status).toBe(200);
    const figures = progress.body.targets.map((t: { actual: number; met: boolean; byUnit: unknown }) => [
      t.actual,
      t.met,
      t.byUnit,
    ]);
    expect(figures).toEqual([
      [
        175 * M,
        true,
        [
          { unitCode: 'DN-DQ-PV', name: 'Xã Phú Vinh', actual: 30 * M },
          { unitCode: 'DN-DQ-LN', name: 'Xã La Ngà', actual: 10 * M },
        ],
      ],
      [
        40 * M,
        true,
        [
          { unitCode: 'DN-DQ-PV', name: 'Xã Phú Vinh', actual: 30 * M },
          { unitCode: 'DN-DQ-LN', name: 'Xã La Ngà', actual: 10 * M },
        ],
      ],
      [135 * M, true, []],
      [30 * M, true, []],
    ]);

    const refused = await ctx.api.call('POST', '/api/plans', {
      as: 'lanhdao.dinhquan',
      body: {
        unitCode: 'DN-DQ',
        title: 'Kế hoạch sai',
        kind: 'campaign',
        ...CAMPAIGN,
        targets: [{ programme: 'fund_for_the_poor', metric: 'raised', value: M, fundId: funds.budget }],
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ path: '/targets/0/fundId', message: expect.stringContaining('nguồn được cấp') }),
    ]);
  });

  it('makes the commune’s list due by 22/02/2024 at the close of office hours, late when sent after it, and commits within the fund’s balance', async () => {
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'mttq.phuvinh',
      body: {
        processKey: 'fund-campaign-housing-2024',
        processVersion: 1,
        data: example('campaign-housing-list@1'),
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const before = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'mttq.phuvinh' });
    expect(before.body.currentStep.dueAt).toBe('2024-02-22T10:00:00.000Z'); // 17:00 in Việt Nam

    expect((await act('mttq.phuvinh', id, { action: 'submit' })).status).toBe(200);
    const slip = await ctx.api.call('GET', `/api/dossiers/${id}/control-slip`, { as: 'bvd.dinhquan' });
    const sent = slip.body.rows.find((r: { action: string }) => r.action === 'submit');
    expect(sent).toMatchObject({ stepDueAt: '2024-02-22T10:00:00.000Z', timeliness: { code: 'late' } });

    // Phú Vinh's own fund holds 30 M: the list's 90 M cannot be committed from it, and nothing is written.
    const decision = (fundId: string) => ({
      ...example('support-decision@1'),
      decisionNumber: '27/QĐ-MTTQ',
      approvedAmount: 90 * M,
      fundingSplit: [{ fundId, amount: 90 * M }],
    });
    const short = await act('bvd.dinhquan', id, { action: 'approve', data: decision(funds.phuVinh) });
    expect(short.status).toBe(409);
    expect(short.body.error.code).toBe('fund_insufficient');
    expect(await ctx.system.models.LedgerEntry.countDocuments({ dossierId: id })).toBe(0);

    const approved = await act('bvd.dinhquan', id, { action: 'approve', data: decision(funds.district) });
    expect(approved.status).toBe(200);
    const commitments = await ctx.system.models.LedgerEntry.find({ dossierId: id, kind: 'commitment' }).lean();
    expect(commitments.map((e) => [e.fundId, e.amount])).toEqual([[funds.district, 90 * M]]);
  });

  it('reports the money raised by fund and donor kind as the ledger’s receipts add up, and the commitments as the ledger’s', async () => {
    const today = vietnamDate(Date.now());
    const report = await ctx.api.call('GET', `/api/reports/support?unit=DN-DQ&from=${CAMPAIGN.from}&to=${today}`, {
      as: 'bvd.dinhquan',
    });
    expect(report.status).toBe(200);
    // Every fund of Định Quán and its communes that raises money (the demo fund too), from the ledger itself.
    const raising = await ctx.system.models.Fund.find({
      unitCode: { $in: ['DN-DQ', 'DN-DQ-TT', 'DN-DQ-PV', 'DN-DQ-PT', 'DN-DQ-LN'] },
      kind: { $nin: ['state_budget', 'policy_bank_loan'] },
    }).lean();
    const receipts = await ctx.system.models.LedgerEntry.find({
      fundId: { $in: raising.map((f) => f._id) },
      kind: 'receipt',
    }).lean<LedgerEntryDoc[]>();
    const dayOf = (e: LedgerEntryDoc) => e.valueDate ?? postingDayOf(e);
    const inPeriod = receipts.filter((e) => dayOf(e) >= CAMPAIGN.from && dayOf(e) <= today);
    expect(inPeriod.length).toBeGreaterThan(5);
    const raised = report.body.results.raised as { fundId: string; donorKind: string | null; amount: number }[];
    expect(raised.reduce((t, r) => t + r.amount, 0)).toBe(inPeriod.reduce((t, e) => t + e.amount, 0));
    for (const row of raised)
      expect(row.amount).toBe(
        inPeriod
          .filter((e) => e.fundId === row.fundId && (e.donor?.kind ?? null) === row.donorKind)
          .reduce((t, e) => t + e.amount, 0),
      );
    expect(raised.some((r) => r.fundId === funds.budget)).toBe(false);
    const committed = await ctx.system.models.LedgerEntry.find({ fundId: funds.district, kind: 'commitment' }).lean();
    expect(report.body.totals.committed).toBe(committed.reduce((t, e) => t + e.amount, 0));

    // The report's breakdowns of the money raised: by donor kind (named), by fund and by commune, each adding up.
    const total = inPeriod.reduce((t, e) => t + e.amount, 0);
    const summed = (rows: { amount: number }[]) => rows.reduce((t, r) => t + r.amount, 0);
    expect(report.body.raised.total).toBe(total);
    expect(report.body.raised.receipts).toBe(inPeriod.length);
    expect(summed(report.body.raised.byFund)).toBe(total);
    expect(summed(report.body.raised.byUnit)).toBe(total);
    expect(
      report.body.raised.byDonorKind.map((r: { label: { vi: string }; amount: number }) => [r.label.vi, r.amount]),
    ).toEqual(expectedByKind(inPeriod));

    const res = await fetch(
      `${ctx.system.baseUrl}/api/reports/support.pdf?unit=DN-DQ&from=${CAMPAIGN.from}&to=${today}`,
      {
        headers: { authorization: `Bearer ${await ctx.api.token('bvd.dinhquan')}` },
      },
    );
    const { flat } = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(flat).toContain('VII. KẾT QUẢ VẬN ĐỘNG');
    expect(flat).toContain('Quỹ “Vì người nghèo” xã Phú Vinh');
  });
});
