// Tells a segment that ADDRESSES an AI reader ("Assistant, ignore ...",
// "AI model reading this notice: ...") from one that merely MENTIONS one
// ("the assistant summarises each meeting"). Both share the same words, so
// the segment model needs these markers to rank them apart.
// Every quantifier is bounded: the input is untrusted text.

/** Nouns that name an AI reader. Segments without one get no marker (cheap pre-check). */
const AI_NOUNS = new Set(['assistant', 'assistants', 'copilot', 'chatbot', 'bot', 'model', 'llm', 'gpt', 'agent', 'ai', 'system']);
const NOUN = '(?:assistant|copilot|chatbot|bot|model|llm|gpt|agent|ai|system)';

/** "Assistant," / "Hey Copilot:" / "Note to the AI assistant:" after a clause start (start, quote, comment mark). */
const VOCATIVE = new RegExp(
  `(?:^|[."'(/#*>;!?-])\\s{0,3}(?:(?:hey|hi|dear|attention|note to|to|psst|ok|okay|ps)\\s{1,3})?(?:the\\s{1,3})?(?:ai\\s{1,3})?${NOUN}\\s{0,2}[,:]`,
);
/** "AI model reading this ...", "the chatbot summarising these ...", "if you are an AI ...": the reader is the target. */
const READER = new RegExp(
  `\\b${NOUN}s?\\s{1,3}(?:reading|processing|summari[sz]ing|scoring|parsing|analy[sz]ing|reviewing|indexing)\\s{1,3}(?:this|these|the)\\b|\\b(?:if\\s{1,3})?you\\s{1,3}are\\s{1,3}(?:an?\\s{1,3})?(?:ai|language model|llm|assistant|chatbot)\\b`,
);
/** "the assistant", "our chatbot", "a model": a third-person mention. */
const MENTION = new RegExp(`\\b(?:the|a|an|our|their|its|this|that|each|every|his|her)\\s{1,3}(?:ai\\s{1,3})?${NOUN}s?\\b`);

/** Markers for a folded segment: `ai:vocative`, `ai:reader`, `ai:you`, `ai:mention` or none. */
export function aiAddressMarkers(text: string, words: readonly string[]): string[] {
  let noun = false;
  let you = false;
  for (const w of words) {
    if (AI_NOUNS.has(w)) noun = true;
    else if (w === 'you' || w === 'your') you = true;
  }
  if (!noun) return [];
  const markers: string[] = [];
  if (VOCATIVE.test(text)) markers.push('ai:vocative');
  if (READER.test(text)) markers.push('ai:reader');
  if (markers.length === 0) {
    if (MENTION.test(text)) markers.push('ai:mention');
    else markers.push('ai:bare');
  }
  if (you) markers.push(markers[0] === 'ai:mention' ? 'ai:mention-you' : 'ai:you');
  return markers;
}
