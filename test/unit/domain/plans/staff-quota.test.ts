import type { PlanTarget } from '../../../../domain/plans/plan';
import { PLAN_PROGRAMMES } from '../../../../domain/plans/plan-programmes';
import { planProblems } from '../../../../domain/plans/plan-problems';
import { groupStaffBodies, staffQuota, type StaffBasis } from '../../../../domain/plans/staff-quota';
import { hdPlan, tree } from './plan-fixtures';

const SOURCE = 'Báo cáo biên chế 31/12/2023';
const one = (staff: number): StaffBasis => ({ bodies: [{ name: 'Phòng Nội vụ', staff }], source: SOURCE });
const pair = (a: number, b: number): StaffBasis => ({
  bodies: [
    { name: 'Phòng Tư pháp', staff: a },
    { name: 'Thanh tra quận', staff: b },
  ],
  source: SOURCE,
});
const quotaOf = (basis: StaffBasis) => {
  const result = staffQuota(basis);
  if (!result.ok) throw new Error(`no quota: ${JSON.stringify(result.problems)}`);
  return result.quota;
};

describe('staffQuota (seed 002, III.1.2)', () => {
  test.each([
    [10, 1],
    [12, 1],
    [15, 1],
    [16, 2],
    [30, 2],
    [31, 3],
    [45, 3],
    [46, 4],
  ])('a body of %i staff sponsors at least %i (one per 15 staff, rounded up)', (staff, quota) => {
    expect(quotaOf(one(staff))).toBe(quota);
  });

  test.each([
    [1, 1],
    [9, 9],
    [5, 7],
  ])('two bodies of %i and %i staff sponsor one together', (a, b) => {
    expect(quotaOf(pair(a, b))).toBe(1);
  });

  test('a body under 10 staff left without a partner still sponsors one (it is not let off)', () => {
    expect(quotaOf(one(9))).toBe(1);
  });

  test('the derivation says the staff, the rule and the quota in Vietnamese', () => {
    const result = staffQuota(one(28));
    expect(result).toMatchObject({ ok: true, quota: 2 });
    if (result.ok)
      expect(result.derivation.vi).toBe(
        'Phòng Nội vụ: 28 cán bộ ÷ 15, làm tròn lên = ít nhất 2 người (đơn vị 10–15 cán bộ nhận ít nhất 1 người)',
      );
  });

  test.each([
    ['no body', { bodies: [], source: SOURCE }, ['/bodies']],
    ['three bodies', { bodies: [...pair(3, 4).bodies, { name: 'C', staff: 2 }], source: SOURCE }, ['/bodies']],
    ['a pair where one body has 10 staff', pair(4, 10), ['/bodies/1/staff']],
    ['a staff count of 0', one(0), ['/bodies/0/staff']],
    ['a fractional staff count', one(12.5), ['/bodies/0/staff']],
  ] as [string, StaffBasis, string[]][])('%s yields no quota, only problems at their fields', (_n, basis, paths) => {
    const result = staffQuota(basis);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(paths);
  });
});

describe('groupStaffBodies', () => {
  test('bodies of 10 or more stand alone; those under 10 pair in the order given, the odd one alone', () => {
    const groups = groupStaffBodies(
      [
        { name: 'A', staff: 14 },
        { name: 'B', staff: 6 },
        { name: 'C', staff: 31 },
        { name: 'D', staff: 8 },
        { name: 'E', staff: 3 },
      ],
      SOURCE,
    );
    expect(groups.map((g) => g.bodies.map((b) => b.name).join('+'))).toEqual(['A', 'C', 'B+D', 'E']);
    expect(groups.map(quotaOf)).toEqual([1, 3, 1, 1]);
    expect(groups.every((g) => g.source === SOURCE)).toBe(true);
  });
});

describe('a plan target derived from staff', () => {
  const context = { units: tree, funds: new Map(), programmes: new Set(Object.keys(PLAN_PROGRAMMES)) };
  const target = (change: Partial<PlanTarget>): PlanTarget => ({
    programme: 'sponsorship',
    metric: 'count',
    value: 2,
    staffBasis: one(28),
    ...change,
  });
  const problems = (t: PlanTarget) => planProblems(hdPlan([t]), context);

  test('a value at or above the derived quota is sound', () => {
    expect(problems(target({}))).toEqual([]);
    expect(problems(target({ value: 3 }))).toEqual([]);
  });

  test('a value below the derived quota is refused at /value, saying the quota and how it was derived', () => {
    const [problem, ...rest] = problems(target({ value: 1 }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path: '/targets/0/value' });
    expect(problem!.message.vi).toContain('ít nhất là 2 người');
    expect(problem!.message.vi).toContain('28 cán bộ ÷ 15');
  });

  test('a basis the rule refuses is refused at its field; a staff basis on a non-count target too', () => {
    expect(problems(target({ staffBasis: pair(4, 12) })).map((p) => p.path)).toEqual([
      '/targets/0/staffBasis/bodies/1/staff',
    ]);
    expect(problems(target({ metric: 'amount', value: 1_000_000 })).map((p) => p.path)).toEqual([
      '/targets/0/staffBasis',
    ]);
  });
});
