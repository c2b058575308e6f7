import type { StoredHousehold } from '../../../../domain/poverty-register/poverty-register';
import { addRegisterCounts, registerCounts } from '../../../../domain/poverty-register/register-counts';
import { progressFromRegister, registerCoverage } from '../../../../domain/poverty-register/register-coverage';
import { tree } from '../plans/plan-fixtures';

const person = (name: string) => ({ name, key: `key-${name}`, masked: `m-${name}` });
const household = (head: string, category: StoredHousehold['category'], members: string[] = []): StoredHousehold => ({
  head: person(head),
  hamlet: 'Tổ 1',
  category,
  ethnicMinority: members.length > 0,
  members: members.map(person),
});
const registers = [
  { unitCode: 'HN-HD-HC', households: [household('a', 'poor', ['a1', 'a2']), household('b', 'near_poor')] },
  { unitCode: 'HN-HD-YN', households: [household('c', 'poor'), household('d', 'exited', ['d1'])] },
];
const keys = (...names: string[]) => new Set(names.map((n) => `key-${n}`));

describe('registerCoverage', () => {
  it('counts a household covered when any of its people is named, and only the baseline’s categories', () => {
    const result = registerCoverage(registers, keys('a2', 'c', 'd', 'stranger'), {
      categories: ['poor', 'near_poor'],
      counting: 'households',
    });
    expect([result.covered, result.total]).toEqual([2, 3]);
    expect(result.byCommune.map((c) => [c.unitCode, c.covered, c.total, c.uncovered.map((u) => u.headName)])).toEqual([
      ['HN-HD-HC', 1, 2, ['b']],
      ['HN-HD-YN', 1, 1, []],
    ]);
  });

  it('counts people one by one, and a household stays uncovered until all its people are', () => {
    const result = registerCoverage(registers, keys('a', 'a1', 'c'), { categories: ['poor'], counting: 'people' });
    expect([result.covered, result.total]).toEqual([3, 4]);
    expect(result.byCommune[0]!.uncovered).toEqual([
      { headName: 'a', cccd: 'm-a', hamlet: 'Tổ 1', category: 'poor', people: 3, uncoveredPeople: 1 },
    ]);
  });

  it('nothing registered is 0 of 0, never met, and the figure rolls up to the units below the target’s unit', () => {
    const empty = registerCoverage([], keys('a'), { categories: ['poor'], counting: 'households' });
    const base = { index: 0, actual: 0, of: null, achieved: 0, ratio: 0, met: false, byUnit: [] };
    expect(progressFromRegister(base, empty, tree, 'HN-HD', 100)).toMatchObject({ actual: 0, of: 0, met: false });
    const full = registerCoverage(registers, keys('a', 'b', 'c'), {
      categories: ['poor', 'near_poor'],
      counting: 'households',
    });
    expect(progressFromRegister(base, full, tree, 'HN-HD', 100)).toMatchObject({
      actual: 3,
      of: 3,
      achieved: 100,
      ratio: 1,
      met: true,
      byUnit: [
        { unitCode: 'HN-HD-HC', actual: 2 },
        { unitCode: 'HN-HD-YN', actual: 1 },
      ],
    });
  });
});

describe('registerCounts', () => {
  it('counts households and people (head and members) per category, and adds registers up', () => {
    const first = registerCounts(registers[0]!.households);
    const second = registerCounts(registers[1]!.households);
    expect(first).toEqual({
      households: { poor: 1, near_poor: 1, exited: 0 },
      people: { poor: 3, near_poor: 1, exited: 0 },
      ethnicMinorityHouseholds: 1,
    });
    expect(addRegisterCounts([first, second])).toEqual({
      households: { poor: 2, near_poor: 1, exited: 1 },
      people: { poor: 4, near_poor: 1, exited: 2 },
      ethnicMinorityHouseholds: 2,
    });
  });
});
