// Greetings, thanks and sign-offs at the edges of a message ("Hi!", "Thanks in advance, Sam",
// "Sent from my phone") say nothing about what is asked, yet the n-gram model reads them
// as words of an ordinary message and they dilute the request between them, and reading the
// request without them costs the view margin (request-views.ts). An attacker adds them for free,
// so the model reads the message without them; a line with any other content stays.
import { wordsOf } from '../injection/text-prep.js';
import { sentenceRanges } from './request-views.js';

/** A greeting, a thanks or a sign-off holds one of these. */
const CORE_WORDS = new Set('hi hello hey hiya dear morning afternoon evening hope thanks thank thx ty cheers ta regards sincerely faithfully rush worries anyway sent iphone'.split(' '));
/** Words that go with them ("thanks so much in advance", "hope your week is going well", "sent from my phone"). */
const FILLER_WORDS = new Set(
  (
    'all team folks guys everyone there many much so very lots a in advance again you for your help time ' +
    'best kind kindest warm warmest wishes yours truly the from my phone android mobile x ok okay let me know no on this please pls ' +
    'is going well week day doing good great have nice million'
  ).split(' '),
);
/** A sign-off may end with a name and a team ("Cheers, Sam (Operations)"): this many other words at most. */
const MAX_OTHER_WORDS = 2;
/** Longer texts are read as they are (the request views stop at the same length). */
const MAX_TEXT_CHARS = 1000;
/** An edge sentence this long is more than a greeting or a sign-off. */
const MAX_EDGE_WORDS = 12;

function isPhatic(sentence: string): boolean {
  const words = wordsOf(sentence);
  if (words.length === 0) return true;
  if (words.length > MAX_EDGE_WORDS) return false;
  let core = 0;
  let other = 0;
  for (const word of words) {
    if (CORE_WORDS.has(word)) core++;
    else if (!FILLER_WORDS.has(word)) other++;
  }
  return core > 0 && other <= MAX_OTHER_WORDS;
}

/** One word on the last line, under a greeting or thanks line that ends in a comma. */
function isSignedName(line: string, above: string): boolean {
  return wordsOf(line).length === 1 && above.trimEnd().endsWith(',') && isPhatic(above);
}

/** The text without greeting and sign-off sentences at its start and end (the text itself when nothing is cut or nothing would be left). */
export function withoutPhaticEdges(text: string): string {
  // A long text (an answer, a document) is not diluted by a greeting line, and splitting it costs a pass.
  if (text.length > MAX_TEXT_CHARS) return text;
  const ranges = sentenceRanges(text);
  let first = 0;
  let last = ranges.length - 1;
  while (first <= last && isPhatic(text.slice(ranges[first]!.start, ranges[first]!.end))) first++;
  while (last >= first && isPhatic(text.slice(ranges[last]!.start, ranges[last]!.end))) last--;
  // A name signed under a sign-off that ends in a comma ("Many thanks,\nPriya").
  if (last > first && isSignedName(text.slice(ranges[last]!.start, ranges[last]!.end), text.slice(ranges[last - 1]!.start, ranges[last - 1]!.end))) {
    last -= 2;
    while (last >= first && isPhatic(text.slice(ranges[last]!.start, ranges[last]!.end))) last--;
  }
  if (first > last || (first === 0 && last === ranges.length - 1)) return text;
  return text.slice(ranges[first]!.start, ranges[last]!.end).trim();
}
