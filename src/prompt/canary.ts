// Per-conversation canary: a random token planted in the system prompt.
// Seeing it in any output means the prompt leaked (guards block and audit it).
import { createHash, randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
const canaryPattern = /^cnry_[a-z2-7]{24}$/;

/** 120 random bits, lowercase base32, with a fixed prefix so it is easy to spot in logs and audits. */
export function newCanary(): string {
  const bytes = randomBytes(24);
  let out = 'cnry_';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}

/**
 * The conversation's rule ids: opaque tokens planted through the system prompt
 * (one per rule). A translation or paraphrase of the prompt keeps them where it
 * drops the canary line. Derived from the canary, so a conversation's leak data
 * stays one small string.
 */
export function leakRefs(canary: string, count: number): string[] {
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const digest = createHash('sha256').update(`${canary}:ref:${i}`).digest();
    let ref = '';
    for (let k = 0; k < 8; k++) ref += alphabet[digest[k]! & 31];
    refs.push(ref);
  }
  return refs;
}

export function isCanary(value: string): boolean {
  return canaryPattern.test(value);
}

/** Keeps letters and digits only, lowercased: defeats spacing, case and punctuation tricks. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * True when the canary appears in the text, also when it was spaced out,
 * re-cased, datamarked or split with punctuation (e.g. "C N R Y _ A B ...").
 */
export function containsCanary(text: string, canary: string): boolean {
  if (!text || !canary) return false;
  if (text.includes(canary)) return true;
  const needle = squash(canary);
  return needle.length > 0 && squash(text).includes(needle);
}
