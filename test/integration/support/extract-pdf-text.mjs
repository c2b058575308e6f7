// Reads a PDF on standard input and writes its text as JSON, `{ "pages": ["line\nline", ...] }`, one string per
// page with a newline at each end of line, as pdfjs-dist extracts it through the fonts' ToUnicode maps. Run by
// pdf-text.ts in a Node process of its own: pdfjs-dist ships ES modules only, which jest's module loader cannot
// load. Exits non-zero, with the error on standard error, when the input is not a PDF pdfjs can read.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({
  data: new Uint8Array(Buffer.concat(chunks)),
  disableFontFace: true,
  isEvalSupported: false,
  verbosity: 0,
}).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const { items } = await (await doc.getPage(n)).getTextContent();
  pages.push(items.map((item) => ('str' in item ? item.str : '') + (item.hasEOL ? '\n' : '')).join(''));
}
await doc.destroy();
process.stdout.write(JSON.stringify({ pages }));
