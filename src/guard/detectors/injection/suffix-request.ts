// Where the request ends and an appended suffix begins (issue 15, item 1).
// An optimised suffix is tuned to pull a linear model's score down with
// words it deems harmless ("summary paragraph table"), so the request is
// read again without it. The suffix starts before the end of the oddest
// window (word-soup.ts; the window may straddle the request's last words);
// the request ends with a full stop or question mark before that, with at
// least a few chunks after it. An attacker can put stops into the suffix too, so every sentence end
// before the window is a candidate, and the caller takes the most harmful
// reading: adding stops only adds candidates. Without a sentence end there is
// no candidate: the odd half of one sentence (names, jargon, another
// language) is not a suffix, and the fragment before it reads as a request.

/** Sentence-final punctuation after a word (with closing quotes or brackets) followed by whitespace; a lone "?" is code ("| ? {"). */
const SENTENCE_END = /(?<=[\p{L}\p{N}])[.?!。？！]["'”’)\]]*(?=\s)/gu;
/** Each candidate request is read over this many characters before its end (the cost stays bounded). */
const REQUEST_CHARS = 400;
/** Candidates kept when there are many sentence ends: the last few (an attacker's stops add candidates there). */
const LAST_CANDIDATES = 6;
const MIN_REQUEST_CHARS = 12;

/** A suffix is at least this many whitespace chunks long, or this many characters (tokens may be glued). */
const MIN_SUFFIX_CHUNKS = 4;
const MIN_SUFFIX_CHARS = 24;
const CHUNKS_AFTER = /\S+/g;

export interface RequestCandidate {
  /** the text before the cut, at most REQUEST_CHARS long */
  request: string;
  /** offset of the cut: the suffix is text.slice(end) */
  end: number;
}

/**
 * A cut where no sentence end is (AdvBench-style requests have none before
 * the suffix): at `at`, when at least MIN_BARE_REQUEST_WORDS words come
 * before it and a suffix's worth after it.
 */
export function bareCandidate(text: string, at: number): RequestCandidate | undefined {
  if (at <= 0) return undefined;
  const request = text.slice(Math.max(0, at - REQUEST_CHARS), at).trim();
  const after = text.slice(at, at + 200);
  const enoughAfter = (after.match(CHUNKS_AFTER)?.length ?? 0) >= MIN_SUFFIX_CHUNKS || after.trim().length >= MIN_SUFFIX_CHARS;
  return enoughAfter && (request.match(CHUNKS_AFTER)?.length ?? 0) >= MIN_BARE_REQUEST_WORDS ? { request, end: at } : undefined;
}
const MIN_BARE_REQUEST_WORDS = 5;

/** Cuts after a sentence end at or after `from`, with at least MIN_SUFFIX_CHUNKS chunks after it (the last few). */
export function requestCandidates(text: string, from = 0): RequestCandidate[] {
  const ends: number[] = [];
  for (const m of text.slice(from).matchAll(SENTENCE_END)) {
    const end = from + m.index + m[0].length;
    const after = text.slice(end, end + 200);
    if ((after.match(CHUNKS_AFTER)?.length ?? 0) >= MIN_SUFFIX_CHUNKS || after.trim().length >= MIN_SUFFIX_CHARS) ends.push(end);
  }
  const kept = ends.slice(-LAST_CANDIDATES);
  const out: RequestCandidate[] = [];
  for (const end of kept) {
    const request = text.slice(Math.max(0, end - REQUEST_CHARS), end).trim();
    if (request.length >= MIN_REQUEST_CHARS) out.push({ request, end });
  }
  return out;
}
