// Contexts that explain away the n-gram model's reading when no cue names a harm: an animal
// put to sleep by its vet, a story that asks to keep the method off the page. The model learned
// "put down", "script", "how-to" from harmful rows, and without a cue it alone decides.
//
// Why these are no free frame: they lower only a model reading whose text contains them, and never
// below that text read with the context cut out, less a margin. The best run of sentences read
// without them (request-views.ts) still counts too, so a context line in front of a harmful request,
// or a context clause added to it, buys no more than any other frame; a cue (an act asked
// for) is never lowered by them, and a request for working detail turns them off (`unless`).
// Read on a user's message only, where the sentence runs are read too.
import type { HarmCategory, HarmMitigation } from './harm-lexicon.js';
import { harmMitigation } from './harm-cue.js';
import { wordAnchoredRegExp } from '../injection/word-anchored-regexp.js';
import type { LinearModel } from '../injection/linear-model.js';
import { ANIMAL, OPERATIONAL_DETAIL, gap } from './harm-vocabulary.js';

/**
 * A context; `needs`, when given, must match the text too. `unlessOutsideOnly`: the `unless` words
 * count only outside the context's own words ("keep the method vague so it is no recipe" names
 * the recipe it refuses).
 */
interface ModelContext extends HarmMitigation {
  needs?: RegExp;
  unlessOutsideOnly?: boolean;
}
const m = harmMitigation;

/** An animal's end of life: put down or put to sleep, euthanised. */
const PUT_TO_SLEEP = '(?:put (?:(?:him|her|it|them) )?(?:down|to sleep)|euthani[sz]\\w{0,5}|(?:pts|pet euthanasia))';
/** Whose animal it is, or whose life the words may really mean: then it is no vet's decision. */
const NOT_A_VETS_DECISION = `${OPERATIONAL_DETAIL}|neighbou?r's|someone's|somebody's|(?:my|his|her|their) (?:ex|boss|landlord|husband|wife|partner)'s|strays?|without (?:a|the|any) vet|without (?:the owners?|anyone|them) (?:knowing|noticing|finding out)|(?:husband|wife|partner|grand(?:ma|pa|mother|father)|baby|mum|mom|dad|mother|father|child|son|daughter) (?:[^ ]+ ){0,3}(?:down|to sleep)`;

const MODEL_CONTEXT_MITIGATIONS: readonly ModelContext[] = [
  // The animal is what is put to sleep: "their old horse should be put down", "euthanasia for our rabbit".
  m(
    'mitigate.animal-euthanasia',
    ['violence'],
    -4,
    `${ANIMAL}\\W{0,2} ${gap(4)}(?:be|been|being|is|was|were|get|got|had|have) ${gap(1)}${PUT_TO_SLEEP}|put (?:the|our|my|your|their|his|her|a|an) (?:[^ ]+ ){0,2}${ANIMAL} (?:down|to sleep)|euthani[sz]\\w{0,5} (?:of |for )?(?:the |our |my |your |their |his |her |a |an )?(?:[^ ]+ ){0,2}${ANIMAL}\\b|(?:vet|vets|veterinar\\w{1,4}) ${gap(6)}${PUT_TO_SLEEP}`,
    'put|euthani[sz]|pts|pet euthanasia',
    NOT_A_VETS_DECISION,
  ),
  // Words for a hard conversation: what a vet, a nurse or a manager says to the person in front of
  // them, asked for in a caring or careful tone (an intimidation script asks for no such tone).
  {
    ...m(
      'mitigate.conversation-script',
      ['violence', 'self_harm'],
      -2.5,
      `(?:script|scripts|wording|talking points|what to say|words) ${gap(4)}(?:for|to|when|so) ${gap(3)}(?:tell\\w{0,3}|break\\w{0,3} (?:the )?(?:news|it)|explain\\w{0,3}|talk\\w{0,3} (?:to|with)|speak\\w{0,3} (?:to|with)|respond\\w{0,3} to|reassur\\w{0,3}|comfort\\w{0,3}|support\\w{0,3}|let\\w{0,3} (?:them|him|her|the [^ ]+) know)\\b`,
      'script|scripts|wording|talking points|what to say|words',
      `${OPERATIONAL_DETAIL}|pretend\\w{0,3}|pos(?:e|ing) as|impersonat\\w{0,3}|scam\\w{0,3}|trick\\w{0,3}|fool\\w{0,3}|con (?:them|him|her)|pressur\\w{0,3}|scar(?:e|ed|ing)|frighten\\w{0,3}|threat\\w{0,5}|intimidat\\w{0,3}|blackmail\\w{0,3}|regret|or else|be sorry|what (?:happens|will happen)|so (?:that )?(?:they|he|she|the [^ ]+) (?:send|pay|give|transfer|wire|read|share|hand|click|reveal)|card (?:numbers?|details)|passwords?|one-time|otp|pins?\\b|bank details`,
    ),
    needs: wordAnchoredRegExp(
      '\\b(?:compassionate\\w{0,2}|gentle|gently|kind|kindly|caring|sensitive\\w{0,2}|tactful\\w{0,2}|calm\\w{0,2}|supportive\\w{0,2}|empathetic\\w{0,4}|clear|clearly|firm but|polite\\w{0,2}|respectful\\w{0,2}|reassuring\\w{0,2}|honest\\w{0,2}|without (?:accusing|blaming|upsetting|alarming|embarrassing|panicking|frightening|scaring|judging|shaming))\\b',
    ),
  },
  // Work and stage idioms the model reads alone: burning out before a deadline, a fight scene faked on stage.
  m(
    'mitigate.work-or-stage-idiom',
    ['violence', 'self_harm'],
    -2.5,
    `(?:burn\\w{0,3} (?:myself |yourself |ourselves |themselves )?out|burn-?outs?)\\b(?! (?:of|the|his|her|their|a|an) )|(?:fak|mim|simulat)\\w{0,3} (?:the |a |an )?(?:punch|slap|stab|kick|blow|fall|fight|hit|headbutt|strangl\\w{0,3}|chok\\w{0,3})\\w{0,3}\\b|(?:stage|screen) (?:combat|fights?|fighting|violence)|fight (?:director|choreograph\\w{0,4}|call(?:er)?s?)|intimacy (?:co-?ordinator|director)`,
    'burn|stage|screen|fight|intimacy',
    OPERATIONAL_DETAIL,
  ),
  // Fiction that asks to keep the method off the page: the opposite of asking for it.
  {
    ...m(
      'mitigate.no-method',
      ['violence', 'self_harm'],
      -2.5,
      `without (?:it |this |the (?:scene|book|story|chapter|script|plot) )?(?:being|becoming|turning (?:it |this )?into|reading (?:like|as)|feeling like|ending up as) (?:a |an )?(?:how-?to|manual|tutorial|recipe|blueprint)|(?:keep|leave|keeping|leaving) (?:the )?(?:method|methods|mechanics|technical (?:side|detail)|details?) (?:vague|off(?:-| )?(?:screen|stage|the page)|out of it|impressionistic|implied)|(?:not|never|no) (?:a |an )?(?:how-?to|manual|recipe|blueprint) for (?:readers|anyone|the reader|viewers)|so (?:that )?(?:it|this) (?:isn't|is not|won't be|will not be|doesn't read as|does not read as|never becomes) (?:a |an )?(?:how-?to|manual|tutorial|recipe|blueprint)`,
      'without|keep|leave|keeping|leaving|not|never|no|so',
      OPERATIONAL_DETAIL,
    ),
    unlessOutsideOnly: true,
  },
  // A third party's threat told by someone who asks how to get help: "her ex will burn the house
  // down if she goes to court. Who can she call?"
  {
    ...m(
      'mitigate.reported-threat',
      ['violence'],
      -2.5,
      `(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|ex|son|daughter|brother|sister|father|mother|dad|mum|mom|stepdad|stepfather|uncle|landlord|boss|employer|pimp|dealer|gang|neighbou?r|abuser)(?:'ll|'d| will| would| might| could| (?:has |had |have )?threatened to| says (?:he|she|they)(?:'ll| will| would)| said (?:he|she|they)(?:'d| would)) ${gap(3)}(?:kill|hurt|harm|beat|hit|stab|shoot|burn|attack|strangle|break|smash|torch|take|throw)\\w{0,3} ${gap(6)}(?:if|unless|once|when)\\b`,
      "'ll|'d|will|would|might|could|threatened to|says|said",
      `${OPERATIONAL_DETAIL}|how (?:do|can|could|should) (?:i|we) (?:kill|hurt|harm|stop (?:her|him) (?:leaving|talking|going))|help (?:me|him|her|them) (?:kill|hurt|harm)|help (?:him|them|my [^ ]+) (?:find|locate|track|trace|reach|get to|get hold of|see|contact)|where (?:she|he|they) (?:is|are|lives?) (?:staying|living|hiding)|find (?:her|him|them)\\b`,
    ),
    needs: wordAnchoredRegExp(
      '\\b(?:who (?:can|should|do) (?:she|he|they|i|we) (?:call|contact|ring|tell)|how (?:can|do|should|could) (?:[^ ]+ ){1,3}(?:help|support|protect|respond)|what (?:support|help|protection|options|services|are (?:her|his|their|my|our) options|should (?:i|we|she|he|they|staff|volunteers) do|do (?:i|we) do|is our (?:protocol|procedure|duty))|where can (?:she|he|they|i) (?:go|get help|stay)|safeguarding|safety plan|refuge|helpline|police)\\b',
    ),
  },
];

/**
 * Log-odds the text read without its context gives up: cutting a clause out of a sentence loses
 * context the way dropping sentences on both sides of a request does (request-views.ts).
 */
const WITHOUT_CONTEXT_MARGIN = 2;

/** Each context's pattern, global: every place it matches is cut out of the text read without it. */
const EVERY_MATCH = MODEL_CONTEXT_MITIGATIONS.map((context) => new RegExp(context.pattern.source, 'g'));

/** The matching contexts: per-category sum of their (negative) weights, their ids, the text with them cut out. */
function matchModelContext(flat: string, message: string): { byCategory: Record<HarmCategory, number>; ids: string[]; without: string } {
  const byCategory: Record<HarmCategory, number> = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
  const ids: string[] = [];
  let without = flat;
  for (const [i, context] of MODEL_CONTEXT_MITIGATIONS.entries()) {
    if (!context.pattern.test(without) || (context.needs && !context.needs.test(message))) continue;
    const cut = without.replace(EVERY_MATCH[i]!, ' ');
    if (context.unless?.test(context.unlessOutsideOnly ? cut : flat)) continue;
    for (const category of context.categories) byCategory[category] += context.weight;
    ids.push(context.id);
    without = cut;
  }
  return { byCategory, ids, without };
}

/**
 * A model reading of `flat` (log-odds `logit`, any view margin `margin` already taken off) lowered by
 * the contexts it contains, but never below the same text read without them less the margins: a
 * context clause added to a harmful request cuts away no more than a framing line does.
 * `message`: the whole message a reading comes from, where a context's `needs` may match (the help
 * asked for can sit in another sentence). Undefined when no context matches.
 */
export function readingInContext(
  model: LinearModel,
  flat: string,
  logit: number,
  { margin = 0, message = flat }: { margin?: number; message?: string } = {},
): { logits: Record<HarmCategory, number>; ids: string[] } | undefined {
  const context = matchModelContext(flat, message);
  if (context.ids.length === 0) return undefined;
  const floor = model.logit(context.without) - margin - WITHOUT_CONTEXT_MARGIN;
  const logits = {} as Record<HarmCategory, number>;
  for (const category of Object.keys(context.byCategory) as HarmCategory[]) {
    const weight = context.byCategory[category];
    logits[category] = weight < 0 ? Math.max(logit + weight, Math.min(logit, floor)) : logit;
  }
  return { logits, ids: context.ids };
}
