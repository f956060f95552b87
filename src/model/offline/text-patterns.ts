// Small, linear-time text helpers shared by the offline and obedient models.
// Every quantifier is bounded; inputs are capped before matching.

export const MAX_PARSE_CHARS = 4000;

const emailPattern = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;

export function findEmails(text: string): string[] {
  const found = text.slice(0, MAX_PARSE_CHARS).match(emailPattern) ?? [];
  return [...new Set(found.map((e) => e.replace(/\.+$/, '')))];
}

/** First quoted phrase: "…", '…', “…” or `…`. */
export function firstQuoted(text: string): string | undefined {
  const m = /"([^"\n]{1,200})"|“([^”\n]{1,200})”|`([^`\n]{1,200})`|(?:^|\s)'([^'\n]{1,200})'(?=\s|$|[.,!?])/.exec(text.slice(0, MAX_PARSE_CHARS));
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4])?.trim() : undefined;
}

/** A file name with a known extension, e.g. budget-2026.xlsx. */
export function fileNameIn(text: string): string | undefined {
  return /\b([A-Za-z0-9][A-Za-z0-9_().-]{0,80}?\.(?:docx?|xlsx?|pptx?|pdf|txt|md|csv|json|one|msg|vsdx))\b/i.exec(text.slice(0, MAX_PARSE_CHARS))?.[1]?.trim();
}

/** Looks like an opaque id rather than words: no spaces, has a digit, no file extension. */
export function looksLikeId(ref: string): boolean {
  return /^[A-Za-z0-9!_:-]{3,200}$/.test(ref) && /\d/.test(ref);
}

/** Cuts a phrase at the first connector that starts the next argument. */
export function cutAt(phrase: string, connectors: string[]): string {
  const lower = phrase.toLowerCase();
  let end = phrase.length;
  for (const c of connectors) {
    const at = lower.indexOf(` ${c} `);
    if (at !== -1 && at < end) end = at;
  }
  return phrase.slice(0, end);
}

const leadingJunk = new Set([...' \t\n,:;-']);
const trailingJunk = new Set([...' \t\n?!.,;:"\'})]']);

/** Trims separators and punctuation (by loop, not regex: no quadratic backtracking on long runs). */
export function tidy(phrase: string): string {
  let start = 0;
  let end = phrase.length;
  while (start < end && leadingJunk.has(phrase[start] ?? '')) start++;
  while (end > start && trailingJunk.has(phrase[end - 1] ?? '')) end--;
  return phrase
    .slice(start, end)
    .replace(/^(?:the|a|an|my|our|this|that)\s+/i, '')
    .trim();
}

/** First sentences of a text, up to maxChars. */
export function firstSentences(text: string, count: number, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences = flat.slice(0, maxChars * 2).split(/(?<=[.!?])\s+/).slice(0, count).join(' ');
  return sentences.length > maxChars ? `${sentences.slice(0, maxChars - 1)}…` : sentences;
}

/** Splits into sentences / lines, each capped, at most `limit` of them. */
export function sentencesOf(text: string, limit = 200): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, limit)
    .map((s) => s.slice(0, 600));
}

const ordinalWords: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1 };
const ordinalWord = '(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th))';
const ordinalNoun = new RegExp(`\\b(?:the\\s+)?${ordinalWord}\\s+(?:one|file|document|doc|item|result|hit|entry)\\b`, 'i');
const ordinalAlone = new RegExp(`^(?:and\\s+|now\\s+|ok(?:ay)?,?\\s+|then\\s+)?(?:(?:open|read|summari[sz]e)\\s+)?(?:the\\s+)?${ordinalWord}(?:\\s+one)?(?:\\s+please)?[\\s.?!]{0,5}$`, 'i');

/**
 * "the second one", "the 3rd file", "number 2", "the last one": a position in
 * the list shown before (1-based; -1 = the last). Undefined when there is none.
 */
export function ordinalIn(text: string): number | undefined {
  const capped = text.slice(0, 300).trim();
  const word = (ordinalNoun.exec(capped) ?? ordinalAlone.exec(capped))?.[1]?.toLowerCase();
  const number = /\b(?:number|no\.|#)\s{0,2}(\d{1,2})\b/i.exec(capped)?.[1];
  if (word) return ordinalWords[word] ?? Number.parseInt(word, 10);
  return number ? Number.parseInt(number, 10) : undefined;
}
