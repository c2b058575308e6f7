import type { FundKind } from './fund-kinds';

/**
 * How each kind of fund source is named to people (reports, pickers): Vietnamese first, the English the interface
 * shows in English. Plain data, safe for the browser and workflows alike.
 */
export const FUND_KIND_LABELS: Readonly<Record<FundKind, { vi: string; en: string }>> = Object.freeze({
  state_budget: { vi: 'Ngân sách nhà nước', en: 'State budget' },
  fund_for_the_poor: { vi: 'Quỹ Vì người nghèo', en: 'Fund for the Poor' },
  mass_organisation: { vi: 'Các tổ chức đoàn thể', en: 'Mass organisations' },
  sponsor: { vi: 'Nhà tài trợ', en: 'Sponsors' },
  business: { vi: 'Doanh nghiệp', en: 'Businesses' },
  policy_bank_loan: { vi: 'Vốn vay Ngân hàng Chính sách xã hội', en: 'Social Policy Bank loans' },
  other: { vi: 'Nguồn khác', en: 'Other sources' },
});
