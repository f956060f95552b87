// Documents whose subject is attacks on assistants: red-team catalogues, test
// fixtures, blocklists, detection rules, security training and quizzes. They
// hold attack strings as data, so rules match inside them; in the
// leave-one-writer-out folds (documents-13…19) 357 of 1,847 clean documents
// used one of these words and 9 of 907 documents with a planted instruction
// did. Generic words ("anomaly detection", "design pattern") are left out. A planted instruction needs none of this vocabulary to work, and a
// hidden order seldom names itself a payload. The count is a document-level
// context for injection-detector.ts, which weighs rule matches in such a
// document like mentions and lowers the segment model a little.
// Word scans only: linear in the text.
import { wordsOf } from './text-prep.js';

/** Stems of the vocabulary of talking about attacks and their detection (singular; a plural "s" is dropped). */
const ATTACK_TALK_STEMS = new Set(['injection', 'payload', 'redteam', 'blocklist', 'fixture', 'attacker', 'malicious', 'phrase', 'verdict', 'guardrail', 'exploit']);
/** Words counted by their opening ("jailbreaking", "assertEqual", "quizzes"). */
const ATTACK_TALK_PREFIXES = ['jailbreak', 'assert', 'redteam', 'quiz'];
/** "red team", "red-team", "red teaming" are two words once folded. */
const RED_TEAM_SECOND = new Set(['team', 'teams', 'teaming', 'teamer', 'teamers']);
/** More distinct terms than this say nothing new. */
export const ATTACK_TALK_CAP = 2;

const stemOf = (word: string): string | undefined => {
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  if (ATTACK_TALK_STEMS.has(word)) return word;
  if (ATTACK_TALK_STEMS.has(singular)) return singular;
  return ATTACK_TALK_PREFIXES.find((prefix) => word.startsWith(prefix));
};

/** Distinct attack-talk terms in a folded document, at most ATTACK_TALK_CAP. */
export function attackTalkTerms(folded: string): number {
  const words = wordsOf(folded);
  const seen = new Set<string>();
  for (let i = 0; i < words.length && seen.size < ATTACK_TALK_CAP; i++) {
    const word = words[i]!;
    const stem = word === 'red' && RED_TEAM_SECOND.has(words[i + 1] ?? '') ? 'redteam' : stemOf(word);
    if (stem) seen.add(stem);
  }
  return seen.size;
}
