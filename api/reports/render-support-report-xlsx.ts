import ExcelJS from 'exceljs';
import { SUPPORT_FIGURE_COLUMNS, type SupportFigureColumn } from '../../domain/reports/support-figure-columns';
import type { SupportFigures, SupportReport } from '../../domain/reports/support-report';
import { supportTypeLabel } from '../../domain/reports/support-labels';
import { civilDate } from '../../domain/time/civil-date';
import { AMOUNT_FORMAT } from '../funds/render-ledger-xlsx';
import { addRaisedSheet } from './add-raised-sheet';
import type { ReportPlan } from './create-load-report-targets';

/** The sheets of the workbook, in order (the test and the docs name them). */
export const SUPPORT_REPORT_SHEETS = {
  totals: 'Tổng hợp',
  programme: 'Theo chương trình',
  supportType: 'Theo loại hỗ trợ',
  source: 'Theo nguồn',
  unit: 'Theo đơn vị',
  rows: 'Số liệu chi tiết',
  targets: 'Chỉ tiêu kế hoạch',
  raised: 'Vận động',
} as const;

const letter = (column: number) => String.fromCharCode(64 + column);
/** A column of a breakdown sheet: SUPPORT_FIGURE_COLUMNS' shape, for any report's figures (the loans'). */
type FigureColumn = Omit<SupportFigureColumn, 'key'> & { key: string };

/**
 * Adds a breakdown sheet: a title, the header (frozen), one row per group (its name, then each figure), and a total
 * row of SUM formulas with the report's totals stored as their cached results (the file reads right before any
 * recalculation). The on-time rate of the total row is the ratio of the two sums, not a sum of rates. `columns` are
 * SUPPORT_FIGURE_COLUMNS unless given (the loan report's).
 */
export function addBreakdown<F extends object = SupportFigures>(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: string,
  rows: readonly { name: string; figures: F }[],
  totals: F,
  columns: readonly FigureColumn[] = SUPPORT_FIGURE_COLUMNS,
): void {
  const value = (figures: F, key: string) => (figures as Record<string, number | null | undefined>)[key] ?? null;
  const ws = workbook.addWorksheet(name);
  ws.addRow([heading]).font = { bold: true, size: 13 };
  const header = ws.addRow(['Tên', ...columns.map((c) => c.label.vi)]);
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  const first = ws.rowCount + 1;
  for (const row of rows) ws.addRow([row.name, ...columns.map((c) => value(row.figures, c.key))]);
  const last = ws.rowCount;
  const cells = columns.map((c, i) => {
    const col = letter(i + 2);
    if (c.kind === 'rate') {
      const onTime = letter(columns.findIndex((x) => x.key === 'closedOnTime') + 2);
      const late = letter(columns.findIndex((x) => x.key === 'closedLate') + 2);
      const r = ws.rowCount + 1;
      return {
        formula: `IF(${onTime}${r}+${late}${r}=0,"",${onTime}${r}/(${onTime}${r}+${late}${r}))`,
        result: value(totals, 'onTimeRate') ?? '',
      };
    }
    return last >= first ? { formula: `SUM(${col}${first}:${col}${last})`, result: value(totals, c.key) ?? 0 } : 0;
  });
  ws.addRow(['Tổng cộng', ...cells]).font = { bold: true };
  ws.getColumn(1).width = 40;
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 2);
    column.width = c.kind === 'money' ? 20 : 14;
    column.numFmt = c.kind === 'money' ? AMOUNT_FORMAT : c.kind === 'rate' ? '0.0%' : '#,##0';
  });
}

/**
 * The support report as an Excel workbook, Vietnamese throughout: "Tổng hợp" (the unit, the period, the totals),
 * one sheet per breakdown (by programme, by support type, by source, by lower unit), and "Số liệu chi tiết" (the
 * result rows every figure is summed from: counts per programme, type and commune, money per fund), and "Chỉ tiêu
 * kế hoạch" (each plan of the unit overlapping the period: its targets against what was achieved), and "Vận động" (the
 * money raised by donor kind and by fund).
 */
export async function renderSupportReportXlsx(
  report: SupportReport,
  plans: readonly ReportPlan[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoso-engine';
  const period = `Từ ngày ${civilDate(report.from)} đến ngày ${civilDate(report.to)}`;

  const totals = workbook.addWorksheet(SUPPORT_REPORT_SHEETS.totals);
  totals.addRow(['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH HỖ TRỢ']).font = { bold: true, size: 14 };
  totals.addRow(['Đơn vị', report.unit.name]);
  totals.addRow(['Kỳ báo cáo', period]);
  totals.addRow([]);
  totals.addRow(['Chỉ tiêu', 'Số liệu']).font = { bold: true };
  for (const c of SUPPORT_FIGURE_COLUMNS) {
    const row = totals.addRow([c.label.vi, report.totals[c.key] ?? '']);
    row.getCell(2).numFmt = c.kind === 'money' ? AMOUNT_FORMAT : c.kind === 'rate' ? '0.0%' : '#,##0';
  }
  totals.getColumn(1).width = 30;
  totals.getColumn(2).width = 40;

  addBreakdown(
    workbook,
    SUPPORT_REPORT_SHEETS.programme,
    'Kết quả theo chương trình',
    report.byProgramme.map((r) => ({ name: r.label.vi, figures: r })),
    report.totals,
  );
  addBreakdown(
    workbook,
    SUPPORT_REPORT_SHEETS.supportType,
    'Kết quả theo loại hỗ trợ',
    report.bySupportType.map((r) => ({ name: r.label.vi, figures: r })),
    report.totals,
  );

  const sources = workbook.addWorksheet(SUPPORT_REPORT_SHEETS.source);
  sources.addRow(['Kinh phí theo nguồn']).font = { bold: true, size: 13 };
  sources.addRow(['Nguồn kinh phí', 'Đơn vị quản lý', 'Số hồ sơ', 'Kinh phí cam kết', 'Đã chi trả']).font = {
    bold: true,
  };
  const firstSource = sources.rowCount + 1;
  for (const s of report.bySource) sources.addRow([s.name, s.unitName, s.dossiers, s.committed, s.paid]);
  const lastSource = sources.rowCount;
  const sum = (col: string, result: number) =>
    lastSource >= firstSource ? { formula: `SUM(${col}${firstSource}:${col}${lastSource})`, result } : 0;
  sources.addRow(['Tổng cộng', '', '', sum('D', report.totals.committed), sum('E', report.totals.paid)]).font = {
    bold: true,
  };
  [40, 30, 12, 20, 20].forEach((width, i) => (sources.getColumn(i + 1).width = width));
  for (const col of [4, 5]) sources.getColumn(col).numFmt = AMOUNT_FORMAT;

  addBreakdown(
    workbook,
    SUPPORT_REPORT_SHEETS.unit,
    'Kết quả theo đơn vị cấp dưới',
    report.byUnit.map((r) => ({ name: r.name, figures: r })),
    report.totals,
  );

  const detail = workbook.addWorksheet(SUPPORT_REPORT_SHEETS.rows);
  detail.addRow(['Số hồ sơ theo chương trình, loại hỗ trợ và đơn vị']).font = { bold: true };
  detail.addRow([
    'Chương trình, loại hỗ trợ',
    'Mã đơn vị',
    ...SUPPORT_FIGURE_COLUMNS.filter((c) => c.kind === 'count').map((c) => c.label.vi),
  ]).font = { bold: true };
  for (const r of report.results.counts) {
    detail.addRow([
      supportTypeLabel(r.programme, r.supportType).vi,
      r.unitCode,
      ...SUPPORT_FIGURE_COLUMNS.filter((c) => c.kind === 'count').map((c) => r[c.key as keyof typeof r]),
    ]);
  }
  detail.addRow([]);
  detail.addRow(['Kinh phí theo chương trình, loại hỗ trợ, đơn vị và nguồn']).font = { bold: true };
  detail.addRow([
    'Chương trình, loại hỗ trợ',
    'Mã đơn vị',
    'Mã nguồn',
    'Số hồ sơ',
    'Kinh phí cam kết',
    'Đã chi trả',
  ]).font = {
    bold: true,
  };
  for (const r of report.results.money) {
    detail.addRow([
      supportTypeLabel(r.programme, r.supportType).vi,
      r.unitCode,
      r.fundId,
      r.dossiers,
      r.committed,
      r.paid,
    ]);
  }
  detail.getColumn(1).width = 40;

  const targets = workbook.addWorksheet(SUPPORT_REPORT_SHEETS.targets);
  targets.addRow(['Kết quả so với chỉ tiêu kế hoạch']).font = { bold: true, size: 13 };
  if (plans.length === 0) targets.addRow(['Đơn vị không có kế hoạch nào trong kỳ.']);
  for (const plan of plans) {
    targets.addRow([]);
    targets.addRow([
      `${plan.title} (${civilDate(plan.from)} – ${civilDate(plan.to)}), tính đến ngày ${civilDate(plan.until)}`,
    ]).font = { bold: true };
    targets.addRow(['Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Đạt']).font = { bold: true };
    for (const row of plan.rows) {
      targets.addRow([row.label.vi, row.valueText.vi, row.achievedText.vi, row.met ? 'Đạt' : 'Chưa đạt']);
    }
  }
  [70, 20, 20, 12].forEach((width, i) => (targets.getColumn(i + 1).width = width));
  addRaisedSheet(workbook, SUPPORT_REPORT_SHEETS.raised, report.raised);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
