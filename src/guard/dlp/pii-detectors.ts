// Personal-data detectors. Each is a linear-time candidate pattern followed
// by a validation step (checksum, library check or context), because patterns
// alone over-match digits. Phone validation uses libphonenumber-js and IBAN
// validation ibantools; the rest are structural rules.
import { isIPv6 } from 'node:net';
import { isPossiblePhoneNumber } from 'libphonenumber-js';
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { digitsOf, luhnValid } from './checksums.js';
import type { SensitiveFinding } from './dlp-types.js';

export type Detector = (text: string) => SensitiveFinding[];

function collect(text: string, pattern: RegExp, accept: (m: RegExpExecArray) => SensitiveFinding | undefined): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const finding = accept(m);
    if (finding) found.push(finding);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

const email = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
export const detectEmail: Detector = (text) =>
  !text.includes('@') ? [] : collect(text, email, (m) => ({ type: 'EMAIL_ADDRESS', start: m.index, end: m.index + m[0].length, rule: 'pii.email' }));

const card = /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d])/g;
export const detectCreditCard: Detector = (text) =>
  collect(text, card, (m) => {
    const digits = digitsOf(m[0]);
    if (digits.length < 12 || digits.length > 19 || !luhnValid(digits)) return undefined;
    if (/^(\d)\1+$/.test(digits)) return undefined;
    // Issuer ranges in use start with 1-6; 7-9 and 0 are not payment cards.
    if (!/^[1-6]/.test(digits)) return undefined;
    const separators = m[0].match(/[ -]/g)?.length ?? 0;
    if (separators > 0 && separators > 4) return undefined;
    return { type: 'CREDIT_CARD', start: m.index, end: m.index + m[0].length, rule: 'pii.card.luhn' };
  });

const iban = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;
export const detectIban: Detector = (text) =>
  collect(text, iban, (m) => {
    const compact = electronicFormatIBAN(m[0].toUpperCase());
    if (!compact || !isValidIBAN(compact)) return undefined;
    return { type: 'IBAN_CODE', start: m.index, end: m.index + m[0].length, rule: 'pii.iban.mod97' };
  });

function ssnValid(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}
const ssnSeparated = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const ssnBare = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
const ssnContext = /\b(?:ssn|social security|soc\. sec\.|tax ?id|itin)\b/i;
export const detectUsSsn: Detector = (text) => [
  ...collect(text, ssnSeparated, (m) =>
    ssnValid(m[1]!, m[3]!, m[4]!) ? { type: 'US_SSN', start: m.index, end: m.index + m[0].length, rule: 'pii.ssn' } : undefined,
  ),
  // Nine bare digits are only an SSN when the words around say so.
  ...collect(text, ssnBare, (m) =>
    ssnValid(m[1]!, m[2]!, m[3]!) && ssnContext.test(text.slice(Math.max(0, m.index - 40), m.index))
      ? { type: 'US_SSN', start: m.index, end: m.index + m[0].length, rule: 'pii.ssn.context' }
      : undefined,
  ),
];

const nino = /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const ninoInvalidPrefixes = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);
export const detectUkNino: Detector = (text) =>
  collect(text, nino, (m) =>
    ninoInvalidPrefixes.has(m[1]!) ? undefined : { type: 'UK_NINO', start: m.index, end: m.index + m[0].length, rule: 'pii.uk-nino' },
  );

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`(?<![\\d.])${octet}\\.${octet}\\.${octet}\\.${octet}(?!\\d|\\.\\d)`, 'g');
const ipv6Candidate = /(?<![A-Za-z0-9:])[0-9A-Fa-f:]{2,39}(?:%[A-Za-z0-9]{1,15})?(?![A-Za-z0-9:])/g;
const ipv6Hint = /:[0-9A-Fa-f]{0,4}:/;
const versionWord = /\b(?:version|ver\.?|v|release|build|rev\.?|firmware)\s*$/i;
export const detectIpAddress: Detector = (text) => [
  ...collect(text, ipv4, (m) =>
    versionWord.test(text.slice(Math.max(0, m.index - 10), m.index)) ? undefined : { type: 'IP_ADDRESS', start: m.index, end: m.index + m[0].length, rule: 'pii.ipv4' },
  ),
  // Cheap pre-check: most text has no two colons close together.
  ...(!ipv6Hint.test(text) ? [] : collect(text, ipv6Candidate, (m) => {
    const value = m[0];
    const colons = value.split(':').length - 1;
    const hexDigits = value.replace(/[^0-9A-Fa-f]/g, '').length;
    if (colons < 2 || hexDigits < 3 || !isIPv6(value.split('%')[0]!)) return undefined;
    return { type: 'IP_ADDRESS', start: m.index, end: m.index + value.length, rule: 'pii.ipv6' };
  })),
];

// Phone: a run of digits with the separators people use, then rules and libphonenumber-js.
const phoneCandidate = /(?<![\w+.\/-])(?:\+|\b00)?\(?\d[\d ().\-\/]{4,24}\d(?: ?(?:x|ext\.?) ?\d{1,6})?(?![\w])/g;
const yearPair = /^(?:19|20)\d{2}\s?[-\/]\s?(?:19|20)\d{2}$/;
const dateLike = /^(?:\d{4}[-.\/]\d{1,2}[-.\/]\d{1,2}|\d{1,2}[-.\/]\d{1,2}[-.\/](?:19|20)\d{2})/;
const ssnShape = /^\d{3}-\d{2}-\d{4}$/;
const zipPlusFour = /^\d{5}-\d{4}$/;
const isbnBefore = /\bISBN(?:-1[03])?:?\s?$/i;
const codeBefore = /\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,8} (?:[A-Z0-9]{4} )?$/;
const currencyBefore = /(?:[$€£¥₹]|usd|eur|gbp|chf)\s?$/i;
export const detectPhone: Detector = (text) =>
  collect(text, phoneCandidate, (m) => {
    const value = m[0];
    const main = value.replace(/ ?(?:x|ext\.?) ?\d{1,6}$/, '');
    const digits = digitsOf(main);
    if (digits.length < 7 || digits.length > 15) return undefined;
    if (yearPair.test(main) || dateLike.test(main) || ssnShape.test(main) || zipPlusFour.test(main)) return undefined;
    if (isbnBefore.test(text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
    // Digits continuing a code such as "GB82 WEST 1234 ..." belong to that code.
    if (codeBefore.test(text.slice(Math.max(0, m.index - 16), m.index))) return undefined;
    if (currencyBefore.test(text.slice(Math.max(0, m.index - 5), m.index))) return undefined;
    if (/^(\d)\1+$/.test(digits)) return undefined;
    const groups = main.split(/[^\d]+/).filter((g) => g.length > 0);
    const separators = main.replace(/[\d+]/g, '');
    if (/\.\./.test(main) || /--/.test(main)) return undefined;
    // Parentheses must pair up: "19.14 (128" is a figure with a remark, not a phone.
    if ((main.match(/\(/g)?.length ?? 0) !== (main.match(/\)/g)?.length ?? 0)) return undefined;
    if (main.includes('/') && !/^\(?\d{2,5}\)? ?\/ ?\d/.test(main)) return undefined;
    if (main.startsWith('+') || main.startsWith('00')) {
      const international = '+' + (main.startsWith('00') ? main.slice(2) : main.slice(1)).replace(/\(0\)/g, '');
      return isPossiblePhoneNumber(international)
        ? { type: 'PHONE_NUMBER', start: m.index, end: m.index + value.length, rule: 'pii.phone.intl' }
        : undefined;
    }
    if (groups.length === 1) {
      // Bare digit runs are only phones at a national-number length.
      if (digits.length < 10 || digits.length > 11) return undefined;
    } else {
      if (separators.length > 0 && /^\.+$/.test(separators) && groups.length < 3) return undefined; // decimals
      if (groups.some((g) => g.length > 8)) return undefined;
    }
    return { type: 'PHONE_NUMBER', start: m.index, end: m.index + value.length, rule: 'pii.phone' };
  });

const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const dateValue = new RegExp(
  `(?<![\\d/.-])(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?:st|nd|rd|th)? (?:${months})\\.?,? (?:19|20)\\d{2}|(?:${months})\\.? \\d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\\d{2})(?![\\d/])`,
  'gi',
);
const birthContext = /\b(?:born|birth|dob|d\.o\.b|birthday|geboren|né|née)\b[^.\n]{0,30}$/i;
const birthWord = /born|birth|dob|d\.o\.b|geboren|né/i;
export const detectDateOfBirth: Detector = (text) =>
  !birthWord.test(text) ? [] : collect(text, dateValue, (m) =>
    birthContext.test(text.slice(Math.max(0, m.index - 48), m.index))
      ? { type: 'DATE_OF_BIRTH', start: m.index, end: m.index + m[0].length, rule: 'pii.dob.context' }
      : undefined,
  );
