// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';
import type { BankLineReportItem, PaymentOrderItem } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';

type OrderStatus = PaymentOrderItem['status'];
type LineStatus = BankLineReportItem['status'];

const vi = {
  nav: 'Thanh toán',
  title: 'Thanh toán',
  intro:
    'Các lệnh chi của hồ sơ thuộc đơn vị của bạn. Xác nhận từng lệnh trong hồ sơ, hoặc nhập sao kê ngân hàng để xác nhận nhiều lệnh một lần.',
  ordersTitle: 'Lệnh chi',
  filters: 'Lọc lệnh chi',
  status: 'Trạng thái',
  statusAll: 'Tất cả',
  orderStatuses: { ordered: 'Chờ xác nhận', paid: 'Đã thanh toán', failed: 'Chuyển khoản thất bại' } satisfies Record<
    OrderStatus,
    string
  >,
  from: 'Lập lệnh từ ngày',
  to: 'Đến ngày',
  apply: 'Lọc',
  loading: 'Đang tải lệnh chi…',
  noOrders: 'Không có lệnh chi nào khớp bộ lọc.',
  caption: (status: string, count: number) => `${status}: ${count} lệnh chi`,
  more: 'Xem thêm',
  dossier: 'Hồ sơ',
  household: 'Chủ hộ',
  hidden: '(không hiển thị)',
  tranche: 'Đợt chi',
  amount: 'Số tiền',
  funds: 'Nguồn kinh phí',
  reference: 'Nội dung chuyển khoản',
  createdAt: 'Ngày lập lệnh',
  settledAt: 'Ngày xác nhận',
  attempt: (n: number) => `lần ${n}`,
  importTitle: 'Nhập sao kê ngân hàng',
  importHelp:
    'Tệp CSV ngân hàng xuất: dòng tiêu đề, rồi mỗi giao dịch một dòng gồm mã giao dịch, ngày giá trị (dd/mm/yyyy), số tiền, nội dung (có mã HS-… của lệnh chi) và trạng thái OK hoặc FAILED. Mỗi giao dịch chỉ được xử lý một lần, dù nhập lại tệp.',
  file: 'Tệp sao kê (CSV)',
  chooseFile: 'Chọn tệp…',
  noFileChosen: 'Chưa chọn tệp nào',
  start: 'Nhập sao kê',
  noFile: 'Hãy chọn tệp sao kê.',
  tooLarge: 'Tệp quá lớn: sao kê tối đa 5 MB.',
  uploading: 'Đang gửi tệp…',
  progress: (done: number, total: number) => `Đang xử lý ${done}/${total} dòng…`,
  finished: (total: number) => `Đã nhập xong ${total} dòng.`,
  resultTitle: (fileName: string) => `Kết quả nhập ${fileName}`,
  counts: 'Tổng hợp',
  linesCaption: 'Kết quả từng dòng của sao kê',
  line: 'Dòng',
  transaction: 'Mã giao dịch',
  result: 'Kết quả',
  detail: 'Chi tiết',
  lineStatuses: {
    settled: 'Đã thanh toán',
    payment_failed: 'Chuyển khoản thất bại, lệnh chi cần lập lại',
    processing: 'Đang xử lý, nhập lại tệp sau ít phút để biết kết quả',
    already_settled: 'Đã thanh toán trước đó',
    already_imported: 'Giao dịch đã nhập trước đó',
    unknown_reference: 'Không tìm thấy mã hồ sơ',
    amount_mismatch: 'Số tiền không khớp',
    not_awaiting_confirmation: 'Lệnh chi không ở bước chờ xác nhận',
    refused: 'Không được phép xác nhận',
    bad_line: 'Dòng không đọc được',
  } satisfies Record<LineStatus, string>,
  expected: (amount: string) => `Lệnh chi: ${amount}`,
  earlier: { pending: 'đang xử lý', settled: 'đã thanh toán', payment_failed: 'chuyển khoản thất bại' },
  earlierWas: (what: string) => `Lần nhập trước: ${what}`,
};

export type PaymentText = typeof vi;

const en: PaymentText = {
  nav: 'Payments',
  title: 'Payments',
  intro:
    "The payment orders of your units' dossiers. Confirm one in its dossier, or import the bank's statement to confirm many at once.",
  ordersTitle: 'Payment orders',
  filters: 'Filter payment orders',
  status: 'Status',
  statusAll: 'All',
  orderStatuses: { ordered: 'Awaiting confirmation', paid: 'Paid', failed: 'Transfer failed' },
  from: 'Ordered from',
  to: 'To',
  apply: 'Filter',
  loading: 'Loading payment orders…',
  noOrders: 'No payment order matches the filter.',
  caption: (status, count) => `${status}: ${count} payment ${count === 1 ? 'order' : 'orders'}`,
  more: 'Show more',
  dossier: 'Dossier',
  household: 'Head of household',
  hidden: '(not shown)',
  tranche: 'Tranche',
  amount: 'Amount',
  funds: 'Funds',
  reference: 'Transfer reference',
  createdAt: 'Ordered on',
  settledAt: 'Confirmed on',
  attempt: (n) => `attempt ${n}`,
  importTitle: 'Import a bank statement',
  importHelp:
    "The bank's CSV export: a header row, then one transaction per row with its id, value date (dd/mm/yyyy), amount, description (holding the order's HS-… reference) and status OK or FAILED. Each transaction is taken once, however often the file is imported.",
  file: 'Statement file (CSV)',
  chooseFile: 'Choose a file…',
  noFileChosen: 'No file chosen',
  start: 'Import statement',
  noFile: 'Choose a statement file.',
  tooLarge: 'The file is too large: a statement may be up to 5 MB.',
  uploading: 'Sending the file…',
  progress: (done, total) => `Processed ${done} of ${total} lines…`,
  finished: (total) => `Import finished: ${total} lines.`,
  resultTitle: (fileName) => `Result of importing ${fileName}`,
  counts: 'Summary',
  linesCaption: 'Each line of the statement',
  line: 'Line',
  transaction: 'Transaction',
  result: 'Result',
  detail: 'Details',
  lineStatuses: {
    settled: 'Paid',
    payment_failed: 'Transfer failed; the order must be issued again',
    processing: 'Still being applied; import the file again in a few minutes to see the result',
    already_settled: 'Already paid',
    already_imported: 'Transaction imported before',
    unknown_reference: 'No dossier with this reference',
    amount_mismatch: 'Amount does not match',
    not_awaiting_confirmation: 'The order is not awaiting confirmation',
    refused: 'Not allowed to confirm',
    bad_line: 'Line cannot be read',
  },
  expected: (amount) => `Order: ${amount}`,
  earlier: { pending: 'being applied', settled: 'paid', payment_failed: 'transfer failed' },
  earlierWas: (what) => `Earlier import: ${what}`,
};

export function paymentText(lang: Lang): PaymentText {
  return lang === 'en' ? en : vi;
}

/** What a line's "details" cell says besides its status: why it was not taken, in the reader's language. */
export function lineDetail(line: BankLineReportItem, t: PaymentText, lang: Lang): string {
  const parts: string[] = [];
  if (line.expectedAmount !== undefined) parts.push(t.expected(formatVnd(line.expectedAmount, lang)));
  if (line.earlier) parts.push(t.earlierWas(t.earlier[line.earlier]));
  for (const p of line.problems ?? []) parts.push(p.message);
  if (line.error) parts.push(line.error.message);
  return parts.join('; ');
}

/** The statuses of a report in a fixed order (taken first, then what needs a look), each with its count. */
export function statusCounts(counts: Record<string, number>): [LineStatus, number][] {
  const order = Object.keys(vi.lineStatuses) as LineStatus[];
  return order.filter((s) => (counts[s] ?? 0) > 0).map((s) => [s, counts[s] ?? 0]);
}
