// Character-level anomaly typical of optimised adversarial suffixes: word
// fragments glued to runs of brackets, backslashes and markup, odd mid-word
// capitals, all in prose (not in code). Returns 0..1.

const ODD_TOKEN = /[\p{L}][\\\]\[(){}<>*=+|~^`!]{2,}|[\\\]\[(){}<>*=+|~^`!]{2,}[\p{L}]|\p{Ll}\p{Lu}\p{Ll}/u;
// Code is symbol-dense too: a fence or two code keywords mean "this is code".
const CODE_FENCE = /```/;
const CODE_KEYWORD = /\b(?:function|return|const|var|def|elif|import|public|static|void|printf|console|println|namespace|lambda|struct)\b|#include|\w\(\)|;\s*$/gm;

/** Looks only at the last 400 characters: suffixes are appended to a request. */
export function suffixAnomaly(raw: string): number {
  const tail = raw.length > 400 ? raw.slice(-400) : raw;
  if (tail.length < 40 || CODE_FENCE.test(tail) || (tail.match(CODE_KEYWORD)?.length ?? 0) >= 2) return 0;
  const tokens = tail.split(/\s+/).filter((t) => t.length > 0);
  if (tokens.length < 6) return 0;
  let odd = 0;
  for (const t of tokens) if (t.length <= 60 && ODD_TOKEN.test(t)) odd++;
  const ratio = odd / tokens.length;
  if (odd < 3) return 0;
  return Math.min(1, ratio / 0.35);
}
