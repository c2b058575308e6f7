import { formatVnd } from '../../domain/funds/format-vnd';
import { LOAN_FIGURE_COLUMNS } from '../../domain/loans/loan-figure-columns';
import type { LoanFigures } from '../../domain/loans/loan-report-rows';
import { civilDate } from '../../domain/time/civil-date';
import { createPdfDocument } from '../documents/create-pdf-document';
import { drawFigureTable, type FigureColumn } from '../documents/draw-figure-table';
import { drawRecipientsAndSignature } from '../documents/draw-recipients-and-signature';
import { drawTable } from '../documents/draw-table';
import type { LoanReport } from './create-loan-report';
import { drawReportOpening, type ReportPrinting } from './draw-report-opening';

/** The loan report and what its PDF prints besides (ReportPrinting). */
export interface LoanReportDocument extends ReportPrinting {
  report: LoanReport;
}

const cellOf = (figures: LoanFigures, key: keyof LoanFigures, kind: 'count' | 'money') =>
  kind === 'money' ? formatVnd(figures[key]) : String(figures[key]);

const FIGURE_COLUMNS: FigureColumn<LoanFigures>[] = LOAN_FIGURE_COLUMNS.map((c) => ({
  header: c.label.vi,
  width: c.kind === 'money' ? 2.4 : 1.3,
  cell: (figures) => cellOf(figures, c.key, c.kind),
}));

/**
 * The half-yearly "cho vay – thu nợ" report of the Bank for Social Policies' loans (seed 004: "Báo cáo UBND quận về
 * kết quả cho vay - thu nợ định kỳ 06 tháng/lần", due 5 January and 5 July) as an A4 PDF in the administrative format
 * of Decree 30/2020/NĐ-CP, Vietnamese, laid out as the support report's PDF: the heading, the title and period, the
 * day it is due, I. the totals (a summary paragraph and one line per figure), II. by purpose of the loan and III. by
 * lower unit (each with its total row), "Nơi nhận:" and the signature block. No household is named: the rows per
 * loan stay in the JSON and the workbook.
 */
export function renderLoanReportPdf(input: LoanReportDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { report } = input;
  const { doc, finish } = createPdfDocument({
    title: `Báo cáo cho vay – thu nợ ${input.periodTitle} — ${report.unit.name}`,
    ...options,
  });
  drawReportOpening(doc, report.unit.name, input, 'Kết quả cho vay – thu nợ của Ngân hàng Chính sách xã hội');
  doc
    .font('italic')
    .fontSize(12)
    .text(
      `(Từ ngày ${civilDate(report.from)} đến ngày ${civilDate(report.to)}; ` +
        `hạn gửi báo cáo: ngày ${civilDate(report.dueOn)})`,
      { align: 'center' },
    );
  doc.moveDown(0.8);

  const section = (title: string) => {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(13).text(title, doc.page.margins.left);
    doc.moveDown(0.2);
  };
  const t = report.totals;
  section('I. TỔNG HỢP KẾT QUẢ');
  doc
    .font('regular')
    .fontSize(13)
    .text(
      `Trong kỳ, trên địa bàn ${report.unit.name} có ${t.disbursedLoans} món vay mới với doanh số cho vay ` +
        `${formatVnd(t.disbursed)}; thu nợ gốc ${formatVnd(t.principalCollected)}, thu lãi ` +
        `${formatVnd(t.interestCollected)} (trong đó ngân sách hỗ trợ lãi ${formatVnd(t.interestSupport)}). ` +
        `Đến cuối kỳ, ${t.outstandingLoans} hộ còn dư nợ ${formatVnd(t.outstanding)}; nợ quá hạn ` +
        `${formatVnd(t.overdue)} (${t.overdueLoans} hộ); ${t.settledLoans} món vay đã tất toán trong kỳ.`,
      { align: 'justify', indent: 28 },
    );
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: 'Chỉ tiêu', width: 6 },
      { header: 'Số liệu', width: 3, align: 'right' },
    ],
    LOAN_FIGURE_COLUMNS.map((c) => [c.label.vi, cellOf(t, c.key, c.kind)]),
    10.5,
  );
  section('II. KẾT QUẢ THEO MỤC ĐÍCH VAY');
  const purposes = report.byPurpose.map((p) => ({ name: p.label.vi, figures: p }));
  drawFigureTable(doc, { header: 'Mục đích vay', width: 3 }, FIGURE_COLUMNS, purposes, t, 8);
  section('III. KẾT QUẢ THEO ĐƠN VỊ CẤP DƯỚI');
  const units = report.byUnit.map((u) => ({ name: u.unit.name, figures: u }));
  drawFigureTable(doc, { header: 'Đơn vị', width: 3 }, FIGURE_COLUMNS, units, t, 8);

  drawRecipientsAndSignature(doc, input.superior);
  doc.font('italic').fontSize(10).text(`Lập trên hệ thống bởi ${input.printedBy}`, doc.page.margins.left);
  return finish();
}
