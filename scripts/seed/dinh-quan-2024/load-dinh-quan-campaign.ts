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
 * plan (raising and households targets over 03/02–19/05/2024), Phú Vinh and La Ngà send their temporary-housing lists
 * and the district board approves them, committing the fund's money, and Phú Vinh sends its result report. The lists
 * run fund-campaign-housing-2024@2, whose decision date is a fact: they count as approved on their decision's date
 * (05/03/2024, inside the window), not on the day the demo loads them (keys `list@2:`, so a demo loaded before with
 * @1 gets the @2 lists beside its old ones). Every write carries an Idempotency-Key derived from what it is, so a
 * second run (or a run cut off and restarted) repeats nothing; the plan is looked up by its title first. A refusal
 * throws with the answer's status and code.
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
        body: { processKey: 'fund-campaign-housing-2024', processVersion: 2, data: list.data },
        headers: key(`list@2:${list.commune}`),
      }),
    );
    const id = created.id as string;
    const act = (as: string, what: string, body: Record<string, unknown>) =>
      must(
        `${what} ${list.commune}`,
        api.call('POST', `/api/dossiers/${id}/actions`, { as, body, headers: key(`list@2:${list.commune}:${what}`) }),
      );
    await act(list.officer, 'submit', { action: 'submit' });
    await act('bvd.dinhquan', 'approve', { action: 'approve', data: list.decision });
    dossiers++;
  }
  const report = await must(
    'report',
    api.call('POST', '/api/dossiers', {
      as: campaign.report.officer,
      body: { processKey: 'fund-campaign-report-2024', processVersion: 1, data: campaign.report.data },
      headers: key('report'),
    }),
  );
  await must(
    'report submit',
    api.call('POST', `/api/dossiers/${report.id as string}/actions`, {
      as: campaign.report.officer,
      body: { action: 'submit' },
      headers: key('report:submit'),
    }),
  );
  return { receipts: campaign.receipts.length, plan: exists ? 'exists' : 'created', dossiers: dossiers + 1 };
}
