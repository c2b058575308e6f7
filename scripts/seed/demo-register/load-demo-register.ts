import type { apiClient } from '../../lib/api-client';
import { describeRefusal } from '../demo-driver/drive-dossier';
import { DEMO_REGISTER_WARD, demoRegister, demoTetPlan } from './demo-register';

const WARD_OFFICER = 'xa2025.hadong';

/**
 * Makes the register's coverage visible in the demo, through the API: Phường Hà Đông's register for `year`
 * (demoRegister) by its officer, a Tết-gift list of the ward naming some of its households, and the city's Tết plan
 * whose coverage targets take the register as baseline. Idempotent: the register is written only when the ward has
 * none for the year (a 409 from a concurrent load counts as there), the list carries a fixed Idempotency-Key, and
 * the plan is created only when no plan of its title exists.
 */
export async function loadDemoRegister(deps: { api: ReturnType<typeof apiClient>; year: number }): Promise<void> {
  const { api, year } = deps;
  const { register, onTetList } = demoRegister(year);
  const existing = await api.call('GET', `/api/poverty-registers/${DEMO_REGISTER_WARD}/${year}`, { as: WARD_OFFICER });
  if (existing.status === 404) {
    const written = await api.call('POST', '/api/poverty-registers', { as: WARD_OFFICER, body: register });
    if (written.status !== 201 && written.status !== 409)
      throw new Error(`the demo register: POST answered ${describeRefusal(written.status, written.body)}`);
  } else if (existing.status !== 200) {
    throw new Error(`the demo register: GET answered ${describeRefusal(existing.status, existing.body)}`);
  }

  const households = onTetList.map((i) => register.households[i]!);
  const list = await api.call('POST', '/api/dossiers', {
    as: WARD_OFFICER,
    headers: { 'idempotency-key': `demo:register:${year}:tet-list` },
    body: {
      processKey: 'tet-gift-2025',
      processVersion: 1,
      data: {
        supportType: 'tet_gift',
        campaignYear: Math.min(Math.max(year + 1, 2024), 2030),
        giftKind: 'mixed',
        giftDescription: '500.000 đ tiền mặt, 10 kg gạo, 2 bánh chưng',
        households: households.map((h) => ({
          headName: h.headName,
          citizenId: h.cccd,
          village: h.hamlet,
          povertyStatus: h.category === 'poor' ? 'poor' : 'near_poor',
          value: 1_000_000,
        })),
        beneficiaries: households.length,
        requestedAmount: households.length * 1_000_000,
        sponsor: 'fatherland_front',
        sponsorName: 'Ủy ban MTTQ Việt Nam phường Hà Đông',
      },
    },
  });
  if (list.status !== 201 && list.status !== 200)
    throw new Error(`the demo Tết list: POST answered ${describeRefusal(list.status, list.body)}`);

  const plan = demoTetPlan(year);
  const plans = await api.call('GET', `/api/plans?unit=HN&year=${year}`, { as: 'tp.hanoi' });
  if (plans.status !== 200) throw new Error(`GET /api/plans answered ${describeRefusal(plans.status, plans.body)}`);
  if ((plans.body.items as { title: string }[]).some((p) => p.title === plan.title)) return;
  const created = await api.call('POST', '/api/plans', { as: 'tp.hanoi', body: plan });
  if (created.status !== 201)
    throw new Error(`the demo Tết plan: POST answered ${describeRefusal(created.status, created.body)}`);
}
