import { PLAN_PROGRAMMES } from '../../../../domain/plans/plan-programmes';
import type { PlanContent, PlanTarget } from '../../../../domain/plans/plan';
import { planProblems, type PlanCheckContext } from '../../../../domain/plans/plan-problems';
import { planProgress } from '../../../../domain/plans/plan-progress';
import { raisedRowsOf } from '../../../../domain/reports/raised-rows-of';
import type { SupportRaisedRow } from '../../../../domain/reports/support-results';
import { hdPlan, results, tree } from './plan-fixtures';

const campaign = (targets: PlanTarget[]): PlanContent =>
  hdPlan(targets, { kind: 'campaign', from: '2024-02-03', to: '2024-05-19' });

const raised = (unitCode: string, fundId: string, amount: number): SupportRaisedRow => ({
  fundId,
  fundKind: 'fund_for_the_poor',
  unitCode,
  donorKind: 'enterprise',
  receipts: 1,
  amount,
});

describe('the raised metric', () => {
  const rows = [
    raised('HN-HD', 'fund-hd', 5_000_000_000),
    raised('HN-HD-HC', 'fund-hc', 300_000_000),
    raised('HN-HD-YN', 'fund-yn', 200_000_000),
    raised('HN-HD-YN', 'fund-yn-2', 50_000_000),
    // A fund of another district and one of the city: outside Hà Đông's raising.
    raised('HN-TX-KG', 'fund-kg', 999),
    raised('HN', 'fund-hn', 7_000_000_000),
  ];

  test.each<[string, Partial<PlanTarget>, number, { unitCode: string; actual: number }[]]>([
    [
      'the unit and every unit below it',
      {},
      5_550_000_000,
      [
        { unitCode: 'HN-HD-HC', actual: 300_000_000 },
        { unitCode: 'HN-HD-YN', actual: 250_000_000 },
      ],
    ],
    ['one fund', { fundId: 'fund-yn' }, 200_000_000, [{ unitCode: 'HN-HD-YN', actual: 200_000_000 }]],
    ['one lower unit', { unitCode: 'HN-HD-YN' }, 250_000_000, []],
    ['funds of the district level only', { sourceLevels: ['district'] }, 5_000_000_000, []],
    [
      'funds of the communes only',
      { sourceLevels: ['commune'] },
      550_000_000,
      [
        { unitCode: 'HN-HD-HC', actual: 300_000_000 },
        { unitCode: 'HN-HD-YN', actual: 250_000_000 },
      ],
    ],
  ])('counts the money received into %s', (_, filter, actual, byUnit) => {
    const target: PlanTarget = { programme: 'fund_campaign', metric: 'raised', value: 5_500_000_000, ...filter };
    const [progress] = planProgress(campaign([target]), results([], [], rows), tree).targets;
    expect(progress).toEqual({
      index: 0,
      actual,
      of: null,
      achieved: actual,
      ratio: actual / 5_500_000_000,
      met: actual >= 5_500_000_000,
      byUnit,
    });
  });

  test('raisedRowsOf keeps receipts of the period into raising funds, by fund and donor kind', () => {
    const funds = new Map([
      ['fund-hd', { unitCode: 'HN-HD', kind: 'fund_for_the_poor' as const }],
      ['budget-hd', { unitCode: 'HN-HD', kind: 'state_budget' as const }],
    ]);
    const entry = (fundId: string, kind: string, amount: number, day: string, donorKind: 'enterprise' | null) => ({
      fundId,
      kind,
      amount,
      day,
      donorKind,
    });
    expect(
      raisedRowsOf('2024-02-03', '2024-05-19', funds, [
        entry('fund-hd', 'receipt', 100, '2024-02-02', 'enterprise'), // the day before the window
        entry('fund-hd', 'receipt', 200, '2024-02-03', 'enterprise'),
        entry('fund-hd', 'receipt', 300, '2024-05-19', 'enterprise'),
        entry('fund-hd', 'receipt', 400, '2024-03-01', null),
        entry('fund-hd', 'receipt', 500, '2024-05-20', null), // the day after
        entry('fund-hd', 'commitment', 50, '2024-03-01', null),
        entry('budget-hd', 'receipt', 1_000, '2024-03-01', null), // allocated, not raised
        entry('fund-other', 'receipt', 7, '2024-03-01', null), // not a fund of the unit
      ]),
    ).toEqual([
      {
        fundId: 'fund-hd',
        fundKind: 'fund_for_the_poor',
        unitCode: 'HN-HD',
        donorKind: 'enterprise',
        receipts: 2,
        amount: 500,
      },
      {
        fundId: 'fund-hd',
        fundKind: 'fund_for_the_poor',
        unitCode: 'HN-HD',
        donorKind: null,
        receipts: 1,
        amount: 400,
      },
    ]);
  });

  describe('its checks', () => {
    const context: PlanCheckContext = {
      units: tree,
      funds: new Map([
        ['fund-hd', { name: 'Quỹ Vì người nghèo quận Hà Đông', unitCode: 'HN-HD', kind: 'fund_for_the_poor' }],
        ['fund-hn', { name: 'Quỹ Vì người nghèo thành phố', unitCode: 'HN', kind: 'fund_for_the_poor' }],
        ['budget-hd', { name: 'Ngân sách quận', unitCode: 'HN-HD', kind: 'state_budget' }],
      ]),
      programmes: new Set(Object.keys(PLAN_PROGRAMMES)),
    };
    const problems = (target: Partial<PlanTarget>) =>
      planProblems(
        campaign([{ programme: 'fund_campaign', metric: 'raised', value: 10_000_000_000, ...target }]),
        context,
      );

    test('a raising target on the unit, a fund of it and the communes’ funds is sound', () => {
      expect(problems({})).toEqual([]);
      expect(problems({ fundId: 'fund-hd' })).toEqual([]);
      expect(problems({ sourceLevels: ['district', 'commune'] })).toEqual([]);
    });

    test.each<[string, Partial<PlanTarget>, string, string]>([
      ['a fund held above the plan’s unit', { fundId: 'fund-hn' }, '/targets/0/fundId', 'không thuộc Quận Hà Đông'],
      ['a state-budget fund', { fundId: 'budget-hd' }, '/targets/0/fundId', 'nguồn được cấp'],
      ['a support type', { supportType: 'new_build' }, '/targets/0/supportType', 'loại hỗ trợ'],
      ['a fractional amount', { value: 10.5 }, '/targets/0/value', 'số nguyên'],
      ['a way of counting', { counting: 'dossiers' }, '/targets/0/counting', 'Cách đếm'],
    ])('refuses %s, at its field, in both languages', (_, target, path, vi) => {
      const found = problems(target);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ path, keyword: 'plan' });
      expect(found[0]!.message.vi).toContain(vi);
      expect(found[0]!.message.en.length).toBeGreaterThan(0);
    });
  });
});
