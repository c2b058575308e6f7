import type { UnitDoc } from '../../../storage/unit-schema';

/**
 * The units of seed 003's campaign, seed era: tỉnh Đồng Nai → huyện Định Quán (ended with the districts on
 * 30/06/2025) → its township and three of its communes. Successor links after the 2025 reform are not mapped here.
 */
export const DINH_QUAN_UNITS: UnitDoc[] = [
  {
    _id: 'DN',
    name: 'Tỉnh Đồng Nai',
    nameEn: 'Dong Nai province',
    level: 'province',
    parentCode: null,
    effectiveFrom: '1976-01-01',
    effectiveTo: null,
    successorCode: null,
  },
  {
    _id: 'DN-DQ',
    name: 'Huyện Định Quán',
    nameEn: 'Dinh Quan district',
    level: 'district',
    parentCode: 'DN',
    effectiveFrom: '1976-01-01',
    effectiveTo: '2025-06-30',
    successorCode: null,
  },
  ...(
    [
      ['TT', 'Thị trấn Định Quán', 'Dinh Quan township'],
      ['PV', 'Xã Phú Vinh', 'Phu Vinh commune'],
      ['PT', 'Xã Phú Tân', 'Phu Tan commune'],
      ['LN', 'Xã La Ngà', 'La Nga commune'],
    ] as const
  ).map(([code, name, nameEn]): UnitDoc => ({
    _id: `DN-DQ-${code}`,
    name,
    nameEn,
    level: 'commune',
    parentCode: 'DN-DQ',
    effectiveFrom: '1994-01-01',
    effectiveTo: '2025-06-30',
    successorCode: null,
  })),
];
