// Mitigations for distress someone else voiced, asked about by whoever has to respond to it: a
// patient's words to a nurse, a caller's to a helpline volunteer, a post in a moderation queue.
// The asker wants a response, not the act.
//
// Why the reported words are no free frame: they lower self-harm only, the words must sit inside
// quote marks after a third party's verb of saying, a question about responding must stand beside
// them, and the quote must be a statement ("I want to end my life"), not a request ("how many
// pills ..."). Quoting every harmful proxy request this way costs recall 0.549 -> 0.539 (lowering
// every category cost 0.549 -> 0.223: a quoted recipe request is a request). -3 since round 10 (was
// -2.5): the retrained model reads a responder's question a little higher; quoting each harmful proxy
// request after 'A customer typed' costs 0.001 more recall at -3. Bounded spans only.
import type { HarmMitigation } from './harm-lexicon.js';
import { harmMitigation } from './harm-cue.js';
import { OPERATIONAL_DETAIL } from './harm-vocabulary.js';

const m = harmMitigation;

/** Someone else who says or searches the words, or what carries them (a post, a ticket). */
const REPORTER =
  '(?:post|message|comment|ticket|review|email|note|text|chat|caller|pupil|student|child|kid|son|daughter|teenager|teen|customer|patient|client|user|resident|tenant|service user|colleague|employee|learner|member of the public|someone|somebody|he|she|they)';
/** A verb of saying, writing or searching. */
const SAYS =
  '(?:says|said|reads|read|told (?:me|us|staff|her|him|the [^ ]+)|tells (?:me|us|staff)|wrote|writes|typed|types|searched(?: for)?|googled|posted|messaged|texted|asked|keeps saying|disclosed|shouted|emailed)';
/** The words, quoted: straight single quotes only when nothing inside uses them as an apostrophe. */
const QUOTED = `(?:["\u201c\u2018][^"\u201d\u2019]{1,200}["\u201d\u2019]|'[^'"\u201d\u2019]{1,200}')`;
/** What the asker wants: how to respond, whom to tell, what the procedure is. */
const HOW_TO_RESPOND =
  '(?:what (?:should|do|can|must) (?:i|we|staff|volunteers|the [^ ]+) do|how (?:should|do|can|could|would) (?:[^ ]+ ){1,3}(?:respond|reply|handle|deal with|react|answer|support|approach)|response guidance|(?:what|how) (?:is|are) (?:our|the) (?:protocol|procedure|policy|process)|who should (?:i|we) (?:tell|call|contact|inform|escalate to)|what does (?:our|the) (?:[^ ]+ ){0,2}(?:guidance|policy|procedure|protocol|playbook) say|next steps?)';
/** A quote that opens with a question or an order: a request, whoever is said to have made it. */
const QUOTED_REQUEST = `${SAYS}(?: [^ ]+){0,2}:? ["\u201c\u2018'] ?(?:[^ "\u201d\u2019']+ ){0,3}(?:how|what|which|where|when|who|why|can you|could you|would you|will you|tell me|give me|show me|list|write|explain|describe|help me|teach me|best way|ways? to)\\b`;
const REPORTED_WORDS = `${REPORTER} ${SAYS}(?: [^ ]+){0,2}:? ${QUOTED}`;

export const RESPONSE_CONTEXT_MITIGATIONS: readonly HarmMitigation[] = [
  // "A patient told me "I'm going to end my life tonight". What should I do next?"
  m(
    'mitigate.reported-words',
    ['self_harm'],
    -3,
    `${REPORTED_WORDS}[^?]{0,160}(?:\\?[^?]{0,160})?${HOW_TO_RESPOND}|${HOW_TO_RESPOND}[^?"\u201c\u2018]{0,160}${REPORTED_WORDS}`,
    'says|said|reads|read|told|tells|wrote|writes|typed|types|searched|googled|posted|messaged|texted|asked|keeps saying|disclosed|shouted|emailed',
    `${OPERATIONAL_DETAIL}|${QUOTED_REQUEST}`,
  ),
];
