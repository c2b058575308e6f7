import type { LocalizedText } from '../process/process-definition';
import { REGISTER_CATEGORIES, type RegisterCategory, type RegisterHousehold } from './poverty-register';

/**
 * One row of a register spreadsheet (one person a row; the columns of REGISTER_COLUMNS), as text. `row` is the
 * sheet's row number, which errors name.
 */
export interface RegisterRow {
  row: number;
  household: string;
  name: string;
  cccd: string;
  head: string;
  hamlet: string;
  category: string;
  ethnicMinority: string;
}

/** The columns of the import template, in order, with their Vietnamese headers. */
export const REGISTER_COLUMNS = [
  ['household', 'Hộ số'],
  ['name', 'Họ và tên'],
  ['cccd', 'Số CCCD'],
  ['head', 'Chủ hộ (x)'],
  ['hamlet', 'Thôn, tổ dân phố'],
  ['category', 'Diện hộ (nghèo / cận nghèo / mới thoát nghèo)'],
  ['ethnicMinority', 'Dân tộc thiểu số (có / không)'],
] as const;

export interface RowProblem {
  path: string;
  keyword: 'register';
  message: LocalizedText;
}

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ');
const CATEGORY_WORDS: Record<string, RegisterCategory> = {
  ngheo: 'poor',
  'ho ngheo': 'poor',
  poor: 'poor',
  'can ngheo': 'near_poor',
  'ho can ngheo': 'near_poor',
  near_poor: 'near_poor',
  'moi thoat ngheo': 'exited',
  'thoat ngheo': 'exited',
  'thoat can ngheo': 'exited',
  exited: 'exited',
};
const YES = new Set(['co', 'x', 'yes', '1', 'true']);
const NO = new Set(['', 'khong', 'no', '0', 'false']);

/**
 * The households of a register spreadsheet: rows grouped by their household number, the row marked head (`x`) as the
 * head, every other row a member. Each bad cell is a problem at `/rows/<sheet row>/<column>` in Vietnamese and
 * English (a missing name, an id that is not 12 digits, an unknown category, a household with no head or two); the
 * household's hamlet, category and ethnic-minority flag are read from its head's row. Either households or problems,
 * never half of them. Pure; citizen ids never appear in a message.
 */
export function registerFromRows(rows: readonly RegisterRow[]): {
  households: RegisterHousehold[];
  problems: RowProblem[];
} {
  const problems: RowProblem[] = [];
  const add = (row: number, column: string, vi: string, en: string) =>
    problems.push({ path: `/rows/${row}/${column}`, keyword: 'register', message: { vi, en } });
  const groups = new Map<string, RegisterRow[]>();
  for (const r of rows) {
    if (!r.household.trim()) add(r.row, 'household', 'Thiếu số thứ tự hộ', 'the household number is missing');
    if (!r.name.trim()) add(r.row, 'name', 'Thiếu họ và tên', 'the name is missing');
    if (!/^[0-9]{12}$/.test(r.cccd.trim()))
      add(r.row, 'cccd', 'Số CCCD phải gồm đúng 12 chữ số', 'the citizen id must be exactly 12 digits');
    groups.set(r.household.trim(), [...(groups.get(r.household.trim()) ?? []), r]);
  }
  const households: RegisterHousehold[] = [];
  for (const [number, members] of groups) {
    if (!number) continue;
    const heads = members.filter((m) => YES.has(fold(m.head)));
    if (heads.length !== 1) {
      const at = heads[1] ?? members[0]!;
      add(
        at.row,
        'head',
        heads.length === 0 ? `Hộ số ${number} chưa có dòng chủ hộ (x)` : `Hộ số ${number} có hai chủ hộ`,
        heads.length === 0 ? `household ${number} has no head row (x)` : `household ${number} has two heads`,
      );
      continue;
    }
    const head = heads[0]!;
    const category = CATEGORY_WORDS[fold(head.category)];
    if (!category)
      add(
        head.row,
        'category',
        'Diện hộ phải là nghèo, cận nghèo hoặc mới thoát nghèo',
        `the category must be one of ${REGISTER_CATEGORIES.join(', ')}`,
      );
    const minority = fold(head.ethnicMinority);
    if (!YES.has(minority) && !NO.has(minority))
      add(head.row, 'ethnicMinority', 'Ghi "có" hoặc "không"', 'write "có" (yes) or "không" (no)');
    if (!head.hamlet.trim()) add(head.row, 'hamlet', 'Thiếu thôn, tổ dân phố', 'the hamlet is missing');
    households.push({
      headName: head.name.trim(),
      cccd: head.cccd.trim(),
      hamlet: head.hamlet.trim(),
      category: category ?? 'poor',
      ethnicMinority: YES.has(minority),
      members: members.filter((m) => m !== head).map((m) => ({ name: m.name.trim(), cccd: m.cccd.trim() })),
    });
  }
  return problems.length > 0 ? { households: [], problems } : { households, problems };
}
