import { amountInWords } from '../../domain/funds/amount-in-words';
import { formatVnd } from '../../domain/funds/format-vnd';
import { createPdfDocument } from './create-pdf-document';
import { drawLabelledLine } from './draw-labelled-line';
import { drawNationalHeading } from './draw-national-heading';
import { drawSignatureBlocks } from './draw-signature-blocks';
import { drawTable } from './draw-table';

/** What the approval of one dossier's support says; names are resolved by the caller. */
export interface ApprovalDecisionDocument {
  dossierId: string;
  procedure: string;
  /** The approving unit (the issuing body) and the one above it. */
  unit: string;
  superior?: string;
  place: string;
  /** The household head, when the read model names one. */
  household?: string;
  receivingUnit: string;
  /** The approved amount per fund: what is committed and not released. */
  split: { fund: string; fundUnit: string; amount: number }[];
  printedAt: Date;
  printedBy: string;
}

/**
 * The approval of one dossier's support as an A4 PDF in Vietnamese: the national heading, the household and its
 * dossier, the approved amount in figures and in words, and the table of its sources (fund, the fund's unit, amount)
 * with their total, then the head of the unit's signature block.
 */
export function renderApprovalDecisionPdf(
  decision: ApprovalDecisionDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { doc, finish } = createPdfDocument({ title: `Phê duyệt kinh phí hỗ trợ ${decision.dossierId}`, ...options });
  drawNationalHeading(doc, {
    body: decision.unit,
    ...(decision.superior ? { superior: decision.superior } : {}),
    place: decision.place,
    date: decision.printedAt,
  });
  doc.font('bold').fontSize(14).text('PHÊ DUYỆT KINH PHÍ HỖ TRỢ', { align: 'center' });
  doc.font('italic').fontSize(13).text(decision.procedure, { align: 'center' });
  doc.moveDown(0.6);
  const total = decision.split.reduce((sum, line) => sum + line.amount, 0);
  // Labelled lines rather than a justified sentence: a dossier code wrapped at its hyphens would read wrong.
  const line = (label: string, value: string) => drawLabelledLine(doc, label, value);
  line('Hộ được hỗ trợ', decision.household ? `ông/bà ${decision.household}` : 'không ghi tên');
  line('Mã hồ sơ', decision.dossierId);
  line('Nơi tiếp nhận', decision.receivingUnit);
  line('Số tiền được phê duyệt', formatVnd(total));
  line('Bằng chữ', `${amountInWords(total)}.`);
  doc.font('regular').fontSize(13).text('Từ các nguồn kinh phí sau:');
  doc.moveDown(0.3);
  drawTable(
    doc,
    [
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Nguồn kinh phí', width: 44 },
      { header: 'Đơn vị quản lý', width: 26 },
      { header: 'Số tiền', width: 22, align: 'right' },
    ],
    [
      ...decision.split.map((line, i) => [String(i + 1), line.fund, line.fundUnit, formatVnd(line.amount)]),
      ['', 'Tổng cộng', '', formatVnd(total)],
    ],
  );
  doc.moveDown(0.6);
  drawSignatureBlocks(doc, [
    { title: 'Người lập', hint: '(Ký, họ tên)' },
    { title: 'Thủ trưởng đơn vị', hint: '(Ký, họ tên, đóng dấu)' },
  ]);
  doc.font('italic').fontSize(10).text(`Lập trên hệ thống bởi ${decision.printedBy}`);
  return finish();
}
