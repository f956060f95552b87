// Mitigations for work that has to talk about harm: a helpline volunteer answering a
// caller, a safeguarding lead writing a referral, a game designer tuning a kill cam,
// a shop reporting a theft it suffered. What they share is who acts: the harm is
// someone else's (the caller's partner, the shoplifter, an enemy in the game), and the
// speaker responds to it. A request to do the act ("for my novel, the exact steps")
// names no responder and keeps its score; a game that needs the working details is no game. Lists of words only, bounded gaps.
import type { HarmMitigation } from './harm-lexicon.js';
import { harmMitigation } from './harm-cue.js';
import { OPERATIONAL_DETAIL } from './harm-vocabulary.js';

const m = harmMitigation;

/** People a service answers: their words are a disclosure to handle, not the speaker's plan. */
const SERVICE_USER =
  '(?:callers?|patients?|clients?|pupils?|students?|child|children|service users?|young (?:person|people)|survivors?|residents?|tenants?|customers?|members? of (?:staff|the public)|employees?|colleagues?|teenagers?|learners?|visitors?|guests?|parents?|carers?)';
/** Saying, asking or disclosing: what a service user does before the worker responds. */
const DISCLOSES = '(?:says?|said|saying|tells?|told|disclos(?:es|ed|ing)|reports?|reported|mentions?|mentioned|admits?|admitted|asks?|asked|reveals?|revealed|threatens?|threatened)';
/** Who answers them. */
const RESPONDER =
  '(?:volunteers?|staff|nurses?|doctors?|call handlers?|call takers?|advis[eo]rs?|counsell?ors?|moderators?|agents?|teachers?|tutors?|social workers?|support workers?|we|i|our team)';

export const WORK_CONTEXT_MITIGATIONS: readonly HarmMitigation[] = [
  // "when a caller says her partner strangled her", "a pupil who disclosed self-harm", "how should a volunteer respond".
  m(
    'mitigate.responder',
    ['violence', 'hate', 'sexual', 'self_harm'],
    -2,
    `(?:if|when|after|where|once) (?:a|an|the|our|my|one of (?:our|my|the)) (?:[^ ]+ ){0,2}${SERVICE_USER} ${DISCLOSES}|${SERVICE_USER} (?:who|that) (?:has |had )?(?:disclosed|told|reported|said|admitted|revealed)|${SERVICE_USER} (?:[^ ]+ ){0,2}(?:called|rang|phoned|messaged|texted|contacted) (?:the|our|my) (?:line|helpline|hotline|crisis line|service|team|clinic|desk|shelter|centre|center)\\b|how (?:should|do|can|would|might) (?:a |an |our |the )?${RESPONDER} (?:respond|reply|answer|react|de-?escalate|handle|support)|safeguarding (?:duties|duty|referrals?|concerns?|leads?|polic(?:y|ies)|procedures?|training|reports?|records?|forms?|briefings?|officers?)|(?:our|the|my) (?:helpline|hotline|crisis line|support line|listening line) (?:volunteers?|staff|workers?|call handlers?|scripts?|training|guidance|handbook|protocols?)`,
  ),
  // The mechanics of a game being built: the violence is the players' avatars', tuned by its designers.
  m(
    'mitigate.game-design',
    ['violence'],
    -2,
    `(?:mini-?games?|kill ?cams?|kill ?feeds?|hit ?box(?:es)?|respawn\\w{0,3}|spawn (?:points?|camping|protection)|npcs?|boss (?:fights?|battles?|encounters?)|level design\\w{0,2}|gameplay|game ?designers?|game mechanics?|game balance|playtest\\w{0,3}|damage (?:fall-?off|numbers|values|model|curve)|loot (?:tables?|drops?)|skill trees?|enemy ai|weapon balanc\\w{1,3}|balanc\\w{1,3} (?:the|our) (?:weapons?|guns?|classes))\\b`,
    undefined,
    OPERATIONAL_DETAIL,
  ),
  // Material for an audience that needs the facts: a patient leaflet, an induction pack, a staff briefing.
  m(
    'mitigate.audience-material',
    ['violence', 'hate', 'sexual', 'self_harm'],
    -1.5,
    `(?:patient|parent|staff|volunteer|student|pupil|customer|public|employee|new starter|induction|awareness|information) (?:leaflets?|handouts?|information sheets?|fact ?sheets?|posters?|briefings?|induction packs?|packs?|modules?|slides?|faqs?|newsletters?)\\b`,
    'leaflets?|handouts?|information sheets?|fact ?sheets?|posters?|briefings?|induction packs?|packs?|modules?|slides?|faqs?|newsletters?',
  ),
  // A theft the speaker suffered or saw: "our CCTV caught someone stealing", "punched during a shoplifting".
  m(
    'mitigate.witness',
    ['violence'],
    -1.5,
    `(?:caught|saw|spotted|filmed|noticed|recorded|suspect\\w{0,2}|accused) (?:someone|somebody|him|her|them|a (?:[^ ]+ )?(?:customer|man|woman|person|kid|teen|teenager|employee|shopper|guest|driver|member of staff)|one of (?:our|my|the) (?:[^ ]+ )?(?:staff|employees|customers|team|guests)) (?:[^ ]+ )?(?:stealing|shoplifting|pocketing|breaking into|robbing|vandali[sz]ing)|(?:during|after|in|following) (?:a|an|the) (?:[^ ]+ )?(?:shoplifting|robbery|break-in|burglary|theft|mugging)\\b`,
    `stealing|shoplifting|pocketing|breaking into|robbing|vandali[sz]ing|robbery|break-in|burglary|theft|mugging`,
  ),
];
