// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';

/** The embed's own words (everything react-jsonschema-form and the form definition do not say). */
export interface UiText {
  loading: string;
  receivingUnit: string;
  submit: string;
  submitting: string;
  fixErrors: (count: number) => string;
  draftRestored: string;
  discardDraft: string;
  networkError: string;
  unavailable: string;
  receiptTitle: string;
  receiptIntro: string;
  dossierCode: string;
  receivedOn: string;
  appointmentDate: string;
  receiptNote: string;
  another: string;
  tokenRefused: string;
}

const text: Record<Lang, UiText> = {
  vi: {
    loading: 'Đang tải biểu mẫu…',
    receivingUnit: 'Nơi tiếp nhận',
    submit: 'Gửi hồ sơ',
    submitting: 'Đang gửi hồ sơ…',
    fixErrors: (n) => `Hồ sơ còn ${n} chỗ cần sửa. Vui lòng xem các thông báo màu đỏ bên dưới từng trường.`,
    draftRestored: 'Đã khôi phục thông tin bạn nhập lần trước trên thiết bị này.',
    discardDraft: 'Xóa và nhập lại từ đầu',
    networkError: 'Không gửi được hồ sơ do lỗi kết nối. Thông tin bạn đã nhập vẫn được giữ nguyên; vui lòng thử lại.',
    unavailable: 'Hệ thống đang bận. Thông tin bạn đã nhập vẫn được giữ nguyên; vui lòng thử lại sau ít phút.',
    receiptTitle: 'Đã tiếp nhận hồ sơ',
    receiptIntro: 'Hồ sơ của bạn đã được gửi thành công. Vui lòng ghi lại mã hồ sơ để tra cứu.',
    dossierCode: 'Mã hồ sơ',
    receivedOn: 'Ngày tiếp nhận',
    appointmentDate: 'Ngày hẹn trả kết quả',
    receiptNote: 'Ngày hẹn có thể thay đổi nếu hồ sơ cần bổ sung.',
    another: 'Nộp hồ sơ khác',
    tokenRefused: 'Không mở được biểu mẫu',
  },
  en: {
    loading: 'Loading the form…',
    receivingUnit: 'Received by',
    submit: 'Submit',
    submitting: 'Submitting…',
    fixErrors: (n) =>
      `${n === 1 ? 'One field needs' : `${n} fields need`} correcting: see the messages in red under the fields.`,
    draftRestored: 'What you typed last time on this device has been restored.',
    discardDraft: 'Clear and start again',
    networkError:
      'The dossier could not be sent because of a connection problem. What you typed is kept; please try again.',
    unavailable: 'The system is busy. What you typed is kept; please try again in a few minutes.',
    receiptTitle: 'Dossier received',
    receiptIntro: 'Your dossier has been submitted. Please note its code to look it up later.',
    dossierCode: 'Dossier code',
    receivedOn: 'Received on',
    appointmentDate: 'Appointment date for the result',
    receiptNote: 'The date may change if the dossier needs more documents.',
    another: 'Submit another dossier',
    tokenRefused: 'The form cannot be opened',
  },
};

export function uiText(lang: Lang): UiText {
  return text[lang];
}
