import { amountInWords } from '../../domain/funds/amount-in-words';
import { formatVnd } from '../../domain/funds/format-vnd';
import { createPdfDocument } from './create-pdf-document';
import { drawHouseholdAmountTable, type HouseholdAmountRow } from './draw-household-amount-table';
import { drawLabelledLine } from './draw-labelled-line';
import { drawNationalHeading } from './draw-national-heading';
import { drawSignatureBlocks } from './draw-signature-blocks';

/** A list of households paid or approved from one fund over a period; names are resolved by the caller. */
export interface FundListDocument {
  /** The title in capitals, e.g. "DANH SÁCH CHI TRẢ TIỀN HỖ TRỢ". */
  title: string;
  /** The header of the date column ("Ngày chi", "Ngày duyệt"). */
  dateHeader: string;
  fund: string;
  /** The fund's accounts as the reader may see them (fundAccountLines): printed under the fund, as a voucher does. */
  accounts?: { label: string; value: string }[];
  /** The fund's unit: the issuing body of the heading. */
  unit: string;
  superior?: string;
  place: string;
  /** dd/mm/yyyy. */
  from: string;
  to: string;
  rows: HouseholdAmountRow[];
  printedAt: Date;
  /** The account that printed it (shown in the footnote, never a person's name). */
  printedBy: string;
}

/**
 * A fund's list of households and amounts for a period as an A4 PDF in Vietnamese: the national heading, the
 * title, the fund, its accounts, its unit and the period, the table with its total, the total in figures and in
 * words, and the signature blocks of the person who drew it up, the accountant and the head of the unit.
 */
export function renderFundListPdf(list: FundListDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, finish } = createPdfDocument({ title: `${list.title} — ${list.fund}`, ...options });
  drawNationalHeading(doc, {
    body: list.unit,
    ...(list.superior ? { superior: list.superior } : {}),
    place: list.place,
    date: list.printedAt,
  });
  doc.font('bold').fontSize(14).text(list.title, { align: 'center' });
  doc.font('italic').fontSize(13).text(`Từ ngày ${list.from} đến ngày ${list.to}`, { align: 'center' });
  doc.moveDown(0.6);
  const line = (label: string, value: string) => drawLabelledLine(doc, label, value);
  line('Nguồn kinh phí', list.fund);
  for (const account of list.accounts ?? []) line(account.label, account.value);
  line('Đơn vị', list.unit);
  doc.moveDown(0.4);
  drawHouseholdAmountTable(doc, list.rows, list.dateHeader);
  const total = list.rows.reduce((sum, row) => sum + row.amount, 0);
  line('Số hộ', String(list.rows.length));
  line('Tổng số tiền', formatVnd(total));
  line('Bằng chữ', `${amountInWords(total)}.`);
  doc.moveDown(0.6);
  drawSignatureBlocks(doc, [
    { title: 'Người lập biểu', hint: '(Ký, họ tên)' },
    { title: 'Kế toán', hint: '(Ký, họ tên)' },
    { title: 'Thủ trưởng đơn vị', hint: '(Ký, họ tên, đóng dấu)' },
  ]);
  doc.font('italic').fontSize(10).text(`Lập trên hệ thống bởi ${list.printedBy}`, { align: 'left' });
  return finish();
}
