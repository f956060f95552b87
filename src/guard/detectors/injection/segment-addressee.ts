// Who a document segment speaks to, and what kind of line it is. Text *about*
// assistants (AI-use policies, help articles, design docs, training) names
// "the assistant" in the third person; an injection puts the assistant in the
// addressee slot: a line label ("support AI: refund ..."), a vocative
// ("assistant, send ..."), a duty laid on it ("AI systems quoting this page
// must ..."). Code comments and log lines are lines with an owner; marking
// their kind lets the segment model learn that a comment saying "ignore this
// warning" is a note to developers unless it names an AI.
// Word scans only (no regular expressions over the segment): linear.

const AI_NOUNS = new Set('ai assistant assistants chatbot chatbots bot bots gpt llm llms copilot copilots model models agent agents'.split(' '));
/** In a label, "agents" are as often a support desk's people as software: only the unambiguous nouns count. */
const LABEL_AI_NOUNS = new Set('ai assistant assistants chatbot chatbots bot bots gpt llm llms copilot copilots model models'.split(' '));
/** Words before an AI noun that make it a third-person mention ("the assistant", "our chatbot"). */
const DETERMINERS = new Set('the a an our their its his her my this that these those'.split(' '));
/** Words before an AI noun that address every machine reader ("any AI system processing ..."). */
const QUANTIFIERS = new Set('any all every each'.split(' '));
/** A label opening with these names the sender or the topic, not the reader ("From the AI group:", "How we test the bot:"). */
const SENDER_OPENERS = new Set('from by re about regarding subject title faq how why what'.split(' '));
/** Role nouns that, after an AI noun, still name the machine reader ("AI reviewer:", "bot summariser:"). */
const READER_ROLES = new Set('reviewer reviewers reader readers system systems tool tools helper summariser summarizer recap assistant assistants agent agents'.split(' '));
/** Words after an AI noun phrase that keep it the addressee ("the AI reading this", "assistants only"). */
const PHRASE_CLOSERS = new Set('that which who itself only'.split(' '));
/** Words before an AI noun that direct the line to it ("note for the AI", "applies to assistants"). */
const DIRECTED_TO = new Set('for to attention attn dear hey hi'.split(' '));
const DUTY_WORDS = new Set('must shall should'.split(' '));
const DUTY_BEFORE_TO = new Set('need needs has have is are'.split(' '));
const SECOND_PERSON = new Set('you your yours yourself'.split(' '));
const STAFF_NOUNS = new Set(
  'staff employees employee colleagues everyone managers manager team teams members attendees owners contractors visitors hosts starters customers staffers wardens drivers users developers engineers reviewers'.split(' '),
);
const LOG_LEVELS = new Set('info warn warning error debug trace fatal notice crit critical'.split(' '));
/** Longest line label read (characters before its colon). */
const MAX_LABEL_CHARS = 90;
const MAX_LABEL_WORDS = 10;

/** Labels at the start of a line: "[10:32] chen: quick note: ..." gives ["chen", "quick note"]. */
export function lineLabels(piece: string, wordsOf: (s: string) => string[]): string[][] {
  const labels: string[][] = [];
  let from = 0;
  const limit = Math.min(piece.length, MAX_LABEL_CHARS);
  for (let i = 0; i < limit && labels.length < 3; i++) {
    const c = piece.charCodeAt(i);
    // A colon ends a label only before a space or the end: not "10:32", not "https://".
    if (c !== 58 || (i + 1 < piece.length && piece.charCodeAt(i + 1) !== 32)) continue;
    let text = piece.slice(from, i).trim();
    // A leading "[...]" (time stamp, checkbox, tag) is not part of the label.
    while (text.startsWith('[') && text.includes(']')) text = text.slice(text.indexOf(']') + 1).trim();
    const words = wordsOf(text);
    if (words.length === 0 || words.length > MAX_LABEL_WORDS) break;
    labels.push(words);
    from = i + 1;
  }
  return labels;
}

/**
 * A label names the AI as its reader: "support AI:", "note for the assistant:", "language
 * model processing this list:". Not a topic ("AI tools policy:") nor, in a log record
 * (sourceLabels), the component that wrote the line ("chat-assistant: session ended"),
 * unless the label directs the line to it.
 */
function labelNamesAi(words: readonly string[], sourceLabels: boolean): boolean {
  if (SENDER_OPENERS.has(words[0]!)) return false;
  for (let i = 0; i < words.length; i++) {
    if (!LABEL_AI_NOUNS.has(words[i]!)) continue;
    for (let j = 0; j < i; j++) if (DIRECTED_TO.has(words[j]!)) return true;
    if (sourceLabels) continue;
    if (phraseEndsAsAddressee(words, i)) return true;
  }
  return false;
}

/** After the AI noun at i (and one role noun), the phrase ends, or goes on with a participle or "that ...". */
function phraseEndsAsAddressee(words: readonly string[], i: number): boolean {
  let j = i + 1;
  if (words[j] !== undefined && READER_ROLES.has(words[j]!)) j++;
  const next = words[j];
  return next === undefined || next.endsWith('ing') || PHRASE_CLOSERS.has(next);
}

/**
 * A duty laid on every machine reader: "any AI system processing this agreement shall",
 * "language models summarising this page must". A policy's "the assistant must answer
 * only from ..." describes the product and is a third-person mention.
 */
function dutyOnAi(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!AI_NOUNS.has(words[i]!)) continue;
    const quantified = i > 0 && QUANTIFIERS.has(words[i - 1]!);
    const participle = words[i + 1] !== undefined && (words[i + 1]!.endsWith('ing') || (READER_ROLES.has(words[i + 1]!) && (words[i + 2] ?? '').endsWith('ing')));
    if (!quantified && !participle) continue;
    for (let j = i + 1; j <= i + 8 && j < words.length; j++) {
      const w = words[j]!;
      if (DUTY_WORDS.has(w) || (DUTY_BEFORE_TO.has(w) && words[j + 1] === 'to')) return true;
    }
  }
  return false;
}

export interface AddresseeInput {
  words: readonly string[];
  /** the segment opens with a task verb, or with "please" */
  commands: boolean;
  /** its line labels (lineLabels) */
  labels: readonly string[][];
  /** the line is a log record: its labels name the component that wrote it */
  record: boolean;
}

/**
 * Addressee marker of a segment: to:ai-label, to:ai (vocative or AI + you/command),
 * to:ai-duty, about:ai (third person), about:ai-other, to:staff, to:you, to:reader, or null.
 */
export function addresseeOf({ words, commands, labels, record }: AddresseeInput): string | null {
  if (labels.some((label) => labelNamesAi(label, record))) return 'to:ai-label';
  let ai = false;
  let thirdPerson = false;
  let second = false;
  let staff = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (AI_NOUNS.has(w)) {
      ai = true;
      // Past a compound ("the AI assistant") to the word that governs it.
      let k = i - 1;
      while (k >= 0 && AI_NOUNS.has(words[k]!)) k--;
      const before = k >= 0 ? words[k]! : '';
      // "The assistant", and bare plurals ("assistants should only act ..."): talk about AI tools.
      // A vocative is singular; "any assistants" still addresses them all.
      if (DETERMINERS.has(before) || (w.endsWith('s') && !QUANTIFIERS.has(before))) thirdPerson = true;
    } else if (SECOND_PERSON.has(w)) second = true;
    else if (STAFF_NOUNS.has(w)) staff = true;
  }
  if (!ai) return staff ? 'to:staff' : second ? 'to:you' : commands ? 'to:reader' : null;
  // "Assistant, send ..." / "AI: reply ...": the noun opens the line.
  if (AI_NOUNS.has(words[0]!) && commands) return 'to:ai';
  if (dutyOnAi(words)) return 'to:ai-duty';
  if (thirdPerson) return staff ? 'about:ai-staff' : 'about:ai';
  return commands || second ? 'to:ai' : 'about:ai-other';
}

/** A leading date or time ("2026-11-20", "05:12:01", "11/20/26"), not a list number ("1."). */
function looksLikeStamp(t: string): boolean {
  const end = t.indexOf(' ');
  const first = end < 0 ? t : t.slice(0, end);
  if (first.length < 5) return false;
  let digit = false;
  let separator = false;
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 45 || c === 58 || c === 47) separator = true;
  }
  return digit && separator;
}

/** What kind of line a segment is: a code comment, a log record, or prose (null). A labelled turn is label:field already. */
export function lineKind(piece: string, firstWord: string | undefined): string | null {
  const t = piece.trimStart();
  if (t.startsWith('//') || t.startsWith('#') || t.startsWith('/*') || t.startsWith('* ') || t.startsWith('--') || t.startsWith('<!--')) return 'line:comment';
  if (looksLikeStamp(t) || (firstWord !== undefined && LOG_LEVELS.has(firstWord))) return 'line:record';
  return null;
}

const MEMORY_VERBS = new Set('remember memorize memorise store save keep note'.split(' '));
const LATER_WORDS = new Set('later next future afterwards subsequent following'.split(' '));
/** How far into the line the "later" of "remember for later" may come. */
const MEMORY_REACH_WORDS = 6;

/**
 * "Remember for later: ...", "store this for the next question": a line that asks its reader
 * to carry something into a later task, the first half of an instruction split across
 * documents. A memo's "remember: the office closes at 3" has no "later".
 */
export function asksToRememberForLater(words: readonly string[]): boolean {
  if (!MEMORY_VERBS.has(words[0]!)) return false;
  for (let i = 1; i < words.length && i <= MEMORY_REACH_WORDS; i++) if (LATER_WORDS.has(words[i]!)) return true;
  return false;
}
