import { formatVnd } from '../../domain/funds/format-vnd';
import { civilDate } from '../../domain/time/civil-date';
import { formatRate, SUPPORT_FIGURE_COLUMNS } from '../../domain/reports/support-figure-columns';
import type { SupportFigures, SupportReport } from '../../domain/reports/support-report';
import { createPdfDocument } from '../documents/create-pdf-document';
import { drawFigureTable, type FigureColumn } from '../documents/draw-figure-table';
import { drawRecipientsAndSignature } from '../documents/draw-recipients-and-signature';
import { drawTable } from '../documents/draw-table';
import type { ReportPlan } from './create-load-report-targets';
import { drawReportOpening, type ReportPrinting } from './draw-report-opening';

/** The support report and what its PDF prints besides (ReportPrinting). */
export interface SupportReportDocument extends ReportPrinting {
  report: SupportReport;
  /** The unit's plans overlapping the period, with their targets against results (none: the section says so). */
  plans?: readonly ReportPlan[];
}

/** The figures the PDF's tables print: on-time and late closings fold into the rate, to fit A4 portrait. */
const PDF_COLUMNS = SUPPORT_FIGURE_COLUMNS.filter((c) => c.key !== 'closedOnTime' && c.key !== 'closedLate');

const cellOf = (figures: SupportFigures, key: keyof SupportFigures, kind: 'count' | 'rate' | 'money'): string => {
  const value = figures[key];
  if (kind === 'rate') return formatRate(value);
  return kind === 'money' ? formatVnd(value ?? 0) : String(value ?? 0);
};

const FIGURE_COLUMNS: FigureColumn<SupportFigures>[] = PDF_COLUMNS.map((c) => ({
  header: c.label.vi,
  width: c.kind === 'money' ? 2.4 : 1.25,
  cell: (figures) => cellOf(figures, c.key, c.kind),
}));

function figureTable(
  doc: PDFKit.PDFDocument,
  first: string,
  rows: readonly { name: string; figures: SupportFigures }[],
  totals: SupportFigures,
): void {
  drawFigureTable(doc, { header: first, width: 3.2 }, FIGURE_COLUMNS, rows, totals, 8.5);
}

/**
 * The support report as an A4 PDF in the administrative format of Decree 30/2020/NĐ-CP, Vietnamese: the heading
 * ("UBND <unit>" under its parent, the national motto underlined, "Số: …/BC-UBND", place and date), the title "BÁO
 * CÁO" and what it reports on, a summary paragraph, the tables by programme, by support type, by source and by lower
 * unit (each with its total row), the targets of the unit's plans against results, "Nơi nhận:" and the signature
 * block "TM. ỦY BAN NHÂN DÂN".
 */
export function renderSupportReportPdf(
  input: SupportReportDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { report } = input;
  const { doc, finish } = createPdfDocument({
    title: `Báo cáo ${input.periodTitle} — ${report.unit.name}`,
    ...options,
  });
  drawReportOpening(doc, report.unit.name, input, 'Kết quả thực hiện các chương trình hỗ trợ hộ nghèo, hộ cận nghèo');
  doc.moveDown(0.8);

  const t = report.totals;
  const section = (title: string) => {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(13).text(title, doc.page.margins.left);
    doc.moveDown(0.2);
  };
  section('I. TỔNG HỢP KẾT QUẢ');
  doc
    .font('regular')
    .fontSize(13)
    .text(
      `Trong kỳ, ${report.unit.name} tiếp nhận ${t.proposed} hồ sơ đề nghị hỗ trợ; phê duyệt ${t.approved} hồ sơ ` +
        `(${t.beneficiaries} người, hộ được hưởng); hoàn thành ${t.completed} hồ sơ; từ chối hoặc rút ${t.rejected} hồ sơ. ` +
        `Kinh phí cam kết ${formatVnd(t.committed)}, đã chi trả ${formatVnd(t.paid)}. ` +
        `Tỷ lệ giải quyết đúng hạn: ${formatRate(t.onTimeRate)} (${t.closedOnTime} đúng hạn, ${t.closedLate} trễ hạn).`,
      { align: 'justify', indent: 28 },
    );
  section('II. KẾT QUẢ THEO CHƯƠNG TRÌNH');
  figureTable(
    doc,
    'Chương trình',
    report.byProgramme.map((r) => ({ name: r.label.vi, figures: r })),
    t,
  );
  section('III. KẾT QUẢ THEO LOẠI HỖ TRỢ');
  figureTable(
    doc,
    'Loại hỗ trợ',
    report.bySupportType.map((r) => ({ name: r.label.vi, figures: r })),
    t,
  );
  section('IV. KINH PHÍ THEO NGUỒN');
  drawTable(
    doc,
    [
      { header: 'Nguồn kinh phí', width: 4 },
      { header: 'Đơn vị quản lý', width: 3 },
      { header: 'Số hồ sơ', width: 1.2, align: 'right' },
      { header: 'Kinh phí cam kết', width: 2.4, align: 'right' },
      { header: 'Đã chi trả', width: 2.4, align: 'right' },
    ],
    [
      ...report.bySource.map((s) => [
        s.name,
        s.unitName,
        String(s.dossiers),
        formatVnd(s.committed),
        formatVnd(s.paid),
      ]),
      ['Tổng cộng', '', '', formatVnd(t.committed), formatVnd(t.paid)],
    ],
    9.5,
  );
  section('V. KẾT QUẢ THEO ĐƠN VỊ CẤP DƯỚI');
  figureTable(
    doc,
    'Đơn vị',
    report.byUnit.map((r) => ({ name: r.name, figures: r })),
    t,
  );
  section('VI. KẾT QUẢ SO VỚI CHỈ TIÊU KẾ HOẠCH');
  const plans = input.plans ?? [];
  if (plans.length === 0) doc.font('regular').fontSize(13).text('Đơn vị không có kế hoạch nào trong kỳ báo cáo.');
  for (const plan of plans) {
    doc
      .font('italic')
      .fontSize(12)
      .text(`${plan.title} (tính đến ngày ${civilDate(plan.until)})`, doc.page.margins.left);
    drawTable(
      doc,
      [
        { header: 'Chỉ tiêu', width: 6 },
        { header: 'Kế hoạch', width: 2.2, align: 'right' },
        { header: 'Thực hiện', width: 2.2, align: 'right' },
        { header: 'Đánh giá', width: 1.6, align: 'center' },
      ],
      plan.rows.map((r) => [r.label.vi, r.valueText.vi, r.achievedText.vi, r.met ? 'Đạt' : 'Chưa đạt']),
      9.5,
    );
  }

  // Only a unit whose funds received money in the period (a campaign) has this section.
  if (report.raised.receipts > 0) {
    section('VII. KẾT QUẢ VẬN ĐỘNG');
    drawTable(
      doc,
      [
        { header: 'Người ủng hộ', width: 6 },
        { header: 'Số lượt', width: 1.5, align: 'right' },
        { header: 'Số tiền', width: 3, align: 'right' },
      ],
      [
        ...report.raised.byDonorKind.map((r) => [r.label.vi, String(r.receipts), formatVnd(r.amount)]),
        ['Tổng cộng', String(report.raised.receipts), formatVnd(report.raised.total)],
      ],
      9.5,
    );
    drawTable(
      doc,
      [
        { header: 'Quỹ', width: 4.5 },
        { header: 'Đơn vị quản lý', width: 3 },
        { header: 'Số tiền', width: 3, align: 'right' },
      ],
      [
        ...report.raised.byFund.map((r) => [r.name, r.unitName, formatVnd(r.amount)]),
        ['Tổng cộng', '', formatVnd(report.raised.total)],
      ],
      9.5,
    );
  }

  drawRecipientsAndSignature(doc, input.superior);
  doc.font('italic').fontSize(10).text(`Lập trên hệ thống bởi ${input.printedBy}`, doc.page.margins.left);
  return finish();
}
