// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';
import type { RegisterCategory } from '../../../domain/poverty-register/poverty-register';

const vi = {
  nav: 'Hộ nghèo',
  title: 'Danh sách hộ nghèo, hộ cận nghèo',
  intro:
    'Danh sách theo kết quả rà soát cuối năm của từng xã, phường. Số CCCD chỉ lưu dưới dạng mã băm để đối chiếu và luôn hiển thị che bớt.',
  unit: 'Đơn vị',
  year: 'Năm rà soát',
  loading: 'Đang tải…',
  none: 'Xã, phường chưa có danh sách năm này.',
  summary: 'Tổng hợp theo diện hộ',
  summaryCaption: (unit: string, registers: number) => `${unit}: ${registers} danh sách xã, phường`,
  unitCol: 'Đơn vị',
  households: 'Số hộ',
  people: 'Số nhân khẩu',
  ethnic: 'Hộ dân tộc thiểu số',
  categories: { poor: 'Hộ nghèo', near_poor: 'Hộ cận nghèo', exited: 'Mới thoát nghèo' } satisfies Record<
    RegisterCategory,
    string
  >,
  register: (unit: string, year: number) => `Danh sách của ${unit} năm ${year}`,
  revision: (n: number, by: string, at: string, reason: string) => `Phiên bản ${n}, ${by} nhập ngày ${at}: ${reason}`,
  head: 'Chủ hộ',
  cccd: 'Số CCCD',
  hamlet: 'Thôn, tổ dân phố',
  category: 'Diện hộ',
  members: 'Thành viên',
  yes: 'Có',
  no: 'Không',
  importTitle: 'Nhập danh sách (thay cho phiên bản hiện tại)',
  importHelp:
    'Chọn tệp Excel (.xlsx, mỗi dòng một người: Hộ số, Họ và tên, Số CCCD, Chủ hộ (x), Thôn/tổ, Diện hộ, Dân tộc thiểu số) hoặc tệp JSON. Dòng nào sai sẽ được chỉ rõ; không lưu gì cho đến khi cả danh sách hợp lệ.',
  file: 'Tệp danh sách',
  reason: 'Lý do nhập, thay danh sách',
  check: 'Kiểm tra tệp',
  reading: (percent: number) => `Đang đọc tệp… ${percent} %`,
  checking: 'Đang kiểm tra tệp trên máy chủ…',
  saving: 'Đang lưu danh sách…',
  checked: (households: number, people: number) => `Tệp hợp lệ: ${households} hộ, ${people} nhân khẩu.`,
  save: 'Lưu danh sách',
  saved: 'Đã lưu phiên bản mới của danh sách.',
  badJson: 'Tệp JSON không đúng: cần một mảng hộ hoặc một đối tượng có "households".',
  row: (n: number) => `Dòng ${n}`,
  household: (n: number) => `Hộ thứ ${n}`,
  member: (n: number) => `thành viên ${n}`,
  coverage: 'Bao phủ theo danh sách hộ nghèo',
  covered: 'Đã được hỗ trợ',
  total: 'Tổng số',
  uncovered: (unit: string) => `Hộ chưa được hỗ trợ — ${unit}`,
  allCovered: 'Tất cả các hộ trong danh sách đã được hỗ trợ.',
  peopleLeft: 'Nhân khẩu chưa được hỗ trợ',
};

export type RegisterText = typeof vi;

const en: RegisterText = {
  nav: 'Poor households',
  title: 'Register of poor and near-poor households',
  intro:
    "Each commune's register as its year-end review recognised them. Citizen ids are kept only as keyed hashes for matching and always shown masked.",
  unit: 'Unit',
  year: 'Year of the review',
  loading: 'Loading…',
  none: 'The commune has no register for this year.',
  summary: 'Totals by category',
  summaryCaption: (unit, registers) => `${unit}: ${registers} commune registers`,
  unitCol: 'Unit',
  households: 'Households',
  people: 'People',
  ethnic: 'Ethnic-minority households',
  categories: { poor: 'Poor', near_poor: 'Near-poor', exited: 'Newly exited' },
  register: (unit, year) => `Register of ${unit}, ${year}`,
  revision: (n, by, at, reason) => `Revision ${n}, entered by ${by} on ${at}: ${reason}`,
  head: 'Household head',
  cccd: 'Citizen id',
  hamlet: 'Hamlet',
  category: 'Category',
  members: 'Members',
  yes: 'Yes',
  no: 'No',
  importTitle: 'Import the register (replaces the current revision)',
  importHelp:
    'Choose an Excel file (.xlsx, one person a row: household no., name, citizen id, head (x), hamlet, category, ethnic minority) or a JSON file. Every bad row is pointed out; nothing is saved until the whole register is valid.',
  file: 'Register file',
  reason: 'Why it is entered or replaced',
  check: 'Check the file',
  reading: (percent) => `Reading the file… ${percent} %`,
  checking: 'Checking the file on the server…',
  saving: 'Saving the register…',
  checked: (households, people) => `The file is valid: ${households} households, ${people} people.`,
  save: 'Save the register',
  saved: 'A new revision of the register was saved.',
  badJson: 'The JSON file is not a register: an array of households, or an object with "households", is expected.',
  row: (n) => `Row ${n}`,
  household: (n) => `Household ${n}`,
  member: (n) => `member ${n}`,
  coverage: 'Coverage of the poverty register',
  covered: 'Covered',
  total: 'Total',
  uncovered: (unit) => `Households not yet covered — ${unit}`,
  allCovered: 'Every household of the register is covered.',
  peopleLeft: 'People not yet covered',
};

export const registerText = (lang: Lang): RegisterText => (lang === 'vi' ? vi : en);

/**
 * Where a problem is, in words: `/rows/5/cccd` → "Dòng 5 · Số CCCD", `/households/2/members/0/cccd` → "Hộ thứ 3,
 * thành viên 1 · Số CCCD".
 */
export function problemPlace(path: string, t: RegisterText): string {
  const columns: Record<string, string> = {
    cccd: t.cccd,
    name: t.head,
    headName: t.head,
    hamlet: t.hamlet,
    category: t.category,
    head: t.head,
    household: t.household(0).replace(/ 0$/, ''),
    ethnicMinority: t.ethnic,
  };
  const row = /^\/rows\/(\d+)\/(\w+)$/.exec(path);
  if (row) return `${t.row(Number(row[1]))} · ${columns[row[2]!] ?? row[2]}`;
  const member = /^\/households\/(\d+)\/members\/(\d+)\/(\w+)$/.exec(path);
  if (member)
    return `${t.household(Number(member[1]) + 1)}, ${t.member(Number(member[2]) + 1)} · ${columns[member[3]!] ?? member[3]}`;
  const household = /^\/households\/(\d+)\/(\w+)$/.exec(path);
  if (household) return `${t.household(Number(household[1]) + 1)} · ${columns[household[2]!] ?? household[2]}`;
  return path;
}
