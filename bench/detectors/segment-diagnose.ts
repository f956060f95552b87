// Why does a clean document cross the document threshold? For each false
// positive of a set, prints the three logit terms and, for the top segment,
// how much each structural marker adds (logit minus logit without it).
// Prints scores, markers and evidence only, never the texts (proxy sets are
// for checking, not for writing training data from).
// Usage: npx tsx bench/detectors/segment-diagnose.ts [set.jsonl ...] [--threshold 0.854]
import { readFileSync } from 'node:fs';
import { createInjectionDetector } from '../../src/guard/detectors/injection/injection-detector.js';
import { documentSegments, mayBeRequest } from '../../src/guard/detectors/injection/document-segments.js';
import { loadLinearModel } from '../../src/guard/detectors/injection/linear-model.js';
import { maskMentions } from '../../src/guard/detectors/injection/reported-speech.js';
import { prepareText } from '../../src/guard/detectors/injection/text-prep.js';
import type { DevRow } from '../../scripts/train/dev-data.js';
import { proxyFile, PROXY_SETS } from './proxy-sets.js';

const args = process.argv.slice(2);
const ti = args.indexOf('--threshold');
const threshold = ti >= 0 ? Number(args[ti + 1]) : 0.854;
const files = args.filter((a, i) => !a.startsWith('--') && (ti < 0 || i !== ti + 1));
// --misses: injected documents under the threshold instead of clean ones over it.
const misses = args.includes('--misses');
const sets = files.length > 0 ? files : PROXY_SETS.map((s) => proxyFile(s));
const modelUrl = (f: string): URL => new URL(`../../src/guard/detectors/injection/models/${f}`, import.meta.url);
const segment = loadLinearModel(modelUrl('segment-model.json'));
const detector = createInjectionDetector({ user: loadLinearModel(modelUrl('user-model.json')), segment });
const cut = Math.log(threshold / (1 - threshold));
const markerTotals = new Map<string, number>();
const tokenTotals = new Map<string, number>();
for (const file of sets) {
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DevRow);
  const clean = rows.filter((r) => r.channel === 'document' && r.label === (misses ? 1 : 0) && r.task === 'attack');
  let fp = 0;
  for (const row of clean) {
    const s = detector.signals(row.text, 'document');
    if (s.modelLogit + s.ruleLogit + s.structureLogit < cut !== misses) continue;
    fp++;
    let best = { logit: -Infinity, markers: [] as string[], tokens: [] as string[] };
    for (const seg of documentSegments(maskMentions(prepareText(row.text)))) {
      if (!mayBeRequest(seg)) continue;
      const logit = segment.logitOfWords(seg.tokens, seg.markers);
      if (logit > best.logit) best = { logit, markers: seg.markers, tokens: seg.tokens };
    }
    const parts = best.markers.map((m) => {
      const d = best.logit - segment.logitOfWords(best.tokens, best.markers.filter((x) => x !== m));
      markerTotals.set(m, (markerTotals.get(m) ?? 0) + d);
      return `${m}=${d.toFixed(2)}`;
    });
    const tokenPart = best.logit - segment.logitOfWords([], best.markers);
    const topTokens = [...new Set(best.tokens)]
      .map((t) => ({ t, d: best.logit - segment.logitOfWords(best.tokens.filter((x) => x !== t), best.markers) }))
      .sort((a, b) => b.d - a.d)
      .slice(0, 4)
      .map(({ t, d }) => `${t}=${d.toFixed(2)}`);
    for (const t of topTokens) tokenTotals.set(t.replace(/=.*$/, ''), (tokenTotals.get(t.replace(/=.*$/, '')) ?? 0) + Number(t.replace(/^.*=/, '')));
    console.log(
      `${row.id} ${row.family} model=${s.modelLogit.toFixed(2)} rule=${s.ruleLogit.toFixed(2)} struct=${s.structureLogit.toFixed(2)} ` +
        `tokens=${tokenPart.toFixed(2)} {${topTokens.join(' ')}} [${parts.join(' ')}] ev=${s.evidence.join(',')}`,
    );
  }
  console.log(`# ${file.split('/').pop()}: ${fp}/${clean.length} ${misses ? 'injected documents under' : 'clean documents over'} ${threshold}`);
}
console.log('# marker contribution summed over false positives:');
for (const [m, d] of [...markerTotals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${m} ${d.toFixed(1)}`);
console.log('# top tokens summed over false positives:');
for (const [t, d] of [...tokenTotals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${t} ${d.toFixed(1)}`);
