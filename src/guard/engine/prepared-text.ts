// One check's text, normalised and decoded once and shared by every guard.
import { decodeObfuscation, type DecodedView } from '../normalize/decode-obfuscation.js';
import { normalizeText, type NormalizedText } from '../normalize/normalize-text.js';
import { FULL_SCAN_CHARS } from '../detectors/injection/text-prep.js';

export interface PreparedText {
  raw: string;
  normalized: NormalizedText;
  views: DecodedView[];
  /** Texts to score for injection / harm: raw, normalised (if different) and decoded views. */
  detectionTexts: Array<{ text: string; view: string }>;
}

export function prepareText(raw: string): PreparedText {
  const normalized = normalizeText(raw);
  const views = decodeObfuscation(normalized);
  const detectionTexts = [{ text: raw, view: 'raw' }];
  if (normalized.text !== raw) detectionTexts.push({ text: normalized.text, view: 'normalized' });
  for (const v of views) detectionTexts.push({ text: v.text, view: v.kind });
  return { raw, normalized, views, detectionTexts };
}

const safeEvidence = /^[A-Za-z0-9_.:+\-@]{1,80}$/;

/** Keeps evidence that looks like a rule id; anything else could carry user text into the audit log. */
export function sanitizeEvidence(items: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const item of items) if (safeEvidence.test(item)) out.add(item);
  return [...out].slice(0, 32);
}

/** Splits text into pieces of at most `size` UTF-16 units without cutting a surrogate pair. */
export function chunkText(text: string, size: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length && chunks.length < maxChunks) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

/** Overlap between windows, so an instruction cut by a window edge is whole in one of them. */
const windowOverlap = 512;
/** Windows scored in full; past this the rest goes to the detector as one (sampled) piece. */
const maxWindows = 32;

/**
 * Splits long text into windows the local detectors score in full. They sample
 * texts longer than FULL_SCAN_CHARS (head, tail, a few middle chunks), which
 * would let an instruction placed between the samples of a long document
 * through; windows make every character count, at a cost linear in length.
 */
export function detectionWindows(text: string): string[] {
  if (text.length <= FULL_SCAN_CHARS) return [text];
  const step = FULL_SCAN_CHARS - windowOverlap;
  const windows: string[] = [];
  let at = 0;
  while (at < text.length && windows.length < maxWindows) {
    windows.push(text.slice(at, at + FULL_SCAN_CHARS));
    // Start the next window at a sentence or line start inside the overlap:
    // a window opening mid-sentence reads like a fragment to the detectors.
    at = sentenceStartWithin(text, at + step, windowOverlap);
  }
  if (at < text.length) windows.push(text.slice(at));
  return windows;
}

function sentenceStartWithin(text: string, from: number, span: number): number {
  const end = Math.min(text.length, from + span);
  for (let i = from; i < end; i++) {
    const prev = text.charCodeAt(i - 1);
    if (prev === 0x0a) return i;
    if ((prev === 0x20 || prev === 0x09) && /[.!?。！？]/.test(text[i - 2] ?? '')) return i;
  }
  return from;
}
