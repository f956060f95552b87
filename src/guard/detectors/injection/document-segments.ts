// Splits untrusted content into sentence-like segments and describes each
// segment's place in the document. An injected instruction is a segment that
// reads like a request to an assistant and shares little vocabulary with the
// data around it; these structural markers let the segment model learn that.
import { wordsOf } from './text-prep.js';

export interface DocumentSegment {
  text: string;
  /** structural feature names for the segment model */
  markers: string[];
}

const SPLIT = /(?<=[.!?])\s+|\n+|\s*\|\s*|\t+/;
const MIN_WORDS = 2;
const MAX_SEGMENTS = 240;
const STOP = new Set(
  'the a an and or but if of to in on at for with from by as is are was were be been being it its this that these those you your yours we our us i me my he she they them his her their there here what which who whom when where why how can could would should will shall may might must do does did have has had not no yes so than then too very just also about into over under up down out more most some any all each few other such only own same both again further once all please'.split(' '),
);

function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
}

function lengthBucket(n: number): string {
  if (n <= 4) return 'len:tiny';
  if (n <= 12) return 'len:short';
  if (n <= 30) return 'len:mid';
  return 'len:long';
}

/** Segments of a folded document with markers; bounded to MAX_SEGMENTS (head and tail kept). */
export function documentSegments(folded: string): DocumentSegment[] {
  let pieces = folded.split(SPLIT).filter((p) => p.trim().length > 0);
  if (pieces.length > MAX_SEGMENTS) pieces = pieces.slice(0, MAX_SEGMENTS - 60).concat(pieces.slice(-60));
  const words = pieces.map((p) => wordsOf(p));
  const contents = words.map((w) => contentWords(w));
  const docCounts = new Map<string, number>();
  for (const cw of contents) for (const w of new Set(cw)) docCounts.set(w, (docCounts.get(w) ?? 0) + 1);
  const docContentTotal = docCounts.size;

  // Tables split into many short cells that rarely share words; the model
  // must know it is looking at a table, not at prose.
  let pipes = 0;
  for (let i = 0; i < folded.length && pipes < 1_000; i++) if (folded.charCodeAt(i) === 124) pipes++;
  const docKind = pipes >= 6 && pipes * 80 >= folded.length ? 'doc:table' : 'doc:prose';
  const segments: DocumentSegment[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const ws = words[i]!;
    if (ws.length < MIN_WORDS) continue;
    const own = new Set(contents[i]!);
    let shared = 0;
    for (const w of own) if ((docCounts.get(w) ?? 0) > 1) shared++;
    const markers = [lengthBucket(ws.length), 'first:' + ws[0], docKind];
    if (pieces.length === 1) markers.push('pos:alone');
    else if (i === 0) markers.push('pos:first');
    else if (i === pieces.length - 1) markers.push('pos:last');
    else markers.push('pos:mid');
    if (pieces[i]!.trimEnd().endsWith('?')) markers.push('end:question');
    const otherVocabulary = docContentTotal - own.size;
    if (own.size === 0) markers.push('ovl:empty');
    else if (otherVocabulary < 8) markers.push('ovl:smalldoc');
    else if (shared === 0) markers.push('ovl:none');
    else if (shared / own.size < 0.34) markers.push('ovl:low');
    else markers.push('ovl:high');
    // Conjunction: how the segment starts AND whether it fits the document.
    markers.push(`shape:${markers[markers.length - 1]}:${ws[0]}`);
    segments.push({ text: pieces[i]!, markers });
  }
  return segments;
}
