// Prints the text of the PDF read from stdin as JSON ({ pages, text }). pdf.js ships only as ES
// modules, which jest's CommonJS test runtime cannot load, so tests run this in a child process.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str ?? '').join(''));
}
await pdf.destroy();
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: pages.join('\n') }));
