import type ExcelJS from 'exceljs';
import type { RaisedReport } from '../../domain/reports/raised-report-of';
import { AMOUNT_FORMAT } from '../funds/render-ledger-xlsx';

/**
 * Adds the sheet of the money raised (a campaign's receipts, by their date) to the support report's workbook: a
 * table by donor kind and one by fund (each with its unit), each closed by a total row of SUM formulas whose value is
 * stored as the cached result, so the file reads right before any recalculation.
 */
export function addRaisedSheet(workbook: ExcelJS.Workbook, name: string, raised: RaisedReport): void {
  const ws = workbook.addWorksheet(name);
  ws.addRow(['Kết quả vận động (tiền ủng hộ nhận vào các quỹ)']).font = { bold: true, size: 13 };
  const table = (header: string[], rows: (string | number)[][], sums: { column: string; result: number }[]) => {
    ws.addRow([]);
    ws.addRow(header).font = { bold: true };
    const first = ws.rowCount + 1;
    for (const row of rows) ws.addRow(row);
    const last = ws.rowCount;
    const total: (string | number | { formula: string; result: number })[] = header.map((_, i) =>
      i === 0 ? 'Tổng cộng' : '',
    );
    for (const { column, result } of sums)
      total[column.charCodeAt(0) - 65] =
        last >= first ? { formula: `SUM(${column}${first}:${column}${last})`, result } : 0;
    ws.addRow(total).font = { bold: true };
  };
  table(
    ['Người ủng hộ', 'Số lượt', 'Số tiền'],
    raised.byDonorKind.map((r) => [r.label.vi, r.receipts, r.amount]),
    [
      { column: 'B', result: raised.receipts },
      { column: 'C', result: raised.total },
    ],
  );
  table(
    ['Quỹ', 'Đơn vị quản lý', 'Số lượt', 'Số tiền'],
    raised.byFund.map((r) => [r.name, r.unitName, r.receipts, r.amount]),
    [
      { column: 'C', result: raised.receipts },
      { column: 'D', result: raised.total },
    ],
  );
  [45, 35, 12, 20].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  // Counts and đồng alike are whole numbers grouped by thousands.
  for (const col of [2, 3, 4]) ws.getColumn(col).numFmt = AMOUNT_FORMAT;
}
