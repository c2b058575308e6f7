import type { PlanContent } from '../../../domain/plans/plan';
import type { RegisterContent } from '../../../domain/poverty-register/poverty-register';

/** The ward of the demo's register: Phường Hà Đông (after the 2025 reform), its officer `xa2025.hadong`. */
export const DEMO_REGISTER_WARD = 'HN-HADONG';

const person = (name: string, n: number) => ({ name, cccd: `0010850090${String(n).padStart(2, '0')}` });
const household = (
  name: string,
  n: number,
  hamlet: string,
  category: RegisterContent['households'][number]['category'],
  members: [string, number][] = [],
) => ({
  headName: name,
  cccd: person(name, n).cccd,
  hamlet,
  category,
  ethnicMinority: false,
  members: members.map(([m, k]) => person(m, k)),
});

/**
 * A small register of the ward for `year` (made-up people, ids 001085009xxx), and the households of it that the
 * demo's Tết-gift list names (by index), so the coverage view shows some covered and some not.
 */
export function demoRegister(year: number): { register: RegisterContent; onTetList: number[] } {
  return {
    register: {
      unitCode: DEMO_REGISTER_WARD,
      year,
      expectedRevision: 0,
      reason: 'Kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm (dữ liệu minh họa)',
      households: [
        household('Nguyễn Thị Lan', 1, 'Tổ dân phố số 2', 'poor', [['Trần Văn Hải', 11]]),
        household('Phạm Văn Tuấn', 2, 'Tổ dân phố số 2', 'near_poor', [
          ['Phạm Thị Hoa', 21],
          ['Phạm Minh Đức', 22],
        ]),
        household('Lê Thị Hồng', 3, 'Tổ dân phố số 5', 'poor'),
        household('Đặng Văn Long', 4, 'Tổ dân phố số 5', 'near_poor', [['Đặng Thị Mai', 41]]),
        household('Vũ Thị Thu', 5, 'Tổ dân phố số 7', 'poor'),
        household('Bùi Văn Nam', 6, 'Tổ dân phố số 7', 'exited', [['Bùi Thị Yến', 61]]),
      ],
    },
    onTetList: [0, 1, 3],
  };
}

/** The city's Tết plan for the year with a coverage target measured against the register (city and the ward). */
export function demoTetPlan(year: number): PlanContent {
  const fromRegister = { categories: ['poor', 'near_poor'], counting: 'households' } as const;
  return {
    unitCode: 'HN',
    title: `Chăm lo Tết cho hộ nghèo, hộ cận nghèo năm ${year}`,
    kind: 'year',
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    targets: [
      {
        programme: 'tet_gift',
        metric: 'coverage',
        value: 100,
        registerBaseline: { ...fromRegister, categories: [...fromRegister.categories] },
        note: '100% hộ nghèo, hộ cận nghèo có quà Tết',
      },
      {
        programme: 'tet_gift',
        metric: 'coverage',
        value: 100,
        unitCode: DEMO_REGISTER_WARD,
        registerBaseline: { ...fromRegister, categories: [...fromRegister.categories] },
        note: 'Phường Hà Đông: 100% hộ nghèo, hộ cận nghèo có quà Tết',
      },
    ],
  };
}
