import { hashPassword } from '../../../api/auth/hash-password';
import type { Models } from '../../../storage/create-models';
import { DEMO_PASSWORD } from '../../demo-accounts';
import type { apiClient } from '../../lib/api-client';
import { ensureDemoFund } from '../ensure-demo-fund';
import { ensurePlan } from '../ensure-plan';
import { HA_TINH_PLAN } from './ha-tinh-plan';
import { HA_TINH_SOURCES } from './ha-tinh-sources';
import { HA_TINH_UNITS } from './ha-tinh-units';

/** The province's officer who writes its plan in the demo (password DEMO_PASSWORD, like every demo account). */
export const HA_TINH_OFFICER = 'tinh.hatinh';

/**
 * Loads seed 000 into a running demo: the province of Hà Tĩnh and its 13 district-level units (upserted, like the
 * demo's own units), the province's sources as funds (no money: the plan is loaded without dossiers), the
 * province's officer `tinh.hatinh`, then the plan (HA_TINH_PLAN) through the API as that officer. Idempotent: units
 * are upserted, funds and the user made only when missing, and the plan created only when no plan of that title is
 * there. Throws on a refused request, naming the status and the fields, never data.
 */
export async function loadHaTinhPlan(deps: {
  api: ReturnType<typeof apiClient>;
  models: Models;
}): Promise<'created' | 'exists'> {
  const { api, models } = deps;
  for (const unit of HA_TINH_UNITS) await models.Unit.replaceOne({ _id: unit._id }, unit, { upsert: true });
  for (const source of HA_TINH_SOURCES) await ensureDemoFund(models, { ...source, unitCode: 'HT', level: 'province' });
  if (!(await models.User.exists({ _id: HA_TINH_OFFICER })))
    await models.User.create({
      _id: HA_TINH_OFFICER,
      displayName: 'Ban Thường trực Ủy ban MTTQ tỉnh Hà Tĩnh',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      grants: [{ role: 'province_officer', unitCode: 'HT' }],
      active: true,
    });
  return ensurePlan(api, HA_TINH_OFFICER, HA_TINH_PLAN, 'the Hà Tĩnh plan');
}
