// Who a document segment speaks to, and what kind of line it is. Text *about*
// assistants (AI-use policies, help articles, design docs, training) names
// "the assistant" in the third person; an injection puts the assistant in the
// addressee slot: a line label ("support AI: refund ..."), a vocative
// ("assistant, send ..."), a duty laid on it ("AI systems quoting this page
// must ..."). Code comments, log lines and transcript turns are lines with an
// owner; marking their kind lets the segment model learn that a comment
// saying "ignore this warning" is a note to developers unless it names an AI.
// Word scans only (no regular expressions over the segment): linear.

const AI_NOUNS = new Set('ai assistant assistants chatbot chatbots bot bots gpt llm llms copilot model models agent agents'.split(' '));
/** Words before an AI noun that make it a third-person mention ("the assistant", "our chatbot"). */
const DETERMINERS = new Set('the a an our their its his her my this that these those'.split(' '));
/** A label opening with these names the sender or the topic, not the reader ("From the AI group:"). */
const SENDER_OPENERS = new Set('from by re about regarding subject title faq'.split(' '));
/** Role nouns that, after an AI noun, still name the machine reader ("AI reviewer:", "bot summariser:"). */
const READER_ROLES = new Set('reviewer reviewers reader readers system systems tool tools helper summariser summarizer recap assistant assistants agent agents'.split(' '));
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

function labelNamesAi(words: readonly string[]): boolean {
  if (SENDER_OPENERS.has(words[0]!)) return false;
  for (let i = 0; i < words.length; i++) {
    if (!AI_NOUNS.has(words[i]!)) continue;
    const next = words[i + 1];
    if (next === undefined || READER_ROLES.has(next) || next.endsWith('ing')) return true;
    for (let j = 0; j < i; j++) if (DIRECTED_TO.has(words[j]!)) return true;
  }
  return false;
}

/** An AI noun followed within a few words by must / shall / should / needs to: a duty laid on the assistant. */
function dutyOnAi(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!AI_NOUNS.has(words[i]!)) continue;
    for (let j = i + 1; j <= i + 6 && j < words.length; j++) {
      const w = words[j]!;
      if (DUTY_WORDS.has(w)) return words[j + 1] !== 'not' && words[j + 1] !== 'never' && words[j + 1] !== 'be';
      if (DUTY_BEFORE_TO.has(w) && words[j + 1] === 'to') return true;
      if (AI_NOUNS.has(w) || w === 'and' || w === 'but') break;
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
}

/**
 * Addressee marker of a segment: to:ai-label, to:ai (vocative or AI + you/command),
 * to:ai-duty, about:ai (third person), about:ai-other, to:staff, to:you, to:reader, or null.
 */
export function addresseeOf({ words, commands, labels }: AddresseeInput): string | null {
  if (labels.some(labelNamesAi)) return 'to:ai-label';
  let ai = false;
  let thirdPerson = false;
  let second = false;
  let staff = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (AI_NOUNS.has(w)) {
      ai = true;
      if (i > 0 && DETERMINERS.has(words[i - 1]!)) thirdPerson = true;
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

/** What kind of line a segment is: a code comment, a log record, a transcript turn, or prose (null). */
export function lineKind(piece: string, firstWord: string | undefined, labelCount: number): string | null {
  const t = piece.trimStart();
  if (t.startsWith('//') || t.startsWith('#') || t.startsWith('/*') || t.startsWith('* ') || t.startsWith('--') || t.startsWith('<!--')) return 'line:comment';
  if (looksLikeStamp(t) || (firstWord !== undefined && LOG_LEVELS.has(firstWord))) return 'line:record';
  if (labelCount > 0) return 'line:labelled';
  return null;
}
