import { drawTable } from './draw-table';

/** A column of figures: its heading, its share of the width, and how a row's figures print in it. */
export interface FigureColumn<F> {
  header: string;
  width: number;
  cell(figures: F): string;
}

/**
 * A report's breakdown as a ruled table: the first column names each row (a programme, a purpose, a lower unit), the
 * figure columns are right-aligned, and a last row "Tổng cộng" prints `totals` (the report's, never re-added here).
 */
export function drawFigureTable<F>(
  doc: PDFKit.PDFDocument,
  first: { header: string; width: number },
  columns: readonly FigureColumn<F>[],
  rows: readonly { name: string; figures: F }[],
  totals: F,
  fontSize: number,
): void {
  const line = (name: string, figures: F) => [name, ...columns.map((c) => c.cell(figures))];
  drawTable(
    doc,
    [first, ...columns.map((c) => ({ header: c.header, width: c.width, align: 'right' as const }))],
    [...rows.map((r) => line(r.name, r.figures)), line('Tổng cộng', totals)],
    fontSize,
  );
}
