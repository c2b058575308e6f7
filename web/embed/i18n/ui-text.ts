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
  /** A request that got no answer: the portal is not allowed (the browser hides the 403) or the service is down. */
  unreachable: string;
  lookupSecret: string;
  lookupSecretNote: string;
  lookup: StatusText;
}

/** The status lookup's words (web/embed/components/status-lookup.tsx). */
export interface StatusText {
  title: string;
  intro: string;
  code: string;
  secret: string;
  secretHelp: string;
  submit: string;
  searching: string;
  required: string;
  /** Before the dossier code in the result's heading. */
  resultTitle: string;
  process: string;
  stage: string;
  processingUnit: string;
  receivedAt: string;
  dueAt: string;
  timeliness: string;
  outcome: string;
  closedAt: string;
  outcomes: Record<'completed' | 'rejected' | 'withdrawn', string>;
  again: string;
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
    unreachable:
      'Không kết nối được với dịch vụ tiếp nhận hồ sơ: trang này chưa được phép nhúng dịch vụ, hoặc dịch vụ tạm thời không truy cập được. Vui lòng thử lại sau hoặc liên hệ nơi tiếp nhận hồ sơ.',
    lookupSecret: 'Mã tra cứu',
    lookupSecretNote:
      'Mã tra cứu chỉ hiển thị một lần. Vui lòng ghi lại cùng mã hồ sơ: cần cả hai mã để tra cứu tình trạng hồ sơ.',
    lookup: {
      title: 'Tra cứu hồ sơ',
      intro: 'Nhập mã hồ sơ và mã tra cứu ghi trên giấy tiếp nhận hồ sơ.',
      code: 'Mã hồ sơ',
      secret: 'Mã tra cứu',
      secretHelp: 'Gồm 12 chữ và số, ví dụ K7QM-3XPA-9RTD.',
      submit: 'Tra cứu',
      searching: 'Đang tra cứu…',
      required: 'Vui lòng nhập thông tin này.',
      resultTitle: 'Hồ sơ',
      process: 'Thủ tục',
      stage: 'Tình trạng',
      processingUnit: 'Nơi đang xử lý',
      receivedAt: 'Ngày tiếp nhận',
      dueAt: 'Hạn giải quyết',
      timeliness: 'Tiến độ',
      outcome: 'Kết quả',
      closedAt: 'Ngày có kết quả',
      outcomes: { completed: 'Đã giải quyết xong', rejected: 'Không được chấp thuận', withdrawn: 'Đã rút hồ sơ' },
      again: 'Tra cứu hồ sơ khác',
    },
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
    unreachable:
      'The dossier service cannot be reached: this page is not allowed to embed it, or the service is unavailable for now. Please try again later or contact the receiving office.',
    lookupSecret: 'Lookup code',
    lookupSecretNote:
      'The lookup code is shown only once. Please note it with the dossier code: both are needed to look up the dossier.',
    lookup: {
      title: 'Look up a dossier',
      intro: 'Enter the dossier code and the lookup code from the receipt.',
      code: 'Dossier code',
      secret: 'Lookup code',
      secretHelp: '12 letters and digits, e.g. K7QM-3XPA-9RTD.',
      submit: 'Look up',
      searching: 'Looking up…',
      required: 'Please fill this in.',
      resultTitle: 'Dossier',
      process: 'Procedure',
      stage: 'Status',
      processingUnit: 'Being processed by',
      receivedAt: 'Received on',
      dueAt: 'Due date',
      timeliness: 'Progress',
      outcome: 'Result',
      closedAt: 'Result date',
      outcomes: { completed: 'Completed', rejected: 'Not approved', withdrawn: 'Withdrawn' },
      again: 'Look up another dossier',
    },
  },
};

export function uiText(lang: Lang): UiText {
  return text[lang];
}
