// Mitigations for a harmful phrase someone else wrote or said, asked about by whoever has to
// respond to it: a patient's words to a nurse, a pupil's search on a school laptop, a caller's
// message to a helpline; and for a warning about what must never be mixed. The asker wants a
// response or a precaution, not the act. Both need more than a framing line: the harmful words
// must sit inside quote marks after a third party's verb of saying or searching, and a question
// about how to respond must follow within two sentences or come just before (adaptive-frame.ts frames quote nothing).
// Lists of words only, bounded gaps and bounded quoted spans.
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
const REPORTED_WORDS = `${REPORTER} ${SAYS}(?: [^ ]+){0,2}:? ${QUOTED}`;

export const RESPONSE_CONTEXT_MITIGATIONS: readonly HarmMitigation[] = [
  // "A patient told me "I'm going to end my life tonight". What should I do next?" Not when the
  // asker wants the working detail outside the quote ("give me the steps he would have found").
  {
    ...m(
      'mitigate.reported-words',
      ['violence', 'hate', 'sexual', 'self_harm'],
      -2.5,
      `${REPORTED_WORDS}[^?]{0,160}(?:\\?[^?]{0,160})?${HOW_TO_RESPOND}|${HOW_TO_RESPOND}[^?"\u201c\u2018]{0,160}${REPORTED_WORDS}`,
      'says|said|told|tells|wrote|writes|typed|types|searched|googled|posted|messaged|texted|asked|keeps saying|disclosed|shouted|emailed',
      OPERATIONAL_DETAIL,
    ),
    unlessOutsideOnly: true,
  },
  // "Which household chemicals should never be mixed?": a warning label's question.
  m(
    'mitigate.never-mix',
    ['violence'],
    -3,
    `(?:should|must) (?:never|not) be (?:mixed|combined|stored together|used together)|(?:never|do not|don't|not safe to|unsafe to|avoid) (?:mix|combin|stor)\\w{0,3} (?:[^ ]+ ){0,3}(?:together|with)\\b`,
    'should|must|never|do not|don\'t|not safe|unsafe|avoid',
    `${OPERATIONAL_DETAIL}|(?:i|we) (?:want|need|plan) to|so (?:that )?(?:i|we) can|kill|hurt|harm|poison`,
  ),
];
