import { HA_DONG_WARDS, type HaDongWardKey } from './ha-dong-sources';
import { seededRandom } from '../../lib/seeded-random';

/** A child of a demo household, of school age (education support, a pupil's bicycle). */
export interface DemoChild {
  name: string;
  citizenId: string;
  birthYear: number;
}

/**
 * One near-poor household of the Hà Đông plan (seed 004). The plan gives only how many households each ward had;
 * the people are INVENTED (names, citizen ids, phones, streets), made the same on every start by a fixed seed, so
 * that the demo looks like a ward's list without holding anyone's personal data.
 */
export interface DemoHousehold {
  /** "HD-PL-07": ward and number within the ward's list. */
  code: string;
  ward: HaDongWardKey;
  unitCode: string;
  headName: string;
  citizenId: string;
  phone: string;
  village: string;
  addressDetail: string;
  memberCount: number;
  /** The standard the household is near-poor by: 2 by the central standard, 82 by the city's (the plan's 2.1). */
  standard: 'central' | 'city';
  povertyCertificateNo: string;
  children: DemoChild[];
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Phan',
  'Trịnh',
];
const MALE = [
  'Văn Hùng',
  'Văn Nam',
  'Đức Thắng',
  'Văn Sơn',
  'Minh Tuấn',
  'Hữu Long',
  'Văn Quang',
  'Đức Cường',
  'Văn Bình',
  'Thanh Hải',
];
const FEMALE = [
  'Thị Lan',
  'Thị Hoa',
  'Thị Mai',
  'Thị Hạnh',
  'Thu Hà',
  'Ngọc Anh',
  'Thị Dung',
  'Thị Nga',
  'Thanh Vân',
  'Thị Yến',
];
const BOYS = ['Minh Khôi', 'Gia Huy', 'Đức Anh', 'Quốc Bảo', 'Tuấn Kiệt'];
const GIRLS = ['Bảo Ngọc', 'Khánh Linh', 'Phương Thảo', 'Hà My', 'Thu Trang'];
const STREETS: Record<HaDongWardKey, string> = {
  HC: 'phố Hà Cầu',
  YN: 'phố Yên Nghĩa',
  PL: 'phố Phú Lương',
  DM: 'phố Đồng Mai',
  DN: 'phố Dương Nội',
  BG: 'phố Biên Giang',
};

/** Households with two children: 13 more children than households, so 97 children in all (the plan's education). */
const EXTRA_CHILDREN = 13;

/** The 84 households of the plan, ward by ward in the plan's order (Hà Cầu 2, …, Biên Giang 22). */
export function haDongHouseholds(): DemoHousehold[] {
  const random = seededRandom(2024_004);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const digits = (count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const households: DemoHousehold[] = [];
  let serial = 0;
  for (const ward of HA_DONG_WARDS) {
    for (let index = 1; index <= ward.households; index += 1) {
      serial += 1;
      const female = random() < 0.45;
      const birthYear = 1950 + Math.floor(random() * 40);
      // CCCD: province 001 (Hà Nội), gender-and-century digit, two digits of the birth year, six digits.
      const citizenId = `001${female ? 1 : 0}${String(birthYear % 100).padStart(2, '0')}${digits(6)}`;
      const family = pick(FAMILY);
      households.push({
        code: `HD-${ward.key}-${String(index).padStart(2, '0')}`,
        ward: ward.key,
        unitCode: ward.unitCode,
        headName: `${family} ${female ? pick(FEMALE) : pick(MALE)}`,
        citizenId,
        phone: `09${digits(8)}`,
        village: `Tổ dân phố ${1 + Math.floor(random() * 12)}`,
        addressDetail: `Số ${1 + Math.floor(random() * 120)}, ngõ ${1 + Math.floor(random() * 60)}, ${STREETS[ward.key]}`,
        memberCount: 2 + Math.floor(random() * 5),
        standard: serial <= 2 ? 'central' : 'city',
        povertyCertificateNo: `CN-2023-${ward.key}-${String(index).padStart(3, '0')}`,
        children: [child(family, random, pick, digits)],
      });
    }
  }
  // The extra children go to distinct households picked by the same generator.
  const withTwo = new Set<number>();
  while (withTwo.size < EXTRA_CHILDREN) withTwo.add(Math.floor(random() * households.length));
  for (const index of [...withTwo].sort((a, b) => a - b)) {
    const household = households[index]!;
    household.children.push(child(household.headName.split(' ')[0]!, random, pick, digits));
  }
  return households;
}

function child(
  family: string,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
  digits: (count: number) => string,
): DemoChild {
  const birthYear = 2008 + Math.floor(random() * 14);
  const female = random() < 0.5;
  return {
    name: `${family} ${pick(female ? GIRLS : BOYS)}`,
    citizenId: `001${female ? 3 : 2}${String(birthYear % 100).padStart(2, '0')}${digits(6)}`,
    birthYear,
  };
}
