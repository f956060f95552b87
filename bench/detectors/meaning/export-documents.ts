// Prototype step 2 of the meaning second stage: for every document row of the
// given sets, the fast detector's score and its most request-like segments
// (top 3 by segment-model logit); OUT.segments.jsonl lists those segments in
// order, one a line, for the encoder to embed:
//   npx tsx bench/detectors/meaning/export-documents.ts OUT.jsonl proxy-workplace-4 calibration-documents ...
import { writeFileSync } from 'node:fs';
import { readSetRows } from '../proxy-sets.js';
import { localInjectionScore } from '../../../src/guard/checks/injection.js';
import { documentSegments, mayBeRequest } from '../../../src/guard/detectors/injection/document-segments.js';
import { loadLinearModel } from '../../../src/guard/detectors/injection/linear-model.js';
import { maskMentions } from '../../../src/guard/detectors/injection/reported-speech.js';
import { preparedView } from '../../../src/guard/detectors/injection/text-prep.js';
import { prepareText } from '../../../src/guard/engine/prepared-text.js';

const TOP_SEGMENTS = 3;
const [out, ...sets] = process.argv.slice(2);
const segmentModel = loadLinearModel(new URL('../../../src/guard/detectors/injection/models/segment-model.json', import.meta.url));

const lines: string[] = [];
const segmentLines: string[] = [];
for (const set of sets) {
  for (const row of readSetRows(set)) {
    if (row.task !== 'attack' || row.channel !== 'document') continue;
    const score = localInjectionScore(prepareText(row.text), 'document');
    const masked = maskMentions(preparedView(row.text).folded, 'document');
    const segments = documentSegments(masked)
      .filter(mayBeRequest)
      .map((s) => ({ text: s.text.replace(/\s+/g, ' ').trim(), logit: Number(segmentModel.logitOfWords(s.tokens, s.markers).toFixed(3)) }))
      .sort((a, b) => b.logit - a.logit)
      .slice(0, TOP_SEGMENTS);
    for (const s of segments) segmentLines.push(JSON.stringify({ text: s.text }));
    lines.push(JSON.stringify({ set: set.replace(/.*\//, ''), id: row.id, label: row.label, family: row.family, score: Number(score.score.toFixed(4)), evidence: score.evidence, segments }));
  }
}
writeFileSync(out!, lines.join('\n') + '\n');
writeFileSync(out!.replace(/\.jsonl$/, '') + '.segments.jsonl', segmentLines.join('\n') + '\n');
console.log(`${lines.length} documents, ${segmentLines.length} segments -> ${out}`);
