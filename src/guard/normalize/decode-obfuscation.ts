// Finds obfuscated spans (base64, hex, URL-encoding, HTML entities, ROT13,
// leetspeak, spaced-out letters, words joined by invisible characters) in normalised text and decodes them into extra views
// that detectors score alongside the text itself. Token scanning is manual
// and every decoder is linear, so hostile input cannot make this slow.
import { normalizeText, toRawSpan, type NormalizedText } from './normalize-text.js';

export type DecodingKind = 'base64' | 'hex' | 'url' | 'html' | 'rot13' | 'leet' | 'spaced' | 'invisible-join';

export interface DecodedView {
  kind: DecodingKind;
  text: string;
  /** The raw range the decoded text stands for (the whole text for whole-text views). */
  rawStart: number;
  rawEnd: number;
}

export interface DecodingLimits {
  /** Most decoded views returned (default 32). */
  maxViews?: number;
  /** Most decoded characters in all views together (default 256 Ki). */
  maxDecodedChars?: number;
}

const defaultMaxViews = 32;
const defaultMaxDecodedChars = 256 * 1024;
const minEncodedChars = 16;

function isSpace(unit: number): boolean {
  return unit === 0x20 || unit === 0x0a || unit === 0x09 || unit === 0x0d || unit === 0x0c || unit === 0x0b || unit === 0xa0 || unit === 0x3000;
}

/** Share of decoded characters that are printable text; encoded payloads aimed at a model decode to prose. */
function looksLikeText(decoded: string): boolean {
  if (decoded.length < 6) return false;
  let printable = 0;
  let wordish = 0;
  for (let i = 0; i < decoded.length; i++) {
    const u = decoded.charCodeAt(i);
    if ((u >= 0x20 && u < 0x7f) || u === 0x0a || u === 0x0d || u === 0x09 || (u >= 0xa0 && u !== 0xfffd)) printable++;
    if (((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a) || (u >= 0x30 && u <= 0x39) || u === 0x20) wordish++;
  }
  return printable / decoded.length >= 0.95 && wordish / decoded.length >= 0.6;
}

const base64Token = /^[A-Za-z0-9+/_-]+={0,2}$/;
const hexToken = /^(?:0x)?[0-9a-fA-F]+$/;

function countUpper(text: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n < enough; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0x41 && u <= 0x5a) n++;
  }
  return n;
}

/** Longest encoded token decoded; the rest of a giant token is left to the raw-text detectors. */
const maxEncodedToken = 360_000;
/** Decoding a prefix first tells text from binary without decoding megabytes of binary. */
const probeChars = 4096;

function tryBase64(token: string): string | undefined {
  if (token.length < minEncodedChars || !base64Token.test(token)) return undefined;
  // Ordinary words are valid base64 too; real payloads mix case and digits.
  if (!/[0-9+/=]/.test(token) && !(/[a-z]/.test(token) && countUpper(token, 2) >= 2)) return undefined;
  const body = token.length > maxEncodedToken ? token.slice(0, maxEncodedToken) : token;
  const decode = (t: string) => Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  if (body.length > probeChars && !looksLikeText(decode(body.slice(0, probeChars)))) return undefined;
  const decoded = decode(body);
  return looksLikeText(decoded) ? decoded : undefined;
}

function tryHex(token: string): string | undefined {
  if (token.length < minEncodedChars || !hexToken.test(token)) return undefined;
  let body = token.startsWith('0x') ? token.slice(2) : token;
  if (body.length % 2 !== 0) return undefined;
  if (body.length > maxEncodedToken) body = body.slice(0, maxEncodedToken);
  if (body.length > probeChars && !looksLikeText(Buffer.from(body.slice(0, probeChars), 'hex').toString('utf8'))) return undefined;
  const decoded = Buffer.from(body, 'hex').toString('utf8');
  return looksLikeText(decoded) ? decoded : undefined;
}

function tryUrl(token: string): string | undefined {
  const { text, escapes } = decodePercentEscapes(token.replace(/\+/g, ' '));
  return escapes >= 3 && looksLikeText(text) ? text : undefined;
}

function tryHtml(token: string): string | undefined {
  const { text, escapes } = decodeHtmlEntities(token);
  return escapes >= 3 && looksLikeText(text) ? text : undefined;
}

const hexValue = (unit: number): number => (unit >= 0x30 && unit <= 0x39 ? unit - 0x30 : (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x66 ? (unit | 0x20) - 0x57 : -1);

/**
 * Decodes every %XX escape in the text (runs of escapes as UTF-8) and leaves
 * malformed ones as they are: unlike decodeURIComponent it never gives up on
 * the whole text because of one stray "%". Linear.
 */
export function decodePercentEscapes(text: string): { text: string; escapes: number } {
  const parts: string[] = [];
  let escapes = 0;
  let copied = 0;
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
    const bytes: number[] = [];
    let j = i;
    while (j + 2 < text.length && text.charCodeAt(j) === 0x25) {
      const hi = hexValue(text.charCodeAt(j + 1));
      const lo = hexValue(text.charCodeAt(j + 2));
      if (hi < 0 || lo < 0) break;
      bytes.push(hi * 16 + lo);
      j += 3;
    }
    if (bytes.length === 0) continue;
    parts.push(text.slice(copied, i), Buffer.from(bytes).toString('utf8'));
    escapes += bytes.length;
    copied = j;
    i = j - 1;
  }
  if (escapes === 0) return { text, escapes: 0 };
  parts.push(text.slice(copied));
  return { text: parts.join(''), escapes };
}

// The named references an attacker needs to spell an address or a sentence; numeric ones cover the rest.
const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', commat: '@', period: '.', colon: ':', sol: '/',
  lowbar: '_', hyphen: '-', dash: '-', plus: '+', equals: '=', num: '#', percnt: '%', excl: '!', quest: '?', comma: ',',
};

/** Decodes HTML character references (&#64; &#x40; &commat;), with or without the closing ";". Linear. */
export function decodeHtmlEntities(text: string): { text: string; escapes: number } {
  if (!text.includes('&')) return { text, escapes: 0 };
  const parts: string[] = [];
  let escapes = 0;
  let copied = 0;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    let j = i + 1;
    let decoded: string | undefined;
    if (text.charCodeAt(j) === 0x23) {
      const hex = (text.charCodeAt(j + 1) | 0x20) === 0x78;
      j += hex ? 2 : 1;
      let value = 0;
      let digits = 0;
      while (digits < 7 && j < text.length) {
        const d = hex ? hexValue(text.charCodeAt(j)) : text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39 ? text.charCodeAt(j) - 0x30 : -1;
        if (d < 0) break;
        value = value * (hex ? 16 : 10) + d;
        digits++;
        j++;
      }
      if (digits > 0 && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)) decoded = String.fromCodePoint(value);
    } else {
      let name = '';
      while (name.length < 8 && j < text.length && isAsciiLetter(text.charCodeAt(j))) name += text[j++];
      if (text[j] === ';' && Object.hasOwn(namedEntities, name.toLowerCase())) decoded = namedEntities[name.toLowerCase()];
    }
    if (decoded === undefined) continue;
    if (text[j] === ';') j++;
    parts.push(text.slice(copied, i), decoded);
    escapes++;
    copied = j;
    i = j - 1;
  }
  if (escapes === 0) return { text, escapes: 0 };
  parts.push(text.slice(copied));
  return { text: parts.join(''), escapes };
}

const leadingWrappers = new Set(['(', '"', "'", '`', '<', '[', '{']);
const trailingWrappers = new Set([')', '"', "'", '`', '>', ']', '}', ',', '.', ';', ':', '!', '?']);

/** Strips quotes, brackets and punctuation around a token (loops, not regexes: linear on any input). */
function trimToken(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && leadingWrappers.has(token[start]!)) start++;
  while (end > start && trailingWrappers.has(token[end - 1]!)) end--;
  return token.slice(start, end);
}

function decodeToken(token: string): { kind: DecodingKind; text: string } | undefined {
  const trimmed = trimToken(token);
  const hex = tryHex(trimmed);
  if (hex !== undefined) return { kind: 'hex', text: hex };
  const b64 = tryBase64(trimmed);
  if (b64 !== undefined) return { kind: 'base64', text: b64 };
  const url = tryUrl(trimmed);
  if (url !== undefined) return { kind: 'url', text: url };
  const html = tryHtml(trimmed);
  if (html !== undefined) return { kind: 'html', text: html };
  return undefined;
}

const leetMap: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i', '|': 'l' };
/** The other reading of "1": "ru1es" is "rules" where "1gn0re" is "ignore"; a second view reads every "1" as l. */
const leetMapOneAsL: Record<string, string> = { ...leetMap, '1': 'l' };
/** Disguised messages are a line or two: a second reading of a long text would add its cost for nothing. */
const maxSecondReadingChars = 2000;
/** A "1" inside a leet word: only then is the second reading worth a view. */
const leetOneInside = /[A-Za-z]1|1[A-Za-z]/;

function isAsciiLetter(unit: number): boolean {
  return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a;
}

/** Leetspeak: tokens mixing letters with digit/symbol stand-ins ("1gn0r3"). Same length, same offsets. */
// "@" only at a word start: inside a word it is far more often an e-mail address.
// Three simple patterns instead of one with a look-behind: much faster on long text.
const leetInside = /[A-Za-z][013457$|!][A-Za-z]/;
const leetAtStart = /\s[013457@$][A-Za-z]{2}/;
const leetAtTextStart = /^[013457@$][A-Za-z]{2}/;
const leetCandidate = { test: (t: string) => leetInside.test(t) || leetAtStart.test(t) || leetAtTextStart.test(t) };

function leetView(text: string, map: Record<string, string> = leetMap): string | undefined {
  if (!leetCandidate.test(text)) return undefined;
  let changed = false;
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    const token = text.slice(start, i);
    let letters = 0;
    let stand = 0;
    if (token.length > 40) {
      out.push(token);
      if (i < text.length) out.push(text[i]!);
      start = i + 1;
      continue;
    }
    for (let k = 0; k < token.length; k++) {
      const c = token[k]!;
      if (isAsciiLetter(token.charCodeAt(k))) letters++;
      else if (map[c] !== undefined) stand++;
    }
    // Leet words are short; long tokens (payloads, URLs) were passed over above.
    if (letters >= 2 && stand >= 1 && token.length >= 3 && stand <= letters + 1) {
      let replaced = '';
      for (let k = 0; k < token.length; k++) {
        const c = token[k]!;
        // A final "!" is punctuation, not an i.
        replaced += map[c] !== undefined && !(c === '!' && k === token.length - 1) ? map[c] : c;
      }
      if (replaced !== token) changed = true;
      out.push(replaced);
    } else out.push(token);
    if (i < text.length) out.push(text[i]!);
    start = i + 1;
  }
  return changed ? out.join('') : undefined;
}

/**
 * Words joined by invisible characters ("ignore\u200byour\u200brules"): normalisation drops the invisible
 * ones and glues the words; this view reads them as the spaces a writer meant. Raw text, then normalised.
 */
const invisibleBetweenLetters = /(?<=\p{L})[\u200b-\u200d\u2060\ufeff]+(?=\p{L})/gu;
const hasInvisibleJoin = /\p{L}[\u200b-\u200d\u2060\ufeff]+\p{L}/u;

function invisibleJoinView(raw: string): string | undefined {
  if (!hasInvisibleJoin.test(raw)) return undefined;
  return normalizeText(raw.replace(invisibleBetweenLetters, ' ')).text;
}

/** Spaced-out letters ("i g n o r e", "i.g.n.o.r.e") collapsed into words. */
const spacedCandidate = /[A-Za-z][ .\-_*][A-Za-z][ .\-_*][A-Za-z][ .\-_*][A-Za-z]/;
const spacedSeparators = new Set([' ', '.', '-', '_', '*']);

/** An ASCII letter at k (false outside the text). */
function letterAt(text: string, k: number): boolean {
  return k >= 0 && k < text.length && isAsciiLetter(text.charCodeAt(k));
}

function spacedView(text: string): string | undefined {
  if (!spacedCandidate.test(text)) return undefined;
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!letterAt(text, i) || letterAt(text, i - 1)) {
      i++;
      continue;
    }
    let j = i;
    let letters = '';
    let runEnd = i + 1;
    // One separator per word: "m.a.k.e a b.o.m.b" is three words, not "makeabomb".
    const separator = text[i + 1] ?? '';
    while (letterAt(text, j) && !letterAt(text, j + 1)) {
      letters += text[j];
      runEnd = j + 1;
      if (text[j + 1] === separator && spacedSeparators.has(separator) && letterAt(text, j + 2)) j += 2;
      else break;
    }
    // A space-separated run that meets a dotted word ("a b.o.m.b") hands it its first letter.
    const next = text[runEnd] ?? '';
    if (separator === ' ' && letters.length > 1 && next !== ' ' && spacedSeparators.has(next) && letterAt(text, runEnd + 1)) {
      letters = letters.slice(0, -1);
      runEnd -= 1;
    }
    if (letters.length >= 4) {
      parts.push(text.slice(copied, i), letters);
      copied = runEnd;
    }
    i = Math.max(runEnd, i + 1);
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(copied));
  return parts.join('');
}

const commonWords = new Set([
  'the', 'and', 'you', 'your', 'are', 'for', 'with', 'this', 'that', 'all', 'now', 'not', 'what', 'how', 'tell', 'give',
  'ignore', 'previous', 'instructions', 'system', 'prompt', 'rules', 'must', 'from', 'have', 'will', 'please', 'is', 'to', 'of', 'me', 'it',
]);

const utf16 = new TextDecoder('utf-16le');

/** ROT13 through a code-unit buffer: a regex callback per letter is far too slow on long text. */
function rot13(text: string): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0x41 && u <= 0x5a) units[i] = ((u - 0x41 + 13) % 26) + 0x41;
    else if (u >= 0x61 && u <= 0x7a) units[i] = ((u - 0x61 + 13) % 26) + 0x61;
    else units[i] = u;
  }
  return utf16.decode(units);
}

/** ROT13 payloads are prompts, not books: only this much is rotated. */
const maxRot13Chars = 64 * 1024;

/** The common words as they read once ROT13-encoded: a word is one of these exactly when its ROT13 is common. */
const rotatedCommonWords = new Set([...commonWords].map(rot13));
/** No common word is longer (a longer word can be neither kind). */
const longestCommonWord = Math.max(...[...commonWords].map((w) => w.length));
/** Words are runs of 2 to 15 ASCII letters, as text.match(/[a-z]{2,15}/g) cuts them (a longer run in 15-letter pieces). */
const maxWordChars = 15;

const isLowerAscii = (unit: number): boolean => unit >= 0x61 && unit <= 0x7a;

/**
 * The two word sets as one trie over a-z (children[node * 26 + letter], 0 = none; kinds[node]: 1 common,
 * 2 common once rotated), so a word is looked up in place, without a string per word.
 */
const wordTrie = (() => {
  const words: Array<[string, number]> = [...[...commonWords].map((w): [string, number] => [w, 1]), ...[...rotatedCommonWords].map((w): [string, number] => [w, 2])];
  const size = 1 + words.reduce((n, [w]) => n + w.length, 0);
  const children = new Int32Array(size * 26);
  const kinds = new Uint8Array(size);
  let nodes = 1;
  for (const [word, kind] of words) {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = node * 26 + word.charCodeAt(i) - 0x61;
      node = children[slot] || (children[slot] = nodes++);
    }
    kinds[node] = kinds[node]! | kind;
  }
  return { children, kinds };
})();

/** 1 when text[start, end) is a common word, 2 when its ROT13 is one, 3 both, 0 neither (lower-case ASCII letters only). */
function wordKind(text: string, start: number, end: number): number {
  let node = 0;
  for (let i = start; i < end; i++) {
    node = wordTrie.children[node * 26 + text.charCodeAt(i) - 0x61]!;
    if (node === 0) return 0;
  }
  return wordTrie.kinds[node]!;
}

/** ROT13 only when the rotated text reads clearly more like English than the original. */
function rot13View(text: string): string | undefined {
  const sample = (text.length > 4096 ? text.slice(0, 4096) : text).toLowerCase();
  // One scan that counts words and both kinds of common word, with no array of words.
  let words = 0;
  let before = 0;
  let after = 0;
  let i = 0;
  while (i < sample.length) {
    if (!isLowerAscii(sample.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < sample.length && isLowerAscii(sample.charCodeAt(end))) end++;
    for (let at = i; end - at >= 2; at += maxWordChars) {
      const wordEnd = Math.min(end, at + maxWordChars);
      words++;
      if (wordEnd - at > longestCommonWord) continue;
      const kind = wordKind(sample, at, wordEnd);
      if (kind & 1) before++;
      if (kind & 2) after++;
    }
    i = end;
  }
  if (words < 3) return undefined;
  // Ordinary English already has common words; ROT13 text has almost none.
  if (before / words >= 0.1) return undefined;
  if (after >= 2 && after > before * 2 + 1 && after / words >= 0.1) return rot13(text.length > maxRot13Chars ? text.slice(0, maxRot13Chars) : text);
  return undefined;
}

interface CollectedViews {
  views: DecodedView[];
  maxViews: number;
  /** Decoded characters still allowed. */
  budget: number;
}

// A module function bound per call, not a named closure: under tsx (keepNames) each named closure
// costs a defineProperty when it is created, and every check decodes its text.
function addView(collected: CollectedViews, view: DecodedView): void {
  if (collected.views.length >= collected.maxViews || collected.budget <= 0) return;
  // Past the budget a decoded payload is cut, not dropped: its start is still scanned.
  const text = view.text.length > collected.budget ? view.text.slice(0, collected.budget) : view.text;
  collected.budget -= text.length;
  collected.views.push({ ...view, text });
}

/** Decoded views of `n` (not including the raw or normalised text themselves). */
export function decodeObfuscation(n: NormalizedText, limits: DecodingLimits = {}): DecodedView[] {
  const maxViews = limits.maxViews ?? defaultMaxViews;
  const views: DecodedView[] = [];
  const collected: CollectedViews = { views, maxViews, budget: limits.maxDecodedChars ?? defaultMaxDecodedChars };
  const add = addView.bind(undefined, collected);
  const text = n.text;
  let start = 0;
  for (let i = 0; i <= text.length && views.length < maxViews; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) continue;
    if (i - start >= minEncodedChars) {
      const decoded = decodeToken(text.slice(start, i));
      if (decoded) {
        const raw = toRawSpan(n, start, i);
        add({ kind: decoded.kind, text: decoded.text, rawStart: raw.start, rawEnd: raw.end });
        // One more layer: payloads are often wrapped twice (base64 of URL-encoded text).
        const inner = decodeToken(decoded.text.trim());
        if (inner) add({ kind: inner.kind, text: inner.text, rawStart: raw.start, rawEnd: raw.end });
      }
    }
    start = i + 1;
  }
  const whole = { rawStart: 0, rawEnd: n.raw.length };
  const leet = leetView(text);
  if (leet !== undefined) add({ kind: 'leet', text: leet, ...whole });
  if (leet !== undefined && text.length <= maxSecondReadingChars && leetOneInside.test(text)) {
    const oneAsL = leetView(text, leetMapOneAsL);
    if (oneAsL !== undefined && oneAsL !== leet) add({ kind: 'leet', text: oneAsL, ...whole });
  }
  const joined = n.raw.length <= maxSecondReadingChars ? invisibleJoinView(n.raw) : undefined;
  if (joined !== undefined) add({ kind: 'invisible-join', text: joined, ...whole });
  const spaced = spacedView(text);
  if (spaced !== undefined) add({ kind: 'spaced', text: spaced, ...whole });
  const rotated = rot13View(text);
  if (rotated !== undefined) add({ kind: 'rot13', text: rotated, ...whole });
  return views;
}
