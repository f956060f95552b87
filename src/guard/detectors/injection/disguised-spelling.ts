// A user message spelled to slip past word filters: digits for letters
// ("1gn0re y0ur pr3vi0us ru1es"), small capitals ("ɪɢɴᴏʀᴇ ᴘʀᴇᴠɪᴏᴜꜱ") or words
// glued by invisible characters ("ignore\u200byour\u200brules", which the text
// preparation reads as one word once the invisible ones are dropped). A person
// reads these as plain words, so the detector reads a plain spelling too and
// keeps the higher score (injection-detector.ts). Only whole messages where
// several words are disguised get the second reading: one "mp3" or "x1" is not
// a disguise, and a part number read with letters for digits is still a part
// number, not an attack.
// The engine's leet view (normalize/decode-obfuscation.ts) already reads digits with "1" as i for
// every guard; this reading adds "1" as l, small capitals and invisible joins, and is part of the
// detector's own score, so callers of scoreInjection get it too.

/** Digits and symbols read as letters in disguised words ("0" is o, "3" is e, "@" is a). */
const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
/** The other reading of "1": "ru1es" is "rules", "1gn0re" is "ignore". Both spellings are read. */
const ONE_AS_L = 'l';
/** Small capital letters (IPA and phonetic blocks) that stand for plain Latin ones. */
const SMALL_CAPITALS: Record<string, string> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
  ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ǫ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};
const SMALL_CAPITAL = /[ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ]/gu;
/** Invisible characters between two letters: there a writer meant a space. */
const INVISIBLE_BETWEEN_LETTERS = /(?<=\p{L})[\u200b-\u200d\u2060\ufeff]+(?=\p{L})/gu;
/** A run of ASCII letters, digits and the two symbols: one candidate word. */
const TOKEN = /[a-z0-9@$]+/gi;
const HAS_LETTER = /[a-z]/i;
const HAS_DIGIT_LETTER = /[013457@$]/;
/** Letters inside a word read as digits: more than a quarter of the message's words, and at least two. */
const MIN_DISGUISED_WORDS = 2;
const MIN_DISGUISED_SHARE = 0.25;
/** A small-capital message: this many such letters. */
const MIN_SMALL_CAPITALS = 4;
/** Disguised attacks are a line or two; a second reading of a long text would double its cost for nothing. */
const MAX_CHARS = 2000;

/** No lower-case letter and at least two capitals ("5CG1234XYZ"); counted, not matched, so a long token costs one pass. */
function isWrittenInCapitals(token: string): boolean {
  if (/[a-z]/.test(token)) return false;
  let capitals = 0;
  for (const ch of token) if (ch >= 'A' && ch <= 'Z' && ++capitals === 2) return true;
  return false;
}

/** A word with letters and with digits or symbols standing in for letters inside it ("pr3vi0us", "m3"). */
function isDigitDisguised(token: string): boolean {
  if (!HAS_LETTER.test(token) || !HAS_DIGIT_LETTER.test(token)) return false;
  // Ids, serials and hashes ("5CG1234XYZ", "1f3c9e2a") run digits together or are written in capitals;
  // a disguised word spaces single digits among lower-case letters.
  if (/\d\d/.test(token) || isWrittenInCapitals(token) || /^[0-9a-f]{6,}$/i.test(token)) return false;
  // A number with a unit or an id prefix ("10am", "x2", "q3") keeps its digits together at one end.
  return !/^[a-z]{0,1}\d+[a-z]{0,2}$/i.test(token);
}

function readDigits(token: string, one: string): string {
  let out = '';
  for (const ch of token) out += ch === '1' ? one : (DIGIT_AS_LETTER[ch] ?? ch);
  return out;
}

/**
 * Plain spellings of a disguised message (empty when it is not one): small capitals and invisible
 * joins read as letters and spaces, and digit-for-letter words read with "1" as i and as l.
 */
export function plainSpellings(text: string): string[] {
  if (text.length > MAX_CHARS) return [];
  let base = text;
  const smallCapitals = text.match(SMALL_CAPITAL)?.length ?? 0;
  if (smallCapitals >= MIN_SMALL_CAPITALS) base = base.replace(SMALL_CAPITAL, (c) => SMALL_CAPITALS[c] ?? c);
  base = base.replace(INVISIBLE_BETWEEN_LETTERS, ' ');
  const tokens = base.match(TOKEN) ?? [];
  const words = tokens.filter((t) => HAS_LETTER.test(t));
  const disguised = words.filter(isDigitDisguised).length;
  const digitDisguise = disguised >= MIN_DISGUISED_WORDS && disguised >= words.length * MIN_DISGUISED_SHARE;
  if (!digitDisguise) return base === text ? [] : [base];
  const ones = words.some((t) => isDigitDisguised(t) && t.includes('1')) ? ['i', ONE_AS_L] : ['i'];
  return ones.map((one) => base.replace(TOKEN, (t) => (isDigitDisguised(t) ? readDigits(t, one) : t)));
}
