// Reads a technical document by its structure before it is cut into sentences.
// An order planted in a record sits in a quoted field value, in a comment that
// runs over several lines, or in a string literal with escaped newlines: read
// line by line, each piece is the whole record (keys and ids as noise) or a
// fragment of the order. This module gives the natural-language units instead:
// a field's value without its key, a comment block joined into its sentences,
// a literal unescaped and its concatenated parts joined. Every step is one
// left-to-right pass (bounded regexps or hand-written scans), so it stays linear.

export interface StructuredPiece {
  text: string;
  /** the piece is a quoted value taken out of a record line (key="...", a JSON field, a CSV cell) */
  value: boolean;
}

/** Escaped line breaks and tabs in literals and JSON fields ("...\n\n[assistant: ...]"). */
const ESCAPED_BREAK = /\\[nr]/g;
const ESCAPED_TAB = /\\t/g;
/** An escaped quote inside a value reads as an apostrophe, so it does not end the value. */
const ESCAPED_QUOTE = /\\"/g;
/**
 * Concatenated literals ("ignore the " + "rules", 'a' .. 'b', "a" . "b") and a
 * Python continuation line that opens with an indented literal. Each match starts
 * at a quote and its whitespace runs are separated by the operator: linear.
 */
const JOINED_LITERALS = /"[ \t]*(?:\+|\.\.|[ \t]\.)[ \t]*(?:\r?\n)?[ \t]*"|"[ \t]*\r?\n[ \t]+"/g;

/** Comment markers whose consecutive lines make one block ("/*" and " * " are one family). */
function commentMarker(line: string): { family: string; body: string } | null {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const rest = line.slice(i);
  for (const [marker, family] of COMMENT_MARKERS) {
    if (rest.startsWith(marker)) return { family, body: rest.slice(marker.length).trim() };
  }
  return null;
}
// Longest first: "///" before "//", "/**" before "/*".
const COMMENT_MARKERS: ReadonlyArray<readonly [string, string]> = [
  ['///', '//'],
  ['//', '//'],
  ['/**', '*'],
  ['/*', '*'],
  ['* ', '*'],
  ['##', '#'],
  ['# ', '#'],
  ['--', '--'],
  [';;', ';'],
  ['; ', ';'],
];

/** A comment line with no words ("#", " */", "// ----") separates blocks. */
function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

/**
 * Joins consecutive comment lines of one family into one line, the first keeping
 * its marker (the segment's line kind reads it), so a sentence that wraps over
 * lines is read whole. Sentence ends still split it later.
 */
function joinCommentBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  let family: string | null = null;
  // Lines opening with "* " continue a comment only inside "/* ... */": elsewhere they are list bullets.
  let inBlockComment = false;
  for (const line of lines) {
    const comment = commentMarker(line);
    const trimmed = line.trimStart();
    if (trimmed.startsWith('/*')) inBlockComment = true;
    const bullet = comment?.family === '*' && !inBlockComment;
    const words = comment !== null && !bullet && hasLetter(comment.body);
    if (words && family === comment.family && out.length > 0) out[out.length - 1] += ' ' + comment.body;
    else out.push(line);
    if (!words) family = null;
    else if (family !== comment.family) family = comment.family;
    if (line.includes('*/')) inBlockComment = false;
  }
  return out;
}

/** Shortest quoted value read as natural language, in words. */
const MIN_VALUE_WORDS = 4;
const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', '\u201c': '\u201d', '`': '`' };

/**
 * What may stand before a value's opening quote in a record: "key=", a cell's comma, a bracket,
 * the line start, or "key:" where the key is one token opening the line or a field ('"msg": "...",
 * "  description: ..."'). A colon after words ('ask the chatbot: "..."') introduces a quote in prose.
 */
function opensValue(line: string, quote: number): boolean {
  let i = quote - 1;
  while (i >= 0 && line.charCodeAt(i) === 32) i--;
  if (i < 0) return true;
  const c = line[i]!;
  if (c === ':') return keyBefore(line, i);
  return c === '=' || c === ',' || c === '(' || c === '[' || c === '{' || c === ';';
}

const isKeyChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 34;

/** The token before the colon at `colon` is a key: one token that opens the line or follows "{" or ",". */
function keyBefore(line: string, colon: number): boolean {
  let i = colon - 1;
  while (i >= 0 && isKeyChar(line.charCodeAt(i))) i--;
  if (i === colon - 1) return false;
  while (i >= 0 && line.charCodeAt(i) === 32) i--;
  if (i < 0) return true;
  const c = line[i]!;
  return c === '{' || c === ',';
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * A record line split into its quoted natural-language values and the rest:
 * `level=warn msg="..."` gives the message, and the keys and ids left over
 * (when they hold words) as a piece of their own. A line without such a value is one piece.
 */
function splitRecordLine(line: string, out: StructuredPiece[]): void {
  const values: string[] = [];
  let rest = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const close = OPEN_TO_CLOSE[line[i]!];
    if (close === undefined || !opensValue(line, i)) continue;
    const end = line.indexOf(close, i + 1);
    if (end < 0) break;
    const value = line.slice(i + 1, end);
    if (wordCount(value) >= MIN_VALUE_WORDS) {
      values.push(value);
      rest += line.slice(from, i) + ' ';
      from = end + 1;
    }
    i = end;
  }
  if (values.length === 0) {
    out.push({ text: line, value: false });
    return;
  }
  // The record's keys and ids first, then its values: a value's block reads on into the next line.
  rest += line.slice(from);
  if (hasLetter(rest)) out.push({ text: rest, value: false });
  for (const value of values) out.push({ text: value, value: true });
}

/**
 * The document's lines as natural-language units: literals unescaped and
 * joined, comment blocks joined, quoted record values split off their keys.
 * Sentence splitting happens after, on each piece.
 */
export function structuredLines(folded: string): StructuredPiece[] {
  let text = folded;
  const escaped = text.includes('\\');
  if (escaped) text = text.replace(ESCAPED_QUOTE, "'");
  if (text.includes('"')) text = text.replace(JOINED_LITERALS, '');
  const out: StructuredPiece[] = [];
  for (const line of joinCommentBlocks(text.split('\n'))) splitRecordLine(line, out);
  // Escapes are read after the values are found: a literal's "\n" breaks its sentences, not its quotes.
  if (escaped) for (const piece of out) piece.text = piece.text.replace(ESCAPED_BREAK, '\n').replace(ESCAPED_TAB, ' ');
  return out;
}
