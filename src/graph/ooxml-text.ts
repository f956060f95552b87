// Text of Word (docx), PowerPoint (pptx) and Excel (xlsx) files. They are zip
// packages of XML parts; fflate unzips only the parts that carry text, with a
// cap on inflated size so a zip bomb cannot exhaust memory.
import { unzipSync, type Unzipped } from 'fflate';
import { attr, xmlTokens } from './xml-text.js';

export type OoxmlFormat = 'docx' | 'pptx' | 'xlsx';

const maxInflatedBytes = 64 * 1024 * 1024;

export class UnreadableDocumentError extends Error {
  override readonly name = 'UnreadableDocumentError';
}

function open(bytes: Uint8Array, wanted: (name: string) => boolean): Unzipped {
  let inflated = 0;
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        inflated += file.originalSize;
        if (inflated > maxInflatedBytes) throw new UnreadableDocumentError('The document expands to more data than allowed.');
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw err;
    throw new UnreadableDocumentError('The file is not a readable Office document.');
  }
}

const utf8 = new TextDecoder('utf-8');

export function ooxmlText(bytes: Uint8Array, format: OoxmlFormat): string {
  if (format === 'docx') {
    const parts = open(bytes, (n) => n === 'word/document.xml');
    const xml = parts['word/document.xml'];
    if (!xml) throw new UnreadableDocumentError('The file is not a readable Word document.');
    return runsText(utf8.decode(xml), 'w:t', 'w:p', 'w:tab');
  }
  if (format === 'pptx') {
    const parts = open(bytes, (n) => /^ppt\/slides\/slide\d{1,5}\.xml$/.test(n));
    const slides = Object.keys(parts).sort((a, b) => slideNo(a) - slideNo(b));
    if (slides.length === 0) throw new UnreadableDocumentError('The file is not a readable PowerPoint presentation.');
    return slides.map((name, i) => `Slide ${i + 1}\n${runsText(utf8.decode(parts[name]!), 'a:t', 'a:p')}`).join('\n\n');
  }
  const parts = open(bytes, (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d{1,5}\.xml$/.test(n));
  const shared = parts['xl/sharedStrings.xml'] ? sharedStrings(utf8.decode(parts['xl/sharedStrings.xml'])) : [];
  const sheets = Object.keys(parts).filter((n) => n.startsWith('xl/worksheets/')).sort((a, b) => slideNo(a) - slideNo(b));
  if (sheets.length === 0) throw new UnreadableDocumentError('The file is not a readable Excel workbook.');
  return sheets.map((name) => sheetText(utf8.decode(parts[name]!), shared)).join('\n\n');
}

function slideNo(name: string): number {
  const digits = name.slice(name.lastIndexOf('/') + 1).replace(/\D/g, '');
  return Number(digits || '0');
}

/** Text runs joined per paragraph. */
function runsText(xml: string, textTag: string, paragraphTag: string, tabTag?: string): string {
  const out: string[] = [];
  let line = '';
  let inText = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open' && t.name === textTag) inText = true;
    else if (t.kind === 'close' && t.name === textTag) inText = false;
    else if (t.kind === 'text' && inText) line += t.text;
    else if (t.kind === 'empty' && t.name === tabTag) line += '\t';
    else if (t.kind === 'close' && t.name === paragraphTag) {
      out.push(line);
      line = '';
    }
  }
  if (line) out.push(line);
  return out.join('\n').trim();
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  let inText = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open' && t.name === 'si') current = '';
    else if (t.kind === 'close' && t.name === 'si') {
      out.push(current ?? '');
      current = undefined;
    } else if (t.kind === 'open' && t.name === 't') inText = true;
    else if (t.kind === 'close' && t.name === 't') inText = false;
    else if (t.kind === 'text' && inText && current !== undefined) current += t.text;
  }
  return out;
}

function sheetText(xml: string, shared: string[]): string {
  const rows: string[] = [];
  let cells: string[] = [];
  let cellType: string | undefined;
  let value = '';
  let capture = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open' && t.name === 'row') cells = [];
    else if (t.kind === 'close' && t.name === 'row') rows.push(cells.join(' | '));
    else if (t.kind === 'open' && t.name === 'c') {
      cellType = attr(t.attrs, 't');
      value = '';
    } else if (t.kind === 'close' && t.name === 'c') {
      cells.push(cellType === 's' ? (shared[Number(value)] ?? '') : value);
    } else if (t.kind === 'open' && (t.name === 'v' || t.name === 't')) capture = true;
    else if (t.kind === 'close' && (t.name === 'v' || t.name === 't')) capture = false;
    else if (t.kind === 'text' && capture) value += t.text;
  }
  return rows.filter((r) => r.replace(/[ |]/g, '') !== '').join('\n');
}
