import { mm } from './create-pdf-document';
import { formatVietnamLongDate } from './vietnam-clock';

/**
 * The heading of an administrative document (Decree 30/2020/NĐ-CP): the issuing body on the left, the national
 * title and motto on the right, each underlined; then the place and date (Vietnam time), in italics, on the right,
 * and, for a document with a number ("Số: …/BC-UBND"), the number under the issuing body, on the line of the date.
 */
export function drawNationalHeading(
  doc: PDFKit.PDFDocument,
  heading: { body: string; superior?: string; place: string; date: Date; number?: string },
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const leftWidth = width * 0.42;
  const rightX = left + leftWidth;
  const rightWidth = width - leftWidth;
  const top = doc.y;

  let y = top;
  if (heading.superior) {
    doc
      .font('regular')
      .fontSize(12)
      .text(heading.superior.toUpperCase(), left, y, { width: leftWidth, align: 'center' });
    y = doc.y;
  }
  doc.font('bold').fontSize(12).text(heading.body.toUpperCase(), left, y, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;
  underline(doc, left + leftWidth / 2, leftBottom + 2, leftWidth / 3);

  doc
    .font('bold')
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  underline(doc, rightX + rightWidth / 2, doc.y + 2, mottoWidth);

  const dated = `${heading.place}, ${formatVietnamLongDate(heading.date)}`;
  const line = Math.max(doc.y, leftBottom) + mm(4);
  doc.font('italic').fontSize(13).text(dated, rightX, line, { width: rightWidth, align: 'center' });
  if (heading.number) {
    const rightBottom = doc.y;
    doc.font('regular').fontSize(13).text(heading.number, left, line, { width: leftWidth, align: 'center' });
    doc.y = Math.max(doc.y, rightBottom);
  }
  doc.x = left;
  doc.moveDown(1);
}

function underline(doc: PDFKit.PDFDocument, centre: number, y: number, width: number): void {
  doc
    .save()
    .lineWidth(0.6)
    .moveTo(centre - width / 2, y)
    .lineTo(centre + width / 2, y)
    .stroke()
    .restore();
}
