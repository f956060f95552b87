// Best-effort person-name and street-address detectors. Names and addresses
// have no checksum, so these rely on cues (titles, "my name is", street
// suffixes, P.O. boxes) and favour precision over recall. See the eval report
// for how far they get; the default policy does not act on them.
import type { Detector } from './pii-detectors.js';
import type { SensitiveFinding } from './dlp-types.js';

// A capitalised word in any Latin-based script, or an initial like "P." / "S".
const nameWord = "\\p{Lu}[\\p{Ll}'’-]{1,24}";
const initial = '\\p{Lu}\\.?';
const fullName = `${nameWord}(?: (?:${nameWord}|${initial})){0,2}(?: ${nameWord})?`;

const titled = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Herr|Frau|Mme|Mlle|Sr|Sra)\\.? (${fullName})`, 'gu');
const cued = new RegExp(
  `(?:\\b(?:[Mm]y name is|[Nn]ame is|[Nn]ame:|[Ii] am|[Ii]'m|[Tt]his is|[Cc]alled|[Nn]amed|[Dd]ear|[Uu]ser:|[Ss]igned,?|[Rr]egards,|[Ss]incerely,|[Cc]ontact|[Aa]ttn:?|[Uu]nder|[Cc]hange it to|[Ss]poke (?:to|with)|[Aa]sk) )(${fullName})`,
  'gu',
);
// Words that follow the cues above but are not names.
const notNames = new Set([
  'I', 'The', 'A', 'An', 'It', 'This', 'That', 'There', 'Here', 'Not', 'Sorry', 'Happy', 'Glad', 'Good', 'Fine', 'Well', 'Just',
  'Going', 'Looking', 'Trying', 'Interested', 'Unable', 'Able', 'Sure', 'Afraid', 'Monday', 'Tuesday', 'Wednesday', 'Thursday',
  'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Microsoft', 'Teams', 'Please', 'Thanks', 'Thank', 'Hello', 'Hi', 'Yes', 'No', 'Ok', 'Okay',
  'Customer', 'Support', 'Team', 'Sir', 'Madam', 'All', 'Everyone', 'What', 'Which', 'Who', 'Why', 'How', 'When', 'Where', 'If',
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Herr', 'Frau', 'Mme', 'Mlle', 'My', 'Your', 'Our', 'Their', 'His', 'Her', 'We', 'You', 'They', 'He', 'She', 'Also', 'Still', 'Now', 'Very', 'So', 'Really',
]);

function nameFinding(text: string, m: RegExpExecArray, rule: string): SensitiveFinding | undefined {
  const name = m[1]!;
  const words = name.split(' ');
  while (words.length > 0 && notNames.has(words[words.length - 1]!.replace(/\.$/, ''))) words.pop();
  if (words.length === 0 || notNames.has(words[0]!)) return undefined;
  const kept = words.join(' ').replace(/['’]s$/, '');
  const start = m.index + m[0].length - name.length;
  return { type: 'PERSON', start, end: start + kept.length, rule };
}

export const detectPerson: Detector = (text) => {
  const found: SensitiveFinding[] = [];
  for (const [pattern, rule] of [[titled, 'pii.person.title'], [cued, 'pii.person.cue']] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const finding = nameFinding(text, m, rule);
      if (finding) found.push(finding);
    }
  }
  return found;
};

const streetSuffix =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Crescent|Close|Row|Alley|Plaza|Trail|Strasse|Straße|Gasse|Weg|Platz|Rue|Via|Calle|Avenida|Allee|Laan|Straat|gatan|vej|katu|utca|ulica)';
const unit = '(?:,? (?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|#)\\.? ?#?\\d{1,5}[A-Za-z]?)?';
const numberFirst = new RegExp(`\\b\\d{1,6}[A-Za-z]? (?:\\p{Lu}[\\p{L}.'-]{0,24} ){0,4}${streetSuffix}\\b\\.?${unit}`, 'gu');
const poBox = /\b(?:P\.? ?O\.? ?Box|Postbox|Post Office Box|(?:PSC|CMR|Unit) \d{3,5},? Box) \d{1,7}\b/gi;
const unitOnly = /\b(?:Apt|Apartment|Suite|Ste)\.? ?#?\d{1,5}\b/g;
// A house number after the street name (continental style). Anchored on the
// number, then the words before it are checked, so prose without numbers costs nothing.
// The number must follow "<letter or dot> ": checked in code, not by a look-behind, which
// would be tried at every character instead of only where a digit is.
const numberAfterWord = /\d{1,5}[a-z]?\b\.?/gu;
const letterOrDot = /^[\p{L}.]$/u;

function followsWordAndSpace(text: string, at: number): boolean {
  if (at < 2 || text.charCodeAt(at - 1) !== 0x20) return false;
  const unit = text.charCodeAt(at - 2);
  if (unit < 0x80) return unit === 0x2e || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
  const pair = unit >= 0xdc00 && unit <= 0xdfff && at >= 3 && (text.charCodeAt(at - 3) & 0xfc00) === 0xd800;
  return letterOrDot.test(text.slice(pair ? at - 3 : at - 2, at - 1));
}
const streetBefore = new RegExp(
  `(?:[\\p{L}-]{0,30}(?:vej|gade|gata|gatan|katu|kuja|tie|väg|vägen|straße|strasse|stræti|gasse|weg|laan|straat|plein|gracht|allee|ulica)(?: \\p{Lu}[\\p{L}-]{1,24})?|\\p{Lu}[\\p{L}-]{1,24}(?: \\p{Lu}[\\p{L}-]{1,24})? (?:u\\.|ul\\.|utca|út|tér|str\\.|Str\\.|Strasse|Straße|Gasse|Weg)) $`,
  'iu',
);

function detectNumberAfterStreet(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  numberAfterWord.lastIndex = 0;
  for (let m = numberAfterWord.exec(text); m !== null; m = numberAfterWord.exec(text)) {
    if (!followsWordAndSpace(text, m.index)) {
      // Where the look-behind fails the next try starts one character on, as a global search would.
      numberAfterWord.lastIndex = m.index + 1;
      continue;
    }
    const window = text.slice(Math.max(0, m.index - 60), m.index);
    const street = streetBefore.exec(window);
    if (!street) continue;
    const start = m.index - (window.length - street.index);
    found.push({ type: 'STREET_ADDRESS', start, end: m.index + m[0].length, rule: 'pii.address.street-suffix' });
  }
  return found;
}

export const detectStreetAddress: Detector = (text) => {
  const found: SensitiveFinding[] = [];
  for (const [pattern, rule] of [[numberFirst, 'pii.address.street'], [poBox, 'pii.address.pobox'], [unitOnly, 'pii.address.unit']] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ type: 'STREET_ADDRESS', start: m.index, end: m.index + m[0].length, rule });
    }
  }
  found.push(...detectNumberAfterStreet(text));
  return found;
};
