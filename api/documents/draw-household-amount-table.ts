import { formatVnd } from '../../domain/funds/format-vnd';
import { drawTable } from './draw-table';

/** One household of a list of dossiers with an amount: an approval list, a payment list, a decision's annex. */
export interface HouseholdAmountRow {
  /** The dossier's code. */
  dossierId: string;
  /** The household head, from the dossier's read model; empty when the dossier names none. */
  household: string;
  /** The unit the dossier was received at (its commune), by name. */
  unit: string;
  /** dd/mm/yyyy. */
  date: string;
  amount: number;
}

const FONT_SIZE = 10;
/** drawTable's cell padding on each side, and a point to spare against rounding. */
const SLACK = 2 * 4 + 1;

/**
 * The table of households and amounts (STT, mã hồ sơ, chủ hộ, đơn vị, ngày, số tiền) and its total row, breaking
 * over pages with the header repeated. The number, code, date and amount columns are measured to fit their longest
 * text on one line (a code such as HN-HD-HC-2026-00001 would otherwise break at its hyphens, an amount at its
 * dots); the household and the unit share what is left and wrap.
 */
export function drawHouseholdAmountTable(
  doc: PDFKit.PDFDocument,
  rows: readonly HouseholdAmountRow[],
  dateHeader: string,
): void {
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  const cells = [
    ...rows.map((row, i) => [String(i + 1), row.dossierId, row.household, row.unit, row.date, formatVnd(row.amount)]),
    ['', '', 'Tổng cộng', '', '', formatVnd(total)],
  ];
  const headers = ['STT', 'Mã hồ sơ', 'Chủ hộ', 'Đơn vị', dateHeader, 'Số tiền'];
  const widest = (column: number) => {
    doc.font('bold').fontSize(FONT_SIZE);
    let width = doc.widthOfString(headers[column]!);
    doc.font('regular').fontSize(FONT_SIZE);
    for (const row of cells) width = Math.max(width, doc.widthOfString(row[column]!));
    return width + SLACK;
  };
  const textWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const fixed = [0, 1, 4, 5].map(widest);
  const rest = Math.max(textWidth - fixed.reduce((sum, w) => sum + w, 0), 120);
  drawTable(
    doc,
    [
      { header: headers[0]!, width: fixed[0]!, align: 'center' },
      { header: headers[1]!, width: fixed[1]! },
      { header: headers[2]!, width: rest * 0.55 },
      { header: headers[3]!, width: rest * 0.45 },
      { header: headers[4]!, width: fixed[2]!, align: 'center' },
      { header: headers[5]!, width: fixed[3]!, align: 'right' },
    ],
    cells,
    FONT_SIZE,
  );
}
