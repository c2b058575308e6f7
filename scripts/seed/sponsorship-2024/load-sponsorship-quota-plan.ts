import type { apiClient } from '../../lib/api-client';
import type { Models } from '../../../storage/create-models';
import { ensureDemoFund } from '../ensure-demo-fund';
import { ensurePlan } from '../ensure-plan';
import { HA_DONG_STAFF_GROUPS, SPONSORSHIP_QUOTA_PLAN } from './sponsorship-quota-plan';

/** The district labour office that writes the plan in the demo (a demo account). */
export const SPONSORSHIP_PLAN_OFFICER = 'quan.hadong';

/**
 * Loads seed 002's quotas into a running demo: a fund per group of Hà Đông's bodies (the commitments each signs are
 * what its target counts; no money), then the plan (SPONSORSHIP_QUOTA_PLAN) through the API as the district's
 * labour office. Idempotent: funds are made only when missing and the plan only when no plan of its title is there,
 * so a second load writes nothing. Throws on a refused request, naming the status and the fields, never data.
 */
export async function loadSponsorshipQuotaPlan(deps: {
  api: ReturnType<typeof apiClient>;
  models: Models;
}): Promise<'created' | 'exists'> {
  const { api, models } = deps;
  for (const group of HA_DONG_STAFF_GROUPS)
    await ensureDemoFund(models, {
      fundId: group.fundId,
      unitCode: 'HN-HD',
      level: 'district',
      kind: 'sponsor',
      name: group.name,
    });
  return ensurePlan(api, SPONSORSHIP_PLAN_OFFICER, SPONSORSHIP_QUOTA_PLAN, 'the sponsorship quota plan');
}
