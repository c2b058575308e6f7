import type { SupportFigures } from './support-report';
import type { SupportLabel } from './support-labels';

/** One figure of a report as its tables head it: what the page, the workbook and the PDF print, in this order. */
export interface SupportFigureColumn {
  key: keyof SupportFigures;
  label: SupportLabel;
  /** How it prints: a count, a share (0..1, as a percentage) or an amount of đồng. */
  kind: 'count' | 'rate' | 'money';
}

export const SUPPORT_FIGURE_COLUMNS: readonly SupportFigureColumn[] = Object.freeze([
  { key: 'proposed', label: { vi: 'Đề xuất', en: 'Proposed' }, kind: 'count' },
  { key: 'approved', label: { vi: 'Được duyệt', en: 'Approved' }, kind: 'count' },
  { key: 'completed', label: { vi: 'Hoàn thành', en: 'Completed' }, kind: 'count' },
  { key: 'rejected', label: { vi: 'Từ chối, rút', en: 'Rejected, withdrawn' }, kind: 'count' },
  { key: 'beneficiaries', label: { vi: 'Số người, hộ hưởng', en: 'Beneficiaries' }, kind: 'count' },
  { key: 'housesBuilt', label: { vi: 'Nhà xây mới', en: 'Houses built' }, kind: 'count' },
  { key: 'housesRepaired', label: { vi: 'Nhà sửa chữa', en: 'Houses repaired' }, kind: 'count' },
  { key: 'closedOnTime', label: { vi: 'Giải quyết đúng hạn', en: 'Closed on time' }, kind: 'count' },
  { key: 'closedLate', label: { vi: 'Giải quyết trễ hạn', en: 'Closed late' }, kind: 'count' },
  { key: 'onTimeRate', label: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' }, kind: 'rate' },
  { key: 'committed', label: { vi: 'Kinh phí cam kết', en: 'Committed' }, kind: 'money' },
  { key: 'paid', label: { vi: 'Đã chi trả', en: 'Paid' }, kind: 'money' },
] satisfies SupportFigureColumn[]);

/** A share as a percentage with one decimal in the language's convention ("87,5%", "87.5%"); "—" for none. */
export function formatRate(rate: number | null, lang: 'vi' | 'en' = 'vi'): string {
  if (rate === null) return '—';
  const text = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}
