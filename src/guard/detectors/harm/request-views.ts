// The request without the line around it. One benign sentence before or after a harmful
// request ("I volunteer on our helpline and a caller asked me this", "thanks in advance,
// hectic week") costs an attacker nothing, yet it moved the n-gram model enough to halve
// recall (bench/detectors/adaptive-frame.ts): the frame's words were learned from
// legitimate rows and the 1/sqrt(n) norm dilutes the request's own words. So the model
// also reads the text without its first and without its last sentence, and the best
// reading counts, less a margin: a clause read alone loses the context that makes most
// sensitive-but-legitimate text benign, and without the margin fold false positives tripled.

/** Log-odds a reading without its first or last sentence gives up against the whole text. */
export const REQUEST_VIEW_MARGIN = 1.5;
/** A frame around a short request is the case here; longer texts (answers, documents) skip the extra readings, which would double the model's cost on them. */
const MAX_VIEW_CHARS = 1000;
/** A reading shorter than this is a fragment ("Thanks!"), not a request. */
const MIN_VIEW_WORDS = 4;

const isSentenceEnd = (ch: string): boolean => ch === '.' || ch === '?' || ch === '!' || ch === ':' || ch === ';';

/** Where each sentence after the first starts: after a line break, or after . ? ! : ; and a space. */
function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i]!;
    const next = text[i + 1]!;
    const breaks = ch === '\n' ? next !== '\n' : isSentenceEnd(ch) && (next === ' ' || next === '\n');
    if (breaks) starts.push(i + 1);
  }
  return starts;
}

/** Whether the text holds at least MIN_VIEW_WORDS runs of letters or digits (stops counting there). */
function hasEnoughWords(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code > 127;
    if (letter && !inWord && ++words >= MIN_VIEW_WORDS) return true;
    inWord = letter;
  }
  return false;
}

/** The text without its first sentence and without its last one (each only when a request is left). */
export function requestViews(text: string): string[] {
  if (text.length > MAX_VIEW_CHARS) return [];
  const starts = sentenceStarts(text);
  if (starts.length === 0) return [];
  return [text.slice(starts[0]!).trimStart(), text.slice(0, starts[starts.length - 1]!).trimEnd()].filter(hasEnoughWords);
}
