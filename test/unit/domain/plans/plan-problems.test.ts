import type { PlanContent, PlanTarget } from '../../../../domain/plans/plan';
import { PLAN_PROGRAMMES } from '../../../../domain/plans/plan-programmes';
import { planProblems, type PlanCheckContext } from '../../../../domain/plans/plan-problems';
import { hdPlan, SEED_004_TARGETS, tree } from './plan-fixtures';

const context: PlanCheckContext = {
  units: tree,
  funds: new Map([
    ['fund-hd', { name: 'Quỹ Vì người nghèo quận Hà Đông', unitCode: 'HN-HD' }],
    ['fund-hn', { name: 'Quỹ Vì người nghèo thành phố', unitCode: 'HN' }],
  ]),
  programmes: new Set(Object.keys(PLAN_PROGRAMMES)),
};

const plan = (change: Partial<PlanContent> = {}, targets: PlanTarget[] = []): PlanContent =>
  hdPlan([...SEED_004_TARGETS, ...targets], change);

const paths = (p: PlanContent) => planProblems(p, context).map((problem) => problem.path);

describe('planProblems', () => {
  test('seed 004’s savings-book targets (total, per source, per ward, money, coverage) are sound', () => {
    expect(planProblems(plan(), context)).toEqual([]);
  });

  test.each([
    ['a year that is not 1 Jan–31 Dec', { to: '2024-12-30' }, '/to'],
    ['a quarter that is not a calendar quarter', { kind: 'quarter', from: '2024-02-01', to: '2024-04-30' }, '/to'],
    ['a period that ends before it starts', { kind: 'campaign', from: '2024-05-19', to: '2024-02-03' }, '/to'],
    ['a campaign of more than five years', { kind: 'campaign', from: '2024-01-01', to: '2029-01-01' }, '/to'],
    ['a year before 2000', { from: '1999-01-01', to: '1999-12-31' }, '/from'],
    ['an unknown unit', { unitCode: 'HN-XX' }, '/unitCode'],
    ['a unit not in force in the period', { from: '2026-01-01', to: '2026-12-31' }, '/unitCode'],
  ] as [string, Partial<PlanContent>, string][])('%s is refused at its field', (_name, change, path) => {
    expect(paths(plan(change, []))).toContain(path);
  });

  test('a campaign with its own dates (seed 003: 03/02–19/05/2024) and a quarter are accepted', () => {
    expect(paths(plan({ kind: 'campaign', from: '2024-02-03', to: '2024-05-19' }))).toEqual([]);
    expect(paths(plan({ kind: 'quarter', from: '2024-04-01', to: '2024-06-30' }))).toEqual([]);
    expect(paths(plan({ kind: 'half', from: '2024-07-01', to: '2024-12-31' }))).toEqual([]);
  });

  test.each([
    ['an unknown programme', { programme: 'lottery', metric: 'count', value: 1 }, '/targets/5/programme'],
    [
      'the plan’s own unit as a lower unit',
      { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN-HD' },
      '/targets/5/unitCode',
    ],
    [
      'a unit above the plan',
      { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN' },
      '/targets/5/unitCode',
    ],
    [
      'a ward of another district',
      { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN-TX-KG' },
      '/targets/5/unitCode',
    ],
    [
      'an unknown unit',
      { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN-HD-ZZ' },
      '/targets/5/unitCode',
    ],
    [
      'a fund the plan may not name',
      { programme: 'housing', metric: 'count', value: 1, fundId: 'fund-other' },
      '/targets/5/fundId',
    ],
    ['a fractional count', { programme: 'housing', metric: 'count', value: 1.5 }, '/targets/5/value'],
    ['a percentage over 100', { programme: 'housing', metric: 'share', value: 120 }, '/targets/5/value'],
    ['coverage without its baseline', { programme: 'tet_gift', metric: 'coverage', value: 100 }, '/targets/5/baseline'],
    [
      'a baseline on a count',
      { programme: 'tet_gift', metric: 'count', value: 5, baseline: 10 },
      '/targets/5/baseline',
    ],
    [
      'source levels on a count',
      { programme: 'sponsorship', metric: 'count', value: 5, sourceLevels: ['commune'] },
      '/targets/5/sourceLevels',
    ],
    [
      'counting on an amount',
      { programme: 'housing', metric: 'amount', value: 5, counting: 'dossiers' },
      '/targets/5/counting',
    ],
    [
      'beneficiaries per source',
      { programme: 'housing', metric: 'count', value: 5, counting: 'beneficiaries', fundId: 'fund-hd' },
      '/targets/5/counting',
    ],
    ['the same target twice', { programme: 'savings_book', metric: 'count', value: 70 }, '/targets/5'],
  ] as [string, PlanTarget, string][])(
    'a target with %s is refused at its field, in both languages',
    (_name, target, path) => {
      const problems = planProblems(plan({}, [target]), context);
      expect(problems.map((p) => p.path)).toEqual([path]);
      expect(problems[0]!.message.vi).not.toEqual(problems[0]!.message.en);
    },
  );

  test('a ward abolished before the period is refused as a lower unit', () => {
    const p = plan({ unitCode: 'HN', kind: 'campaign', from: '2025-07-01', to: '2025-12-31', targets: [] }, []);
    p.targets = [{ programme: 'housing', metric: 'count', value: 1, unitCode: 'HN-HD-HC' }];
    expect(planProblems(p, context)).toEqual([
      expect.objectContaining({
        path: '/targets/0/unitCode',
        message: expect.objectContaining({ vi: expect.stringContaining('Phường Hà Cầu') }),
      }),
    ]);
  });

  test('a ward below the district of a city plan, and a source share of commune and district funds, are accepted', () => {
    const p = plan({ unitCode: 'HN', targets: [] });
    p.targets = [
      { programme: 'housing', metric: 'count', value: 1, unitCode: 'HN-HD-HC' },
      { programme: 'sponsorship', metric: 'share', value: 70, sourceLevels: ['commune', 'district'] },
    ];
    expect(planProblems(p, context)).toEqual([]);
  });
});
