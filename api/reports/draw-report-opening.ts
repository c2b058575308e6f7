import { drawNationalHeading } from '../documents/draw-national-heading';

/** What a report's PDF prints besides its figures: the heading's bodies and place, the period, who printed it. */
export interface ReportPrinting {
  /** The unit above the report's unit (printed over it in the heading), if any. */
  superior: string | null;
  /** The place the report is dated at ("Hà Đông"). */
  place: string;
  /** "Quý I năm 2025", "6 tháng cuối năm 2025", "Từ ngày … đến ngày …" (reportPeriodTitle). */
  periodTitle: string;
  printedAt: Date;
  /** The account that printed it (shown in the footnote). */
  printedBy: string;
}

/**
 * The opening of a People's Committee's report in the format of Decree 30/2020/NĐ-CP: the heading ("UBND <unit>"
 * under its parent, the national motto underlined, "Số: …/BC-UBND", place and date), "BÁO CÁO" and what it reports
 * on (`subject`, followed by the period in lower case).
 */
export function drawReportOpening(
  doc: PDFKit.PDFDocument,
  unitName: string,
  printing: ReportPrinting,
  subject: string,
): void {
  drawNationalHeading(doc, {
    body: `UBND ${unitName}`,
    ...(printing.superior ? { superior: printing.superior } : {}),
    place: printing.place,
    date: printing.printedAt,
    number: 'Số:        /BC-UBND',
  });
  doc.font('bold').fontSize(14).text('BÁO CÁO', { align: 'center' });
  const period = `${printing.periodTitle.charAt(0).toLowerCase()}${printing.periodTitle.slice(1)}`;
  doc.font('bold').fontSize(13).text(`${subject} ${period}`, { align: 'center' });
}
