// Contexts that explain away the n-gram model's reading when no cue names a harm: an animal
// put to sleep by its vet, a story that asks to keep the method off the page. The model learned
// "put down", "script", "how-to" from harmful rows, and without a cue it alone decides.
//
// Why these are no free frame: they lower only a model reading whose text contains them. The best
// run of sentences read without them (request-views.ts, less its margin) still counts, so a context
// line put in front of a harmful request buys no more than any other frame; a cue (an act asked
// for) is never lowered by them, and a request for working detail turns them off (`unless`).
// Read on a user's message only, where the sentence runs are read too.
import type { HarmCategory, HarmMitigation } from './harm-lexicon.js';
import { harmMitigation } from './harm-cue.js';
import { OPERATIONAL_DETAIL, gap } from './harm-vocabulary.js';

const m = harmMitigation;

/** Animals a vet puts to sleep. */
const ANIMAL =
  '(?:dogs?|cats?|pupp(?:y|ies)|kittens?|horses?|ponies|pony|mares?|foals?|donkeys?|rabbits?|bunn(?:y|ies)|hamsters?|guinea pigs?|gerbils?|ferrets?|rats?|parrots?|budgies?|birds?|tortoises?|snakes?|lizards?|pets?|cows?|calf|calves|sheep|ewes?|lambs?|goats?|pigs?|alpacas?|llamas?|livestock|animals?|labradors?|collies?|terriers?|spaniels?|greyhounds?|retrievers?|whippets?|poodles?|beagles?|huskies|husky)';
/** An animal's end of life: put down or put to sleep, euthanised. */
const PUT_TO_SLEEP = '(?:put (?:(?:him|her|it|them) )?(?:down|to sleep)|euthani[sz]\\w{0,5}|(?:pts|pet euthanasia))';
/** Whose animal it is, or whose life the words may really mean: then it is no vet's decision. */
const NOT_A_VETS_DECISION = `${OPERATIONAL_DETAIL}|neighbou?r's|someone's|somebody's|(?:my|his|her|their) (?:ex|boss|landlord|husband|wife|partner)'s|strays?|without (?:a|the|any) vet|without (?:the owners?|anyone|them) (?:knowing|noticing|finding out)|(?:husband|wife|partner|grand(?:ma|pa|mother|father)|baby|mum|mom|dad|mother|father|child|son|daughter) (?:[^ ]+ ){0,3}(?:down|to sleep)`;

const MODEL_CONTEXT_MITIGATIONS: readonly HarmMitigation[] = [
  // The animal is what is put to sleep: "their old horse should be put down", "euthanasia for our rabbit".
  m(
    'mitigate.animal-euthanasia',
    ['violence'],
    -4,
    `${ANIMAL}\\W{0,2} ${gap(4)}(?:be|been|being|is|was|were|get|got|had|have) ${gap(1)}${PUT_TO_SLEEP}|put (?:the|our|my|your|their|his|her|a|an) (?:[^ ]+ ){0,2}${ANIMAL} (?:down|to sleep)|euthani[sz]\\w{0,5} (?:of |for )?(?:the |our |my |your |their |his |her |a |an )?(?:[^ ]+ ){0,2}${ANIMAL}\\b|(?:vet|vets|veterinar\\w{1,4}) ${gap(6)}${PUT_TO_SLEEP}`,
    'put|euthani[sz]|pts|pet euthanasia',
    NOT_A_VETS_DECISION,
  ),
  // Fiction that asks to keep the method off the page: the opposite of asking for it.
  m(
    'mitigate.no-method',
    ['violence', 'self_harm'],
    -2.5,
    `without (?:it |this |the (?:scene|book|story|chapter|script|plot) )?(?:being|becoming|turning (?:it |this )?into|reading (?:like|as)|feeling like|ending up as) (?:a |an )?(?:how-?to|manual|tutorial|recipe|blueprint)|(?:keep|leave|keeping|leaving) (?:the )?(?:method|methods|mechanics|technical (?:side|detail)|details?) (?:vague|off(?:-| )?(?:screen|stage|the page)|out of it|impressionistic|implied)|(?:not|never|no) (?:a |an )?(?:how-?to|manual|recipe|blueprint) for (?:readers|anyone|the reader|viewers)`,
    'without|keep|leave|keeping|leaving|not|never|no',
    OPERATIONAL_DETAIL,
  ),
];

/** Per-category sum of the (negative) weights of the matching contexts, plus their ids. */
export function matchModelContext(flat: string): { byCategory: Record<HarmCategory, number>; ids: string[] } {
  const byCategory: Record<HarmCategory, number> = { hate: 0, sexual: 0, violence: 0, self_harm: 0 };
  const ids: string[] = [];
  for (const context of MODEL_CONTEXT_MITIGATIONS) {
    if (!context.pattern.test(flat) || context.unless?.test(flat)) continue;
    for (const category of context.categories) byCategory[category] += context.weight;
    ids.push(context.id);
  }
  return { byCategory, ids };
}
