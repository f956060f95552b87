// Mitigations for work that has to talk about harm someone else did: a shop reporting a
// theft it suffered or saw. The harm is someone else's and the speaker responds to it.
// Round 5 also tried a helpline / safeguarding responder, game-design mechanics and
// audience material (leaflets, briefings); each is one line an attacker can put in front of
// a harmful request without changing what it asks, and together they took recall on such
// framed requests from 0.94 to 0.20-0.49 (bench/detectors/adaptive-frame.ts), for 2-3 fewer
// false positives in 1,249 legitimate fold rows. Lists of words only, bounded gaps.
import type { HarmMitigation } from './harm-lexicon.js';
import { harmMitigation } from './harm-cue.js';

const m = harmMitigation;

export const WORK_CONTEXT_MITIGATIONS: readonly HarmMitigation[] = [
  // A theft the speaker suffered or saw: "our CCTV caught someone stealing", "punched during a shoplifting".
  m(
    'mitigate.witness',
    ['violence'],
    -1.5,
    `(?:caught|saw|spotted|filmed|noticed|recorded|suspect\\w{0,2}|accused) (?:someone|somebody|him|her|them|a (?:[^ ]+ )?(?:customer|man|woman|person|kid|teen|teenager|employee|shopper|guest|driver|member of staff)|one of (?:our|my|the) (?:[^ ]+ )?(?:staff|employees|customers|team|guests)) (?:[^ ]+ )?(?:stealing|shoplifting|pocketing|breaking into|robbing|vandali[sz]ing)|(?:during|after|in|following) (?:a|an|the) (?:[^ ]+ )?(?:shoplifting|robbery|break-in|burglary|theft|mugging)\\b`,
    `stealing|shoplifting|pocketing|breaking into|robbing|vandali[sz]ing|robbery|break-in|burglary|theft|mugging`,
  ),
];
