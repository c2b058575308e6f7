import { haDongSource, HA_DONG_WARDS, type HaDongSourceKey, type HaDongWardKey } from './ha-dong-sources';

const M = 1_000_000;

interface Target {
  programme: string;
  supportType?: string;
  fundId?: string;
  unitCode?: string;
  metric: 'count' | 'amount';
  value: number;
  note: string;
}

const fund = (key: HaDongSourceKey) => haDongSource(key).fundId;
const ward = (key: HaDongWardKey) => HA_DONG_WARDS.find((w) => w.key === key)!;
const count = (programme: string, value: number, note: string, more: Partial<Target> = {}): Target => ({
  programme,
  metric: 'count',
  value,
  note,
  ...more,
});
const amount = (programme: string, value: number, note: string, more: Partial<Target> = {}): Target => ({
  programme,
  metric: 'amount',
  value,
  note,
  ...more,
});
const wardTargets = (programme: string, counts: Partial<Record<HaDongWardKey, number>>, what: string): Target[] =>
  Object.entries(counts).map(([key, value]) =>
    count(programme, value, `${ward(key as HaDongWardKey).name} ${String(value).padStart(2, '0')} ${what}`, {
      unitCode: ward(key as HaDongWardKey).unitCode,
      fundId: fund(`ward_fund_${key as HaDongWardKey}`),
    }),
  );

/**
 * The plan of seed 004 as a plan of the system (POST /api/plans by the district's office): UBND quận Hà Đông's
 * "Kế hoạch hỗ trợ hộ cận nghèo thoát cận nghèo năm 2024", whose education part runs 2025–2027, so its period is
 * a campaign from 01/01/2024 to 31/12/2027. Every target is a figure of the plan's section 2.2 (typed from it): the
 * counts and money per support type, per source and per ward.
 */
export const HA_DONG_PLAN = {
  unitCode: 'HN-HD',
  title: 'Kế hoạch hỗ trợ hộ cận nghèo thoát cận nghèo năm 2024 (thực hiện 2024–2027)',
  kind: 'campaign' as const,
  from: '2024-01-01',
  to: '2027-12-31',
  basis:
    'Thông báo kết luận số 1600-TB/QU ngày 05/02/2024 và số 1703-TB/QU ngày 15/4/2024 của Ban Thường vụ Quận ủy; ' +
    'Nghị quyết số 23/NQ-HĐND ngày 21/12/2023 của HĐND quận',
  targets: [
    count('housing', 5, 'Xây mới 05 hộ', { supportType: 'new_build' }),
    amount('housing', 500 * M, 'Xây mới 100.000.000 đồng/hộ', { supportType: 'new_build' }),
    count('housing', 1, 'Sửa chữa 01 hộ', { supportType: 'repair' }),
    amount('housing', 60 * M, 'Sửa chữa 60.000.000 đồng/hộ', { supportType: 'repair' }),
    count('housing', 2, 'Hội LH Phụ nữ quận huy động hỗ trợ 02 hộ', { fundId: fund('womens_union') }),
    count('housing', 1, 'Liên đoàn Lao động quận huy động hỗ trợ 01 hộ', { fundId: fund('labour_federation') }),
    count('housing', 1, 'Học viện Chính trị - Bộ Quốc phòng hỗ trợ 01 hộ', { fundId: fund('political_academy') }),
    count('housing', 1, 'Quận đoàn và Hội Chữ thập đỏ quận hỗ trợ 01 hộ', { fundId: fund('youth_union_red_cross') }),
    count('savings_book', 78, 'Tặng 78 sổ tiết kiệm'),
    amount('savings_book', 1_560 * M, '20.000.000 đồng/sổ'),
    count('savings_book', 23, 'Quỹ Vì người nghèo quận: 23 sổ', { fundId: fund('district_fund_for_the_poor') }),
    count('savings_book', 25, 'Kêu gọi xã hội hóa: 25 sổ', { fundId: fund('district_social') }),
    count('savings_book', 11, 'Điều tiết Quỹ Vì người nghèo các phường: 11 sổ', {
      fundId: fund('regulated_ward_funds'),
    }),
    ...wardTargets('savings_book', { HC: 2, YN: 3, PL: 3, BG: 3, DM: 3, DN: 5 }, 'sổ (phường tự huy động)'),
    count('education', 97, 'Hỗ trợ giáo dục 97 cháu'),
    amount('education', 811.5 * M, 'Tổng kinh phí hỗ trợ giáo dục'),
    count('education', 33, 'Quỹ Vì người nghèo quận: 33 cháu', { fundId: fund('district_fund_for_the_poor') }),
    count('education', 12, 'Quỹ Bảo trợ trẻ em quận: 12 cháu', { fundId: fund('child_protection_fund') }),
    count('education', 12, 'Liên đoàn Lao động quận: 12 cháu', { fundId: fund('labour_federation') }),
    count('education', 30, 'Ban Quản lý di tích Bia Bà (La Khê): 30 cháu', { fundId: fund('bia_ba_relic_board') }),
    ...wardTargets('education', { HC: 2, YN: 2, PL: 2, DN: 3, BG: 1 }, 'cháu (phường hỗ trợ)'),
    count('household_goods', 14, '14 tủ lạnh, ti vi, máy tính, xe đạp điện', {
      fundId: fund('labour_office_mobilised'),
    }),
    count('household_goods', 18, 'Hội Chữ thập đỏ quận: 18 xe đạp học sinh', { supportType: 'bicycle' }),
    amount('household_goods', 120 * M, 'Đồ dùng sinh hoạt, học tập'),
  ],
};
