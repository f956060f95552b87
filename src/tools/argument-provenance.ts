// Where could a tool argument have come from? A value the user typed is the
// user's intent; a value found only in untrusted text (a document, a mail) may be
// an attacker's; a value found nowhere was made up by the model, which is just as
// steerable once untrusted text is in its context.
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
  /** Source of the untrusted text it matched (origin untrusted only). */
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

/** Caches normalised texts per provenance so that many arguments cost one normalisation per text. */
const normalizedCache = new WeakMap<TurnProvenance, { user: string[]; untrusted: Array<{ source: string; text: string }>; seen: number; users: number }>();

function normalizedTexts(turn: TurnProvenance) {
  let entry = normalizedCache.get(turn);
  if (!entry || entry.seen !== turn.untrusted.length || entry.users !== turn.userTexts.length) {
    entry = {
      user: turn.userTexts.map((t) => normalizeForMatch(String(t ?? ''))),
      untrusted: turn.untrusted.map((u) => ({ source: u.source, text: normalizeForMatch(u.text) })),
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
  const hit = texts.untrusted.find((u) => u.text.includes(needle));
  if (hit) return { origin: 'untrusted', source: hit.source };
  return { origin: 'model' };
}

export function classifyArguments(args: Record<string, unknown>, turn: TurnProvenance, minChars: number): { leaves: LeafOrigin[]; complete: boolean } {
  const { leaves, complete } = walkArguments(args);
  return { leaves: leaves.map((leaf) => ({ ...leaf, ...originOf(leaf.value, turn, minChars) })), complete };
}
