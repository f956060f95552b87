// Text of PDF files through Mozilla's pdf.js (legacy build for Node). Scripts
// and font loading are off: only the text layer is read, page by page, until
// enough characters are collected.
import { UnreadableDocumentError } from './ooxml-text.js';

const maxPages = 200;

export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch {
    throw new UnreadableDocumentError('The file is not a readable PDF.');
  }
  try {
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages) && total < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      const text = lines.join('\n').trim();
      pages.push(text);
      total += text.length;
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}
