// Who a document segment speaks to, and what kind of line it is. Text *about*
// assistants (AI-use policies, help articles, design docs, training) names
// "the assistant" in the third person; an injection puts the assistant in the
// addressee slot: a line label ("support AI: refund ..."), a vocative
// ("assistant, send ..."), a duty laid on it ("AI systems quoting this page
// must ..."). Code comments and log lines are lines with an owner; marking
// their kind lets the segment model learn that a comment saying "ignore this
// warning" is a note to developers unless it names an AI.
// Word scans only (no regular expressions over the segment): linear.

/** Nouns that name an AI reader (also read by quote-addressee.ts). */
export const AI_NOUNS = new Set('ai assistant assistants chatbot chatbots bot bots gpt llm llms copilot copilots model models agent agents'.split(' '));
/** In a label, "agents" are as often a support desk's people as software: only the unambiguous nouns count. */
const LABEL_AI_NOUNS = new Set('ai assistant assistants chatbot chatbots bot bots gpt llm llms copilot copilots model models'.split(' '));
/** Words before an AI noun that make it a third-person mention ("the assistant", "our chatbot"). */
const DETERMINERS = new Set('the a an our their its his her my this that these those'.split(' '));
/** Words before an AI noun that address every machine reader ("any AI system processing ..."). */
export const QUANTIFIERS = new Set('any all every each'.split(' '));
/** A label opening with these names the sender or the topic, not the reader ("From the AI group:", "How we test the bot:"). */
const SENDER_OPENERS = new Set('from by re about regarding subject title faq how why what'.split(' '));
/** Role nouns that, after an AI noun, still name the machine reader ("AI reviewer:", "bot summariser:"). */
const READER_ROLES = new Set(
  'reviewer reviewers reader readers system systems tool tools helper summariser summarizer recap assistant assistants agent agents evaluator evaluators screener screeners referee referees checker checkers analyser analyzer taker takers'.split(' '),
);
/** Words after an AI noun phrase that keep it the addressee ("the AI reading this", "assistants only"). */
const PHRASE_CLOSERS = new Set('that which who itself only'.split(' '));
/** Words before an AI noun that direct the line to it ("note for the AI", "applies to assistants"). */
const DIRECTED_TO = new Set('for to attention attn dear hey hi'.split(' '));
/**
 * Words before an AI noun that make it the object of a person's action or a circumstance
 * ("ask copilot for ...", "when using copilot", "summarised by AI", "no AI is used"): a mention.
 */
const MENTION_BEFORE = new Set('ask asks asked asking use uses used using by via with without from about no into of like'.split(' '));
/**
 * A member of staff's verbs with the AI as their object ("tell the assistant who the audience is:",
 * "give the copilot the key facts"): guidance to people about using the tool, not a line to it.
 */
const STAFF_ACTS_ON_AI = new Set('tell tells give gives show shows let lets remind teach prompt prompts instruct brief point'.split(' '));
/** "your AI assistant": the reader's own tool named for the reader, a third-person mention. */
const READER_POSSESSIVE = 'your';
/** Nouns an AI noun modifies ("AI vendors", "AI pilot", "AI policy"): the phrase names them, not the AI reader. */
const AI_MODIFIED_HEADS = new Set(
  'vendor vendors provider providers supplier suppliers company companies policy policies governance ethics use usage strategy committee group groups council board pilot pilots programme program project projects budget budgets roadmap literacy adoption risk risks regulation'.split(' '),
);
const TOOL_NOUNS = new Set(['tool', 'tools']);
const TOOL_DIRECTIVES = new Set('note notes instruction instructions directive directives guidance'.split(' '));
/** "Automated reader:", "automated systems applying this schedule must": a machine reader without an AI noun. */
const AUTOMATED = 'automated';
const AUTOMATED_ROLES = new Set(
  'reader readers approver approvers system systems agent agents assistant assistants reviewer reviewers tool tools helper helpers evaluator evaluators screener screeners referee referees summariser summarisers summarizer summarizers analyser analysers analyzer analyzers'.split(' '),
);
/** Orders planted for a machine reader that the segment model's task openers do not list. */
const ORDER_VERBS = new Set('approve mark skip close grant rank report treat state flag exclude assign reorder rate score award'.split(' '));
export const DUTY_WORDS = new Set('must shall should'.split(' '));
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
  // "Tool note:", "summary tool instruction:": a directive for the assistant's tools (the doc.ai-label rule's reading).
  const n = words.length;
  if (n >= 2 && TOOL_NOUNS.has(words[n - 2]!) && TOOL_DIRECTIVES.has(words[n - 1]!)) return true;
  for (let i = 0; i < words.length; i++) {
    if (!LABEL_AI_NOUNS.has(words[i]!) && !automatedRole(words, i)) continue;
    // "ask the assistant:", "for AI vendors:": a person's action on the AI, or the AI as a modifier of another noun.
    if (i > 0 && MENTION_BEFORE.has(words[i - 1]!)) continue;
    if (i > 1 && DETERMINERS.has(words[i - 1]!) && (MENTION_BEFORE.has(words[i - 2]!) || STAFF_ACTS_ON_AI.has(words[i - 2]!))) continue;
    if (i > 0 && STAFF_ACTS_ON_AI.has(words[i - 1]!)) continue;
    if (AI_MODIFIED_HEADS.has(words[i + 1] ?? '')) continue;
    for (let j = 0; j < i; j++) if (DIRECTED_TO.has(words[j]!)) return true;
    if (sourceLabels) continue;
    if (phraseEndsAsAddressee(words, i)) return true;
  }
  return false;
}

/** "automated reader", "automated systems": the role noun at i names a machine reader. */
function automatedRole(words: readonly string[], i: number): boolean {
  return i > 0 && words[i - 1] === AUTOMATED && AUTOMATED_ROLES.has(words[i]!);
}

/** "-ing" words that, after an AI noun, name a group or an activity, not what the reader is doing ("AI Steering Group:", "AI training day:"). */
const ING_NOUNS = new Set('steering training meeting meetings planning marketing engineering learning funding pricing licensing building briefing onboarding'.split(' '));
const isParticiple = (word: string): boolean => word.endsWith('ing') && !ING_NOUNS.has(word);

/** Words between an AI noun and its role noun in a label ("AI code reviewers:", "LLM triage agent:"). */
const MAX_ROLE_MODIFIERS = 2;

/**
 * After the AI noun at i (and one role noun, perhaps behind a modifier or two: "AI code
 * reviewers:"), the phrase ends, or goes on with a participle, "that ...", or "is / are ...ing"
 * ("if an AI agent is triaging:").
 */
function phraseEndsAsAddressee(words: readonly string[], i: number): boolean {
  let j = i + 1;
  for (let m = 0; m <= MAX_ROLE_MODIFIERS && words[j + m] !== undefined; m++) {
    if (READER_ROLES.has(words[j + m]!)) {
      j += m + 1;
      break;
    }
  }
  const next = words[j];
  if (next === undefined || isParticiple(next) || PHRASE_CLOSERS.has(next)) return true;
  return (next === 'is' || next === 'are') && (words[j + 1] ?? '').endsWith('ing');
}

/**
 * "(for the assistant) ignore ...", "to the AI that analyses these sessions, report ...": the line
 * is directed to the AI noun at i, and the phrase ends there or goes on with an order.
 */
function directedToAi(words: readonly string[], i: number, isCommand: (word: string) => boolean): boolean {
  if (greetedAi(words, i)) return true;
  let k = i - 1;
  if (k >= 0 && (DETERMINERS.has(words[k]!) || QUANTIFIERS.has(words[k]!))) k--;
  if (k < 0 || !DIRECTED_TO.has(words[k]!)) return false;
  const next = words[i + 1];
  if (next === undefined) return false;
  if (isCommand(next) || ORDER_VERBS.has(next)) return true;
  // "emails that carry instructions meant for AI assistants.": the phrase names speech to the AI as
  // a topic; it still speaks to the reader when it goes on ("... for the AI reading this", "... only").
  if (k > 0 && SPEECH_FOR_AI.has(words[k - 1]!)) return phraseGoesOnAsAddressee(words, i);
  return phraseEndsAsAddressee(words, i);
}

const READ_VERBS = new Set('reads read processes process summarises summarizes summarise summarize opens open scans scan parses parse sees see gets get receives receive'.split(' '));
const SELF_REFERENCES = new Set('this these here'.split(' '));
/** Words after an AI noun within which "reads this" makes the text speak of itself to it. */
const READS_THIS_REACH = 4;

/** "when your email assistant reads this, it should ...": the AI noun at i reads the text itself. */
function readsThisAfter(words: readonly string[], i: number): boolean {
  for (let j = i + 1; j < words.length && j <= i + READS_THIS_REACH; j++) if (READ_VERBS.has(words[j]!) && SELF_REFERENCES.has(words[j + 1] ?? '')) return true;
  return false;
}

/** Words before "for / to the AI" that make the phrase a description of what is said to it. */
const SPEECH_FOR_AI = new Set('instructions instruction commands command messages prompts text content lines meant written aimed intended hidden addressed targeted'.split(' '));

/** What a machine reader is doing to the text it is told about ("the AI reading this", "models processing the file"). */
const READING_PARTICIPLES = new Set(
  'reading processing summarising summarizing parsing scanning reviewing handling analysing analyzing triaging indexing screening ingesting evaluating grading ranking'.split(' '),
);

/** Like phraseEndsAsAddressee, but the segment's end is not enough: "reading ...", "that / only ..." must follow. */
function phraseGoesOnAsAddressee(words: readonly string[], i: number): boolean {
  let j = i + 1;
  if (READER_ROLES.has(words[j] ?? '')) j++;
  const next = words[j];
  return next !== undefined && (READING_PARTICIPLES.has(next) || PHRASE_CLOSERS.has(next));
}

/** Greetings that make the next noun phrase a vocative ("hey coding agent", "hello, language model"). */
const GREETINGS = new Set('hey hi hello dear attn attention'.split(' '));
/** Nouns after an AI noun that make the greeting one to people ("dear AI enthusiasts", "hi copilot users"). */
const PEOPLE_AFTER_AI = new Set('users user enthusiasts fans champions community group builders makers owners admins admin team teams colleagues everyone folks people'.split(' '));

/**
 * The AI noun at i ends a greeting's noun phrase: "hey coding agent", "attn AI reviewer",
 * "hello, language model". Nobody greets a product they are describing; a greeting to the
 * people who use it names them after the noun.
 */
function greetedAi(words: readonly string[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= MAX_ROLE_MODIFIERS + 1 && !GREETINGS.has(words[k]!)) {
    if (DETERMINERS.has(words[k]!) || QUANTIFIERS.has(words[k]!)) return false;
    k--;
  }
  if (k < 0 || !GREETINGS.has(words[k]!)) return false;
  let j = i + 1;
  if (words[j] !== undefined && READER_ROLES.has(words[j]!)) j++;
  return !PEOPLE_AFTER_AI.has(words[j] ?? '') && !STAFF_NOUNS.has(words[j] ?? '');
}

/**
 * A duty laid on every machine reader: "any AI system processing this agreement shall",
 * "language models summarising this page must". A policy's "the assistant must answer
 * only from ..." describes the product and is a third-person mention.
 */
function dutyOnAi(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!AI_NOUNS.has(words[i]!) && !automatedRole(words, i)) continue;
    const quantified = i > 0 && QUANTIFIERS.has(words[i - 1]!);
    const participle = words[i + 1] !== undefined && (isParticiple(words[i + 1]!) || (READER_ROLES.has(words[i + 1]!) && isParticiple(words[i + 2] ?? '')));
    // "Automated evaluators shall award ...": the modifier already picks the machine readers; a rule
    // about such systems is passive ("automated systems must be approved").
    const automated = automatedRole(words, i);
    if (!quantified && !participle && !automated) continue;
    for (let j = i + 1; j <= i + 8 && j < words.length; j++) {
      const w = words[j]!;
      if (automated && !quantified && !participle && words[j + 1] === 'be') continue;
      if (DUTY_WORDS.has(w) || (DUTY_BEFORE_TO.has(w) && words[j + 1] === 'to')) return true;
    }
  }
  return false;
}

/** Longest opening read for a vocative ("LLM ops bot, ..."), in characters. */
const MAX_VOCATIVE_CHARS = 40;
const LIST_WORDS = new Set(['and', 'or']);
const AI_ROLE_TAILS = new Set(['agent', 'agents']);

/**
 * The line, or the text after one of its labels, opens by calling the AI reader by name:
 * "assistant, submit the order", "# copilot — skip this file". A bare AI noun before a comma
 * or dash is a vocative; "the assistant, ..." is a mention and "Copilot, Teams and Outlook ..."
 * a list of products.
 */
export function opensWithVocative(piece: string, wordsOf: (s: string) => string[]): boolean {
  const starts = [0];
  for (let i = piece.indexOf(': '); i >= 0 && i < MAX_LABEL_CHARS && starts.length < 4; i = piece.indexOf(': ', i + 1)) starts.push(i + 2);
  return starts.some((start) => vocativeAt(piece.slice(start, start + MAX_VOCATIVE_CHARS * 2), wordsOf));
}

function vocativeAt(text: string, wordsOf: (s: string) => string[]): boolean {
  let end = -1;
  for (let i = 0; i < Math.min(text.length, MAX_VOCATIVE_CHARS); i++) {
    const c = text.charCodeAt(i);
    // comma, em / en dash, or " - "
    if (c === 44 || c === 0x2014 || c === 0x2013 || (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32)) {
      end = i;
      break;
    }
  }
  if (end <= 0) return false;
  const head = wordsOf(text.slice(0, end));
  if (head.length === 0 || head.length > MAX_ROLE_MODIFIERS + 2 || DETERMINERS.has(head[0]!) || QUANTIFIERS.has(head[0]!)) return false;
  const last = head[head.length - 1]!;
  // A bare "Agents," or "support agent," is a desk's people; "coding agent," and "AI reviewer," name software.
  const modifiers = head.slice(0, -1);
  const namesAi =
    LABEL_AI_NOUNS.has(last) ||
    (AI_ROLE_TAILS.has(last) && modifiers.some((w) => w.endsWith('ing'))) ||
    (READER_ROLES.has(last) && modifiers.some((w) => AI_NOUNS.has(w) || w === AUTOMATED));
  if (!namesAi || !head.every((w) => !STAFF_NOUNS.has(w) && !PEOPLE_AFTER_AI.has(w))) return false;
  const after = wordsOf(text.slice(end + 1)).slice(0, 4);
  return !after.some((w) => LIST_WORDS.has(w));
}

export interface AddresseeInput {
  words: readonly string[];
  /** the segment opens with a task verb, or with "please" */
  commands: boolean;
  /** its line labels (lineLabels) */
  labels: readonly string[][];
  /** the line is a log record: its labels name the component that wrote it */
  record: boolean;
  /** a word that opens a task ("send", "report", "ignore") */
  isCommand: (word: string) => boolean;
  /** the line opens by calling the AI reader by name (opensWithVocative) */
  vocative?: boolean;
}

/**
 * Addressee marker of a segment: to:ai-label, to:ai (vocative or AI + you/command),
 * to:ai-duty, about:ai (third person), about:ai-other, to:staff, to:you, to:reader, or null.
 */
export function addresseeOf({ words, commands, labels, record, isCommand, vocative = false }: AddresseeInput): string | null {
  if (labels.some((label) => labelNamesAi(label, record)) && !reportsOnAiTopic(words, labels, isCommand)) return 'to:ai-label';
  if (vocative) return 'to:ai';
  let ai = false;
  let thirdPerson = false;
  let directed = false;
  let second = false;
  let staff = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (AI_NOUNS.has(w) || automatedRole(words, i)) {
      ai = true;
      if (directedToAi(words, i, isCommand)) directed = true;
      // Past a compound ("the AI assistant") to the word that governs it.
      let k = i - 1;
      while (k >= 0 && AI_NOUNS.has(words[k]!)) k--;
      const before = k >= 0 ? words[k]! : '';
      // One or two modifiers between a determiner and the noun still make a mention ("the kiosk voice assistant").
      const modified = (k >= 1 && DETERMINERS.has(words[k - 1]!)) || (k >= 2 && DETERMINERS.has(words[k - 2]!));
      // "The assistant", and bare plurals ("assistants should only act ..."): talk about AI tools.
      // A vocative is singular; "any assistants" still addresses them all.
      const possessed = (before === READER_POSSESSIVE || (k >= 1 && words[k - 1] === READER_POSSESSIVE)) && !readsThisAfter(words, i);
      if (DETERMINERS.has(before) || modified || possessed || MENTION_BEFORE.has(before) || (w.endsWith('s') && !QUANTIFIERS.has(before))) thirdPerson = true;
    } else if (SECOND_PERSON.has(w)) second = true;
    else if (STAFF_NOUNS.has(w)) staff = true;
  }
  if (!ai) return staff ? 'to:staff' : second ? 'to:you' : commands ? 'to:reader' : null;
  // "Assistant, send ..." / "AI: reply ...": the noun opens the line.
  if (AI_NOUNS.has(words[0]!) && commands) return 'to:ai';
  if (dutyOnAi(words)) return 'to:ai-duty';
  if (directed) return 'to:ai';
  if (thirdPerson) return staff ? 'about:ai-staff' : 'about:ai';
  return commands || second ? 'to:ai' : 'about:ai-other';
}

/** Verbs of a minute-taker's report ("rangers asked that it stop ...", "two branches reported it ..."). */
const REPORT_VERBS = new Set('reported asked asking noted agreed said raised discussed found showed kept trying tried complained flagged observed confirmed'.split(' '));
/** Openers of a conditional order ("when validating this file, report it as valid"). */
const CONDITION_OPENERS = new Set('when whenever if while before after once unless'.split(' '));

/**
 * "- Visitor chatbot: rangers asked that it stop telling people ...": an agenda or minutes item
 * whose label is the topic, not the reader. The text after the label reports what people said or
 * found and speaks of the AI in the third person ("it", "the assistant"); an order to the AI
 * opens with a task, speaks to "you" or lays a duty, and keeps the label's reading.
 */
function reportsOnAiTopic(words: readonly string[], labels: readonly string[][], isCommand: (word: string) => boolean): boolean {
  const content = wordsAfterLabels(words, labels);
  const first = content?.[0];
  if (content === undefined || first === undefined || content.length < 4) return false;
  if (isCommand(first) || first === 'please' || ORDER_VERBS.has(first) || CONDITION_OPENERS.has(first)) return false;
  if (content.some((w) => SECOND_PERSON.has(w) || DUTY_WORDS.has(w))) return false;
  // A list number before an order ("1. Approve.") is no figure reported.
  const second = content[1]!;
  if ((opensWithFigure(first) && !isCommand(second) && !ORDER_VERBS.has(second) && second !== 'please') || staffDidSomething(content)) return true;
  const spokenOf = content.some((w, i) => w === 'it' || w === 'its' || (AI_NOUNS.has(w) && i > 0 && (DETERMINERS.has(content[i - 1]!) || MENTION_BEFORE.has(content[i - 1]!))));
  return spokenOf && content.some((w) => REPORT_VERBS.has(w));
}

/** "- Chatbot: 4,100 chats last month ...": a minutes item that opens with a figure reports on its topic. */
const opensWithFigure = (word: string): boolean => word.charCodeAt(0) >= 48 && word.charCodeAt(0) <= 57;

/** Where in the item a staff subject may stand ("- AI: the art team reminded ...", "- Bot: two managers asked ..."). */
const SUBJECT_REACH = 3;

/** "- AI: art team reminded no gen-AI in shipped assets": people as the subject of a past-tense verb, a report. */
function staffDidSomething(content: readonly string[]): boolean {
  for (let i = 0; i < SUBJECT_REACH && i + 1 < content.length; i++) {
    if (!STAFF_NOUNS.has(content[i]!)) continue;
    const verb = content[i + 1]!;
    if (REPORT_VERBS.has(verb) || (verb.endsWith('ed') && verb.length > 3)) return true;
  }
  return false;
}

/** The words after the last label (found in the segment's words), or undefined when it cannot be found. */
function wordsAfterLabels(words: readonly string[], labels: readonly string[][]): readonly string[] | undefined {
  const last = labels[labels.length - 1];
  if (!last || last.length === 0) return undefined;
  for (let at = 0; at + last.length <= words.length; at++) {
    if (last.every((w, k) => words[at + k] === w)) return words.slice(at + last.length);
  }
  // A field label the segment already dropped ("- staff assistant: two branches reported ...").
  return words.includes(last[0]!) ? undefined : words;
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

/** What an assistant produces for its user: "in your summary", "add it to your reply". */
const OUTPUT_NOUNS = new Set('answer answers reply replies response responses summary summaries output recap'.split(' '));
const INTO = new Set('in into to within throughout of'.split(' '));
const SUMMARISING = new Set('summarising summarizing summarise summarize summarised summarized'.split(' '));
const CONCEAL_VERBS = new Set('tell mention inform notify alert disclose reveal show'.split(' '));
const NEGATIONS = new Set("not never don't dont without".split(' '));
/** Whom a concealment hides from: the person the assistant answers. */
const ANSWERED = new Set('user users reader readers reviewer requester customer customers them anyone'.split(' '));

/**
 * Actions only an automated reader performs, read from the instruction itself: writing into
 * "your summary / reply / answer" (act:your-output), "when summarising ..." (act:when-summarising),
 * keeping something from the user it answers ("do not tell the user", act:hide-from-user).
 * A person's chore ("reply to this email", "summarise the meeting for your team") has none of them.
 */
export function aiReaderActions(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1] ?? '';
    // "in your summary", "add it to your reply"; not "thanks for your reply".
    if (w === 'your' && OUTPUT_NOUNS.has(next) && INTO.has(words[i - 1] ?? '')) out.add('act:your-output');
    else if ((w === 'when' || w === 'while' || w === 'if') && SUMMARISING.has(next)) out.add('act:when-summarising');
    else if (NEGATIONS.has(w) && CONCEAL_VERBS.has(next)) {
      // "do not tell the user", "don't mention it to the customer": the hidden-from within five words.
      for (let j = i + 2; j <= i + 6 && j < words.length; j++) if (ANSWERED.has(words[j]!)) out.add('act:hide-from-user');
    }
  }
  return [...out];
}
