/** A text in Vietnamese and English. */
export interface SupportLabel {
  vi: string;
  en: string;
}

/**
 * The names people see for programmes (`dossier_views.programme`) and support types (the fact `supportType`): the
 * one table the report API, its documents and the web app read. Programmes and types not listed here are shown by
 * their code (a definition published before its name was added).
 */
export const SUPPORT_LABELS: Readonly<Record<string, SupportLabel>> = Object.freeze({
  housing: { vi: 'Hỗ trợ nhà ở', en: 'Housing support' },
  new_build: { vi: 'Xây mới', en: 'New build' },
  repair: { vi: 'Sửa chữa', en: 'Repair' },
  education: { vi: 'Hỗ trợ giáo dục', en: 'Education support' },
  livelihood: { vi: 'Mô hình sinh kế', en: 'Livelihood model' },
  health_insurance: { vi: 'Thẻ bảo hiểm y tế', en: 'Health-insurance card' },
  savings_book: { vi: 'Sổ tiết kiệm', en: 'Savings book' },
  household_goods: { vi: 'Đồ dùng sinh hoạt, học tập', en: 'Household and study goods' },
  tet_gift: { vi: 'Quà Tết', en: 'Tết gift' },
  sponsorship: { vi: 'Nhận đỡ đầu', en: 'Sponsorship' },
  fund_campaign: { vi: 'Vận động Quỹ Vì người nghèo', en: 'Fund-for-the-Poor campaign' },
  fund_for_the_poor: { vi: 'Hỗ trợ từ Quỹ Vì người nghèo', en: 'Support from the Fund for the Poor' },
  // Support types of the shipped processes (their forms' enum names): household goods, livelihood models, lists.
  fridge: { vi: 'Tủ lạnh', en: 'Fridge' },
  tv: { vi: 'Ti vi', en: 'Television' },
  computer: { vi: 'Máy tính', en: 'Computer' },
  e_bike: { vi: 'Xe đạp điện', en: 'Electric bicycle' },
  bicycle: { vi: 'Xe đạp học sinh', en: "Pupil's bicycle" },
  mixed: { vi: 'Nhiều loại', en: 'Several kinds' },
  livestock: { vi: 'Chăn nuôi', en: 'Livestock' },
  crops: { vi: 'Trồng trọt', en: 'Crops' },
  aquaculture: { vi: 'Nuôi trồng thủy sản', en: 'Aquaculture' },
  small_business: { vi: 'Buôn bán nhỏ, dịch vụ', en: 'Small business or service' },
  vocational_tools: { vi: 'Công cụ, dụng cụ làm nghề', en: 'Tools for a trade' },
  other: { vi: 'Khác', en: 'Other' },
  health_insurance_card: { vi: 'Thẻ bảo hiểm y tế', en: 'Health-insurance card' },
  // The year-end review of poor and near-poor households (programme and its one type): it moves no money; reports
  // count its dossiers and the households reviewed (`beneficiaries`).
  poverty_review: { vi: 'Rà soát hộ nghèo, cận nghèo', en: 'Poor and near-poor household review' },
  income_sponsorship: { vi: 'Hỗ trợ thu nhập (nhận đỡ đầu)', en: 'Income support (sponsorship)' },
  // Preferential loans of the Bank for Social Policies (seed 001): the programme and the loan purposes.
  credit_access: { vi: 'Vay vốn ưu đãi NHCSXH', en: 'Bank for Social Policies loan' },
  loan_production: { vi: 'Vay phát triển sản xuất, kinh doanh', en: 'Loan for production or business' },
  loan_housing: { vi: 'Vay làm nhà ở', en: 'Loan for housing' },
  loan_clean_water: { vi: 'Vay nước sạch, vệ sinh môi trường', en: 'Loan for clean water and sanitation' },
  loan_job: { vi: 'Vay tạo việc làm', en: 'Loan for job creation' },
});

/** The label of a programme or support type; its code in both languages when unknown. */
export const supportLabel = (code: string): SupportLabel => SUPPORT_LABELS[code] ?? { vi: code, en: code };

/** A support type under its programme: "Hỗ trợ nhà ở — Xây mới"; the programme alone without a type. */
export function supportTypeLabel(programme: string, supportType: string | null): SupportLabel {
  const p = supportLabel(programme);
  if (supportType === null) return p;
  const t = supportLabel(supportType);
  return { vi: `${p.vi} — ${t.vi}`, en: `${p.en} — ${t.en}` };
}

/**
 * The support types each shipped programme's processes record (the fact `supportType`, from their forms' enums), for
 * pickers that must offer names rather than codes. A programme absent here records none.
 */
export const PROGRAMME_SUPPORT_TYPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  housing: ['new_build', 'repair'],
  livelihood: ['livestock', 'crops', 'aquaculture', 'small_business', 'vocational_tools', 'other'],
  household_goods: ['fridge', 'tv', 'computer', 'e_bike', 'bicycle', 'mixed'],
  health_insurance: ['health_insurance_card'],
  savings_book: ['savings_book'],
  tet_gift: ['tet_gift'],
  poverty_review: ['poverty_review'],
  sponsorship: ['income_sponsorship'],
  fund_for_the_poor: ['new_build', 'repair', 'mixed'],
  credit_access: ['loan_production', 'loan_housing', 'loan_clean_water', 'loan_job'],
});
