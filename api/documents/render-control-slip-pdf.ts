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
 * The processing-control slip (phiếu kiểm soát quá trình giải quyết hồ sơ, form 02 of Circular 01/2018/TT-VPCP) as
 * an A4 PDF in Vietnamese: the national heading, the dossier's code, procedure, receipt and due times, then one row
 * per hand-off as the form lays it out: "1. Giao: … / Nhận: …" (unit, step and person), when, the result's
 * timeliness (Trước hạn / Đúng hạn / Quá hạn) and a note (the decision and its comment).
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
      { header: 'Tên cơ quan, người giao, nhận', width: 44 },
      { header: 'Thời gian giao, nhận hồ sơ', width: 17, align: 'center' },
      { header: 'Kết quả giải quyết hồ sơ', width: 16, align: 'center' },
      { header: 'Ghi chú', width: 23 },
    ],
    slip.rows.map((row, i) => [
      `${i + 1}. Giao: ${row.from}\nNhận: ${row.to ?? '—'}`,
      formatVietnamTime(row.at),
      capitalised(row.timeliness),
      [row.result, row.note].filter(Boolean).join('. '),
    ]),
  );
  return finish();
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
