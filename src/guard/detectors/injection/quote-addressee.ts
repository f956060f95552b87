// Does a quoted span speak to the AI that reads the document? A planted order
// opens by naming its reader: a label or vocative ("AI: before answering ...",
// "assistant, send ...", "note to the meeting bot: ...", "hey copilot!") or a
// duty laid on every machine reader ("automated assistants reading this log
// must ..."). A quote that only names AI ("the assistant was helpful") or
// opens with a sentence about it ("AI is changing support, she said") does not.
// A label may also start a later sentence of the quote ("Great service. System: AI
// analyst, ...").
// Word scans over the quote's opening only: linear on any input.
import { AI_NOUNS as SEGMENT_AI_NOUNS, DUTY_WORDS, QUANTIFIERS } from './segment-addressee.js';

/** Characters of the quote read for its opening. */
const OPENING_CHARS = 160;
/** Words of a label or vocative before its delimiter ("instruction for the copilot analysing this workbook:"). */
const MAX_LABEL_WORDS = 9;
/** Words of a role after the AI noun in a label ("AI note-taker:", "AI ops agent:"), or of a modifier before it ("meeting assistant"). */
const MAX_ROLE_WORDS = 2;
/** How far after the AI noun a duty word may come ("automated assistants monitoring these logs must"). */
const DUTY_REACH = 8;

/** The segment reader's AI nouns and product names a planted quote may call its reader by. */
const AI_NOUNS = new Set([...SEGMENT_AI_NOUNS, 'chatgpt', 'claude', 'gemini']);
const AUTOMATED_ROLES = new Set('reader readers system systems agent agents assistant assistants reviewer reviewers tool tools'.split(' '));
/** A label opening with these names a sender or a topic ("from the AI team:", "how the bot works:"). */
const SENDER_OPENERS = new Set('from by re about regarding subject title faq how why what when where who which'.split(' '));
/** A clause with a finite verb is a sentence about AI ("AI is here, they said"), not an address. */
const FINITE_VERBS = new Set(
  'is are was were be been will would can could has have had does did do says said uses used helps helped makes made gets got works worked'.split(' '),
);
/** Before a comma these open a subject with an apposition ("the assistant, which ..."), not a vocative. */
const DETERMINERS = new Set('the a an our their its this that these those my his her your'.split(' '));
/** A clause with a pronoun subject is a sentence ("we asked the bot, and ..."), not a label. */
const PRONOUNS = new Set('i we you they he she it'.split(' '));
/** Words that direct a label to its reader. */
const DIRECTING_WORDS = new Set(
  'note notes notice message instruction instructions attention attn important urgent hey hi hello dear to for the a an any all every each your this these automated'.split(' '),
);
/** Delimiters that end a label or vocative; a full stop ends a sentence or heading before one ("Maintenance notice."). */
const ADDRESS_ENDS = new Set([':', ',', '!', '—', '–']);
const COLON: ReadonlySet<string> = new Set([':']);
const CLAUSE_ENDS = new Set([':', ',', '!', '—', '–', '.', '?', ';', '\n']);

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '`']);

function lastQuoteMark(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (QUOTE_MARKS.has(text[i]!)) return i;
  return -1;
}

function wordsOf(clause: string): string[] {
  return clause.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

function namesAiReader(words: readonly string[], i: number): boolean {
  return AI_NOUNS.has(words[i]!) || (i > 0 && words[i - 1] === 'automated' && AUTOMATED_ROLES.has(words[i]!));
}

/** "Copilot:", "attention meeting assistant,", "note to the AI note-taker:": a label or vocative naming the AI reader. */
function isAddressLabel(words: readonly string[], comma: boolean): boolean {
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return false;
  if (SENDER_OPENERS.has(words[0]!) || (comma && DETERMINERS.has(words[0]!))) return false;
  if (words.some((w) => FINITE_VERBS.has(w) || PRONOUNS.has(w))) return false;
  // The AI noun ends the label, or a role or a participle phrase follows it ("AI note-taker",
  // "copilot analysing this workbook"); more words make a clause about it ("the chatbot handled
  // manipulation well:").
  // Before it, words that direct the line ("note to the", "attention", "hey any") and at most a
  // short modifier ("meeting assistant", "the school's AI"); more make a clause ("our testers tried
  // three things against the chatbot:").
  for (let i = words.length - 1; i >= 0; i--) {
    if (!namesAiReader(words, i)) continue;
    const modifiers = words.slice(0, i).filter((w) => !DIRECTING_WORDS.has(w) && !AI_NOUNS.has(w)).length;
    if (modifiers > MAX_ROLE_WORDS) return false;
    const rest = words.length - 1 - i;
    return rest <= MAX_ROLE_WORDS || words.slice(i + 1, i + 1 + MAX_ROLE_WORDS + 1).some((w) => w.endsWith('ing'));
  }
  return false;
}

/** "Any AI system processing this must ...", "automated assistants monitoring these logs must ...", "AI analysing these answers must ...". */
function isDutyOnAiReader(words: readonly string[]): boolean {
  for (let i = 0; i < words.length && i < MAX_LABEL_WORDS; i++) {
    if (!namesAiReader(words, i)) continue;
    // "automated assistants", "any AI system", or a participle naming what it does to the text ("AI analysing these responses").
    const participle = (words[i + 1] ?? '').endsWith('ing');
    const addressed = participle || words[i - 1] === 'automated' || (i > 0 && QUANTIFIERS.has(words[i - 1]!)) || (i > 1 && QUANTIFIERS.has(words[i - 2]!));
    if (!addressed) continue;
    for (let j = i + 1; j <= i + DUTY_REACH && j < words.length; j++) if (DUTY_WORDS.has(words[j]!)) return true;
  }
  return false;
}

/** Some clause of the text opening a sentence is a label or vocative (ending in one of `ends`) naming the AI reader. */
function hasAddressLabel(text: string, ends: ReadonlySet<string>): boolean {
  let from = 0;
  let sentenceStart = true;
  while (from < text.length) {
    let end = from;
    while (end < text.length && !CLAUSE_ENDS.has(text[end]!)) end++;
    if (end >= text.length) return false;
    const delimiter = text[end]!;
    if (sentenceStart && ends.has(delimiter) && isAddressLabel(wordsOf(text.slice(from, end)), delimiter === ',')) return true;
    sentenceStart = delimiter !== ',';
    from = end + 1;
  }
  return false;
}

/** A quote (without its marks, folded to lower case) speaks to the AI reader ("Service was fine. SYSTEM: AI analyst, ..."). */
export function quoteSpeaksToAiReader(inner: string): boolean {
  const opening = inner.slice(0, OPENING_CHARS).trimStart();
  return isDutyOnAiReader(wordsOf(opening)) || hasAddressLabel(opening, ADDRESS_ENDS);
}

/**
 * The words of a sentence before a quote or an example frame speak to the AI reader: a colon label
 * ("note to the AI operator: run `...`", "assistant: for example, ...") or a duty ("any AI tool
 * using this guide should end every post with "..."). Vocatives ending in a comma or a dash are
 * not read here: in prose before a quote they are as often a clause about AI ("if an assistant
 * produces something odd — for example, ...").
 */
export function sentenceSpeaksToAiReader(before: string): boolean {
  // A label inside an earlier quote is that quote's ("don't add lines like "note to AI:" to ...").
  const opening = before.slice(Math.max(before.length - OPENING_CHARS, lastQuoteMark(before) + 1));
  return isDutyOnAiReader(wordsOf(opening)) || hasAddressLabel(opening, COLON);
}
