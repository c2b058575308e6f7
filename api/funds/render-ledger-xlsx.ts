import ExcelJS from 'exceljs';
import { LEDGER_ENTRY_KINDS, type LedgerBalance } from '../../domain/funds/ledger-balance';
import { FIGURE_OF_KIND } from '../../domain/funds/fund-figures';
import type { DatedEntry, FundPeriod } from '../../domain/funds/fund-period';
import { LEDGER_KIND_TITLES } from '../../domain/funds/ledger-kind-titles';

/** A ledger entry as the export prints it. */
export interface LedgerSheetEntry extends DatedEntry {
  reference: string;
  note: string | null;
}

/** What the ledger workbook shows; names are resolved and the period's dates formatted (dd/mm/yyyy) by the caller. */
export interface LedgerSheet {
  fund: string;
  unit: string;
  from: string;
  to: string;
  period: FundPeriod<LedgerSheetEntry>;
}

/**
 * Grouped thousands. Excel number formats have no separator of their own: `,` in a format asks for grouping and the
 * reader's locale draws it, as dots in Vietnamese Excel and LibreOffice (a literal `\.` would print stray dots below
 * a thousand). The cells stay numbers, so sums and filters work.
 */
export const AMOUNT_FORMAT = '#,##0';

const COLUMNS = [
  { header: 'Số TT', key: 'seq', width: 8 },
  { header: 'Ngày', key: 'day', width: 12 },
  { header: 'Loại', key: 'kind', width: 14 },
  { header: 'Số tiền', key: 'amount', width: 18 },
  { header: 'Mã hồ sơ', key: 'dossier', width: 24 },
  { header: 'Tham chiếu', key: 'reference', width: 30 },
  { header: 'Ghi chú', key: 'note', width: 30 },
  { header: 'Khả dụng sau', key: 'available', width: 18 },
  { header: 'Đang cam kết sau', key: 'committed', width: 18 },
  { header: 'Đã chi sau', key: 'paid', width: 18 },
] as const;

/**
 * A fund's ledger for a period as an Excel workbook (one sheet, "Sổ quỹ"): the fund, unit and period, the opening
 * balance, one row per entry (seq, day, kind in Vietnamese, amount, dossier code, reference, note, the balance after
 * it), the closing balance, and per kind the total as a SUMIF formula with its value stored as the cached result, so
 * the file reads right before any recalculation and a changed cell recalculates. The header row of the table is
 * frozen.
 */
export async function renderLedgerXlsx(sheet: LedgerSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hoso-engine';
  const ws = workbook.addWorksheet('Sổ quỹ');
  ws.columns = COLUMNS.map(({ key, width }) => ({ key, width }));

  ws.addRow(['SỔ CHI TIẾT NGUỒN KINH PHÍ']).font = { bold: true, size: 14 };
  ws.addRow(['Nguồn kinh phí', sheet.fund]);
  ws.addRow(['Đơn vị', sheet.unit]);
  ws.addRow(['Kỳ', `Từ ngày ${sheet.from} đến ngày ${sheet.to}`]);
  ws.addRow([]);
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: header.number }];

  const balanceCells = (balance: LedgerBalance) => ({
    available: balance.available,
    committed: balance.committed,
    paid: balance.paid,
  });
  ws.addRow({ kind: 'Số dư đầu kỳ', ...balanceCells(sheet.period.opening) }).font = { italic: true };
  const first = ws.rowCount + 1;
  for (const { entry, balance } of sheet.period.rows) {
    ws.addRow({
      seq: entry.seq,
      day: entry.day.split('-').reverse().join('/'),
      kind: LEDGER_KIND_TITLES[entry.kind].vi,
      amount: entry.amount,
      dossier: entry.dossierId ?? '',
      reference: entry.reference,
      note: entry.note ?? '',
      ...balanceCells(balance),
    });
  }
  const last = ws.rowCount;
  ws.addRow({ kind: 'Số dư cuối kỳ', ...balanceCells(sheet.period.closing) }).font = { italic: true };
  ws.addRow([]);
  ws.addRow({ kind: 'Cộng phát sinh trong kỳ' }).font = { bold: true };
  for (const kind of LEDGER_ENTRY_KINDS) {
    const title = LEDGER_KIND_TITLES[kind].vi;
    // An empty period sums an empty range: write the constant 0 rather than a formula over rows that do not exist.
    const formula = last >= first ? `SUMIF(C${first}:C${last},"${title}",D${first}:D${last})` : '0';
    ws.addRow({ kind: title, amount: { formula, result: sheet.period[FIGURE_OF_KIND[kind]] } });
  }

  for (const key of ['amount', 'available', 'committed', 'paid'] as const) ws.getColumn(key).numFmt = AMOUNT_FORMAT;
  ws.getColumn('seq').alignment = { horizontal: 'center' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
