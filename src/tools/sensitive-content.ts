// Finds PII and secrets in text about to leave the tenant through a tool call,
// with the guard's DLP detectors (the same ones the input/output guards use),
// including data hidden in base64, hex or URL encoding.
import { isSecretType } from '../guard/dlp/dlp-types.js';
import { findSensitiveData } from '../guard/dlp/find-sensitive-data.js';
import { decodeObfuscation } from '../guard/normalize/decode-obfuscation.js';
import { normalizeText } from '../guard/normalize/normalize-text.js';

export interface SensitiveHit {
  /** Type label (Presidio-style names, e.g. CREDIT_CARD, AWS_ACCESS_KEY). */
  type: string;
  kind: 'pii' | 'secret';
}

export type SensitiveContentDetector = (text: string) => SensitiveHit[];

/** One hit per type found in the text. */
export const guardDlpDetector: SensitiveContentDetector = (text) => {
  if (!text) return [];
  const normalized = normalizeText(text);
  const types = new Set(findSensitiveData(normalized, decodeObfuscation(normalized)).map((f) => f.type));
  return [...types].map((type) => ({ type, kind: isSecretType(type) ? 'secret' : 'pii' }));
};
