// Documents whose subject is attacks on assistants: red-team catalogues, test
// fixtures, blocklists, detection rules, security training and quizzes. They
// hold attack strings as data, so rules match inside them; in the
// leave-one-writer-out folds (documents-13…19) 357 of 1,847 clean documents
// used one of these words and 9 of 907 documents with a planted instruction
// did. Generic words ("anomaly detection", "design pattern") are left out. A planted instruction needs none of this vocabulary to work, and a
// hidden order seldom names itself a payload. The count is a document-level
// context for injection-detector.ts, which weighs rule matches in such a
// document like mentions and lowers the segment model a little; so does a
// document that keeps naming assistants and prompts (a policy, a guide).
// Word scans only: linear in the text.
import { wordsOf } from './text-prep.js';

/** Stems of the vocabulary of talking about attacks and their detection (singular; a plural "s" is dropped). */
const ATTACK_TALK_STEMS = new Set(['injection', 'payload', 'redteam', 'blocklist', 'fixture', 'attacker', 'malicious', 'phrase', 'verdict', 'guardrail', 'exploit']);
/** Words counted by their opening ("jailbreaking", "assertEqual", "quizzes"). */
const ATTACK_TALK_PREFIXES = ['jailbreak', 'assert', 'redteam', 'quiz'];
/** "red team", "red-team", "red teaming" are two words once folded. */
const RED_TEAM_SECOND = new Set(['team', 'teams', 'teaming', 'teamer', 'teamers']);
/** More distinct terms than this say nothing new. */
const ATTACK_TALK_CAP = 2;
/**
 * Words naming assistants and prompts. A planted instruction names its reader
 * once or twice ("AI assistant: ..."); a policy, guide or minutes about AI
 * keeps naming it. In the folds 19 of 907 injected documents had three or
 * more, and 491 of 1,847 clean ones.
 */
const AI_WORDS = new Set(['ai', 'assistant', 'assistants', 'chatbot', 'chatbots', 'copilot', 'llm', 'llms', 'gpt', 'prompt', 'prompts']);
/** AI words an injection itself may hold; only those beyond count, up to the cap. */
const AI_WORDS_FREE = 2;
const AI_TALK_CAP = 4;

export interface DocumentTopic {
  /** distinct attack-talk terms, at most ATTACK_TALK_CAP */
  attackTerms: number;
  /** AI words beyond AI_WORDS_FREE, at most AI_TALK_CAP */
  aiWords: number;
}

const stemOf = (word: string): string | undefined => {
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  if (ATTACK_TALK_STEMS.has(word)) return word;
  if (ATTACK_TALK_STEMS.has(singular)) return singular;
  return ATTACK_TALK_PREFIXES.find((prefix) => word.startsWith(prefix));
};

/** How much a folded document talks about attacks and about AI, in one word scan. */
export function documentTopic(folded: string): DocumentTopic {
  const words = wordsOf(folded);
  const seen = new Set<string>();
  let aiWords = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (AI_WORDS.has(word)) aiWords++;
    if (seen.size >= ATTACK_TALK_CAP) continue;
    const stem = word === 'red' && RED_TEAM_SECOND.has(words[i + 1] ?? '') ? 'redteam' : stemOf(word);
    if (stem) seen.add(stem);
  }
  return { attackTerms: seen.size, aiWords: Math.min(AI_TALK_CAP, Math.max(0, aiWords - AI_WORDS_FREE)) };
}
