// Seed 003's campaign as shipped demo data (scripts/seed/dinh-quan-2024/), loaded through the API twice: the second
// run writes nothing; the plan's raising target counts the receipts dated in the window (not the one after it, nor
// the fund's opening receipt of the demo seed, dated today); the two lists committed their totals from the fund; the
// households target counts the lists' households on their decision's date; the lists are paid in full; the result
// report (fund-campaign-report-2024@2, its computed figures kept beside the reported ones), due by 19/05/2024 (a
// Sunday: the Friday's close of office hours), was sent late and accepted: nothing of the 2024 campaign, whose units
// retired on 30/06/2025, is left open.
import { loadDinhQuanCampaign } from '../../scripts/seed/dinh-quan-2024/load-dinh-quan-campaign';
import { DINH_QUAN_FUND_ID } from '../../scripts/seed/dinh-quan-2024/dinh-quan-fund';
import { DINH_QUAN_CAMPAIGN } from '../../scripts/seed/dinh-quan-2024/dinh-quan-campaign';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const M = 1_000_000;

it('loads the Định Quán campaign once, whatever the number of runs, with its figures', async () => {
  const first = await loadDinhQuanCampaign({ api: ctx.api });
  expect(first).toEqual({ receipts: 6, plan: 'created', dossiers: 3 });
  const counts = async () => ({
    entries: await ctx.system.models.LedgerEntry.countDocuments({ fundId: DINH_QUAN_FUND_ID }),
    dossiers: await ctx.system.models.DossierView.countDocuments({ unitChain: 'DN-DQ' }),
  });
  const after = await counts();
  // The fund's opening receipt, the campaign's six, the two lists' commitments and their two payments.
  expect(after).toEqual({ entries: 1 + 6 + 2 + 2, dossiers: 3 });
  expect(await loadDinhQuanCampaign({ api: ctx.api })).toEqual({ receipts: 6, plan: 'exists', dossiers: 3 });
  expect(await counts()).toEqual(after);

  const plans = await ctx.api.call('GET', '/api/plans?unit=DN-DQ&year=2024', { as: 'bvd.dinhquan' });
  expect(plans.body.items).toHaveLength(1);
  const progress = await ctx.api.call('GET', `/api/plans/${plans.body.items[0].id}/progress`, { as: 'bvd.dinhquan' });
  expect(progress.body.targets[0]).toMatchObject({ actual: 260 * M, met: true });
  // The households target counts the lists' households (2 in Phú Vinh, 1 in La Ngà) on their decision's date,
  // 05/03/2024, inside the window, though the demo approved them today.
  const households = DINH_QUAN_CAMPAIGN.lists.reduce((n, list) => n + list.data.households.length, 0);
  expect(households).toBe(3);
  expect(progress.body.targets[1]).toMatchObject({ actual: households, met: false });

  const commitments = await ctx.system.models.LedgerEntry.find({
    fundId: DINH_QUAN_FUND_ID,
    kind: 'commitment',
  }).lean();
  expect(commitments.map((e) => e.amount).sort((a, b) => a - b)).toEqual([60 * M, 90 * M]);
  const payments = await ctx.system.models.LedgerEntry.find({ fundId: DINH_QUAN_FUND_ID, kind: 'payment' }).lean();
  expect(payments.map((e) => e.amount).sort((a, b) => a - b)).toEqual([60 * M, 90 * M]);
  const open = await ctx.system.models.DossierView.countDocuments({
    unitChain: 'DN-DQ',
    status: { $in: ['received', 'in_progress', 'awaiting_supplement'] },
  });
  expect(open).toBe(0);
  const report = await ctx.system.models.DossierView.findOne({ processKey: 'fund-campaign-report-2024' }).lean();
  expect(report).toMatchObject({ currentStep: null, status: 'completed' });
  const history = await ctx.api.call('GET', `/api/dossiers/${report!._id}`, { as: 'bvd.dinhquan' });
  const sent = history.body.history.find((h: { action: string }) => h.action === 'submit');
  expect(sent).toMatchObject({ stepDueAt: '2024-05-17T10:00:00.000Z', onTime: false });
});
