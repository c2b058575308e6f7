import type { SupportLabel } from '../reports/support-labels';
import type { LoanFigures } from './loan-report-rows';

/** A column of the loan report: its figure, its heading and whether it counts loans or đồng. */
export interface LoanFigureColumn {
  key: keyof LoanFigures;
  label: SupportLabel;
  kind: 'count' | 'money';
}

/**
 * The columns of the "cho vay – thu nợ" report, in the order the page, the workbook and the tests read them: the one
 * table of their names.
 */
export const LOAN_FIGURE_COLUMNS: readonly LoanFigureColumn[] = [
  { key: 'disbursedLoans', label: { vi: 'Số món vay mới', en: 'New loans' }, kind: 'count' },
  { key: 'disbursed', label: { vi: 'Doanh số cho vay', en: 'Disbursed' }, kind: 'money' },
  { key: 'principalCollected', label: { vi: 'Thu nợ gốc', en: 'Principal collected' }, kind: 'money' },
  { key: 'interestCollected', label: { vi: 'Thu lãi', en: 'Interest collected' }, kind: 'money' },
  {
    key: 'interestSupport',
    label: { vi: 'Trong đó ngân sách hỗ trợ lãi', en: 'Of which interest supported' },
    kind: 'money',
  },
  { key: 'outstandingLoans', label: { vi: 'Số hộ còn dư nợ', en: 'Loans outstanding' }, kind: 'count' },
  { key: 'outstanding', label: { vi: 'Dư nợ cuối kỳ', en: 'Outstanding at the end' }, kind: 'money' },
  { key: 'overdueLoans', label: { vi: 'Số hộ có nợ quá hạn', en: 'Loans overdue' }, kind: 'count' },
  { key: 'overdue', label: { vi: 'Nợ quá hạn', en: 'Overdue' }, kind: 'money' },
  { key: 'settledLoans', label: { vi: 'Số món đã tất toán', en: 'Loans settled' }, kind: 'count' },
];
