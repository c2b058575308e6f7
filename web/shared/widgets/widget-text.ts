// Browser-safe and DOM-free.
import type { WidgetLang } from './widget-lang';

/** Everything the widgets say themselves, in both languages. */
export interface WidgetText {
  amountNotADigit: string;
  amountTooLong: string;
  dateFormatHint: string;
  dateMalformed: (typed: string) => string;
  dateNoSuchDate: (typed: string) => string;
  openCalendar: string;
  unitSearchPlaceholder: string;
  unitNoMatch: string;
  unitsLoading: string;
  unitsUnavailable: string;
  /** `date` is the unit's last day in force (effectiveTo is inclusive). */
  unitNotInForce: (date: string) => string;
  levels: Record<'province' | 'district' | 'commune', string>;
  chooseFile: string;
  takePhoto: string;
  replaceFile: string;
  removeFile: string;
  uploading: (percent: number) => string;
  uploaded: string;
  uploadsUnavailable: string;
  openPdf: string;
  fileNotShown: string;
  tooLarge: string;
  unsupportedType: string;
  contentMismatch: string;
  signedOut: string;
  uploadNetwork: string;
  uploadFailed: (message: string) => string;
}

const text: Record<WidgetLang, WidgetText> = {
  vi: {
    amountNotADigit: 'Chỉ nhập chữ số; số tiền tính bằng đồng, không có phần lẻ.',
    amountTooLong: 'Số tiền quá lớn.',
    dateFormatHint: 'ngày/tháng/năm, ví dụ 15/03/2024',
    dateMalformed: (typed) => `“${typed}” không phải ngày theo dạng ngày/tháng/năm (ví dụ 15/03/2024).`,
    dateNoSuchDate: (typed) => `Không có ngày ${typed} trong lịch.`,
    openCalendar: 'Chọn ngày trên lịch',
    unitSearchPlaceholder: 'Gõ tên hoặc mã đơn vị để tìm',
    unitNoMatch: 'Không tìm thấy đơn vị phù hợp',
    unitsLoading: 'Đang tải danh mục đơn vị…',
    unitsUnavailable: 'Không tải được danh mục đơn vị; hãy nhập mã đơn vị.',
    unitNotInForce: (date) => `đơn vị đã hết hiệu lực (hiệu lực đến hết ngày ${date})`,
    levels: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
    chooseFile: 'Chọn tệp',
    takePhoto: 'Chụp ảnh',
    replaceFile: 'Chọn tệp khác',
    removeFile: 'Bỏ tệp',
    uploading: (p) => `Đang tải lên… ${p}%`,
    uploaded: 'Đã tải lên',
    uploadsUnavailable:
      'Biểu mẫu nhúng này chưa nhận tệp đính kèm; vui lòng nộp tệp trực tiếp tại nơi tiếp nhận hồ sơ.',
    openPdf: 'Mở tệp PDF',
    fileNotShown: 'Tệp đã lưu (không xem trước được ở đây)',
    tooLarge: 'Tệp quá lớn: tối đa 8 MB.',
    unsupportedType: 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF.',
    contentMismatch: 'Nội dung tệp không khớp với loại tệp (tệp hỏng hoặc đổi đuôi?).',
    signedOut: 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại rồi tải lên.',
    uploadNetwork: 'Không tải lên được do lỗi kết nối; vui lòng thử lại.',
    uploadFailed: (m) => `Không tải lên được: ${m}`,
  },
  en: {
    amountNotADigit: 'Digits only: the amount is in whole dong.',
    amountTooLong: 'The amount is too large.',
    dateFormatHint: 'day/month/year, e.g. 15/03/2024',
    dateMalformed: (typed) => `“${typed}” is not a date as day/month/year (e.g. 15/03/2024).`,
    dateNoSuchDate: (typed) => `There is no such date as ${typed}.`,
    openCalendar: 'Pick the date on a calendar',
    unitSearchPlaceholder: 'Type a unit name or code to search',
    unitNoMatch: 'No unit matches',
    unitsLoading: 'Loading the list of units…',
    unitsUnavailable: 'The list of units could not be loaded; type the unit code.',
    unitNotInForce: (date) => `no longer in force (its last day was ${date})`,
    levels: { province: 'Province', district: 'District', commune: 'Commune' },
    chooseFile: 'Choose a file',
    takePhoto: 'Take a photo',
    replaceFile: 'Choose another file',
    removeFile: 'Remove the file',
    uploading: (p) => `Uploading… ${p}%`,
    uploaded: 'Uploaded',
    uploadsUnavailable:
      'This embedded form does not take attachments; please hand the files in where the dossier is received.',
    openPdf: 'Open the PDF',
    fileNotShown: 'File stored (no preview here)',
    tooLarge: 'The file is too large: 8 MB at most.',
    unsupportedType: 'Only JPEG, PNG or WebP images and PDF files are accepted.',
    contentMismatch: 'The file content does not match its type (damaged, or renamed?).',
    signedOut: 'Your session has expired; sign in again, then upload.',
    uploadNetwork: 'The upload failed because of a connection problem; please try again.',
    uploadFailed: (m) => `The upload failed: ${m}`,
  },
};

export function widgetText(lang: WidgetLang): WidgetText {
  return text[lang];
}
