import PDFDocument from 'pdfkit';
import { DOCUMENT_FONTS } from './document-fonts';

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;

export interface PdfOptions {
  title: string;
  /** Uncompressed content streams, so tests can read the text mappings; production output is compressed. */
  compress?: boolean;
}

/**
 * An A4 portrait page with the margins of Decree 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 15 mm) and
 * the document fonts registered as `regular`, `bold` and `italic`; `finish()` ends it and resolves to the bytes.
 */
export function createPdfDocument(options: PdfOptions): { doc: PDFKit.PDFDocument; finish(): Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
    compress: options.compress ?? true,
    info: { Title: options.title, Producer: 'hoso-engine', Creator: 'hoso-engine' },
    lang: 'vi-VN',
    bufferPages: true,
  });
  doc.registerFont('regular', DOCUMENT_FONTS.regular);
  doc.registerFont('bold', DOCUMENT_FONTS.bold);
  doc.registerFont('italic', DOCUMENT_FONTS.italic);
  doc.font('regular').fontSize(13);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish() {
      doc.end();
      return done;
    },
  };
}
