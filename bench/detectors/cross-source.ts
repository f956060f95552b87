// Cross-source generalisation of the local detectors: each model is scored
// only on text from sources it was not trained on.
//   npx tsx bench/detectors/cross-source.ts
// A: trained on the synthetic + hand-written corpora (no dev rows), scored on the dev set.
// B: trained on synthetic + dev + the hand-written train split, scored on the hand-written check split.
// "user: injection or harm" is what a chat user meets: either guard blocks the message.
import { createHarmDetector, HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/harm-detector.js';
import { createInjectionDetector } from '../../src/guard/detectors/injection/injection-detector.js';
import { INJECTION_DEFAULT_THRESHOLD } from '../../src/guard/detectors/injection/index.js';
import { linearModelFromFile } from '../../src/guard/detectors/injection/linear-model.js';
import { readDevRows } from '../../scripts/train/dev-data.js';
import { readHandwritten, type HandwrittenSet } from '../../scripts/train/handwritten.js';
import { trainAll, type TrainedFiles } from '../../scripts/train/train-guards.js';

interface Row { set: 'user' | 'document' | 'harm'; label: number; group: string; text: string }
interface Scored extends Row { injection: number; harm: number }

function score(files: TrainedFiles, rows: readonly Row[]): Scored[] {
  const inj = createInjectionDetector({ user: linearModelFromFile(files.user), segment: linearModelFromFile(files.segment) });
  const harm = createHarmDetector(linearModelFromFile(files.harm));
  return rows.map((r) => ({ ...r, injection: r.set === 'harm' ? 0 : inj.score(r.text, r.set).score, harm: r.set === 'document' ? 0 : harm.score(r.text).score }));
}

function rates(rows: readonly Scored[], flagged: (r: Scored) => boolean, value: (r: Scored) => number): string {
  const pos = rows.filter((r) => r.label === 1);
  const neg = rows.filter((r) => r.label === 0);
  const tpr = pos.filter(flagged).length / Math.max(1, pos.length);
  const fpr = neg.filter(flagged).length / Math.max(1, neg.length);
  const negScores = neg.map(value).sort((a, b) => b - a);
  // Best TPR while at most `share` of the negatives score above the cut.
  const tprAt = (share: number): number => {
    const cut = negScores[Math.floor(neg.length * share)] ?? -Infinity;
    return pos.filter((r) => value(r) > cut).length / Math.max(1, pos.length);
  };
  const at1 = tprAt(0.01);
  const at2 = tprAt(0.02);
  return `pos ${pos.length} neg ${neg.length}  TPR ${tpr.toFixed(3)}  FPR ${fpr.toFixed(4)}  TPR@FPR1% ${at1.toFixed(3)}  TPR@FPR2% ${at2.toFixed(3)}`;
}

function table(title: string, scored: readonly Scored[]): void {
  const inj = (r: Scored) => r.injection >= INJECTION_DEFAULT_THRESHOLD[r.set === 'document' ? 'document' : 'user'];
  const hrm = (r: Scored) => r.harm >= HARM_DEFAULT_THRESHOLD;
  console.log(`\n== ${title}`);
  const user = scored.filter((r) => r.set === 'user');
  console.log('user: injection         ', rates(user, inj, (r) => r.injection));
  console.log('user: injection or harm ', rates(user, (r) => inj(r) || hrm(r), (r) => Math.max(r.injection, r.harm)));
  console.log('document: injection     ', rates(scored.filter((r) => r.set === 'document'), inj, (r) => r.injection));
  console.log('harm: harm              ', rates(scored.filter((r) => r.set === 'harm'), hrm, (r) => r.harm));
  const groups = new Map<string, Scored[]>();
  for (const r of scored) {
    const key = `${r.set}/${r.group}/${r.label}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const lines: string[] = [];
  for (const [g, rs] of [...groups].sort()) {
    const flag = (r: Scored) => (r.set === 'harm' ? hrm(r) : inj(r));
    lines.push(`${g} n=${rs.length} flagged=${(rs.filter(flag).length / rs.length).toFixed(2)}`);
  }
  console.log(lines.join('\n'));
}

const dev = readDevRows();
const devRows: Row[] = dev.filter((r) => r.task !== 'pii').map((r) => ({ set: r.task === 'harm' ? 'harm' : r.channel, label: r.label, group: r.family, text: r.text }));
table('A: trained without the dev set, scored on the dev set', score(trainAll([], [], 'all'), devRows));

const checkRows = (set: HandwrittenSet, as: Row['set'], group: (kind: string) => string): Row[] =>
  readHandwritten(set).filter((r) => r.split === 'check').map((r) => ({ set: as, label: r.label, group: group(r.kind), text: r.text }));
const check: Row[] = [
  ...checkRows('user-attacks', 'user', (k) => k.split('/')[0]!),
  ...checkRows('user-benign', 'user', (k) => k.split('/')[0]!),
  ...checkRows('user-mixed', 'user', (k) => k.split('/')[0]!),
  ...checkRows('harm', 'harm', (k) => k.split('/')[0]!),
  ...checkRows('documents', 'document', (k) => k.split('/')[1] ?? k),
];
if (!process.argv.includes('--only-a')) table('B: trained on dev + hand-written train split, scored on the hand-written check split', score(trainAll(dev, [], 'train-split'), check));
