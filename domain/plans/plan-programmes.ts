import type { LocalizedText } from '../process/process-definition';

/**
 * The programmes of the seeds that a plan may set targets for, with their names. A published process definition
 * may bring another programme: the plan checks accept every programme of either (see planProblems).
 */
export const PLAN_PROGRAMMES: Readonly<Record<string, LocalizedText>> = {
  housing: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' },
  livelihood: { vi: 'Mô hình sinh kế', en: 'Livelihood models' },
  health_insurance: { vi: 'Thẻ bảo hiểm y tế', en: 'Health-insurance cards' },
  savings_book: { vi: 'Sổ tiết kiệm', en: 'Savings books' },
  education: { vi: 'Hỗ trợ giáo dục', en: 'Education support' },
  household_goods: { vi: 'Đồ dùng sinh hoạt, học tập', en: 'Household and study goods' },
  tet_gifts: { vi: 'Quà Tết', en: 'Tết gifts' },
  sponsorship: { vi: 'Nhận đỡ đầu', en: 'Sponsorship' },
  fund_campaign: { vi: 'Vận động Quỹ Vì người nghèo', en: 'Fund-for-the-Poor campaign' },
};

/** The programme's name, or its code when it is not one of PLAN_PROGRAMMES. */
export const programmeName = (programme: string): LocalizedText =>
  PLAN_PROGRAMMES[programme] ?? { vi: programme, en: programme };
