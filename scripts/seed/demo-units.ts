import type { UnitDoc } from '../../storage/unit-schema';
import { DINH_QUAN_UNITS } from './dinh-quan-2024/dinh-quan-units';

const REFORM_END = '2025-06-30';
const REFORM_START = '2025-07-01';

/**
 * Demo administrative units. Seed era (plan of seed 004): Hà Nội → quận Hà Đông → six wards. Post-2025: the
 * district is gone and the wards of the area report to Hà Nội directly. The successor links from the old wards to
 * the new ones are a demo mapping, not a verified statement of the 2025 reorganisation.
 */
export const DEMO_UNITS: UnitDoc[] = [
  {
    _id: 'HN',
    name: 'Thành phố Hà Nội',
    nameEn: 'Hanoi',
    level: 'province',
    parentCode: null,
    effectiveFrom: '2008-08-01',
    effectiveTo: null,
    successorCode: null,
  },
  {
    _id: 'HN-HD',
    name: 'Quận Hà Đông',
    nameEn: 'Ha Dong district',
    level: 'district',
    parentCode: 'HN',
    effectiveFrom: '2008-08-01',
    effectiveTo: REFORM_END,
    successorCode: null,
  },
  ...(
    [
      ['HC', 'Phường Hà Cầu', 'Ha Cau ward', 'HN-HADONG'],
      ['YN', 'Phường Yên Nghĩa', 'Yen Nghia ward', 'HN-YENNGHIA'],
      ['PL', 'Phường Phú Lương', 'Phu Luong ward', 'HN-PHULUONG'],
      ['DM', 'Phường Đồng Mai', 'Dong Mai ward', 'HN-YENNGHIA'],
      ['DN', 'Phường Dương Nội', 'Duong Noi ward', 'HN-DUONGNOI'],
      ['BG', 'Phường Biên Giang', 'Bien Giang ward', 'HN-YENNGHIA'],
    ] as const
  ).map(([code, name, nameEn, successor]): UnitDoc => ({
    _id: `HN-HD-${code}`,
    name,
    nameEn,
    level: 'commune',
    parentCode: 'HN-HD',
    effectiveFrom: '2008-08-01',
    effectiveTo: REFORM_END,
    successorCode: successor,
  })),
  ...(
    [
      ['HADONG', 'Phường Hà Đông', 'Ha Dong ward'],
      ['YENNGHIA', 'Phường Yên Nghĩa', 'Yen Nghia ward'],
      ['PHULUONG', 'Phường Phú Lương', 'Phu Luong ward'],
      ['DUONGNOI', 'Phường Dương Nội', 'Duong Noi ward'],
      ['KIENHUNG', 'Phường Kiến Hưng', 'Kien Hung ward'],
    ] as const
  ).map(([code, name, nameEn]): UnitDoc => ({
    _id: `HN-${code}`,
    name,
    nameEn,
    level: 'commune',
    parentCode: 'HN',
    effectiveFrom: REFORM_START,
    effectiveTo: null,
    successorCode: null,
  })),
  // Seed 003's Fund-for-the-Poor campaign: Định Quán district (Đồng Nai), seed era.
  ...DINH_QUAN_UNITS,
];
