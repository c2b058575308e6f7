/** One signature block: the title (printed in capitals) and the hint under it. */
export interface SignatureBlock {
  title: string;
  hint: string;
}

/**
 * Signature blocks side by side at the foot of a financial document (Người lập biểu, Kế toán, Thủ trưởng đơn vị),
 * each centred in its share of the width, with room below to sign; moves to a new page rather than split a block.
 */
export function drawSignatureBlocks(doc: PDFKit.PDFDocument, blocks: readonly SignatureBlock[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const share = width / blocks.length;
  const room = 110;
  if (doc.y + room > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 8;
  blocks.forEach((block, i) => {
    const x = left + i * share;
    doc.font('bold').fontSize(12).text(block.title.toUpperCase(), x, top, { width: share, align: 'center' });
    doc.font('italic').fontSize(11).text(block.hint, x, doc.y, { width: share, align: 'center' });
  });
  doc.x = left;
  doc.y = top + room;
}
