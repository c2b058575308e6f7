import type { ApiResponse, apiClient } from '../../lib/api-client';
import { DINH_QUAN_FUND_ID } from './dinh-quan-fund';
import { DINH_QUAN_CAMPAIGN } from './dinh-quan-campaign';

export interface DinhQuanLoadReport {
  receipts: number;
  plan: 'created' | 'exists';
  dossiers: number;
}

const key = (what: string) => ({ 'Idempotency-Key': `demo:dinh-quan-2024:${what}` });

/**
 * Loads seed 003's campaign into a running demo through its API, as its people would: Đồng Nai's administrator
 * records the receipts with their donors into Định Quán's Fund for the Poor, the district's head makes the campaign
 * plan (raising and households targets over 03/02–19/05/2024), Phú Vinh and La Ngà send their temporary-housing lists,
 * the district board approves them, committing the fund's money, the fund orders and confirms their payment, and
 * Phú Vinh sends its result report (fund-campaign-report-2024@2: prefilled with the computed figures, which the
 * dossier keeps beside the reported ones). The lists run fund-campaign-housing-2024@3, whose decision date is a fact
 * and whose houses to build and to repair are counted apart: they count as approved, with their money, on their
 * decision's date (05/03/2024, inside the window), not on the day the demo loads them (keys `list@3:` and
 * `report@2`, so a demo loaded before with earlier versions gets these beside its old ones). Every write carries an
 * Idempotency-Key derived from what it is, so a second run (or a run cut off and restarted) repeats nothing; the plan
 * is looked up by its title first. A refusal throws with the answer's status and code. The report is accepted by the
 * district board: the 2024 campaign's records, finished (its units retired on 30/06/2025, nothing of it is left open).
 * The demo loads it through its own API with validity off (the seed era's records: scripts/lib/start-seed-era-api.ts).
 */
export async function loadDinhQuanCampaign(deps: { api: ReturnType<typeof apiClient> }): Promise<DinhQuanLoadReport> {
  const { api } = deps;
  const must = async (what: string, res: Promise<ApiResponse>, ok = [200, 201]) => {
    const answer = await res;
    if (!ok.includes(answer.status))
      throw new Error(`${what}: ${answer.status} ${String(answer.body?.error?.code ?? '')}`.trim());
    return answer.body;
  };
  const campaign = DINH_QUAN_CAMPAIGN;

  for (const [i, receipt] of campaign.receipts.entries())
    await must(
      `receipt ${i}`,
      api.call('POST', `/api/admin/funds/${DINH_QUAN_FUND_ID}/receipts`, {
        as: 'admin.dongnai',
        body: receipt,
        headers: key(`receipt:${i}`),
      }),
    );

  const listed = await must('plans', api.call('GET', '/api/plans?unit=DN-DQ&year=2024', { as: 'lanhdao.dinhquan' }));
  const exists = (listed.items as { title: string }[]).some((p) => p.title === campaign.plan.title);
  if (!exists) await must('plan', api.call('POST', '/api/plans', { as: 'lanhdao.dinhquan', body: campaign.plan }));

  let dossiers = 0;
  for (const list of campaign.lists) {
    const created = await must(
      `list ${list.commune}`,
      api.call('POST', '/api/dossiers', {
        as: list.officer,
        body: { processKey: 'fund-campaign-housing-2024', processVersion: 3, data: list.data },
        headers: key(`list@3:${list.commune}`),
      }),
    );
    const id = created.id as string;
    const act = (as: string, what: string, body: Record<string, unknown>) =>
      must(
        `${what} ${list.commune}`,
        api.call('POST', `/api/dossiers/${id}/actions`, { as, body, headers: key(`list@3:${list.commune}:${what}`) }),
      );
    await act(list.officer, 'submit', { action: 'submit' });
    await act('bvd.dinhquan', 'approve', { action: 'approve', data: list.decision });
    // Paid out by the district fund in 2024: the district is gone since 30/06/2025, so nothing of it is left open.
    await act('quy.dinhquan', 'order', { action: 'approve', data: list.payment.order });
    await act('quy.dinhquan', 'confirm', { action: 'approve', data: list.payment.confirmation });
    dossiers++;
  }
  const report = await must(
    'report',
    api.call('POST', '/api/dossiers', {
      as: campaign.report.officer,
      body: {
        processKey: 'fund-campaign-report-2024',
        processVersion: 2,
        data: { ...campaign.report.data, corrections: campaign.report.corrections },
      },
      headers: key('report@2'),
    }),
  );
  await must(
    'report submit',
    api.call('POST', `/api/dossiers/${report.id as string}/actions`, {
      as: campaign.report.officer,
      body: { action: 'submit' },
      headers: key('report@2:submit'),
    }),
  );
  // Received by the district's campaign board after the campaign, as in 2024: sent late, accepted.
  await must(
    'report accepted',
    api.call('POST', `/api/dossiers/${report.id as string}/actions`, {
      as: 'bvd.dinhquan',
      body: { action: 'approve' },
      headers: key('report:accept'),
    }),
  );
  return { receipts: campaign.receipts.length, plan: exists ? 'exists' : 'created', dossiers: dossiers + 1 };
}
