// Seed 002's per-level sponsorship quotas as shipped demo data, loaded into a real system (Temporal, FerretDB, the
// API) as `npm run demo` loads them: a fund per group of Quận Hà Đông's bodies and the plan whose staff targets the
// rule derives (staffQuota), loaded twice with nothing written the second time; then a commitment signed from one
// group's fund counts for that group, for its ward and in the communes-and-district share.
import { createLedger } from '../../api/funds/create-ledger';
import type { PlanContent } from '../../domain/plans/plan';
import { vietnamDate } from '../../domain/time/vietnam-date';
import {
  HA_DONG_STAFF_GROUPS,
  SPONSORSHIP_QUOTA_PLAN,
} from '../../scripts/seed/sponsorship-2024/sponsorship-quota-plan';
import {
  loadSponsorshipQuotaPlan,
  SPONSORSHIP_PLAN_OFFICER,
} from '../../scripts/seed/sponsorship-2024/load-sponsorship-quota-plan';
import { example } from './support/form-examples';
import { M, moneyDossiers } from './support/money-dossiers';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const money = moneyDossiers(ctx);
const YEAR = Number(vietnamDate(new Date()).slice(0, 4));
const AS = SPONSORSHIP_PLAN_OFFICER;

/** What the loader writes: plans, funds and audit entries. */
const written = async () => {
  const { models } = ctx.system;
  return [await models.PlanRevision.countDocuments({}), await models.Fund.countDocuments({})];
};

describe('seed 002’s sponsorship quotas, loaded through the API', () => {
  it('loads the plan once, with each district body’s quota derived from its staff, and writes nothing the second time', async () => {
    expect(await loadSponsorshipQuotaPlan({ api: ctx.api, models: ctx.system.models })).toBe('created');
    const after = await written();
    expect(await loadSponsorshipQuotaPlan({ api: ctx.api, models: ctx.system.models })).toBe('exists');
    expect(await written()).toEqual(after);

    const plans = await ctx.api.call('GET', '/api/plans?unit=HN-HD&year=2025', { as: AS });
    const plan = plans.body.items.filter((p: { title: string }) => p.title === SPONSORSHIP_QUOTA_PLAN.title);
    expect(plan).toHaveLength(1);
    expect(plan[0].targets).toEqual(SPONSORSHIP_QUOTA_PLAN.targets);
    // 32 staff → 3, 18 → 2, 14, 12, 10 → 1; the pairs 7 + 9 and 6 + 5 → 1 each; 4 staff left alone → 1.
    const staffTargets = plan[0].targets.filter((t: { staffBasis?: unknown }) => t.staffBasis);
    expect(staffTargets.map((t: { value: number }) => t.value)).toEqual([3, 2, 1, 1, 1, 1, 1, 1]);
    expect(staffTargets.map((t: { staffBasis: { bodies: unknown[] } }) => t.staffBasis.bodies.length)).toEqual([
      1, 1, 1, 1, 1, 2, 2, 1,
    ]);
    expect(Object.keys(plan[0].names.funds)).toHaveLength(HA_DONG_STAFF_GROUPS.length);
  });

  it('refuses a staff target typed below the quota its staff gives, at the field, in Vietnamese', async () => {
    const group = HA_DONG_STAFF_GROUPS[0]!;
    const res = await ctx.api.call('POST', '/api/plans', {
      as: AS,
      body: {
        ...SPONSORSHIP_QUOTA_PLAN,
        title: 'Kế hoạch thử: chỉ tiêu nhập thấp hơn số cán bộ',
        targets: [
          { programme: 'sponsorship', metric: 'count', value: 1, fundId: group.fundId, staffBasis: group.basis },
        ],
      },
    });
    expect(res.status).toBe(422);
    const [field] = res.body.error.fields;
    expect(field.path).toBe('/targets/0/value');
    expect(field.message).toContain('ít nhất là 3 người');
  });

  it('counts a commitment signed from a body’s fund for that body, for the ward and in the 70 % share', async () => {
    const group = HA_DONG_STAFF_GROUPS[2]!; // Phòng Nội vụ, 14 staff → 1
    await createLedger({ models: ctx.system.models }).receive(group.fundId, {
      amount: 50 * M,
      reference: `receipt:${group.fundId}`,
      by: 'admin.hanoi',
    });
    const data = example('sponsorship-commitment@2');
    data.sponsor = { kind: 'unit', name: group.name, unitCode: 'HN-HD', staffCount: 14, phone: '02433824561' };
    data.beneficiary = { ...data.beneficiary, unitCode: 'HN-HD-HC', citizenId: '001049007315' };
    data.signedCommitment = [{ fileId: await money.upload('xa.hacau'), caption: 'Bản cam kết có chữ ký' }];
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'sponsorship-2024', processVersion: 1, data },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await money.act('xa.hacau', id, { action: 'submit' })).status).toBe(200);
    const total = data.totalAmount as number;
    const signed = await money.act('chutich.hacau', id, {
      action: 'approve',
      data: {
        ...example('support-decision@1'),
        approvedAmount: total,
        fundingSplit: [{ fundId: group.fundId, amount: total }],
      },
    });
    expect(signed.status).toBe(200);

    // The same targets over a period holding today (the shipped plan's 2021–2025 holds no commitment of the test).
    const now: PlanContent = {
      ...SPONSORSHIP_QUOTA_PLAN,
      title: 'Kế hoạch thử: chỉ tiêu nhận đỡ đầu trong kỳ hiện tại',
      from: '2025-01-01',
      to: `${YEAR}-12-31`,
    };
    const made = await ctx.api.call('POST', '/api/plans', { as: AS, body: now });
    expect(made.status).toBe(201);
    const progress = await ctx.api.call('GET', `/api/plans/${made.body.id}/progress`, { as: AS });
    expect(progress.status).toBe(200);
    const rows = progress.body.targets as { index: number; actual: number; met: boolean; of: number | null }[];
    const at = (find: (t: PlanContent['targets'][number]) => boolean) => rows[now.targets.findIndex(find)]!;
    expect(at((t) => t.fundId === group.fundId)).toMatchObject({ actual: 1, met: true });
    expect(at((t) => t.unitCode === 'HN-HD-HC')).toMatchObject({ actual: 1, met: false });
    expect(at((t) => t.unitCode === 'HN-HD-YN')).toMatchObject({ actual: 0, met: false });
    expect(at((t) => t.fundId === HA_DONG_STAFF_GROUPS[0]!.fundId)).toMatchObject({ actual: 0, met: false });
    expect(at((t) => t.metric === 'share')).toMatchObject({ actual: 1, of: 1, met: true });
  });
});
