// Seed 000 (Hà Tĩnh, 2024) and the demo's poverty register loaded into a real system (Temporal, FerretDB, the API)
// as `npm run demo` loads them: the province, its 13 district-level units and the plan with every target through the
// API; Phường Hà Đông's register, its Tết-gift list and the city's Tết plan, whose coverage is measured against the
// register; a second load adds nothing.
import { vietnamDate } from '../../domain/time/vietnam-date';
import { demoRegister, demoTetPlan } from '../../scripts/seed/demo-register/demo-register';
import { loadDemoRegister } from '../../scripts/seed/demo-register/load-demo-register';
import { HA_TINH_PLAN } from '../../scripts/seed/ha-tinh-2024/ha-tinh-plan';
import { HA_TINH_OFFICER, loadHaTinhPlan } from '../../scripts/seed/ha-tinh-2024/load-ha-tinh-plan';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const YEAR = Number(vietnamDate(new Date()).slice(0, 4));

describe('seed 000 and the demo register, loaded through the API', () => {
  it('loads the Hà Tĩnh plan with its units and targets once, whatever the number of loads', async () => {
    expect(await loadHaTinhPlan({ api: ctx.api, models: ctx.system.models })).toBe('created');
    expect(await loadHaTinhPlan({ api: ctx.api, models: ctx.system.models })).toBe('exists');
    const plans = await ctx.api.call('GET', '/api/plans?unit=HT&year=2024', { as: HA_TINH_OFFICER });
    expect(plans.body.items).toHaveLength(1);
    const [plan] = plans.body.items;
    expect(plan.targets).toEqual(HA_TINH_PLAN.targets);
    expect(Object.keys(plan.names.units)).toHaveLength(14);
    const progress = await ctx.api.call('GET', `/api/plans/${plan.id}/progress`, { as: HA_TINH_OFFICER });
    expect(progress.status).toBe(200);
    // No commune of Hà Tĩnh has a register: the Tết coverage is 0 of 0, not met.
    expect(progress.body.targets.at(-1)).toMatchObject({ actual: 0, of: 0, met: false });
  });

  it('loads the ward’s register, its Tết list and the city’s plan, whose coverage counts the households the list names', async () => {
    await loadDemoRegister({ api: ctx.api, year: YEAR });
    await loadDemoRegister({ api: ctx.api, year: YEAR });
    expect(await ctx.system.models.PovertyRegister.countDocuments({ unitCode: 'HN-HADONG' })).toBe(1);
    expect(await ctx.system.models.DossierView.countDocuments({ programme: 'tet_gift' })).toBe(1);
    const plans = await ctx.api.call('GET', `/api/plans?unit=HN&year=${YEAR}`, { as: 'tp.hanoi' });
    const plan = plans.body.items.filter((p: { title: string }) => p.title === demoTetPlan(YEAR).title);
    expect(plan).toHaveLength(1);
    const progress = await ctx.api.call('GET', `/api/plans/${plan[0].id}/progress`, { as: 'xa2025.hadong' });
    const { register, onTetList } = demoRegister(YEAR);
    const baseline = register.households.filter((h) => h.category !== 'exited');
    expect(progress.body.targets[0]).toMatchObject({ actual: onTetList.length, of: baseline.length });
    expect(
      progress.body.targets[0].register.uncovered[0].households.map((h: { headName: string }) => h.headName),
    ).toEqual(baseline.filter((h) => !onTetList.some((i) => register.households[i] === h)).map((h) => h.headName));
  });
});
