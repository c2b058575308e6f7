// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';

const vi = {
  heading: 'Số liệu hệ thống tính từ sổ quỹ và hồ sơ',
  intro: (from: string, to: string) =>
    `Các số liệu dưới đây được tính cho đợt từ ${from} đến ${to} và đã điền sẵn vào báo cáo. Nếu xã báo cáo số khác, hãy ghi lý do ở mục “Lý do số báo cáo khác số hệ thống tính”.`,
  computing: 'Đang tính số liệu từ sổ quỹ và hồ sơ…',
  failed: (message: string) => `Không tính được số liệu: ${message}. Có thể nhập tay; hệ thống sẽ tính lại khi lưu.`,
  field: 'Số liệu',
  value: 'Hệ thống tính',
  source: 'Nguồn',
  unsplit: (n: number) => `${n} nhà thuộc danh sách không ghi rõ xây mới hay sửa chữa (không được tự chia).`,
};
type FiguresText = typeof vi;

const en: FiguresText = {
  heading: 'Figures computed from the fund ledger and the dossiers',
  intro: (from: string, to: string) =>
    `These figures are computed for the campaign from ${from} to ${to} and filled into the report. If the commune reports a different figure, give the reason under “Reasons for figures differing from the computed ones”.`,
  computing: 'Computing the figures from the fund ledger and the dossiers…',
  failed: (message: string) =>
    `The figures could not be computed: ${message}. They can be typed in; they are computed again on saving.`,
  field: 'Figure',
  value: 'Computed',
  source: 'Source',
  unsplit: (n: number) => `${n} houses of lists that did not record whether built or repaired (never split by guess).`,
};

export const figuresText = (lang: Lang): FiguresText => (lang === 'vi' ? vi : en);
