import { createPdfDocument } from './create-pdf-document';
import { drawLabelledLine } from './draw-labelled-line';
import { drawNationalHeading } from './draw-national-heading';
import { drawTable } from './draw-table';
import { formatVietnamTime } from './vietnam-clock';

/** What the processing-control slip shows; names are resolved by the caller (units, roles, people). */
export interface ControlSlipDocument {
  dossierId: string;
  procedure: string;
  /** The unit that received the dossier and keeps the slip. */
  receivingUnit: string;
  /** The superior body printed above it in the heading, if any. */
  superior?: string;
  place: string;
  applicant?: string;
  receivedAt: string;
  dueAt: string | null;
  rows: {
    at: string;
    from: string;
    to: string | null;
    result: string;
    timeliness: string;
    note: string | null;
  }[];
  printedAt: Date;
}

/**
 * The processing-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ) as an A4 PDF in Vietnamese: the
 * national heading, the dossier's code, procedure, receipt and due times, then one row per hand-off (who handed it
 * over, to whom, when, the result and the step's timeliness: trước hạn / đúng hạn / quá hạn, and the note).
 */
export function renderControlSlipPdf(slip: ControlSlipDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, finish } = createPdfDocument({
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${slip.dossierId}`,
    ...options,
  });
  drawNationalHeading(doc, {
    body: slip.receivingUnit,
    ...(slip.superior ? { superior: slip.superior } : {}),
    place: slip.place,
    date: slip.printedAt,
  });
  doc.font('bold').fontSize(14).text('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', { align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(13);
  const line = (label: string, value: string) => drawLabelledLine(doc, label, value);
  line('Mã hồ sơ', slip.dossierId);
  line('Thủ tục', slip.procedure);
  if (slip.applicant) line('Tổ chức, cá nhân', slip.applicant);
  line('Ngày, giờ tiếp nhận', formatVietnamTime(slip.receivedAt));
  line('Hạn giải quyết', slip.dueAt ? formatVietnamTime(slip.dueAt) : 'không quy định');
  doc.moveDown(0.6);
  drawTable(
    doc,
    [
      { header: 'STT', width: 5, align: 'center' },
      { header: 'Bên giao', width: 20 },
      { header: 'Bên nhận', width: 20 },
      { header: 'Thời gian giao, nhận', width: 15, align: 'center' },
      { header: 'Kết quả', width: 16 },
      { header: 'Trước hạn / đúng hạn / quá hạn', width: 12, align: 'center' },
      { header: 'Ghi chú', width: 16 },
    ],
    slip.rows.map((row, i) => [
      String(i + 1),
      row.from,
      row.to ?? '—',
      formatVietnamTime(row.at),
      row.result,
      row.timeliness,
      row.note ?? '',
    ]),
  );
  return finish();
}
