import { treeUnit } from '../../../api/plans/load-plan-units';
import { planProblems } from '../../../domain/plans/plan-problems';
import { PLAN_PROGRAMMES } from '../../../domain/plans/plan-programmes';
import type { TreeUnit } from '../../../domain/plans/units-tree';
import { registerProblems } from '../../../domain/poverty-register/register-problems';
import { demoRegister, demoTetPlan } from '../../../scripts/seed/demo-register/demo-register';
import { HA_TINH_PLAN } from '../../../scripts/seed/ha-tinh-2024/ha-tinh-plan';
import { HA_TINH_SOURCES } from '../../../scripts/seed/ha-tinh-2024/ha-tinh-sources';
import { HA_TINH_UNITS } from '../../../scripts/seed/ha-tinh-2024/ha-tinh-units';

// The figures below are typed from the plan itself (shared/seeds/000: "Kế hoạch thực hiện công tác giảm nghèo và an
// sinh xã hội năm 2024", Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hà Tĩnh), not computed from the data under test.
const targets = HA_TINH_PLAN.targets;
const of = (programme: string, more: (t: (typeof targets)[number]) => boolean = () => true) =>
  targets.filter((t) => t.programme === programme && more(t));
const name = (code: string | undefined) => HA_TINH_UNITS.find((u) => u._id === code)?.name;
const tree = new Map<string, TreeUnit>(HA_TINH_UNITS.map((u) => [u._id, treeUnit(u)]));

describe('the Hà Tĩnh plan of seed 000 as shipped data', () => {
  it('has the province and its 13 district-level units: one city, two towns and ten districts, in force in 2024', () => {
    expect(HA_TINH_UNITS.filter((u) => u.level === 'district').map((u) => u.name)).toEqual([
      'Thành phố Hà Tĩnh',
      'Thị xã Hồng Lĩnh',
      'Thị xã Kỳ Anh',
      'Huyện Cẩm Xuyên',
      'Huyện Can Lộc',
      'Huyện Đức Thọ',
      'Huyện Hương Khê',
      'Huyện Hương Sơn',
      'Huyện Kỳ Anh',
      'Huyện Lộc Hà',
      'Huyện Nghi Xuân',
      'Huyện Thạch Hà',
      'Huyện Vũ Quang',
    ]);
    expect(
      HA_TINH_UNITS.every((u) => u.effectiveFrom <= '2024-01-01' && (u.effectiveTo ?? '9999') >= '2024-12-31'),
    ).toBe(true);
  });

  it('sets ≥ 1,000 livelihood models: the province ≥ 100, each district ≥ 50 (Hồng Lĩnh and Vũ Quang ≥ 30), four organisations ≥ 20', () => {
    expect(of('livelihood', (t) => !t.unitCode && !t.fundId).map((t) => t.value)).toEqual([1000]);
    const province = HA_TINH_SOURCES.find((s) => s.key === 'province_fund_for_the_poor')!.fundId;
    expect(of('livelihood', (t) => t.fundId === province).map((t) => t.value)).toEqual([100]);
    expect(
      Object.fromEntries(of('livelihood', (t) => Boolean(t.unitCode)).map((t) => [name(t.unitCode), t.value])),
    ).toMatchObject({ 'Thị xã Hồng Lĩnh': 30, 'Huyện Vũ Quang': 30, 'Thành phố Hà Tĩnh': 50, 'Huyện Kỳ Anh': 50 });
    const perDistrict = of('livelihood', (t) => Boolean(t.unitCode)).map((t) => t.value);
    expect([perDistrict.length, perDistrict.filter((v) => v === 50).length]).toEqual([13, 11]);
    const organisations = of('livelihood', (t) => Boolean(t.fundId) && t.fundId !== province);
    expect(organisations.map((t) => t.value)).toEqual([20, 20, 20, 20]);
  });

  it('sets ≥ 1,500 health-insurance cards: the province ≥ 200, each district ≥ 100', () => {
    expect(of('health_insurance', (t) => !t.unitCode && !t.fundId)).toEqual([
      expect.objectContaining({ value: 1500, counting: 'beneficiaries' }),
    ]);
    expect(of('health_insurance', (t) => Boolean(t.fundId)).map((t) => t.value)).toEqual([200]);
    expect(new Set(of('health_insurance', (t) => Boolean(t.unitCode)).map((t) => t.value))).toEqual(new Set([100]));
    expect(of('health_insurance', (t) => Boolean(t.unitCode))).toHaveLength(13);
  });

  it('sets ≥ 100,000 Tết gifts covering 100 % of poor and near-poor households of the register', () => {
    expect(of('tet_gift').map((t) => [t.metric, t.value, t.counting ?? null, t.registerBaseline ?? null])).toEqual([
      ['count', 100_000, 'beneficiaries', null],
      ['coverage', 100, null, { categories: ['poor', 'near_poor'], counting: 'households' }],
    ]);
    expect(targets.some((t) => t.metric === 'amount')).toBe(false);
  });

  it('sets ≥ 15 bn raised into the Fund for the Poor: the province ≥ 5 bn, the districts and communes ≥ 10 bn', () => {
    expect(
      targets.filter((t) => t.metric === 'raised').map((t) => [t.programme, t.value, t.sourceLevels ?? null]),
    ).toEqual([
      ['fund_for_the_poor', 15_000_000_000, null],
      ['fund_for_the_poor', 5_000_000_000, ['province']],
      ['fund_for_the_poor', 10_000_000_000, ['district', 'commune']],
    ]);
  });

  it('passes the plan checks of the system with its units and funds', () => {
    const funds = new Map(HA_TINH_SOURCES.map((s) => [s.fundId, { name: s.name, unitCode: 'HT' }]));
    const programmes = new Set(Object.keys(PLAN_PROGRAMMES));
    expect(planProblems(HA_TINH_PLAN, { units: tree, funds, programmes })).toEqual([]);
  });

  it('the demo register and its Tết plan pass their checks', () => {
    const ward: TreeUnit = {
      code: 'HN-HADONG',
      name: 'Phường Hà Đông',
      level: 'commune',
      parentCode: 'HN',
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
    };
    expect(registerProblems(demoRegister(2026).register, ward)).toEqual([]);
    const cityTree = new Map<string, TreeUnit>([
      [
        'HN',
        {
          ...ward,
          code: 'HN',
          name: 'Thành phố Hà Nội',
          level: 'province',
          parentCode: null,
          effectiveFrom: '2008-08-01',
        },
      ],
      ['HN-HADONG', ward],
    ]);
    expect(
      planProblems(demoTetPlan(2026), { units: cityTree, funds: new Map(), programmes: new Set(['tet_gift']) }),
    ).toEqual([]);
  });
});
