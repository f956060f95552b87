// What a single guard returns before the engine combines it: its verdict(s)
// and any text edits (masks, removed links) in RAW offsets.
import type { GuardVerdict } from '../guard-types.js';

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export interface GuardOutcome {
  verdicts: GuardVerdict[];
  edits: TextEdit[];
  /** Which user message applies if this guard blocks (limits have their own wording). */
  messageKey?: 'tooLong' | 'rateLimited' | 'unavailable';
}

/** Applies non-overlapping edits (overlaps are folded into the earlier, wider edit). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextEdit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && e.start < last.end) {
      last.end = Math.max(last.end, e.end);
      continue;
    }
    merged.push({ ...e });
  }
  let out = '';
  let at = 0;
  for (const e of merged) {
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}
