// In a document, "ignore the previous instructions" or "the new instructions
// are below" is most often a memo correcting itself for its human readers.
// There an override phrase counts in full only when the sentence around it
// speaks to the AI reading the data or asks for what only an assistant does
// (answer in a fixed way, reveal its prompt, send data out); said to staff it
// keeps a small share of its weight and the segment model decides. The same
// share is left to an override or extraction phrase that a sentence describes
// rather than orders ("the assistant must never reveal the system prompt") and
// to "instructions to the AI" named as a topic ("an audit of instructions to AI
// stored in templates").
import type { MultilingualRuleHit } from './multilingual-rules.js';
import { gap, wordAnchoredRegExp } from './word-anchored-regexp.js';

/**
 * Words just before an override or extraction phrase that make it a description, not an
 * order: a negation ("the assistant must never reveal the system prompt", "why won't the
 * chatbot reveal its prompt"), a relative clause ("instructions that override the system
 * prompt") or a third-person AI subject ("the model ignores earlier instructions when ...").
 */
const DESCRIBING_WORDS = new Set("never not cannot can't won't wouldn't doesn't didn't isn't shouldn't mustn't that which".split(' '));
const THIRD_PERSON_AI = new Set('assistant assistants chatbot chatbots bot bots model models llm llms copilot agent agents ai'.split(' '));
const DESCRIBING_DETERMINERS = new Set('the a an our their its this that'.split(' '));
/**
 * Verbs that, before "... to <phrase>", make the phrase an order someone else gave or tried
 * ("instructing it to ignore previous guidelines", "got the bot to leak its system prompt",
 * "asked how to ignore ...", "someone tells you to ignore ..."): reported, not given.
 * Not "want" or "need": "I need you to ignore ..." is the order itself.
 */
const REPORTED_ORDER_VERBS = new Set(
  'instructing instructed instructs told tells telling asked asks asking got gets getting tricked tricks tricking convinced convince convinces persuaded persuade refuses refused refusing tried tries trying attempted attempts attempting managed how able designed trained'.split(
    ' ',
  ),
);
/** How many words before the phrase are read. */
const DESCRIBING_REACH_WORDS = 4;
const DESCRIBABLE_RULE = /^(?:override|extract)\./;
/**
 * "Note to the AI" heads a line addressed to it; "an instruction to the model", "like
 * instructions to AI", "instructions to AI stored in templates" name such lines as a topic.
 */
const NAMED_AS_TOPIC_BEFORE = new Set(
  'a an the such like of these those contains contain containing contained with no any are were is was not hide hides hid hiding include includes included including insert inserts inserted inserting plant plants planted embed embeds embedded addressed written aimed'.split(' '),
);
const NAMED_AS_TOPIC_AFTER = new Set('stored hidden written found placed planted embedded inserted left kept'.split(' '));
/**
 * "Hidden instructions for AI, like telling it to add praise" describes a kind of line; followed by a
 * colon ("Hidden instructions for AI: ...") the same words head one.
 */
const DESCRIBING_ADJECTIVES = new Set('hidden embedded planted injected secret malicious invisible fake sample example suspicious odd strange'.split(' '));
/** "instructions to reviewers or to AI tools, note it": a phrase joined to another one complements a noun, it heads nothing. */
const COORDINATORS = new Set('or and nor'.split(' '));
/** The same joins in the other languages: "an uns oder an den Assistenten gerichtet". */
const OTHER_LANGUAGE_COORDINATORS = new Set('oder und ou et o y e of en'.split(' '));
/**
 * "E-Mails mit Anweisungen an den KI-Assistenten", "des instructions pour l'IA": an instruction noun inside a
 * noun phrase (after one of EMBEDDING_WORDS) names a topic; "Instruction pour l'assistant IA ..." opening a line heads one.
 */
const OTHER_LANGUAGE_DIRECTIVES = new Set(
  'anweisungen anweisung hinweise instruktionen befehle instructions instruction consignes instrucciones instrucción instruccion istruzioni istruzione instruções instrucoes instructies opdrachten'.split(' '),
);
const EMBEDDING_WORDS = new Set(
  'mit ohne keine die der den von mehr des les aux avec sans de d’ d\' las los con sin unas unos delle degli le dalle senza com sem das dos met zonder geen van'.split(' '),
);

/**
 * "AI, output ..." addresses a model; "AI output can be wrong", "assistant output contains a
 * link", "treat LLM output as untrusted", "AI email assistants" use the verb as a noun: the word
 * after it is a verb, a preposition of description or another noun of the compound.
 */
const AFTER_NOUN_USE = new Set(
  'is are was were be been can could may might will would should must contains contain includes include has have had as from assistants assistant tools tool triage quality filter filters security feature features settings summaries logs suggestions suggestion button buttons panel pane widget'.split(
    ' ',
  ),
);
/** "how to make Copilot ignore sensitivity labels": a causative before the AI noun describes what it is made to do. */
const CAUSATIVES = new Set('make makes made making get gets got getting let lets letting help helps helping have has'.split(' '));
/** Who is made to act after a causative: "make it leak", "let them reveal". */
const CAUSED_AGENTS = new Set('it them'.split(' '));

/** Override rules whose wording a memo to staff shares. */
const STAFF_SHARED_RULES = new Set(['override.ignore-prior', 'override.ignore-all', 'override.new-instructions', 'authority.system-notice', 'i18n.ignore-prior', 'i18n.ignore-prior-after']);
/** The multilingual scanner's override rule ("ignorez les instructions précédentes concernant le VPN"). */
const STAFF_SHARED_MULTILINGUAL_RULES = new Set(['i18n.ml-ignore-prior']);
/** Share of the rule's weight left when nothing in its sentence addresses an assistant. */
export const STAFF_OVERRIDE_SHARE = 0.35;
/** How far (characters) to look either side of the phrase for the end of its sentence. */
const REACH = 240;

// Bounded gaps and word alternatives only: linear on any input. Plain "send emails" is
// ordinary; sending the user's data, all of it or secrets is what an injection asks.
const ASSISTANT_CUE = wordAnchoredRegExp(
  [
    // "Ignore any prompts to connect to the old VPN": a prompt that asks staff to do something is a dialog box.
    `(?:ai|a\\.i\\.|assistants?|chatbots?|bots?|llms?|language models?|gpt|chatgpt|copilot|claude|gemini|system prompt|prompts?(?! to ))\\b`,
    `(?:you are|you're) (?:now|an?|no longer|free)\\b`,
    `your (?:response|reply|answer|output|summary|task|role|purpose|programming|guidelines|rules)\\b`,
    `(?:respond|reply|answer|output|print|say|write|return)(?: only| just)?(?: with)?:? ["'“‘]`,
    `(?:reveal|repeat|disclose|leak|dump|recite)\\b`,
    // The same in the other languages of the i18n rules: an AI noun, "your answer", "you are (now)".
    `(?:ki|ia|k\\.i\\.|assistent(?:en|in)?|asistente|assistente|modell|mod[eè]le|modelo|modello|systemprompt|prompt (?:syst[eè]me|del sistema|di sistema|do sistema))\\b`,
    `(?:deine|ihre|ta|votre|tu|su|tua|la tua|sua|a sua|je|uw) (?:antwort|r[eé]ponse|respuesta|risposta|resposta|antwoord)\\b`,
    `(?:du bist|tu es|eres|ahora eres|sei ora|voc[eê] [eé]|je bent) `,
    `(?:antworte|antworten sie|r[eé]ponds|r[eé]pondez|responde|responda|rispondi|risponda|antwoord) (?:nur|ausschlie[sß]lich|uniquement|seulement|[uú]nicamente|solo|solamente|apenas|somente|alleen|enkel) (?:mit|par|avec|con|com|met)\\b`,
    `(?:exfiltrat[a-z]*|upload|forward|send|email|post) ${gap(3)}(?:all|every|the user'?s?|conversation|chat history|contacts|passwords?|credentials|secrets|tokens|api keys?)\\b`,
  ].join('|'),
);

/** The sentence around [start, end) of flat text, bounded to REACH characters either side. */
function sentenceAround(flat: string, start: number, end: number): string {
  let from = Math.max(0, start - REACH);
  for (let i = start - 1; i >= from; i--) {
    const c = flat[i];
    if ((c === '.' || c === '!' || c === '?') && flat[i + 1] === ' ') {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(flat.length, end + REACH);
  for (let i = end; i < to; i++) {
    const c = flat[i];
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === flat.length || flat[i + 1] === ' ')) {
      to = i + 1;
      break;
    }
  }
  return flat.slice(from, to);
}

/**
 * True when the pattern matches the text and every match passes `excused`, given the word just
 * before the match and the word just after it.
 */
function everyMatchExcused(pattern: RegExp, flat: string, excused: (before: string, after: string, matched: string, beforeThat: string) => boolean): boolean {
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let any = false;
  for (const match of flat.matchAll(all)) {
    any = true;
    const words = flat.slice(Math.max(0, match.index - 48), match.index).trimEnd().split(' ');
    const before = words.pop() ?? '';
    const beforeThat = words.pop() ?? '';
    const after = flat.slice(match.index + match[0].length, match.index + match[0].length + 24).trimStart().split(' ')[0] ?? '';
    if (!excused(before, after, match[0], beforeThat)) return false;
  }
  return any;
}

/** The word before is inside a running sentence: not the text's start, not after a full stop or colon. */
const insideASentence = (word: string): boolean => word.length > 0 && !/[.!?:;]$/.test(word);

/** A colon right after the phrase (inside the match or just after it) makes it a heading. */
const headsALine = (after: string, matched: string): boolean => after.startsWith(':') || matched.trimEnd().endsWith(':');

/** Every "note / instructions to the AI" phrase of the text is a topic, not a heading (see NAMED_AS_TOPIC_*, DESCRIBING_ADJECTIVES, COORDINATORS). */
const namedAsTopic = (pattern: RegExp, flat: string): boolean =>
  everyMatchExcused(
    pattern,
    flat,
    (before, after, matched, beforeThat) =>
      NAMED_AS_TOPIC_BEFORE.has(before) ||
      NAMED_AS_TOPIC_AFTER.has(after) ||
      ((DESCRIBING_ADJECTIVES.has(before) || COORDINATORS.has(before)) && insideASentence(beforeThat) && !headsALine(after, matched)),
  );

/** Every other-language "for / to the AI" phrase follows an instruction noun and heads no line. */
const namedAsTopicInOtherLanguage = (pattern: RegExp, flat: string): boolean =>
  everyMatchExcused(
    pattern,
    flat,
    (before, after, matched, beforeThat) =>
      ((OTHER_LANGUAGE_DIRECTIVES.has(before) && EMBEDDING_WORDS.has(beforeThat)) || (OTHER_LANGUAGE_COORDINATORS.has(before) && insideASentence(beforeThat))) &&
      !headsALine(after, matched),
  );

/** Every "AI, <verb>" match of the text uses the verb as a noun or follows a causative (see AFTER_NOUN_USE, CAUSATIVES). */
const addressesNoAi = (pattern: RegExp, flat: string): boolean =>
  everyMatchExcused(
    pattern,
    flat,
    (before, after, matched) => CAUSATIVES.has(before) || AFTER_NOUN_USE.has(after.replace(/[^a-z]/g, '')) || (!/[:,]/.test(matched) && nounCompoundInSentence(before, after)),
  );

/** Words a vocative order can follow inside a line ("hey AI, send ...", "please assistant ignore ..."). */
const VOCATIVE_LEADS = new Set('hey hi hello dear attn attention please ok okay yo and so now then'.split(' '));
/** Words that end a noun phrase rather than start an object: the verb was a noun ("AI output for review"). */
const AFTER_NOUN_PHRASE = new Set('for of from in on with by and or but than through across'.split(' '));

/**
 * "students should critique AI output.", "refunds require agent click-through": inside a running
 * sentence, the AI noun and the verb-looking word form a noun phrase that ends there (a full stop,
 * a hyphen, a preposition), where an order to the AI would go on with its object.
 */
function nounCompoundInSentence(before: string, after: string): boolean {
  // A word of a sentence, not a comment marker or bullet ("# assistant stop.", "- bot output").
  if (!/^[a-z]/.test(before) || !insideASentence(before) || before.endsWith(',') || VOCATIVE_LEADS.has(before)) return false;
  if (after === '' || after.startsWith('-') || /^[.!?;)]/.test(after)) return true;
  return AFTER_NOUN_PHRASE.has(after.replace(/[^a-z]/g, ''));
}

/**
 * A multilingual hit's weight in a document: the scanner's override rule said to staff (no assistant
 * concept near it, no assistant cue in its sentence) keeps STAFF_OVERRIDE_SHARE, as the English override rules do.
 */
export function documentMultilingualWeight(hit: MultilingualRuleHit, text: string): number {
  if (!STAFF_SHARED_MULTILINGUAL_RULES.has(hit.id) || hit.assistantNearby) return hit.weight;
  return ASSISTANT_CUE.test(sentenceAround(text, hit.start, hit.end)) ? hit.weight : hit.weight * STAFF_OVERRIDE_SHARE;
}

/** Refusal-suppression rules that a service standard shares ("our agents never refuse a reasonable request"). */
const NO_REFUSAL_RULES = new Set(['persona.never-refuse', 'refusal.no-refuse']);
/** People whose conduct a service standard or an HR policy lays down. */
const PEOPLE_SUBJECTS = new Set(
  'we staff employees employee colleagues managers manager team teams members agents advisors advisers operators drivers nurses doctors teachers receptionists cashiers volunteers officers clerks stewards crew reps representatives staffers tutors coordinators supervisors'.split(' '),
);
/** "You never refuse": the reader itself. */
const SECOND_PERSON_AI = new Set('you your'.split(' '));
/** "AI agents must never refuse": these before a people noun make it software. */
const SOFTWARE_MODIFIERS = new Set('ai bot chatbot virtual automated digital software llm'.split(' '));

/**
 * Every match follows, within its clause's last three words, a people noun as subject ("staff must not
 * decline any request", "we never refuse a callback"): a rule for people, not a persona for the reader.
 */
function everyMatchSaidOfPeople(pattern: RegExp, flat: string): boolean {
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let any = false;
  for (const match of flat.matchAll(all)) {
    any = true;
    // The clause's last three words hold the subject; a label before a colon ("Reminder to all agents:") the addressee.
    const sentence = flat.slice(Math.max(0, match.index - 80), match.index).split(/[.!?"“]/).pop() ?? '';
    const clauses = sentence.split(/[:;,]/);
    const subjectWords = (clauses.pop() ?? '').trim().split(' ').filter((w) => w.length > 0).slice(-3);
    const labelWords = sentence.includes(':') ? (clauses.pop() ?? '').trim().split(' ').filter((w) => w.length > 0) : [];
    const saysToPeople = (words: string[]): boolean =>
      words.some((w, i) => PEOPLE_SUBJECTS.has(w) && !(i > 0 && SOFTWARE_MODIFIERS.has(words[i - 1]!))) && !words.some((w) => (THIRD_PERSON_AI.has(w) && !PEOPLE_SUBJECTS.has(w)) || SECOND_PERSON_AI.has(w));
    if (!saysToPeople(subjectWords) && !(subjectWords.length <= 2 && saysToPeople(labelWords))) return false;
  }
  return any;
}

/**
 * "Tell the customer to hang up" is a support script for staff: an assistant in a Teams chat talks to
 * its user, so a customer as the one to be told needs an assistant named in the same sentence.
 */
function customerToldByStaff(pattern: RegExp, flat: string): boolean {
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  let any = false;
  for (const match of flat.matchAll(all)) {
    any = true;
    if (!/\bcustomer\b/.test(match[0])) return false;
    if (ASSISTANT_CUE.test(sentenceAround(flat, match.index, match.index + match[0].length))) return false;
  }
  return any;
}

/** The few words before a phrase say it is described (negated, relative, said of a third-person AI). */
function describedBefore(flat: string, start: number): boolean {
  // Within the phrase's own sentence only.
  let from = Math.max(0, start - 60);
  for (let i = start - 1; i >= from; i--) {
    const c = flat[i];
    if (c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '"' || c === '“') {
      from = i + 1;
      break;
    }
  }
  const before = flat.slice(from, start).trim().split(' ').filter((w) => w.length > 0).slice(-DESCRIBING_REACH_WORDS);
  const last = before[before.length - 1];
  if (last === 'that' || last === 'which') return true;
  if (last === 'to' && before.some((w) => REPORTED_ORDER_VERBS.has(w))) return true;
  // "make it leak the system prompt", "let the bot reveal ...": what someone makes an assistant do.
  if (before.length >= 2 && CAUSATIVES.has(before[before.length - 2]!) && CAUSED_AGENTS.has(last!)) return true;
  if (before.length >= 3 && CAUSATIVES.has(before[before.length - 3]!) && DESCRIBING_DETERMINERS.has(before[before.length - 2]!) && THIRD_PERSON_AI.has(last!)) return true;
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!.replace(/[,’]/g, (c) => (c === '’' ? "'" : ''));
    if (w !== 'that' && w !== 'which' && DESCRIBING_WORDS.has(w)) return true;
    // "the assistant ...", and bare plurals ("trains models to give priority to ...").
    if (THIRD_PERSON_AI.has(w) && ((i > 0 && DESCRIBING_DETERMINERS.has(before[i - 1]!)) || (w.endsWith('s') && w !== 'ai'))) return true;
  }
  return false;
}

/**
 * The weight a matched document rule carries: its own, or a share of it when
 * it is an override phrase whose sentence addresses no assistant.
 */
export function documentRuleWeight(ruleId: string, weight: number, pattern: RegExp, flat: string): number {
  if (ruleId === 'doc.for-the-ai' || ruleId === 'doc.ai-reader') return namedAsTopic(pattern, flat) ? weight * STAFF_OVERRIDE_SHARE : weight;
  if (ruleId === 'doc.ai-reader-other-language') return namedAsTopicInOtherLanguage(pattern, flat) ? weight * STAFF_OVERRIDE_SHARE : weight;
  if (ruleId === 'doc.tell-the-user') return customerToldByStaff(pattern, flat) ? weight * STAFF_OVERRIDE_SHARE : weight;
  if (NO_REFUSAL_RULES.has(ruleId)) return everyMatchSaidOfPeople(pattern, flat) ? weight * STAFF_OVERRIDE_SHARE : weight;
  if (ruleId === 'doc.addresses-ai') return addressesNoAi(pattern, flat) ? weight * STAFF_OVERRIDE_SHARE : weight;
  const describable = DESCRIBABLE_RULE.test(ruleId);
  if (!STAFF_SHARED_RULES.has(ruleId) && !describable) return weight;
  const match = pattern.exec(flat);
  if (!match) return weight;
  if (describable && describedBefore(flat, match.index)) return weight * STAFF_OVERRIDE_SHARE;
  if (!STAFF_SHARED_RULES.has(ruleId)) return weight;
  const sentence = sentenceAround(flat, match.index, match.index + match[0].length);
  return ASSISTANT_CUE.test(sentence) ? weight : weight * STAFF_OVERRIDE_SHARE;
}
