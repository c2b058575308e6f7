import { createPdfDocument, mm } from './create-pdf-document';
import { drawNationalHeading } from './draw-national-heading';
import { formatVietnamLongDate } from './vietnam-clock';

/** What the apology and extension letter says; names are resolved by the caller. */
export interface ExtensionLetterDocument {
  dossierId: string;
  procedure: string;
  /** The processing unit that apologises. */
  unit: string;
  superior?: string;
  place: string;
  /** The person or organisation it is addressed to; "Ông/Bà" when unknown. */
  applicant?: string;
  /** The unit that received the dossier (the commune), named in the first sentence; may differ from `unit`. */
  receivingUnit: string;
  receivedAt: string;
  /** The due date the receipt promised, and the new one. */
  previousDueAt: string;
  newDueAt: string;
  reason: string;
  /** Who issued it in the system (shown under the signature line). */
  issuedBy: string;
  issuedAt: string;
}

/**
 * The apology and extension letter (phiếu xin lỗi và hẹn lại ngày trả kết quả, form 04) as an A4 PDF in
 * Vietnamese, in the words of the official form: when the dossier was received, the date that was promised, the
 * reason for the delay, the apology and the new date.
 */
export function renderExtensionLetterPdf(
  letter: ExtensionLetterDocument,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const { doc, finish } = createPdfDocument({
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${letter.dossierId}`,
    ...options,
  });
  drawNationalHeading(doc, {
    body: letter.unit,
    ...(letter.superior ? { superior: letter.superior } : {}),
    place: letter.place,
    date: new Date(letter.issuedAt),
  });
  doc.font('bold').fontSize(14).text('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', { align: 'center' });
  doc.moveDown(0.8);
  const addressee = letter.applicant ? `Ông/Bà ${letter.applicant}` : 'Ông/Bà';
  doc.font('regular').fontSize(13).text(`Kính gửi: ${addressee}.`, { align: 'center' });
  doc.moveDown(0.6);
  const paragraph = (text: string) =>
    doc
      .font('regular')
      .fontSize(13)
      .text(text, { align: 'justify', indent: mm(10), paragraphGap: 6, lineGap: 2 });
  paragraph(
    `${capitalise(formatVietnamLongDate(letter.receivedAt))}, ${letter.receivingUnit} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục ${letter.procedure} của ${addressee}, mã hồ sơ ${letter.dossierId}.`,
  );
  paragraph(
    `Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ${formatVietnamLongDate(letter.previousDueAt)}.`,
  );
  paragraph(
    `Tuy nhiên đến nay, ${letter.unit} chưa trả kết quả giải quyết hồ sơ đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, lý do: ${letter.reason.trim().replace(/[.;]+$/, '')}.`,
  );
  paragraph(
    `Sự chậm trễ này đã gây phiền hà cho ${addressee}. ${letter.unit} xin lỗi ${addressee} và sẽ trả kết quả giải quyết hồ sơ vào ${formatVietnamLongDate(letter.newDueAt)}.`,
  );
  paragraph(`Mong nhận được sự thông cảm của ${addressee} vì sự chậm trễ này./.`);
  doc.moveDown(1);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const signX = left + width * 0.45;
  const signWidth = width * 0.55;
  const y = doc.y;
  doc.font('bold').fontSize(13).text('ĐẠI DIỆN CƠ QUAN, ĐƠN VỊ', signX, y, { width: signWidth, align: 'center' });
  doc.font('italic').fontSize(13).text('(Ký và ghi rõ họ tên)', signX, doc.y, { width: signWidth, align: 'center' });
  doc.moveDown(3);
  doc
    .font('regular')
    .fontSize(11)
    .text(`Lập trên hệ thống bởi ${letter.issuedBy}`, signX, doc.y, { width: signWidth, align: 'center' });
  return finish();
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
