import { execFile } from 'node:child_process';
import path from 'node:path';

/** A PDF's page count and text, extracted by pdf.js (Chromium subsets and compresses fonts: the raw bytes hold no plain text). */
export function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], { maxBuffer: 20 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`Extracting the PDF's text failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout));
    });
    child.stdin!.end(Buffer.from(pdf));
  });
}
