import type { PlanContent } from '../../domain/plans/plan';
import type { apiClient } from '../lib/api-client';
import { describeRefusal } from './demo-driver/drive-dossier';

/**
 * Makes a shipped plan through the API as `as` when no plan of its unit has its title yet: 'exists' without writing
 * anything otherwise, so a second load writes nothing. Throws on a refused request, naming the status and the fields
 * (`what` says which plan), never data.
 */
export async function ensurePlan(
  api: ReturnType<typeof apiClient>,
  as: string,
  plan: PlanContent,
  what: string,
): Promise<'created' | 'exists'> {
  const existing = await api.call('GET', `/api/plans?unit=${encodeURIComponent(plan.unitCode)}`, { as });
  if (existing.status !== 200)
    throw new Error(`GET /api/plans answered ${describeRefusal(existing.status, existing.body)}`);
  if ((existing.body.items as { title: string }[]).some((p) => p.title === plan.title)) return 'exists';
  const created = await api.call('POST', '/api/plans', { as, body: plan });
  if (created.status !== 201)
    throw new Error(`${what}: POST answered ${describeRefusal(created.status, created.body)}`);
  return 'created';
}
