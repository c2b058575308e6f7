import ExcelJS from 'exceljs';
import { LOAN_FIGURE_COLUMNS } from '../../domain/loans/loan-figure-columns';
import { civilDate } from '../../domain/time/civil-date';
import { AMOUNT_FORMAT } from '../funds/render-ledger-xlsx';
import type { LoanReport } from './create-loan-report';
import { addBreakdown } from './render-support-report-xlsx';

/** The sheets of the loan report's workbook, in order (the test and the docs name them). */
export const LOAN_REPORT_SHEETS = {
  totals: 'Tổng hợp',
  purpose: 'Theo mục đích vay',
  unit: 'Theo đơn vị',
  rows: 'Từng khoản vay',
} as const;

/**
 * The half-yearly "cho vay – thu nợ" report as an Excel workbook, Vietnamese throughout: "Tổng hợp" (the unit, the
 * period, the day it is due, the totals), the breakdowns by purpose and by lower unit (the support report's sheets:
 * a total row of SUM formulas with cached results), and "Từng khoản vay" (the rows per loan, by dossier id — no
 * household is named — that every figure is summed from).
 */
export async function renderLoanReportXlsx(report: LoanReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoso-engine';
  const format = (kind: 'count' | 'money') => (kind === 'money' ? AMOUNT_FORMAT : '#,##0');

  const totals = workbook.addWorksheet(LOAN_REPORT_SHEETS.totals);
  totals.addRow(['BÁO CÁO KẾT QUẢ CHO VAY – THU NỢ (NGÂN HÀNG CHÍNH SÁCH XÃ HỘI)']).font = { bold: true, size: 14 };
  totals.addRow(['Đơn vị', report.unit.name]);
  totals.addRow(['Kỳ báo cáo', `Từ ngày ${civilDate(report.from)} đến ngày ${civilDate(report.to)}`]);
  totals.addRow(['Hạn gửi báo cáo', civilDate(report.dueOn)]);
  totals.addRow([]);
  totals.addRow(['Chỉ tiêu', 'Số liệu']).font = { bold: true };
  for (const c of LOAN_FIGURE_COLUMNS)
    totals.addRow([c.label.vi, report.totals[c.key]]).getCell(2).numFmt = format(c.kind);
  totals.getColumn(1).width = 34;
  totals.getColumn(2).width = 40;

  const purposes = report.byPurpose.map((p) => ({ name: p.label.vi, figures: p }));
  addBreakdown(workbook, LOAN_REPORT_SHEETS.purpose, 'Theo mục đích vay', purposes, report.totals, LOAN_FIGURE_COLUMNS);
  const units = report.byUnit.map((u) => ({ name: u.unit.name, figures: u }));
  addBreakdown(workbook, LOAN_REPORT_SHEETS.unit, 'Theo đơn vị cấp dưới', units, report.totals, LOAN_FIGURE_COLUMNS);

  const rows = workbook.addWorksheet(LOAN_REPORT_SHEETS.rows);
  const header = rows.addRow(['Mã hồ sơ', 'Mục đích vay', 'Xã/phường', ...LOAN_FIGURE_COLUMNS.map((c) => c.label.vi)]);
  header.font = { bold: true };
  rows.views = [{ state: 'frozen', ySplit: header.number }];
  const purposeName = new Map(report.byPurpose.map((p) => [p.purpose, p.label.vi]));
  for (const r of report.rows) {
    rows.addRow([
      r.dossierId,
      purposeName.get(r.purpose) ?? r.purpose ?? '',
      r.commune.name,
      ...LOAN_FIGURE_COLUMNS.map((c) => r[c.key]),
    ]);
  }
  LOAN_FIGURE_COLUMNS.forEach((c, i) => {
    const column = rows.getColumn(i + 4);
    column.width = c.kind === 'money' ? 20 : 14;
    column.numFmt = format(c.kind);
  });
  rows.getColumn(1).width = 24;
  rows.getColumn(2).width = 34;
  rows.getColumn(3).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
