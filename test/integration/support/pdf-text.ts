import { execFile } from 'node:child_process';
import path from 'node:path';

/** The text of a PDF, read back the way a PDF reader extracts it. */
export interface PdfText {
  /** Each page's text, NFC-normalised, one line per text line of the page, spaces collapsed. */
  pages: string[];
  /** Every page's lines joined with single spaces, so that a phrase wrapped over two lines is still found whole. */
  flat: string;
}

const script = path.join(__dirname, 'extract-pdf-text.mjs');

/**
 * Extracts the text of `pdf` with pdfjs-dist through the fonts' ToUnicode maps (what copy and paste or a screen
 * reader gets), so a glyph embedded without its Unicode mapping shows up as a missing or wrong character.
 * Vietnamese text comes back NFC-normalised, comparable with string literals whatever form the mapping used.
 * Runs pdfjs-dist in a Node process of its own (extract-pdf-text.mjs); rejects with its error output when the
 * bytes are not a PDF it can read.
 */
export function pdfText(pdf: Buffer | Uint8Array): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [script],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pdf text extraction failed: ${stderr || error.message}`));
        const pages = (JSON.parse(stdout) as { pages: string[] }).pages.map((page) =>
          page
            .normalize('NFC')
            .split('\n')
            .map((line) => line.replace(/\s+/g, ' ').trim())
            .filter(Boolean)
            .join('\n'),
        );
        resolve({ pages, flat: pages.join('\n').replace(/\s+/g, ' ') });
      },
    );
    child.stdin!.end(Buffer.from(pdf));
  });
}
