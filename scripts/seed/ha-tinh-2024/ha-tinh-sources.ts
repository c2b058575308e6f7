import type { FundKind } from '../../../domain/funds/fund-kinds';

/**
 * The province-level sources seed 000 sets targets for, as funds of the province (the plan model has no dimension
 * for an organisation, so each member organisation's target is one on its fund): the province's Fund for the Poor
 * (Ban vận động Quỹ "Vì người nghèo" tỉnh) and the four member organisations asked for ≥ 20 models each. Fixed ids,
 * so a second load finds the funds it made.
 */
export const HA_TINH_SOURCES: readonly { key: string; fundId: string; kind: FundKind; name: string }[] = [
  {
    key: 'province_fund_for_the_poor',
    fundId: '5e0a0000-0000-4000-8000-000000000001',
    kind: 'fund_for_the_poor',
    name: 'Quỹ "Vì người nghèo" tỉnh Hà Tĩnh',
  },
  {
    key: 'womens_union',
    fundId: '5e0a0000-0000-4000-8000-000000000002',
    kind: 'mass_organisation',
    name: 'Hội Liên hiệp Phụ nữ tỉnh Hà Tĩnh',
  },
  {
    key: 'farmers_union',
    fundId: '5e0a0000-0000-4000-8000-000000000003',
    kind: 'mass_organisation',
    name: 'Hội Nông dân tỉnh Hà Tĩnh',
  },
  {
    key: 'youth_union',
    fundId: '5e0a0000-0000-4000-8000-000000000004',
    kind: 'mass_organisation',
    name: 'Tỉnh đoàn Hà Tĩnh',
  },
  {
    key: 'red_cross',
    fundId: '5e0a0000-0000-4000-8000-000000000005',
    kind: 'mass_organisation',
    name: 'Hội Chữ thập đỏ tỉnh Hà Tĩnh',
  },
];

export const haTinhFund = (key: string): string => {
  const source = HA_TINH_SOURCES.find((s) => s.key === key);
  if (!source) throw new Error(`no Hà Tĩnh source ${key}`);
  return source.fundId;
};
