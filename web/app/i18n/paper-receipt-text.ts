// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';

const vi = {
  legend: 'Thời điểm tiếp nhận hồ sơ giấy',
  hint: 'Để trống nếu tiếp nhận ngay bây giờ. Ngày theo dạng ngày/tháng/năm, giờ theo dạng giờ:phút (giờ Việt Nam).',
  date: 'Ngày tiếp nhận',
  time: 'Giờ tiếp nhận',
  datePlaceholder: 'ngày/tháng/năm',
  timePlaceholder: 'giờ:phút',
  badDate: (text: string) => `“${text}” không phải là ngày hợp lệ (ngày/tháng/năm, ví dụ 03/12/2026)`,
  badTime: (text: string) => `“${text}” không phải là giờ hợp lệ (giờ:phút, ví dụ 08:30)`,
  needDate: 'Hãy nhập cả ngày tiếp nhận',
  needTime: 'Hãy nhập cả giờ tiếp nhận',
  /** The timeline's create entry of a dossier received on paper. */
  receivedOnPaper: (receivedAt: string, enteredAt: string) =>
    `Tiếp nhận hồ sơ giấy lúc ${receivedAt} · nhập vào hệ thống lúc ${enteredAt}`,
  /** The control slip's note on the receipt row of a dossier received on paper. */
  slipEntered: (enteredAt: string) => `Tiếp nhận hồ sơ giấy, nhập vào hệ thống lúc ${enteredAt}`,
};

const en: typeof vi = {
  legend: 'Paper dossier receipt time',
  hint: 'Leave empty if the dossier is received right now. Date as dd/mm/yyyy, time as HH:mm (Vietnam time).',
  date: 'Receipt date',
  time: 'Receipt time',
  datePlaceholder: 'dd/mm/yyyy',
  timePlaceholder: 'HH:mm',
  badDate: (text: string) => `“${text}” is not a valid date (dd/mm/yyyy, e.g. 03/12/2026)`,
  badTime: (text: string) => `“${text}” is not a valid time (HH:mm, e.g. 08:30)`,
  needDate: 'Enter the receipt date too',
  needTime: 'Enter the receipt time too',
  receivedOnPaper: (receivedAt: string, enteredAt: string) =>
    `Paper dossier received at ${receivedAt} · entered in the system at ${enteredAt}`,
  slipEntered: (enteredAt: string) => `Paper dossier, entered in the system at ${enteredAt}`,
};

export type PaperReceiptText = typeof vi;

/** The words of the paper-receipt field and timeline entry in `lang`. */
export const paperReceiptText = (lang: Lang): PaperReceiptText => (lang === 'en' ? en : vi);
