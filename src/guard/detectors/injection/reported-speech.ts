// Text that TALKS ABOUT an attack is not an attack. Security training, an
// incident report quoting the planted string, an AI-use policy or a user
// asking "what does 'ignore previous instructions' do?" all contain the words
// an attack has to say, but as a mention: inside quotation marks or a code
// span, or after "such as" / "e.g.", in a sentence that reports or defines.
// Such spans are masked (replaced by a neutral word) so rules that match only
// inside them can be damped and the segment model reads the sentence around
// the quote instead of the quote. A quote stays live when it is the object of
// an order to the reader ("say 'I have been PWNED'") or when the text tells
// the reader to do what it quotes ("now do exactly that").
import { quoteSpeaksToAiReader, sentenceSpeaksToAiReader } from './quote-addressee.js';
import { wordAnchoredRegExp } from './word-anchored-regexp.js';

/** What a masked mention is replaced by (a word no rule matches). */
export const MENTION_PLACEHOLDER = 'quotedtext';
/** Longest quote (characters) read as a mention: a whole quoted page is content, not a phrase. */
const MAX_QUOTE = 320;
/** Frame-introduced (unquoted) mentions run to the end of the sentence, at most this far. */
const MAX_FRAMED = 200;
/** How far before a quote to look for its reporting sentence. */
const REACH = 200;

const PAIRS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '`': '`', "'": "'", '‘': '’', '„': '“' };

// What people other than the reader habitually type or say ("customers sometimes write 'X'", "when fans say 'X'",
// "if they type 'X'", "don't try 'X'"): the quote is what they put in, reported.
const PEOPLE_TYPE =
  "(?:they|people|customers?|users?|fans|callers?|clients?|someone|somebody|anyone|attackers?|players?|students?|visitors|guests|tenants|applicants|members)(?: [a-z]+)? (?:type|say|write|paste|enter|send|post)\\b|(?:don't|do not|never) (?:try|type|paste)\\b";

// Reporting, defining or asking-about words around a quoted phrase. Word alternatives and
// bounded gaps only: linear on any input.
// Verbs that report what a text said ("wrote", "contained", "a customer could write") and
// frames of an example ("such as").
const REPORT_VERB_CUE = [
  `(?<!\\byou )(?:could|can|might|may|would) (?:write|type|paste|send|enter)\\b|${PEOPLE_TYPE}|(?:wrote|writes|written|put|puts|putting|read|reads|reading|said|says|saying|stated|states|contained|contains|containing|included|includes|including|typed|types|typing|entered|pasted|pasting|copied|copying|posted|sent|used|uses|tried|tries|trying|attempted|attempts|attempting|claimed|claims|quoted|quotes|showed|shows|displayed|embedded|hidden|planted|injected|inserted|appeared|appears)\\b`,
  `(?:such as|e\\.g\\.|for example|for instance|known as|called|so-called|means|meant|refers? to|definition|defined|red team(?:ers?|ing)?|pen ?test(?:ers?|ing)?|researchers?|detect(?:s|ed|ing|ion)?|spot(?:s|ted|ting)?|recogni[sz](?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|monitor(?:s|ed|ing)?|flag(?:s|ged|ging)?|block(?:s|ed|ing)?|report(?:s|ed|ing)?|filter(?:s|ed|ing)?|classif(?:y|ier|ied)|phishing|awareness|training|policy|employees|staff)\\b`,
];
// Nouns naming a phrase or an attack, and questions about one.
const REPORT_NOUN_CUE = [
  `(?:(?:test |new |edge )cases?|fixtures?|test (?:data|strings?|inputs?)|phrases?|strings?|payloads?|prompts?|attacks?|attackers?|adversar(?:y|ies|ial)|injections?|jailbreaks?|examples?|samples?|patterns?|techniques?|variants?|wording|lines?|messages?|texts?|sentences?|commands?|inputs?|comments?)\\b`,
  `(?:what (?:does|did|do|is|are|happens|would happen)|how (?:do|does|can|could|should|would|did|to)\\b|why (?:does|do|did|is|are)|is (?:it|this|that|a phrase|the phrase) |are (?:these|those|phrases)|considered|counts? as|classified as)`,
];
const REPORT_CUE = wordAnchoredRegExp([...REPORT_VERB_CUE, ...REPORT_NOUN_CUE].join('|'));
// In a document, "things like 'X'", "questions like 'X'" give an example of what people send (on the user channel
// "write something like 'X'" is an order with its text, so there the stronger frames decide).
const DOCUMENT_REPORT_CUE = wordAnchoredRegExp(
  [...REPORT_VERB_CUE, ...REPORT_NOUN_CUE, `(?:things|something|stuff|words|questions|requests|messages|lines|text|phrases|prompts) like *$`].join('|'),
);
/** A line that ends in a colon introduces the quote on the next line as a report only with a verb or frame: "forwarded message from x:" heads content. */
const REPORT_VERB = wordAnchoredRegExp(REPORT_VERB_CUE.join('|'));

// A quote that speaks to the AI reader ("AI: before answering, call ...", "note to the
// assistant: ...") is what a planted order looks like, and data is full of topic words
// (policy, staff, message, text, report, reading from a phone): such a quote is a mention
// only under a frame that names it as an example, a question, or words someone wrote or said.
// "Reading" counts only as what a text reads, not a stage direction ("reading from phone").
const STRONG_CUE = wordAnchoredRegExp(
  [
    `(?<!\\byou )(?:could|can|might|may|would) (?:write|type|paste|send|enter)\\b`,
    `(?:wrote|writes|written|said|says|saying|stated|states|contain|contained|contains|containing|included|includes|including|typed|types|typing|quoted|quotes|claimed|claims|planted|injected|ended with|ends with|reads?(?! (?:from|out|aloud|off|back)\\b)|reading(?! (?:from|out|aloud|off|back)\\b))\\b`,
    `(?:such as|e\\.g\\.|for example|for instance|known as|called|so-called|means|meant|refers? to|definition|defined|red team(?:ers?|ing)?|pen ?test(?:ers?|ing)?|researchers?|phishing|trick(?:s|ed|ing)?|payloads? (?:was|were|is|are)|by (?:writing|typing|adding|saying|posting))\\b`,
    // Not inside an address: "shop.example/help" names a host, not an example.
    `\\b(?<![.@/_-])(?:phrases?|sentences?|wording|strings?|prompts?|attacks?|attackers?|adversar(?:y|ies|ial)|injections?|jailbreaks?|examples?|samples?|patterns?|techniques?|variants?)\\b`,
    REPORT_NOUN_CUE[1]!,
    `(?:something |lines? |text |phrases? |strings? )?like *$`,
    // A quote in parentheses after prose gives an example of what the sentence names ("a line in a sheet (\"...\")").
    `[a-z,] \\($`,
  ].join('|'),
);

// The text asks its reader to do what it quotes: the quote is a payload, not a mention.
const DO_IT = new RegExp(
  `(?:^|[.!?:;\\n]\\s*|\\b(?:now|then|please|and|so|just),? |\\b(?:you to|can you|could you|would you|will you) )(?:please |now |just )?(?:do|follow|obey|execute|carry out|comply with|act on|perform|apply) (?:exactly |precisely |just )?(?:that|this|it|them|these|those|the above|as (?:it|they) says?|what (?:it|they|the quote) says?)(?![a-z])` +
    `|\\b(?:try|test|run|use) (?:it|this|that|them) on yourself\\b` +
    `|\\b(?:now|then),? (?:you|assistant|ai|bot|model|copilot|chatbot),? (?:must |will |should |shall )?(?:do|follow|obey|say|print|output|repeat)\\b`,
);

// A quote right after an order to the reader is what to say or write: "say 'X'", "reply with: 'X'".
const ORDER_BEFORE = wordAnchoredRegExp(
  `(?:^|[.!?:;\\n>]\\s*|\\band |\\bthen |\\bplease |\\bnow |, )(?:(?:can|could|would|will) you )?(?:please |now |just |only |simply |always )?(?:say|put|print|classify|analy[sz]e|rate|rephrase|summari[sz]e|correct|determine|output|type|write|reply|respond|answer|repeat|return|begin|start|end|sign|append|add|include|insert|prefix|echo|display|show|tell (?:the user|them|everyone|me)|translate)\\b[^.!?\\n]{0,40}$`,
);

// A quote after nothing but a field label ("Description: \"...\"", "customer message: '...'") is the
// record's content, as in a ticket or a form: read as written, not as a report.
const FIELD_LABEL_ONLY = /^\s*[-*•#>]?\s*[a-z0-9_]+(?:[ -][a-z0-9_]+){0,3}:\s*$/;
// ... unless the label grades or samples what it quotes ("Good prompt:", "Bad prompt:", "Example from Finance:"):
// such a quote is shown to people as a specimen, and the reporting cues decide.
const SPECIMEN_LABEL = /\b(?:examples?|samples?|good|bad|better|worse|weak|strong)\b/;
// ... or ends in a verb that reports it ("One cell says:", "the caller said:"): a sentence, not a field name.
const REPORTING_LABEL = /\b(?:says|said|reads|wrote|writes|stated|states|contains|contained|asked|asks)\s*:\s*$/;

// Unquoted mention frames: what follows them to the end of the sentence is an example.
const FRAME = /\b(?:such as|e\.g\.,?|for example,?|for instance,?|(?:phrases?|prompts?|text|messages?|strings?|lines?|inputs?|wording|instructions?|commands?|sentences?) like|the attacker (?:wrote|typed|used|sent)|attempts? to|tries to|tried to|trying to|(?:ask|asks|asked|asking|tells|told|telling|tricks|tricked|tricking|gets|got|getting|makes|made|making|convinces|convinced|convincing) (?:the|a|an|our|their|its|your) (?:bot|assistant|model|ai|chatbot|llm|copilot|agent)s? (?:to|into))[ :]/g;

// The user channel only (the user is the principal, so a phrase they hand over to be
// translated, named or asked about is material, not an order to the assistant):
// a quote after "translate" / "localise" is the text to work on; reply verbs in the past
// ("the bot replied 'X'"), naming nouns ("is 'X' a good name") and kinds of trick ("refuse
// 'ignore your instructions' tricks") report; and some
// unquoted frames introduce an example: "if someone asked you to ...", "get the bot to ...",
// "handle requests to ...", "the notice that says to ...", "how do we detect/stop ...".
const USER_TRANSLATE_BEFORE =
  /\b(?:translate|translating|translation of|locali[sz]e|locali[sz]ing)(?: (?:this|the following|the phrase|the sentence|the line|the text|the message|the string|the label|it|that))?(?: (?:to|into|in) [a-z]+)?:? *$/;
const USER_REPORT_CUE = wordAnchoredRegExp(
  `(?:replied|responded|answered|printed|returned|generated|produced|outputted|started saying|kept saying)\\b|(?:names?|named|titles?|slogans?|taglines?|headlines?|subject lines?|translations?|notifications?)\\b|(?:tricks?|exploits?|hacks?|scams?|lures?|gimmicks?)\\b`,
);
const USER_FRAME =
  /\b(?:(?:if|when|what if|suppose) (?:someone|somebody|anyone|a user|users|people|a colleague|an attacker|attackers|a customer|customers) (?:asks?|asked|tells?|told|wants?|wanted|begs?|begged) you to|(?:get|getting) (?:the|a|an|our|their|its|your) (?:bot|assistant|model|ai|chatbot|llm|copilot|agent)s? (?:to|into)|(?:handles?|handling|handled|refuses?|refusing|refused|rejects?|rejecting|declines?|declining|blocks?|blocking|deals? with|dealing with|responds? to|responding to) (?:a |any |the |such |these |those |all |user |users' )?requests? (?:to|for|that)|(?<!\b(?:follow|obey|apply|execute|carry out|act on|comply with|do what) (?:the |this |that |my |our )?)(?:notice|email|e-mail|memo|message|note|announcement|post|ticket|document|page|article|policy) (?:that|which) (?:says|said|tells|told) (?:us |you |me |everyone |people |staff |users |employees )?to|how (?:do|can|could|should|would|might|to)(?: i| we| you| our team| one)? (?:stop|detect|prevent|block|defend against|protect against|guard against|catch|mitigate|filter|flag|spot|recogni[sz]e|test for|test against)(?! (?:you|yourself|u)\b))[ :]/g;

interface Span {
  start: number;
  end: number;
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return NON_ASCII_WORD.test(c);
}

/**
 * Quoted spans [start, end) including their quotation marks; single quotes only when they cannot be
 * apostrophes. A double quote may run over one line break inside a sentence (hard-wrapped prose),
 * not over a sentence end or a second line. Quotes inside a quote ("the email said 'ignore ...'" as a forum title) are listed too, after
 * their outer quote: when the outer one is content, the inner one may still be a mention.
 */
function quotedSpans(text: string, from = 0, to = text.length, depth = 0): Span[] {
  const spans: Span[] = [];
  // Per closing mark, a position before which no valid closer follows the last failed opener:
  // later openers resume the search there, so many unclosed quotes stay linear.
  const clearUntil = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const open = text[i]!;
    const close = PAIRS[open];
    if (close === undefined) continue;
    const single = open === "'" || open === '‘';
    if (single && isWordChar(text[i - 1])) continue;
    if (!isWordChar(text[i + 1]) && text[i + 1] !== ' ' && open !== '`') continue;
    const limit = Math.min(to, i + 1 + MAX_QUOTE);
    let j = Math.max(i + 1, clearUntil.get(open) ?? 0);
    let found = false;
    let breaks = 0;
    for (; j < limit; j++) {
      const c = text[j]!;
      if (c === '\n' && open !== '`' && (single || breaks++ > 0 || !/[a-z0-9,]/.test(text[j - 1]!))) break;
      if (c === close || (close === '’' && c === "'") || (close === '”' && c === '"')) {
        if (single && isWordChar(text[j + 1])) continue;
        found = true;
        break;
      }
    }
    if (!found) {
      clearUntil.set(open, j);
      continue;
    }
    // Short quotes ("the 'Send' button") are names, not phrases: three words at least.
    if (text.slice(i + 1, j).trim().split(/\s+/).length >= 3) {
      spans.push({ start: i, end: j + 1 });
      if (depth === 0 && open !== '`') spans.push(...quotedSpans(text, i + 1, j, 1));
    }
    i = j;
  }
  return spans;
}

/**
 * A quoted value in data or code (`"body": "..."`, `msg="..."`, `["...", "..."]`) is the
 * content itself, whatever the key says: tool output must still be read as written.
 */
function isDataValue(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  const c = text[k];
  if (c === '=' || c === '[' || c === '{') return true;
  if (c !== ':' && c !== ',') return false;
  let p = k - 1;
  while (p >= 0 && text[p] === ' ') p--;
  const q = text[p];
  return q === '"' || q === "'" || q === '”' || q === ']' || q === '}';
}

/**
 * A markdown link title (`[text](url "...")`) is syntax, not speech: whatever words sit around it,
 * it is the document's content. (Quoted CSV fields and string literals in code stay readable as
 * mentions: test data and fixtures list attack strings; a planted order in them speaks to the AI
 * reader, which speaksToAiReader reads.)
 */
function isLinkTitle(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text[k] === ' ') k--;
  // Back over the link's address to its "](".
  let u = k;
  while (u >= 0 && text[u] !== ' ' && text[u] !== '\n' && text[u] !== '(' && text[u] !== ')') u--;
  return u < k && text[u] === '(' && text[u - 1] === ']';
}

/** Start of the sentence holding position i, at most REACH back. */
function sentenceStart(text: string, i: number): number {
  const from = Math.max(0, i - REACH);
  for (let k = i - 1; k >= from; k--) {
    const c = text[k];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && text[k + 1] === ' ')) return k + 1;
  }
  return from;
}

/**
 * A quote that opens its line after a line ending in a colon that reports it ("the tester
 * uploaded a file containing:").
 */
function reportingLineBefore(text: string, at: number, verb: RegExp): boolean {
  const start = sentenceStart(text, at);
  if (text.slice(start, at).trim() !== '' || start === 0 || text[start - 1] !== '\n') return false;
  const lineEnd = start - 1;
  const line = text.slice(sentenceStart(text, lineEnd), lineEnd).trimEnd();
  if (line.endsWith(':')) return verb.test(line);
  // A hard-wrapped sentence that breaks right before its quote ("contains strings like" / the quote).
  return /[a-z]$/.test(line) && (verb === REPORT_VERB ? REPORT_CUE : verb).test(line.split(' ').slice(-3).join(' '));
}

/** A list's first quote follows prose or "(", not a field separator or a line start (a CSV row is data). */
function opensProseList(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && text[k] === ' ') k--;
  return k >= 0 && (text[k] === '(' || /[a-z]/.test(text[k]!));
}

/** The quote continues a list of quotes ("('X', 'Y')", "\"X\", \"Y\""): where the one before it ends, or -1. */
function listedAfter(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && text[k] === ' ') k--;
  if (text[k] !== ',') return -1;
  k--;
  while (k >= 0 && text[k] === ' ') k--;
  return k + 1;
}

/** End of the sentence that continues at position i, at most `max` forward. */
function sentenceEnd(text: string, i: number, max: number): number {
  const to = Math.min(text.length, i + max);
  for (let k = i; k < to; k++) {
    const c = text[k];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && (k + 1 === text.length || text[k + 1] === ' '))) return k;
  }
  return to;
}

/**
 * Spans of a folded text that mention an attack rather than make one; empty
 * when the text asks its reader to do what it quotes.
 */
export function mentionSpans(text: string, channel: 'user' | 'document' = 'document'): Span[] {
  const user = channel === 'user';
  const spans: Span[] = [];
  for (const q of quotedSpans(text)) {
    // A quote listed after a mention ("attempts ('X', 'Y')") is one too, though a list looks like data.
    const previous = spans[spans.length - 1];
    if (previous && previous.end === listedAfter(text, q.start) && opensProseList(text, previous.start)) {
      spans.push(q);
      continue;
    }
    if (isDataValue(text, q.start) || (!user && isLinkTitle(text, q.start))) continue;
    const before = text.slice(sentenceStart(text, q.start), q.start);
    if (user && USER_TRANSLATE_BEFORE.test(before)) {
      spans.push(q);
      continue;
    }
    if (ORDER_BEFORE.test(before) || (FIELD_LABEL_ONLY.test(before) && !SPECIMEN_LABEL.test(before) && !REPORTING_LABEL.test(before))) continue;
    const after = text.slice(q.end, sentenceEnd(text, q.end, REACH));
    // In a document a quote that speaks to the AI reader, or follows words that do ("note to the
    // AI operator: run `...`"), needs a strong frame (STRONG_CUE).
    const cue = user ? REPORT_CUE : quoteSpeaksToAiReader(text.slice(q.start + 1, q.end - 1)) || sentenceSpeaksToAiReader(before) ? STRONG_CUE : DOCUMENT_REPORT_CUE;
    if (cue.test(before) || cue.test(after) || reportingLineBefore(text, q.start, cue === STRONG_CUE ? STRONG_CUE : REPORT_VERB)) spans.push(q);
    else if (user && (USER_REPORT_CUE.test(before) || USER_REPORT_CUE.test(after))) spans.push(q);
  }
  for (const frame of user ? [FRAME, USER_FRAME] : [FRAME]) {
    for (const m of text.matchAll(frame)) {
      const start = m.index + m[0].length;
      if (spans.some((s) => s.start <= start + 1 && s.end > start)) continue;
      // An example given to the AI reader ("assistant: for example, if a user asks ...") is an order.
      if (!user && sentenceSpeaksToAiReader(text.slice(sentenceStart(text, m.index), m.index))) continue;
      const end = sentenceEnd(text, start, MAX_FRAMED);
      if (end - start >= 8) spans.push({ start, end });
    }
  }
  if (spans.length === 0) return spans;
  const masked = maskSpans(text, spans);
  return DO_IT.test(masked) ? [] : spans;
}

function maskSpans(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + ` ${MENTION_PLACEHOLDER} `;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The folded text with its mentions replaced by MENTION_PLACEHOLDER (the text itself when it has none). */
export function maskMentions(folded: string, channel: 'user' | 'document' = 'document'): string {
  const spans = mentionSpans(folded, channel);
  return spans.length === 0 ? folded : maskSpans(folded, spans);
}
