import type { PlanContent, PlanTarget } from '../../../domain/plans/plan';
import type { Level } from '../../../domain/process/process-definition';
import { haTinhFund } from './ha-tinh-sources';
import { HA_TINH_DISTRICTS } from './ha-tinh-units';

const count = (programme: string, value: number, note: string, more: Partial<PlanTarget> = {}): PlanTarget => ({
  programme,
  metric: 'count',
  value,
  note,
  ...more,
});
const M = 1_000_000;
const raised = (value: number, note: string, sourceLevels?: Level[]): PlanTarget => ({
  programme: 'fund_for_the_poor',
  metric: 'raised',
  value,
  note,
  ...(sourceLevels ? { sourceLevels } : {}),
});
const district = (code: string) => `HT-${code}`;
const ORGANISATIONS = ['womens_union', 'farmers_union', 'youth_union', 'red_cross'] as const;
const ORGANISATION_NAMES: Record<(typeof ORGANISATIONS)[number], string> = {
  womens_union: 'Hội LHPN tỉnh',
  farmers_union: 'Hội Nông dân tỉnh',
  youth_union: 'Tỉnh đoàn',
  red_cross: 'Hội Chữ thập đỏ tỉnh',
};

/**
 * Seed 000 as a plan of the system (POST /api/plans by the province's office): Ban Thường trực Ủy ban MTTQ Việt Nam
 * tỉnh Hà Tĩnh's "Kế hoạch thực hiện công tác giảm nghèo và an sinh xã hội năm 2024". Every figure is the seed's
 * section III.3 (typed from it):
 * - 3.2 livelihood models: ≥ 1,000 in the province; the province's own Fund ≥ 100 (10–15 M each); each district-level
 *   unit ≥ 50, Hồng Lĩnh and Vũ Quang ≥ 30; each of four member organisations ≥ 20 (their targets are on their funds:
 *   the plan model has no organisation dimension). The organisations' district branches (≥ 5 each) are not targets
 *   here: they would need a fund per branch.
 * - 3.3 health-insurance cards: ≥ 1,500 cards (people) in the province; the province's Fund ≥ 200 (counted as the
 *   dossiers it funds: the plan model counts no beneficiaries per source); each district-level unit ≥ 100 cards.
 * - 3.4 Tết: ≥ 100,000 gifts (households on the lists), covering 100 % of poor and near-poor households, measured
 *   against the poverty register.
 * - 3.5 the Fund for the Poor: ≥ 15 bn raised into the funds of every level (receipts into the funds of the province
 *   and below; budget and policy-bank funds are allocated, not raised, and never count), the province's funds
 *   ≥ 5 bn, the districts' and communes' ≥ 10 bn (`sourceLevels`: the level of the unit holding the fund).
 */
export const HA_TINH_PLAN: PlanContent = {
  unitCode: 'HT',
  title: 'Kế hoạch thực hiện công tác giảm nghèo và an sinh xã hội năm 2024',
  kind: 'year',
  from: '2024-01-01',
  to: '2024-12-31',
  basis:
    'Chỉ thị số 05-CT/TW ngày 23/6/2021 của Ban Bí thư; Kế hoạch số 45-KH/TU ngày 24/9/2021 của Ban Thường vụ ' +
    'Tỉnh ủy; Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh - Ban vận động Quỹ "Vì người nghèo" tỉnh',
  targets: [
    count('livelihood', 1000, '3.2. Toàn tỉnh vận động hỗ trợ ít nhất 1.000 mô hình giảm nghèo'),
    count('livelihood', 100, '3.2. Cấp tỉnh: ít nhất 100 mô hình, từ 10 - 15 triệu đồng/mô hình', {
      fundId: haTinhFund('province_fund_for_the_poor'),
    }),
    ...HA_TINH_DISTRICTS.map(([code, name, , models]) =>
      count('livelihood', models, `3.2. ${name}: ít nhất ${models} mô hình, mức hỗ trợ do cấp huyện quyết định`, {
        unitCode: district(code),
      }),
    ),
    ...ORGANISATIONS.map((key) =>
      count('livelihood', 20, `IV.2. ${ORGANISATION_NAMES[key]}: ít nhất 20 mô hình giảm nghèo`, {
        fundId: haTinhFund(key),
      }),
    ),
    count('health_insurance', 1500, '3.3. Toàn tỉnh: ít nhất 1.500 thẻ bảo hiểm y tế', { counting: 'beneficiaries' }),
    count('health_insurance', 200, '3.3. Cấp tỉnh: ít nhất 200 thẻ bảo hiểm y tế (đếm theo hồ sơ do Quỹ tỉnh hỗ trợ)', {
      fundId: haTinhFund('province_fund_for_the_poor'),
    }),
    ...HA_TINH_DISTRICTS.map(([code, name]) =>
      count('health_insurance', 100, `3.3. ${name}: ít nhất 100 thẻ bảo hiểm y tế`, {
        unitCode: district(code),
        counting: 'beneficiaries',
      }),
    ),
    count('tet_gift', 100_000, '3.4. Ít nhất 100.000 suất quà Tết (tháng 10 - 12/2024)', {
      counting: 'beneficiaries',
    }),
    raised(15_000 * M, '3.5. Quỹ “Vì người nghèo” các cấp trong tỉnh: thu ít nhất 15 tỷ đồng'),
    raised(5_000 * M, '3.5. Cấp tỉnh: ít nhất 5 tỷ đồng', ['province']),
    raised(10_000 * M, '3.5. Cấp huyện, xã: ít nhất 10 tỷ đồng', ['district', 'commune']),
    {
      programme: 'tet_gift',
      metric: 'coverage',
      value: 100,
      registerBaseline: { categories: ['poor', 'near_poor'], counting: 'households' },
      note: '3.4. Bảo đảm 100% hộ nghèo, cận nghèo có quà Tết Nguyên đán năm 2025',
    },
  ],
};
