// Masks credentials and obvious personal data before anything is logged.
// Linear-time patterns only: every quantifier is bounded or over a disjoint class.

const secretKeyName = /(secret|password|passwd|token|assertion|authorization|apikey|api_key|key$|credential|cookie|signature|sig$)/i;

const patterns: Array<[RegExp, string]> = [
  // JWTs (three base64url segments, header starts with eyJ)
  [/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{0,}/g, '[jwt]'],
  // Authorization header values
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  // Azure storage account keys and SAS signatures in connection strings / URLs
  [/(AccountKey|SharedAccessKey|sig)=[A-Za-z0-9%+/=]{8,}/gi, '$1=[redacted]'],
  // PEM private keys
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{0,8192}?-----END [A-Z ]*PRIVATE KEY-----/g, '[private-key]'],
  // user:password@ in URLs
  [/(\/\/)[^\s/:@]{1,256}:[^\s/@]{1,256}@/g, '$1[credentials]@'],
  // e-mail addresses
  [/[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g, '[email]'],
];

export function scrubText(text: string): string {
  let out = text.length > 8192 ? text.slice(0, 8192) + '…[truncated]' : text;
  for (const [re, replacement] of patterns) out = out.replace(re, replacement);
  return out;
}

export function scrubValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return { name: value.name, message: scrubText(value.message) };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubValue(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = secretKeyName.test(k) && v !== undefined && v !== null && typeof v !== 'boolean' && typeof v !== 'number' ? '[redacted]' : scrubValue(v, depth + 1);
    }
    return out;
  }
  return value;
}
