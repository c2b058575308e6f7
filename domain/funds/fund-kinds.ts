/**
 * Where a fund's money comes from (domain.md §1): a state budget line, a unit's Fund for the Poor (Quỹ Vì người
 * nghèo), a mass organisation (Hội Liên hiệp Phụ nữ, Liên đoàn Lao động, Đoàn Thanh niên, Hội Chữ thập đỏ…), a named
 * sponsor or business, a Ngân hàng Chính sách xã hội loan line, or something else named by the fund's name.
 */
export const FUND_KINDS = [
  'state_budget',
  'fund_for_the_poor',
  'mass_organisation',
  'sponsor',
  'business',
  'policy_bank_loan',
  'other',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];
