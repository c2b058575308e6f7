import type { TreeUnit } from '../../../../domain/plans/units-tree';
import type { RegisterContent } from '../../../../domain/poverty-register/poverty-register';
import { registerProblems } from '../../../../domain/poverty-register/register-problems';

const ward: TreeUnit = {
  code: 'HN-HD-HC',
  name: 'Phường Hà Cầu',
  level: 'commune',
  parentCode: 'HN-HD',
  effectiveFrom: '2008-08-01',
  effectiveTo: '2025-06-30',
};
const row = (cccd: string, members: string[] = []) => ({
  headName: 'Chủ hộ',
  cccd,
  hamlet: 'Tổ 1',
  category: 'poor' as const,
  ethnicMinority: false,
  members: members.map((m) => ({ name: 'Thành viên', cccd: m })),
});
const register = (households: RegisterContent['households'], year = 2024): RegisterContent => ({
  unitCode: ward.code,
  year,
  expectedRevision: 0,
  reason: 'Rà soát cuối năm',
  households,
});

describe('registerProblems', () => {
  it('accepts a sound register', () => {
    expect(registerProblems(register([row('001085000001', ['001085000002']), row('001085000003')]), ward)).toEqual([]);
  });

  it('refuses a citizen id twice, at the later place, naming the earlier household and never the id', () => {
    const problems = registerProblems(
      register([row('001085000001', ['001085000002']), row(' 001085000002 '), row('001085000003', ['001085000001'])]),
      ward,
    );
    expect(problems.map((p) => p.path)).toEqual(['/households/1/cccd', '/households/2/members/0/cccd']);
    expect(problems[0]!.message.vi).toContain('hộ thứ 1');
    expect(JSON.stringify(problems)).not.toContain('001085000002');
  });

  it.each([
    ['an unknown unit', undefined, 2024],
    ['a unit that is not a commune', { ...ward, level: 'district' as const }, 2024],
    ['a year the ward was not in force', ward, 2026],
  ])('refuses %s at /unitCode', (_name, unit, year) => {
    expect(registerProblems(register([], year), unit).map((p) => p.path)).toEqual(['/unitCode']);
  });
});
