// The figures a campaign result report is prefilled with (GET /api/reports/campaign-figures), against the real server
// with seed 003's Định Quán campaign loaded as the demo loads it: the money raised equals the ledger's receipts dated
// in the window (read here straight from the ledger), per fund and in total, each figure naming the entries it adds
// up; the households are the lists' households on their decision's date, naming the dossiers; the support report of
// the same window says the same; a bad period is a 422 at its field, a unit outside the caller's a 403.
import { loadDinhQuanCampaign } from '../../scripts/seed/dinh-quan-2024/load-dinh-quan-campaign';
import { DINH_QUAN_FUND_ID } from '../../scripts/seed/dinh-quan-2024/dinh-quan-fund';
import { DINH_QUAN_CAMPAIGN } from '../../scripts/seed/dinh-quan-2024/dinh-quan-campaign';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const WINDOW = 'from=2024-02-03&to=2024-05-19';

it('prefills the campaign result report with the ledger sums and the approved households, each with its source', async () => {
  await loadDinhQuanCampaign({ api: ctx.api });
  const res = await ctx.api.call('GET', `/api/reports/campaign-figures?unit=DN-DQ&${WINDOW}`, { as: 'bvd.dinhquan' });
  expect(res.status).toBe(200);

  const receipts = await ctx.system.models.LedgerEntry.find({
    fundId: DINH_QUAN_FUND_ID,
    kind: 'receipt',
    valueDate: { $gte: '2024-02-03', $lte: '2024-05-19' },
  }).lean();
  const ledgerSum = receipts.reduce((s, e) => s + e.amount, 0);
  const inWindow = DINH_QUAN_CAMPAIGN.receipts.filter((r) => r.date >= '2024-02-03' && r.date <= '2024-05-19');
  expect(receipts).toHaveLength(inWindow.length);
  expect(ledgerSum).toBe(inWindow.reduce((s, r) => s + r.amount, 0));

  const raised = res.body.fields.raisedAmount;
  expect(raised.value).toBe(ledgerSum);
  expect(raised.source).toEqual({
    kind: 'ledger',
    count: receipts.length,
    refs: receipts.map((e) => `${e.fundId}#${e.seq}`).sort(),
    label: {
      vi: `Theo sổ quỹ: ${receipts.length} phiếu thu`,
      en: `From the fund ledger: ${receipts.length} receipts`,
    },
  });
  expect(res.body.raisedByFund).toEqual([expect.objectContaining({ fundId: DINH_QUAN_FUND_ID, amount: ledgerSum })]);

  const lists = await ctx.system.models.DossierView.find({ processKey: 'fund-campaign-housing-2024' }).lean();
  const households = DINH_QUAN_CAMPAIGN.lists.reduce((n, list) => n + list.data.households.length, 0);
  expect(res.body.fields.householdsSupported).toMatchObject({
    value: households,
    source: { kind: 'dossiers', count: lists.length, refs: lists.map((d) => d._id).sort() },
  });
  expect(res.body.approvedByProgramme).toEqual([
    expect.objectContaining({ programme: 'fund_for_the_poor', dossiers: lists.length, households }),
  ]);

  // One basis for money and households: the lists approved on 05/03/2024 (entered and paid today) bring their money
  // with them, so a campaign that supported households spent money; spent is the ledger's payments of those lists.
  const listIds = lists.map((d) => d._id);
  const payments = await ctx.system.models.LedgerEntry.find({ dossierId: { $in: listIds }, kind: 'payment' }).lean();
  const paidSum = payments.reduce((s, e) => s + e.amount, 0);
  expect(households).toBeGreaterThan(0);
  expect(paidSum).toBe(DINH_QUAN_CAMPAIGN.lists.reduce((s, l) => s + l.payment.order.amount, 0));
  expect(res.body.fields.spentAmount).toMatchObject({
    value: paidSum,
    source: { kind: 'ledger', count: payments.length, refs: payments.map((e) => `${e.fundId}#${e.seq}`).sort() },
  });
  expect(res.body.fields.spentAmount.value).toBeGreaterThan(0);
  expect(res.body.committed.value).toBe(DINH_QUAN_CAMPAIGN.lists.reduce((s, l) => s + l.decision.approvedAmount, 0));
  expect(res.body.fields.spentAmount.source.note).toEqual(res.body.basis);
  expect(res.body.fields.householdsSupported.source.note).toEqual(res.body.basis);
  expect(res.body.basis.vi).toContain('theo ngày ký quyết định');

  // Houses built and repaired apart, from the lists' own lines, adding up to the households supported.
  const lines = DINH_QUAN_CAMPAIGN.lists.flatMap((l) => l.data.households);
  expect(res.body.fields.housesBuilt.value).toBe(lines.filter((h) => h.supportKind === 'new_build').length);
  expect(res.body.fields.housesRepaired.value).toBe(lines.filter((h) => h.supportKind === 'repair').length);
  expect(res.body.housesUnsplit.value).toBe(0);
  expect(res.body.fields.housesBuilt.value + res.body.fields.housesRepaired.value).toBe(households);
  expect(res.body.notRaised.loanReceipts.value).toBe(0);
  expect(res.body.notRaised.note.vi).toContain('không phải tiền vận động');
  expect(res.body.plans).toHaveLength(1);
  expect(res.body.period.title.vi).toBe('Từ ngày 03/02/2024 đến ngày 19/05/2024');

  // The support report of the same window adds up the same records.
  const report = await ctx.api.call('GET', `/api/reports/support?unit=DN-DQ&${WINDOW}`, { as: 'bvd.dinhquan' });
  expect(report.body.raised.total).toBe(raised.value);
  expect(report.body.totals.beneficiaries).toBe(res.body.fields.householdsSupported.value);
  // The periodic report counts the same houses apart, by support type, its rows adding up to its totals.
  expect(report.body.totals.housesBuilt).toBe(res.body.fields.housesBuilt.value);
  expect(report.body.totals.housesRepaired).toBe(res.body.fields.housesRepaired.value);
  for (const key of ['housesBuilt', 'housesRepaired'] as const)
    expect(report.body.bySupportType.reduce((s: number, r: Record<string, number>) => s + r[key]!, 0)).toBe(
      report.body.totals[key],
    );

  // Phú Vinh's own figures: its list's households, no fund of its own.
  const commune = await ctx.api.call('GET', `/api/reports/campaign-figures?unit=DN-DQ-PV&${WINDOW}`, {
    as: 'mttq.phuvinh',
  });
  expect(commune.status).toBe(200);
  expect(commune.body.fields.raisedAmount).toMatchObject({ value: 0, source: { count: 0 } });
  expect(commune.body.fields.householdsSupported.value).toBe(DINH_QUAN_CAMPAIGN.lists[0]!.data.households.length);

  // Phú Vinh's result report (fund-campaign-report-2024@2) keeps the figures computed when it was stored beside the
  // ones it reports; the one it corrected carries its reason. The board accepted it (the 2024 campaign is finished).
  const reportView = await ctx.system.models.DossierView.findOne({ processKey: 'fund-campaign-report-2024' }).lean();
  expect(reportView).toMatchObject({ processVersion: 2, currentStep: null, status: 'completed' });
  const stored = await ctx.system.models.Submission.findOne({ dossierId: reportView!._id }).lean();
  const c = commune.body.fields;
  expect(stored!.data).toMatchObject({
    ...DINH_QUAN_CAMPAIGN.report.data,
    corrections: DINH_QUAN_CAMPAIGN.report.corrections,
    computed: {
      raisedAmount: c.raisedAmount.value,
      spentAmount: c.spentAmount.value,
      householdsSupported: c.householdsSupported.value,
      housesBuilt: c.housesBuilt.value,
      housesRepaired: c.housesRepaired.value,
    },
  });
  const kept = stored!.data as { raisedAmount: number; computed: { raisedAmount: number; computedAt: unknown } };
  expect(kept.computed.raisedAmount).not.toBe(kept.raisedAmount);
  expect(typeof kept.computed.computedAt).toBe('string');

  const bad = await ctx.api.call('GET', '/api/reports/campaign-figures?unit=DN-DQ&from=2024-05-19&to=2024-02-03', {
    as: 'bvd.dinhquan',
  });
  expect(bad.status).toBe(422);
  expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['/query/to']);
  const outside = await ctx.api.call('GET', `/api/reports/campaign-figures?unit=DN-DQ&${WINDOW}`, {
    as: 'mttq.phuvinh',
  });
  expect(outside.status).toBe(403);
});

it('refuses a result report whose figure differs from the computed one without a reason, at the reason', async () => {
  await loadDinhQuanCampaign({ api: ctx.api });
  const data = {
    ...DINH_QUAN_CAMPAIGN.report.data,
    reportNumber: '16/BC-MTTQ',
    corrections: {},
    spentAmount: 80_000_000,
    computed: { raisedAmount: 5_000_000 }, // what the caller sends there is replaced, not trusted
  };
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'mttq.phuvinh',
    body: { processKey: 'fund-campaign-report-2024', processVersion: 2, data },
  });
  expect(res.status).toBe(422);
  expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
    '/data/corrections/raisedAmount',
    '/data/corrections/spentAmount',
  ]);
  const spent = res.body.error.fields.find((f: { path: string }) => f.path === '/data/corrections/spentAmount');
  expect(spent.message).toContain('80.000.000 ₫');
  expect(spent.message).toContain('90.000.000 ₫');
});
