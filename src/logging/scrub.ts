// Masks credentials and personal data before anything is logged. The content
// detectors are the guard engine's DLP detectors (one mechanism: whatever the
// output guard would mask, a log line masks too), run on the text and on its
// normalised form so fullwidth or zero-width-split values are caught as well.
// Only credentials recognised by their label, which DLP has no content shape
// for (an opaque bearer token, a short account key), are handled here.
import { findAllSensitiveData } from '../guard/dlp/find-sensitive-data.js';

const secretKeyName = /(secret|password|passwd|token|assertion|authorization|apikey|api_key|key$|credential|cookie|signature|sig$)/i;

const maxChars = 8192;

// Linear-time patterns only: every quantifier is bounded or over a disjoint class.
const labelledCredentials: Array<[RegExp, string]> = [
  // Authorization header values (opaque tokens have no shape of their own)
  [/\b(Bearer|Basic)\s{1,8}[A-Za-z0-9._~+/=-]{8,4096}/gi, '$1 [redacted]'],
  // Azure storage account keys and SAS signatures in connection strings / URLs, whatever their length
  [/\b(AccountKey|SharedAccessKey|sig)=[A-Za-z0-9%+/=]{8,1024}/gi, '$1=[redacted]'],
];

/** The text with every DLP finding replaced by its type, e.g. "[CREDIT_CARD]". */
function maskSensitive(text: string): string {
  // The output guard has usually just checked this very text: its clean result is reused.
  const findings = findAllSensitiveData(text);
  if (findings.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + `[${f.type}]`;
    at = f.end;
  }
  return out + text.slice(at);
}

export function scrubText(text: string): string {
  let out = text.length > maxChars ? text.slice(0, maxChars) : text;
  for (const [re, replacement] of labelledCredentials) out = out.replace(re, replacement);
  out = maskSensitive(out);
  return text.length > maxChars ? out + '…[truncated]' : out;
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'bigint') return scrubText(String(value));
  // A card or phone number passed as a number would otherwise be printed as is.
  if (typeof value === 'number' && Math.abs(value) >= 1e6) {
    const masked = scrubText(String(value));
    return masked === String(value) ? value : masked;
  }
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return { name: scrubText(value.name), message: scrubText(value.message), ...(cause !== undefined ? { cause: scrubValue(cause, depth + 1) } : {}) };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubValue(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[scrubText(k)] = secretKeyName.test(k) && v !== undefined && v !== null && typeof v !== 'boolean' && typeof v !== 'number' ? '[redacted]' : scrubValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
