import type { LocalizedText } from '../process/process-definition';
import { inForceDuring, type TreeUnit } from '../plans/units-tree';
import type { RegisterContent } from './poverty-register';

/** One thing wrong with a register, at its field (`/households/3/members/0/cccd`). */
export interface RegisterProblem {
  path: string;
  keyword: 'register';
  message: LocalizedText;
}

/**
 * Everything wrong with a register beyond its schema (povertyRegisterRequestSchema), each at its field in Vietnamese
 * and English: the unit unknown, not a commune or not in force in the year; a citizen id that appears twice (as a
 * head or a member, in the same household or another: one person is in one household of the register). Empty when
 * the register is sound. Citizen ids never appear in a message: the message names the other row. Pure.
 */
export function registerProblems(register: RegisterContent, unit: TreeUnit | undefined): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  const add = (path: string, vi: string, en: string) =>
    problems.push({ path, keyword: 'register', message: { vi, en } });
  if (!unit) add('/unitCode', `Không có đơn vị ${register.unitCode}`, `no unit ${register.unitCode}`);
  else if (unit.level !== 'commune')
    add('/unitCode', 'Danh sách hộ nghèo lập theo xã, phường', 'a register belongs to a commune or ward');
  else if (!inForceDuring(unit, `${register.year}-01-01`, `${register.year}-12-31`))
    add(
      '/unitCode',
      `${unit.name} không có hiệu lực trong năm ${register.year}`,
      `${unit.name} is not in force in ${register.year}`,
    );
  const seen = new Map<string, number>();
  register.households.forEach((household, i) => {
    const people = [
      { path: `/households/${i}/cccd`, cccd: household.cccd },
      ...household.members.map((m, j) => ({ path: `/households/${i}/members/${j}/cccd`, cccd: m.cccd })),
    ];
    for (const person of people) {
      const id = person.cccd.trim();
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        add(
          person.path,
          `Số CCCD đã có ở hộ thứ ${first + 1} của danh sách`,
          `this citizen id is already in household ${first + 1} of the register`,
        );
    }
  });
  return problems;
}
