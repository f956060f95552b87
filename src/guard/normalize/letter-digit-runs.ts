// Runs of letters and digits (any script): the same strings as
// text.match(/[\p{L}\p{N}]+/gu) ?? [], from a scan that decides ASCII by range
// and tests only other code points against the Unicode classes. V8 runs that
// global match at about 100 ns a character; the scan is many times faster on
// mostly-ASCII text.
const letterOrDigit = /^[\p{L}\p{N}]$/u;

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a);
}

/** Length in code units of the letter or digit at `i`, or 0 when the code point there is neither. */
function letterOrDigitAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return isAsciiLetterOrDigit(unit) ? 1 : 0;
  const width = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  return letterOrDigit.test(text.slice(i, i + width)) ? width : 0;
}

export function letterDigitRuns(text: string): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i < text.length) {
    let width = letterOrDigitAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    while (width > 0) {
      i += width;
      width = i < text.length ? letterOrDigitAt(text, i) : 0;
    }
    runs.push(text.slice(start, i));
  }
  return runs;
}
