/** One "Label: value" line of a document at 13 pt, the label in bold, at the current position. */
export function drawLabelledLine(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font('bold').fontSize(13).text(`${label}: `, { continued: true }).font('regular').text(value);
}
