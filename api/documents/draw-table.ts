/** One column: its header, its share of the width, and how its cells align. */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

const PAD = 4;

/**
 * Draws a ruled table at the current position, each row as tall as its tallest cell, breaking onto new pages as
 * needed and repeating the header row on each. Widths are relative; the table fills the text width.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  fontSize = 11,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return (
      Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * PAD }))) + 2 * PAD
    );
  };
  const drawRow = (cells: readonly string[], font: string, y: number, height: number) => {
    let x = left;
    doc.font(font).fontSize(fontSize);
    cells.forEach((text, i) => {
      const w = widths[i]!;
      doc.save().lineWidth(0.5).rect(x, y, w, height).stroke().restore();
      doc.text(text, x + PAD, y + PAD, { width: w - 2 * PAD, align: columns[i]!.align ?? 'left' });
      x += w;
    });
  };

  const header = columns.map((c) => c.header);
  const headerHeight = heightOf(header, 'bold');
  let y = doc.y;
  // The header never ends a page alone: it moves on with the first row when both do not fit.
  const firstHeight = rows[0] ? heightOf(rows[0], 'regular') : 0;
  if (y + headerHeight + firstHeight > bottom()) {
    doc.addPage();
    y = doc.y;
  }
  drawRow(header, 'bold', y, headerHeight);
  y += headerHeight;
  for (const row of rows) {
    const height = heightOf(row, 'regular');
    if (y + height > bottom()) {
      doc.addPage();
      y = doc.y;
      drawRow(header, 'bold', y, headerHeight);
      y += headerHeight;
    }
    drawRow(row, 'regular', y, height);
    y += height;
  }
  doc.x = left;
  doc.y = y + 6;
}
