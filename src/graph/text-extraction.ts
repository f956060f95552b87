// Reduces a downloaded file to plain text for the model: plain text formats,
// Word/Excel/PowerPoint, PDF. Output is capped; binary and unknown formats are
// described, never dumped.
import { ooxmlText, UnreadableDocumentError, type OoxmlFormat } from './ooxml-text.js';
import { pdfText } from './pdf-text.js';

export type ExtractedFormat = 'text' | OoxmlFormat | 'pdf' | 'unsupported';

export interface ExtractedText {
  text: string;
  format: ExtractedFormat;
  truncated: boolean;
  /** Why no text came out, when format is unsupported or the file was unreadable. */
  note?: string;
}

const textExtensions = new Set(['txt', 'md', 'csv', 'tsv', 'json', 'xml', 'html', 'htm', 'log', 'yaml', 'yml', 'ini']);
const ooxml: Record<string, OoxmlFormat> = {
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

export async function extractText(input: { bytes: Uint8Array; name: string; mimeType?: string; maxChars: number }): Promise<ExtractedText> {
  const ext = input.name.includes('.') ? input.name.slice(input.name.lastIndexOf('.') + 1).toLowerCase() : '';
  const mime = (input.mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    const office = ooxml[ext] ?? ooxml[mime];
    if (office) return cap(ooxmlText(input.bytes, office), office, input.maxChars);
    if (ext === 'pdf' || mime === 'application/pdf') return cap(await pdfText(input.bytes, input.maxChars), 'pdf', input.maxChars);
    if (textExtensions.has(ext) || mime.startsWith('text/') || mime === 'application/json') {
      if (looksBinary(input.bytes)) return { text: '', format: 'unsupported', truncated: false, note: 'The file claims to be text but contains binary data.' };
      return cap(new TextDecoder('utf-8').decode(input.bytes), 'text', input.maxChars);
    }
  } catch (err) {
    if (err instanceof UnreadableDocumentError) return { text: '', format: 'unsupported', truncated: false, note: err.message };
    throw err;
  }
  return { text: '', format: 'unsupported', truncated: false, note: `Text cannot be extracted from this file type (${ext || mime || 'unknown'}).` };
}

function cap(text: string, format: ExtractedFormat, maxChars: number): ExtractedText {
  const clean = text.replace(/\r\n/g, '\n').replace(/\u0000/g, '');
  return clean.length > maxChars ? { text: clean.slice(0, maxChars), format, truncated: true } : { text: clean, format, truncated: false };
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}
