// Runs every DLP detector over the raw text, the normalised text (mapped back
// to raw offsets) and decoded obfuscated spans, then keeps one finding per
// region: the most specific type wins (a Luhn-valid card is not also a phone).
import type { DecodedView } from '../normalize/decode-obfuscation.js';
import { LRUCache } from 'lru-cache';
import { normalizeText, toRawSpan, type NormalizedText } from '../normalize/normalize-text.js';
import { detectPerson, detectStreetAddress } from './name-address-detectors.js';
import { detectCreditCard, detectDateOfBirth, detectEmail, detectIban, detectIpAddress, detectPhone, detectUkNino, detectUsSsn, type Detector } from './pii-detectors.js';
import { detectSecrets } from './secret-detectors.js';
import { secretTypes, sensitiveTypes, type SensitiveFinding, type SensitiveType } from './dlp-types.js';

/**
 * Order matters: earlier detectors win overlaps. Each lists the types it can
 * report so that a policy acting on few types only pays for those detectors.
 */
const orderedDetectors: Array<[Detector, readonly SensitiveType[]]> = [
  [detectSecrets, secretTypes],
  [detectCreditCard, ['CREDIT_CARD']],
  [detectIban, ['IBAN_CODE']],
  [detectUsSsn, ['US_SSN']],
  [detectUkNino, ['UK_NINO']],
  [detectEmail, ['EMAIL_ADDRESS']],
  [detectIpAddress, ['IP_ADDRESS']],
  [detectDateOfBirth, ['DATE_OF_BIRTH']],
  [detectPhone, ['PHONE_NUMBER']],
  [detectStreetAddress, ['STREET_ADDRESS']],
  [detectPerson, ['PERSON']],
];

function detectAll(text: string, wanted?: ReadonlySet<SensitiveType>): SensitiveFinding[] {
  const all: SensitiveFinding[] = [];
  orderedDetectors.forEach(([detect, types], priority) => {
    if (wanted && !types.some((t) => wanted.has(t))) return;
    for (const f of detect(text)) if (!wanted || wanted.has(f.type)) all.push({ ...f, priority } as SensitiveFinding & { priority: number });
  });
  return all;
}

type Ranked = SensitiveFinding & { priority: number };

/** Keeps the highest-priority finding where findings overlap. */
function resolveOverlaps(findings: Ranked[]): SensitiveFinding[] {
  const byPriority = [...findings].sort((a, b) => a.priority - b.priority || a.start - b.start || b.end - a.end);
  const kept: Ranked[] = [];
  for (const f of byPriority) {
    if (f.end <= f.start) continue;
    if (kept.some((k) => k.start < f.end && f.start < k.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ type, start, end, rule }) => ({ type, start, end, rule }));
}

/**
 * Sensitive data in the RAW text of `n`. `wanted` limits the work to the types
 * a policy acts on (undefined = all types).
 */
export function findSensitiveData(n: NormalizedText, views: DecodedView[], wanted?: ReadonlySet<SensitiveType>): SensitiveFinding[] {
  const findings = find(n, views, wanted);
  if (findings.length === 0) rememberClean(n, wanted);
  return findings;
}

// Texts a check just found none of its types in (the guard's, mostly), so that redacting the same
// text for the audit record (findAllSensitiveData) runs only the detectors of the other types and
// skips the normalisation. Bounded: a few turns' worth of replies, none longer than a redacted text.
const maxRememberedChars = 8192;
const allTypes: ReadonlySet<SensitiveType> = new Set(sensitiveTypes);
const recentlyClean = new LRUCache<string, { normalized: NormalizedText; covered: ReadonlySet<SensitiveType> }>({ max: 64 });

function rememberClean(n: NormalizedText, covered: ReadonlySet<SensitiveType> | undefined): void {
  if (n.raw.length > maxRememberedChars || covered?.size === 0) return;
  const earlier = recentlyClean.get(n.raw);
  // Two checks that each found none of their types: none of either's.
  const types = covered === undefined ? allTypes : earlier ? new Set([...earlier.covered, ...covered]) : covered;
  recentlyClean.set(n.raw, { normalized: earlier?.normalized ?? n, covered: types });
}

/**
 * What findSensitiveData(normalizeText(text), []) finds (every type, no decoded views), the same
 * result: a recent check of this very text that found none of the types it looked for had no
 * finding of those types on the raw or the normalised text, so only the other types are left.
 */
export function findAllSensitiveData(text: string): SensitiveFinding[] {
  const known = recentlyClean.get(text);
  if (!known) return findSensitiveData(normalizeText(text), []);
  if (known.covered.size === allTypes.size) return [];
  const rest = new Set(sensitiveTypes.filter((t) => !known.covered.has(t)));
  return findSensitiveData(known.normalized, [], rest);
}

function find(n: NormalizedText, views: DecodedView[], wanted?: ReadonlySet<SensitiveType>): SensitiveFinding[] {
  if (wanted && wanted.size === 0) return [];
  const found = detectAll(n.raw, wanted) as Ranked[];
  if (n.text !== n.raw) {
    for (const f of detectAll(n.text, wanted) as Ranked[]) {
      const raw = toRawSpan(n, f.start, f.end);
      found.push({ ...f, start: raw.start, end: raw.end, rule: `${f.rule}+normalized` });
    }
  }
  for (const view of views) {
    // Only true decodings of a span carry data; whole-text rewrites (leet, rot13) would only add noise here.
    if (view.kind !== 'base64' && view.kind !== 'hex' && view.kind !== 'url') continue;
    for (const f of detectAll(view.text, wanted) as Ranked[]) {
      found.push({ ...f, start: view.rawStart, end: view.rawEnd, rule: `${f.rule}+${view.kind}` });
    }
  }
  return resolveOverlaps(found);
}
