import type { FundKind } from '../../../domain/funds/fund-kinds';

/** One source of money named by the plan of seed 004 (section 2.2), as a fund of the demo. */
export interface HaDongSource {
  /** Stable key used by the plan's allocation (ha-dong-supports.ts). */
  key: HaDongSourceKey;
  /** The fund's id (funds._id): fixed, so a second seed finds the fund it made. */
  fundId: string;
  unitCode: string;
  kind: FundKind;
  name: string;
}

export type HaDongSourceKey =
  | 'district_fund_for_the_poor'
  | 'district_social'
  | 'regulated_ward_funds'
  | 'womens_union'
  | 'labour_federation'
  | 'political_academy'
  | 'youth_union_red_cross'
  | 'red_cross'
  | 'child_protection_fund'
  | 'bia_ba_relic_board'
  | 'labour_office_mobilised'
  | `ward_fund_${HaDongWardKey}`;

export type HaDongWardKey = 'HC' | 'YN' | 'PL' | 'DM' | 'DN' | 'BG';

/** The six wards of the plan, with the number of near-poor households each had at the end of 2023 (84 in all). */
export const HA_DONG_WARDS: readonly { key: HaDongWardKey; unitCode: string; name: string; households: number }[] = [
  { key: 'HC', unitCode: 'HN-HD-HC', name: 'Phường Hà Cầu', households: 2 },
  { key: 'YN', unitCode: 'HN-HD-YN', name: 'Phường Yên Nghĩa', households: 3 },
  { key: 'PL', unitCode: 'HN-HD-PL', name: 'Phường Phú Lương', households: 17 },
  { key: 'DM', unitCode: 'HN-HD-DM', name: 'Phường Đồng Mai', households: 19 },
  { key: 'DN', unitCode: 'HN-HD-DN', name: 'Phường Dương Nội', households: 21 },
  { key: 'BG', unitCode: 'HN-HD-BG', name: 'Phường Biên Giang', households: 22 },
];

const DISTRICT = 'HN-HD';

/**
 * The sources the plan names. Where the plan joins two ("trích Quỹ Vì người nghèo quận và huy động nguồn xã hội hóa"
 * for the first 50,000,000 ₫ of a new house, and the repair's 30,000,000 ₫), the district's Fund for the Poor stands
 * for both: the plan gives no split. The savings books keep the plan's own split (23 from the fund, 25 mobilised).
 * The demo's existing fund of the district (scripts/seed/seed-demo-funds.ts) is the district's Fund for the Poor.
 */
export const HA_DONG_SOURCES: readonly HaDongSource[] = [
  source(
    'district_fund_for_the_poor',
    '5d2e8f4a-1c7b-4a9e-8f3d-6b0c2a4e7d15',
    DISTRICT,
    'fund_for_the_poor',
    'Quỹ Vì người nghèo quận Hà Đông',
  ),
  source(
    'district_social',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e11',
    DISTRICT,
    'other',
    'Nguồn xã hội hóa do Ủy ban MTTQ quận vận động',
  ),
  source(
    'regulated_ward_funds',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e12',
    DISTRICT,
    'fund_for_the_poor',
    'Quỹ Vì người nghèo các phường không còn hộ cận nghèo (điều tiết)',
  ),
  source(
    'womens_union',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e13',
    DISTRICT,
    'mass_organisation',
    'Hội Liên hiệp Phụ nữ quận Hà Đông',
  ),
  source(
    'labour_federation',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e14',
    DISTRICT,
    'mass_organisation',
    'Liên đoàn Lao động quận Hà Đông',
  ),
  source(
    'political_academy',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e15',
    DISTRICT,
    'sponsor',
    'Học viện Chính trị - Bộ Quốc phòng',
  ),
  source(
    'youth_union_red_cross',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e16',
    DISTRICT,
    'mass_organisation',
    'Quận đoàn và Hội Chữ thập đỏ quận Hà Đông',
  ),
  source(
    'red_cross',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e17',
    DISTRICT,
    'mass_organisation',
    'Hội Chữ thập đỏ quận Hà Đông',
  ),
  source(
    'child_protection_fund',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e18',
    DISTRICT,
    'other',
    'Quỹ Bảo trợ trẻ em quận Hà Đông',
  ),
  source(
    'bia_ba_relic_board',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e19',
    DISTRICT,
    'sponsor',
    'Ban Quản lý di tích Bia Bà (La Khê)',
  ),
  source(
    'labour_office_mobilised',
    '0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e1a',
    DISTRICT,
    'other',
    'Nguồn xã hội hóa do Phòng LĐTBXH và Phòng Kinh tế quận vận động',
  ),
  ...HA_DONG_WARDS.map((ward, index) =>
    source(
      `ward_fund_${ward.key}`,
      `0b7e3a52-4c1d-4e6f-9a8b-2d4f6a8c0e2${index}`,
      ward.unitCode,
      'fund_for_the_poor',
      `Quỹ Vì người nghèo ${ward.name.replace('Phường', 'phường')}`,
    ),
  ),
];

function source(key: HaDongSourceKey, fundId: string, unitCode: string, kind: FundKind, name: string): HaDongSource {
  return { key, fundId, unitCode, kind, name };
}

/** The source for a key; throws on a key the table lacks (a programming error in the allocation). */
export function haDongSource(key: HaDongSourceKey): HaDongSource {
  const found = HA_DONG_SOURCES.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`unknown Hà Đông source ${key}`);
  return found;
}
