// Attack techniques in languages other than English, as co-occurrence of
// concepts: an override needs a verb AND what it overrides AND a scope
// ("ignore" + "instructions" + "previous"), so "forget the previous meeting
// time" or "ignore the printer's error" stay clean. Concepts must sit close
// together in one sentence; scripts without spaces get a shorter window.
// English is left to injection-rules.ts (its words are not in the lexicon).
import { ABOVE, AI_NAME, ASK_WHAT, DEV_MODE, DIRECTIVE, ENGLISH_SHARED, IGNORE, META, NO_LIMITS, PERSONA, REVEAL, SCOPE, SEND, SYSTEM_PROMPT, TELL, TEXT, YOUR } from './multilingual-lexicon.js';
import { ConceptScanner, type Hit } from './multilingual-scan.js';

// Concept indexes, in the order of the scanner's lexicon below.
const C = { Ignore: 0, Directive: 1, Scope: 2, Reveal: 3, SystemPrompt: 4, NoLimits: 5, Persona: 6, DevMode: 7, Send: 8, Meta: 9, AiName: 10, Your: 11, AskWhat: 12, Tell: 13, Above: 14, Text: 15 } as const;
type C = (typeof C)[keyof typeof C];
const scanner = new ConceptScanner([IGNORE, DIRECTIVE, SCOPE, REVEAL, SYSTEM_PROMPT, NO_LIMITS, PERSONA, DEV_MODE, SEND, META, AI_NAME, YOUR, ASK_WHAT, TELL, ABOVE, TEXT], ENGLISH_SHARED);

/** Longest span (first start to last end) of one rule's concepts, in characters. */
const WINDOW_SPACED = 90;
const WINDOW_DENSE = 40;
/** Sentence ends: concepts of one attack sit in one sentence. */
const SENTENCE_END = /[!?。！？؟।;；]|\.(?: |$)/;

interface MultilingualRule {
  id: string;
  weight: number;
  /** each slot is filled by a hit of one of its concepts, all slots by distinct, non-overlapping hits */
  slots: readonly (readonly C[])[];
  documentOnly?: boolean;
  /** an AI name directly followed by ":" or "," (the text speaks to it) */
  vocative?: boolean;
  /** window multiplier: an addressed order may carry an address or a list before its verb */
  widen?: number;
}

const RULES: readonly MultilingualRule[] = [
  { id: 'i18n.ml-ignore-prior', weight: 4, slots: [[C.Ignore], [C.Directive, C.SystemPrompt], [C.Scope]] },
  { id: 'i18n.ml-reveal-system-prompt', weight: 3.5, slots: [[C.Reveal, C.Tell], [C.SystemPrompt]] },
  { id: 'i18n.ml-reveal-prior', weight: 1.5, slots: [[C.Reveal], [C.Directive], [C.Scope]] },
  // "Show me your instructions", "what is your system prompt": the possessive points at the assistant.
  { id: 'i18n.ml-reveal-your', weight: 2.5, slots: [[C.Reveal], [C.Directive], [C.Your]] },
  // "Repeat the text above": what precedes the user's message is the system prompt.
  { id: 'i18n.ml-repeat-text-above', weight: 3, slots: [[C.Reveal], [C.Above], [C.Text, C.Directive]] },
  { id: 'i18n.ml-ask-system-prompt', weight: 3, slots: [[C.AskWhat], [C.SystemPrompt], [C.Your]] },
  { id: 'i18n.ml-unrestricted-persona', weight: 3, slots: [[C.NoLimits], [C.Persona, C.DevMode]] },
  { id: 'i18n.ml-developer-mode', weight: 3, slots: [[C.DevMode], [C.Persona, C.NoLimits, C.Ignore]] },
  { id: 'doc.ml-ai-addressed', weight: 3, slots: [[C.AiName], [C.Send, C.Ignore, C.Reveal]], documentOnly: true, vocative: true, widen: 2 },
];

const MAX_HITS_PER_CONCEPT = 16;
const VOCATIVE_MARK = /^ ?[:,：，、]/;

// What may stand before a name that opens a clause: start, sentence end, colon, quote, markup.
const CLAUSE_OPENER = /(?:^|[\n.!?:;"'“«「『>\-*#()\[\]。！？：])[ \t]?$/;

/** The AI is spoken to: its name opens a clause ("... . Assistant, send ...") and a ":" or "," follows. */
function isVocative(text: string, hit: Hit): boolean {
  if (!VOCATIVE_MARK.test(text.slice(hit.end, hit.end + 2))) return false;
  // A modifier word before the name is allowed ("KI-Assistent", "AIアシスタント", "virtual assistant:").
  const before = text.slice(Math.max(0, hit.start - 16), hit.start).replace(/[^\s.!?:;"'“«「『>\-*#()\[\]。！？：]{1,12}[ -]?$/, '');
  return CLAUSE_OPENER.test(before);
}

/** Whether the hits can stand together: close enough, one sentence, no talk about attacks around them. */
function fits(text: string, chosen: readonly Hit[], metas: readonly Hit[], widen = 1): boolean {
  let start = Infinity;
  let end = 0;
  let dense = false;
  for (const h of chosen) {
    start = Math.min(start, h.start);
    end = Math.max(end, h.end);
    dense ||= h.dense;
  }
  if (chosen.length > 1 && chosen.every((h) => h.english)) return false;
  const window = (dense ? WINDOW_DENSE : WINDOW_SPACED) * widen;
  if (end - start > window) return false;
  if (SENTENCE_END.test(text.slice(start, end))) return false;
  return !metas.some((m) => m.end >= start - window / 2 && m.start <= end + window / 2);
}

const overlaps = (a: Hit, b: Hit): boolean => a.start < b.end && b.start < a.end;

/** The span of the first combination of hits that fits the rule, if any. */
function satisfy(text: string, rule: MultilingualRule, bySlot: readonly Hit[][], metas: readonly Hit[]): { start: number; end: number } | undefined {
  const chosen: Hit[] = [];
  let span: { start: number; end: number } | undefined;
  const pick = (slot: number): boolean => {
    if (slot === bySlot.length) {
      if (!fits(text, chosen, metas, rule.widen)) return false;
      span = { start: Math.min(...chosen.map((h) => h.start)), end: Math.max(...chosen.map((h) => h.end)) };
      return true;
    }
    for (const hit of bySlot[slot]!) {
      if (chosen.some((c) => overlaps(c, hit))) continue;
      if (slot === 0 && rule.vocative && !isVocative(text, hit)) continue;
      chosen.push(hit);
      // Partial choices already wider than the window cannot recover.
      const ok = fits(text, chosen, [], rule.widen) && pick(slot + 1);
      chosen.pop();
      if (ok) return true;
    }
    return false;
  };
  pick(0);
  return span;
}

// Quotation marks: an attack inside quotes is mostly reported speech (news, minutes,
// "translate this example attack"), so its rule counts half.
const PAIRED_QUOTES: ReadonlyArray<readonly [string, string]> = [['«', '»'], ['“', '”'], ['„', '“'], ['「', '」'], ['『', '』'], ['‹', '›']];
const QUOTE_REACH = 200;

function insideQuotes(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - QUOTE_REACH), start);
  const after = text.slice(end, end + QUOTE_REACH);
  for (const [open, close] of PAIRED_QUOTES) {
    const o = before.lastIndexOf(open);
    if (o >= 0 && before.indexOf(close, o + 1) < 0 && after.includes(close)) return true;
  }
  // Straight quotes open and close alike: an odd count before and one after.
  const straight = (before.match(/"/g)?.length ?? 0) % 2 === 1 && after.includes('"');
  return straight;
}

/**
 * Log-odds of the multilingual technique rules on a folded text (line breaks
 * kept: a name at a line start is spoken to); appends the ids of the rules
 * that matched to `evidence`.
 */
export function applyMultilingualRules(flat: string, channel: 'user' | 'document', evidence: string[]): number {
  const hits = scanner.scan(flat);
  if (hits.length < 2) return 0;
  const byConcept = new Map<C, Hit[]>();
  for (const h of hits) {
    const list = byConcept.get(h.concept as C);
    // A few hits per concept are plenty for a real attack; the cap bounds the combination search.
    if (list) {
      if (list.length < MAX_HITS_PER_CONCEPT) list.push(h);
    } else byConcept.set(h.concept as C, [h]);
  }
  const metas = byConcept.get(C.Meta) ?? [];
  let sum = 0;
  for (const rule of RULES) {
    if (rule.documentOnly && channel !== 'document') continue;
    const bySlot = rule.slots.map((concepts) => concepts.flatMap((c) => byConcept.get(c) ?? []));
    if (bySlot.some((list) => list.length === 0)) continue;
    const span = satisfy(flat, rule, bySlot, metas);
    if (span) {
      const quoted = insideQuotes(flat, span.start, span.end);
      sum += quoted ? rule.weight / 2 : rule.weight;
      evidence.push(quoted ? `${rule.id}.quoted` : rule.id);
    }
  }
  return sum;
}
