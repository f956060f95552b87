// Structures that are random by nature (URLs, e-mail addresses, hashes,
// base64, UUIDs, paths) become one placeholder character each, so a signal
// that reads text for noise (word-soup.ts; the character LM baseline in
// bench/detectors/char-lm.ts) does not read them as noise.

/** The placeholder a masked structure becomes. */
export const MASK_CHAR = '\u0001';

// Bounded patterns; each finds a structure that is meant to look random.
// Each runs only when a cheap test says the text may hold one.
const URL = /\b(?:https?|ftp|file):\/\/[^\s<>"'`]{1,2048}|\bwww\.[^\s<>"'`]{1,2048}/g;
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
const PATH = /(?:\b[A-Za-z]:)?(?:[\\/][\w.@~-]{1,128}){2,32}[\\/]?/g;
/** A run of word-ish characters long enough to be an id, a hash or base64. */
const RUN = /[A-Za-z0-9+/_=.-]{8,4096}/g;
const HEX_OR_UUID = /^(?:0x)?[0-9a-fA-F]{8,4096}$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DIGIT = /[0-9]/;
const ALPHA = /[A-Za-z]/;

function maskRun(run: string): string {
  if (HEX_OR_UUID.test(run) && DIGIT.test(run)) return MASK_CHAR;
  return run.length >= 16 && DIGIT.test(run) && ALPHA.test(run) ? MASK_CHAR : run;
}

/** Replaces random-looking structures by one placeholder character each. */
export function maskStructures(text: string): string {
  let t = text;
  if (t.includes('://') || t.includes('www.')) t = t.replace(URL, MASK_CHAR);
  if (t.includes('@')) t = t.replace(EMAIL, MASK_CHAR);
  if (t.includes('/') || t.includes('\\')) t = t.replace(PATH, MASK_CHAR);
  return t.replace(RUN, maskRun);
}
