// Latin words with lookalike letters of another script inside them
// ("pаssword" with a Cyrillic а, "bypɑss" with a Latin alpha). Writers of real
// Cyrillic or Greek keep each word in one script; mixing scripts inside a word
// is a disguise aimed at filters, so it is evidence in itself.
import { confusableMap } from '../../normalize/confusables.js';

const ASCII_ONLY = /^[\x00-\x7F]*$/;
// Letters, marks and digits: a word for this purpose (punctuation lookalikes are not counted).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_LETTER = /[A-Za-z]/;
const DOTLESS_I = 0x131;
// Dotless ı is an ordinary Turkish (and Azerbaijani) letter; next to these it is language, not disguise.
const TURKIC_LETTERS = /[çğöşüÇĞÖŞÜİ]/;

export interface Unmasked {
  /** the text with lookalikes folded to Latin inside mixed-script words */
  text: string;
  /** how many words mixed Latin letters with lookalikes */
  disguised: number;
}

/** Folds lookalikes inside words that also hold Latin letters and counts those words. Linear, one pass. */
export function unmaskLookalikes(text: string): Unmasked {
  if (ASCII_ONLY.test(text)) return { text, disguised: 0 };
  const turkic = TURKIC_LETTERS.test(text);
  let disguised = 0;
  const folded = text.replace(WORD, (word) => {
    if (!ASCII_LETTER.test(word)) return word;
    let out = '';
    let counted = false;
    for (const ch of word) {
      const cp = ch.codePointAt(0)!;
      const latin = confusableMap.get(cp);
      if (latin === undefined) {
        out += ch;
        continue;
      }
      out += String.fromCharCode(latin);
      if (!(cp === DOTLESS_I && turkic)) counted = true;
    }
    if (counted) disguised++;
    return out;
  });
  return { text: folded, disguised };
}
