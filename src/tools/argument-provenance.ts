// Where could a tool argument have come from? A value the user typed is the
// user's intent; a value found only in untrusted text (a document, a mail) may be
// an attacker's; a value found nowhere was made up by the model, which is just as
// steerable once untrusted text is in its context.
//
// Untrusted text is matched in every form a model can read it in: the forms
// the guard engine decodes (confusables folded, invisible and tag characters,
// base64, hex, %-escapes, HTML entities, ...), so an address hidden in an
// encoding keeps its provenance. The user's own words are matched literally
// (after NFKC): only what the user typed counts as the user's.
import { domainToASCII, domainToUnicode } from 'node:url';
import { decodeHtmlEntities, decodeObfuscation, decodePercentEscapes } from '../guard/normalize/decode-obfuscation.js';
import { normalizeText } from '../guard/normalize/normalize-text.js';
import type { TurnProvenance } from './provenance.js';

export type ArgumentOrigin = 'user' | 'untrusted' | 'model' | 'trivial';

export interface ArgumentLeaf {
  /** Top-level argument name the leaf belongs to (the policy is written per argument). */
  argument: string;
  /** Path for diagnostics, e.g. attendees[1]. */
  path: string;
  value: string;
}

export interface LeafOrigin extends ArgumentLeaf {
  origin: ArgumentOrigin;
  /** Source of the untrusted text it matched, or "named-item" for an item the user named. */
  source?: string;
}

const MAX_DEPTH = 6;
const MAX_LEAVES = 500;
// Invisible characters an attacker can sprinkle in to defeat plain substring matching.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/g;

/** Canonical form for comparisons: compatibility-folded, lower case, no invisible characters, single spaces. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every string (and number) inside the arguments, with the top-level argument it belongs to. */
export function argumentLeaves(args: Record<string, unknown>): ArgumentLeaf[] {
  return walkArguments(args).leaves;
}

/** Like argumentLeaves; complete is false when the arguments were too deep or too many to inspect fully. */
export function walkArguments(args: Record<string, unknown>): { leaves: ArgumentLeaf[]; complete: boolean } {
  const leaves: ArgumentLeaf[] = [];
  let complete = true;
  const walk = (value: unknown, argument: string, path: string, depth: number): void => {
    if (leaves.length >= MAX_LEAVES || depth > MAX_DEPTH) {
      complete = false;
      return;
    }
    if (typeof value === 'string') leaves.push({ argument, path, value });
    else if (typeof value === 'number' || typeof value === 'bigint') leaves.push({ argument, path, value: String(value) });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, argument, `${path}[${i}]`, depth + 1));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(inner, argument, `${path}.${key}`, depth + 1);
    }
  };
  for (const [name, value] of Object.entries(args)) walk(value, name, name, 0);
  return { leaves, complete };
}

// Generous limits: a document may hide the one address that matters behind many decoys.
const DECODING_LIMITS = { maxViews: 512, maxDecodedChars: 1024 * 1024 };

/** Every form a model may read untrusted text in, each in the canonical match form. */
function readableForms(text: string): string[] {
  const normalized = normalizeText(text);
  const bases = [text, normalized.text, ...decodeObfuscation(normalized, DECODING_LIMITS).map((v) => v.text)];
  const forms = new Set<string>();
  for (const base of bases) {
    // Escapes the guard decodes only in dense runs are decoded here wherever they are:
    // one %40 or &#64; is enough to hide an address.
    const unescaped = decodeHtmlEntities(decodePercentEscapes(base).text).text;
    for (const form of unescaped === base ? [base] : [base, unescaped]) {
      forms.add(normalizeForMatch(form));
      forms.add(normalizeForMatch(normalizeText(form).text));
    }
  }
  return [...forms];
}

/** The value and its look-alike-folded and IDN (punycode / Unicode) spellings, for matching untrusted text. */
function needleVariants(needle: string): string[] {
  const variants = new Set([needle, normalizeForMatch(normalizeText(needle).text)]);
  for (const value of [...variants]) {
    const at = value.lastIndexOf('@');
    const domain = at >= 0 ? value.slice(at + 1) : value;
    if (!domain.includes('.')) continue;
    for (const spelled of [domainToASCII(domain), domainToUnicode(domain)]) {
      if (spelled) variants.add(`${value.slice(0, at + 1)}${spelled.toLowerCase()}`);
    }
  }
  return [...variants];
}

/** Caches the match forms per provenance so that many arguments cost one decoding per text. */
const normalizedCache = new WeakMap<TurnProvenance, { user: string[]; untrusted: Array<{ source: string; forms: string[] }>; seen: number; users: number }>();

function normalizedTexts(turn: TurnProvenance) {
  let entry = normalizedCache.get(turn);
  if (!entry || entry.seen !== turn.untrusted.length || entry.users !== turn.userTexts.length) {
    const known = entry?.untrusted ?? [];
    entry = {
      user: turn.userTexts.map((t) => normalizeForMatch(String(t ?? ''))),
      untrusted: turn.untrusted.map((u, i) => known[i] ?? { source: u.source, forms: readableForms(u.text) }),
      seen: turn.untrusted.length,
      users: turn.userTexts.length,
    };
    normalizedCache.set(turn, entry);
  }
  return entry;
}

/** Classifies one value. Values shorter than minChars (after normalising) carry no signal and are "trivial". */
export function originOf(value: string, turn: TurnProvenance, minChars: number): { origin: ArgumentOrigin; source?: string } {
  const needle = normalizeForMatch(value);
  if (needle.length < minChars) return { origin: 'trivial' };
  const texts = normalizedTexts(turn);
  // The user's own words win: a value the user typed is authorised even if a document repeats it.
  if (texts.user.some((t) => t.includes(needle))) return { origin: 'user' };
  // An item the user named (found by a search in the user's words): its identity is the user's choice.
  if (namedByUser(needle, turn, texts.user, minChars)) return { origin: 'user', source: 'named-item' };
  const variants = needleVariants(needle);
  const hit = texts.untrusted.find((u) => u.forms.some((form) => variants.some((v) => form.includes(v))));
  if (hit) return { origin: 'untrusted', source: hit.source };
  return { origin: 'model' };
}

function namedByUser(needle: string, turn: TurnProvenance, userTexts: string[], minChars: number): boolean {
  return turn.namedItems.some((item) => {
    const query = normalizeForMatch(item.query);
    return query.length >= minChars && userTexts.some((t) => t.includes(query)) && item.ids.some((id) => normalizeForMatch(id) === needle);
  });
}

export function classifyArguments(args: Record<string, unknown>, turn: TurnProvenance, minChars: number): { leaves: LeafOrigin[]; complete: boolean } {
  const { leaves, complete } = walkArguments(args);
  return { leaves: leaves.map((leaf) => ({ ...leaf, ...originOf(leaf.value, turn, minChars) })), complete };
}
