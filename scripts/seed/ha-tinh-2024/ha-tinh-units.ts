import type { UnitDoc } from '../../../storage/unit-schema';

const DISTRICTS_END = '2025-06-30';
/** Demo dates: in force through 2024 (the plan's year); not the legal dates of establishment. */
const FROM = '2008-01-01';

/**
 * Hà Tĩnh as seed 000 knew it (2024): the province and its 13 district-level units ("các huyện, thành phố, thị xã":
 * one city, two towns, ten districts). The district level ended with the 2025 reform (30/06/2025); the province
 * goes on. Their communes are not shipped: the demo's registers are in Hà Nội.
 */
export const HA_TINH_PROVINCE: UnitDoc = {
  _id: 'HT',
  name: 'Tỉnh Hà Tĩnh',
  nameEn: 'Ha Tinh province',
  level: 'province',
  parentCode: null,
  effectiveFrom: FROM,
  effectiveTo: null,
  successorCode: null,
};

/** [code suffix, Vietnamese name, English name, the seed's own target of livelihood models]. */
export const HA_TINH_DISTRICTS = [
  ['HTC', 'Thành phố Hà Tĩnh', 'Ha Tinh city', 50],
  ['HL', 'Thị xã Hồng Lĩnh', 'Hong Linh town', 30],
  ['TXKA', 'Thị xã Kỳ Anh', 'Ky Anh town', 50],
  ['CX', 'Huyện Cẩm Xuyên', 'Cam Xuyen district', 50],
  ['CL', 'Huyện Can Lộc', 'Can Loc district', 50],
  ['DT', 'Huyện Đức Thọ', 'Duc Tho district', 50],
  ['HK', 'Huyện Hương Khê', 'Huong Khe district', 50],
  ['HS', 'Huyện Hương Sơn', 'Huong Son district', 50],
  ['KA', 'Huyện Kỳ Anh', 'Ky Anh district', 50],
  ['LH', 'Huyện Lộc Hà', 'Loc Ha district', 50],
  ['NX', 'Huyện Nghi Xuân', 'Nghi Xuan district', 50],
  ['TH', 'Huyện Thạch Hà', 'Thach Ha district', 50],
  ['VQ', 'Huyện Vũ Quang', 'Vu Quang district', 30],
] as const;

export const HA_TINH_UNITS: UnitDoc[] = [
  HA_TINH_PROVINCE,
  ...HA_TINH_DISTRICTS.map(([code, name, nameEn]): UnitDoc => ({
    _id: `HT-${code}`,
    name,
    nameEn,
    level: 'district',
    parentCode: 'HT',
    effectiveFrom: FROM,
    effectiveTo: DISTRICTS_END,
    successorCode: null,
  })),
];
