/**
 * The foot of a People's Committee's report (Decree 30/2020/NĐ-CP): "Nơi nhận:" on the left (the superior's
 * committee "để báo cáo" when there is one, then "Lưu: VT.") and "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" with the signing
 * hint on the right, side by side; moves to a new page rather than split them.
 */
export function drawRecipientsAndSignature(doc: PDFKit.PDFDocument, superior: string | null): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const room = 140;
  if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 12;
  doc
    .font('bold')
    .fontSize(12)
    .text('Nơi nhận:', left, top, { width: width / 2 });
  const recipients = [...(superior ? [`- UBND ${superior} (để báo cáo);`] : []), '- Lưu: VT.'];
  doc
    .font('regular')
    .fontSize(11)
    .text(recipients.join('\n'), left, doc.y, { width: width / 2 });
  const x = left + width / 2;
  doc
    .font('bold')
    .fontSize(13)
    .text('TM. ỦY BAN NHÂN DÂN', x, top, { width: width / 2, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text('CHỦ TỊCH', x, doc.y, { width: width / 2, align: 'center' });
  doc
    .font('italic')
    .fontSize(11)
    .text('(Ký, họ tên, đóng dấu)', x, doc.y, { width: width / 2, align: 'center' });
  doc.x = left;
  doc.y = top + room;
}
