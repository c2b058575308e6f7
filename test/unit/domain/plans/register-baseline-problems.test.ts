import type { PlanTarget } from '../../../../domain/plans/plan';
import { registerBaselineProblems } from '../../../../domain/plans/register-baseline-problems';
import { hdPlan } from './plan-fixtures';

const fromRegister: PlanTarget = {
  programme: 'tet_gift',
  metric: 'coverage',
  value: 100,
  registerBaseline: { categories: ['poor', 'near_poor'], counting: 'households' },
};

describe('registerBaselineProblems', () => {
  it('accepts a coverage target of a one-year plan, and a target without it', () => {
    expect(registerBaselineProblems(hdPlan([fromRegister]), fromRegister, '/targets/0')).toEqual([]);
    const typed: PlanTarget = { programme: 'tet_gift', metric: 'coverage', value: 100, baseline: 84 };
    expect(registerBaselineProblems(hdPlan([typed]), typed, '/targets/0')).toEqual([]);
  });

  it.each([
    ['on a count target', { ...fromRegister, metric: 'count' as const }, {}],
    ['together with a typed baseline', { ...fromRegister, baseline: 84 }, {}],
    [
      'in a campaign across two years',
      fromRegister,
      { kind: 'campaign' as const, from: '2024-10-01', to: '2025-01-31' },
    ],
  ])('refuses a register baseline %s, at its field in both languages', (_name, target, change) => {
    const problems = registerBaselineProblems(hdPlan([target], change), target, '/targets/3');
    expect(problems).toEqual([
      {
        path: '/targets/3/registerBaseline',
        keyword: 'plan',
        message: { vi: expect.any(String), en: expect.any(String) },
      },
    ]);
  });
});
