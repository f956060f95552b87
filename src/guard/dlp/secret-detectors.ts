// Credential detectors. Formats are the vendors' documented token shapes;
// generic ones (passwords) need a key word in front to avoid flagging prose.
import type { Detector } from './pii-detectors.js';
import type { SensitiveFinding, SecretType } from './dlp-types.js';

/** `hint` is a cheap substring test that must pass before the pattern runs. */
function regexDetector(hint: string | RegExp, pattern: RegExp, type: SecretType, rule: string, group = 0, accept: (value: string) => boolean = () => true): Detector {
  return (text) => {
    const found: SensitiveFinding[] = [];
    if (typeof hint === 'string' ? !text.includes(hint) : !hint.test(text)) return found;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const value = m[group];
      if (value === undefined || value.length === 0 || !accept(value)) continue;
      const start = m.index + m[0].indexOf(value);
      found.push({ type, start, end: start + value.length, rule });
    }
    return found;
  };
}

/** "password is required" is prose; a value mixing character classes is a credential. */
function looksLikePassword(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(value)).length;
  return classes >= 2;
}

const detectors: Detector[] = [
  // Whole connection strings first; the account key inside is covered by the same span.
  regexDetector('AccountKey=', /DefaultEndpointsProtocol=https?;[^\s"'<>]{0,512}?AccountKey=[A-Za-z0-9+/]{40,100}={0,2}[^\s"'<>]{0,256}/g, 'AZURE_CONNECTION_STRING', 'secret.azure.connection-string'),
  regexDetector('SharedAccessKey=', /\b(?:Endpoint=sb:\/\/|HostName=)[^\s;"']{1,256};[^\s"'<>]{0,256}?SharedAccessKey=[A-Za-z0-9+/]{20,100}={0,2}/g, 'AZURE_CONNECTION_STRING', 'secret.azure.sas-connection-string'),
  regexDetector('==', /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g, 'AZURE_STORAGE_KEY', 'secret.azure.storage-key'),
  regexDetector(/A[KSBCIR][IO]A/, /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16}(?![A-Z0-9])/g, 'AWS_ACCESS_KEY', 'secret.aws.access-key-id'),
  regexDetector(/secret/i, /\baws_?secret_?(?:access_?)?key["']?\s{0,4}[:=]\s{0,4}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, 'AWS_SECRET_KEY', 'secret.aws.secret-key', 1),
  regexDetector(/gh[pousr]_|github_pat_/, /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g, 'GITHUB_TOKEN', 'secret.github.token'),
  regexDetector('xox', /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g, 'SLACK_TOKEN', 'secret.slack.token'),
  regexDetector('hooks.slack.com', /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32}/g, 'SLACK_TOKEN', 'secret.slack.webhook'),
  regexDetector('eyJ', /\beyJ[A-Za-z0-9_-]{8,2048}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,1024}/g, 'JWT', 'secret.jwt'),
  regexDetector(/:\/\/[^\s/@]{1,300}@/, /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@?#]{1,128}:([^\s/@?#]{1,128})@[A-Za-z0-9.-]{1,253}/gi, 'URL_PASSWORD', 'secret.url-password', 1),
  regexDetector(/pass|pwd|secret|api_?key/i, /\b(?:password|passwd|pwd|passcode|client_secret|api_key|apikey|secret_key)["']?\s{0,4}(?:[:=]|is)\s{0,4}["']?([^\s"',;]{6,128})/gi, 'PASSWORD', 'secret.password-assignment', 1, looksLikePassword),
];

const pemBegin = /-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY( BLOCK)?-----/g;

/** PEM private keys: found by their markers with indexOf, not one big regex. */
function detectPrivateKey(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  if (!text.includes('PRIVATE KEY')) return found;
  pemBegin.lastIndex = 0;
  for (let m = pemBegin.exec(text); m !== null; m = pemBegin.exec(text)) {
    const endMarker = `-----END ${m[1] ?? ''}PRIVATE KEY${m[2] ?? ''}-----`;
    const endAt = text.indexOf(endMarker, m.index + m[0].length);
    // A truncated key is still a key: mask to the end of the base64 body.
    let end = endAt >= 0 ? endAt + endMarker.length : m.index + m[0].length;
    if (endAt < 0) {
      while (end < text.length && /[A-Za-z0-9+/=\s]/.test(text[end]!)) end++;
    }
    found.push({ type: 'PRIVATE_KEY', start: m.index, end, rule: 'secret.private-key' });
    pemBegin.lastIndex = end;
  }
  return found;
}

const sasSignature = /(?:^|[?&\s"'])sig=[A-Za-z0-9%+/=]{16,256}/g;
const queryBreak = /[\s"'<>]/;

/** SAS tokens: a `sig=` parameter in a query that also has the service version (`sv=`). Masks the whole query. */
function detectSasToken(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  if (!text.includes('sig=')) return found;
  sasSignature.lastIndex = 0;
  let coveredTo = 0;
  for (let m = sasSignature.exec(text); m !== null; m = sasSignature.exec(text)) {
    const sigAt = m.index + m[0].indexOf('sig=');
    if (sigAt < coveredTo) continue;
    let start = sigAt;
    while (start > 0 && start > sigAt - 2048 && !queryBreak.test(text[start - 1]!) && text[start - 1] !== '?') start--;
    let end = sigAt;
    while (end < text.length && end < sigAt + 2048 && !queryBreak.test(text[end]!)) end++;
    const query = text.slice(start, end);
    if (!/(?:^|&)sv=\d{4}-\d{2}-\d{2}/.test(query)) continue;
    found.push({ type: 'AZURE_SAS_TOKEN', start, end, rule: 'secret.azure.sas' });
    coveredTo = end;
  }
  return found;
}

export const detectSecrets: Detector = (text) => {
  const found: SensitiveFinding[] = [...detectPrivateKey(text), ...detectSasToken(text)];
  for (const detect of detectors) found.push(...detect(text));
  return found;
};
