// Quick evaluation of the local injection and harm detectors on the dev set:
//   npx tsx bench/detectors/eval-detectors.ts [--no-lofo]
// Prints TPR/FPR per channel and family with the shipped models (dev set and
// the independent proxy sets), then
// leave-one-family-out numbers (retrains without the family, scores it),
// runs without any dev rows in training (synthetic only; synthetic + hand-written), and latency.
import { performance } from 'node:perf_hooks';
import { createHarmDetector, HARM_DEFAULT_THRESHOLD, type HarmDetector } from '../../src/guard/detectors/harm/harm-detector.js';
import { scoreHarm } from '../../src/guard/detectors/harm/index.js';
import { createInjectionDetector, type InjectionDetector } from '../../src/guard/detectors/injection/injection-detector.js';
import { INJECTION_DEFAULT_THRESHOLD, scoreInjection } from '../../src/guard/detectors/injection/index.js';
import { linearModelFromFile } from '../../src/guard/detectors/injection/linear-model.js';
import { readDevRows, type DevRow } from '../../scripts/train/dev-data.js';
import { trainAll, type TrainedFiles } from '../../scripts/train/train-guards.js';
import { readProxyRows } from './proxy-sets.js';

interface Scorers {
  injection: (text: string, channel: 'user' | 'document') => number;
  harm: (text: string) => number;
}

const shipped: Scorers = { injection: (t, c) => scoreInjection(t, c).score, harm: (t) => scoreHarm(t).score };

function scorersFrom(files: TrainedFiles): Scorers {
  const inj: InjectionDetector = createInjectionDetector({ user: linearModelFromFile(files.user), segment: linearModelFromFile(files.segment) });
  const harm: HarmDetector = createHarmDetector(linearModelFromFile(files.harm));
  return { injection: (t, c) => inj.score(t, c).score, harm: (t) => harm.score(t).score };
}

function scoreRow(s: Scorers, row: DevRow): number {
  return row.task === 'harm' ? s.harm(row.text) : s.injection(row.text, row.channel);
}
function thresholdFor(row: DevRow): number {
  return row.task === 'harm' ? HARM_DEFAULT_THRESHOLD : INJECTION_DEFAULT_THRESHOLD[row.channel];
}

function rates(rows: readonly DevRow[], scores: readonly number[]) {
  let tp = 0, fp = 0, pos = 0, neg = 0;
  rows.forEach((r, i) => {
    const flagged = scores[i]! >= thresholdFor(r);
    if (r.label === 1) { pos++; if (flagged) tp++; } else { neg++; if (flagged) fp++; }
  });
  // Best TPR with FPR <= 1%: sweep thresholds over the negative scores.
  const negScores = rows.map((r, i) => (r.label === 0 ? scores[i]! : NaN)).filter((x) => !Number.isNaN(x)).sort((a, b) => b - a);
  const allowedFp = Math.floor(neg * 0.01);
  const cut = negScores.length > allowedFp ? negScores[allowedFp]! : -Infinity;
  const tprAt1 = pos === 0 ? 0 : rows.filter((r, i) => r.label === 1 && scores[i]! > cut).length / pos;
  const tpr = pos ? tp / pos : 0, fpr = neg ? fp / neg : 0;
  return { pos, neg, tpr: +tpr.toFixed(3), fpr: +fpr.toFixed(4), balanced: +((tpr + 1 - fpr) / 2).toFixed(3), tprAt1pctFpr: +tprAt1.toFixed(3) };
}

function familyTable(rows: readonly DevRow[], scores: readonly number[]): Record<string, string> {
  const out: Record<string, { n: number; flagged: number; label: number }> = {};
  // A family with both labels (clean and injected documents of one form) gets one line per label.
  const labels = new Map<string, Set<number>>();
  for (const r of rows) labels.set(`${r.task}/${r.channel}/${r.family}`, (labels.get(`${r.task}/${r.channel}/${r.family}`) ?? new Set()).add(r.label));
  rows.forEach((r, i) => {
    const base = `${r.task}/${r.channel}/${r.family}`;
    const key = labels.get(base)!.size > 1 ? `${base}/${r.label === 1 ? 'positive' : 'negative'}` : base;
    const f = (out[key] ??= { n: 0, flagged: 0, label: r.label });
    f.n++;
    if (scores[i]! >= thresholdFor(r)) f.flagged++;
  });
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, `label=${v.label} n=${v.n} flagged=${(v.flagged / v.n).toFixed(3)}`]));
}

function report(title: string, rows: readonly DevRow[], s: Scorers): void {
  const scores = rows.map((r) => scoreRow(s, r));
  console.log(`\n== ${title}`);
  for (const [name, pick] of [
    ['attack/user', (r: DevRow) => r.task === 'attack' && r.channel === 'user'],
    ['attack/document', (r: DevRow) => r.task === 'attack' && r.channel === 'document'],
    ['harm', (r: DevRow) => r.task === 'harm'],
  ] as const) {
    const idx = rows.map((r, i) => (pick(r) ? i : -1)).filter((i) => i >= 0);
    console.log(name.padEnd(16), JSON.stringify(rates(idx.map((i) => rows[i]!), idx.map((i) => scores[i]!))));
  }
  console.table(familyTable(rows, scores));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function latency(): void {
  const base = 'Hi, could you please check the attached quarterly report and tell me whether the totals on page 3 add up? ';
  const message2k = base.repeat(Math.ceil(2048 / base.length)).slice(0, 2048);
  const doc50k = base.repeat(Math.ceil(51200 / base.length)).slice(0, 51200);
  const cases: Array<[string, string, ReadonlyArray<'user' | 'document'>]> = [
    ['2 KB user message (user+harm)', message2k, ['user']],
    ['2 KB text (user+document+harm)', message2k, ['user', 'document']],
    ['50 KB document (document+harm)', doc50k, ['document']],
  ];
  for (const [name, text, channels] of cases) {
    // Distinct texts, so per-text caches are not hit across iterations (only within one).
    const variants = Array.from({ length: 64 }, (_, i) => `${i} ${text.slice(0, text.length - 8)} v${i}`);
    let k = 0;
    const run = () => {
      const t = variants[k++ % variants.length]!;
      for (const channel of channels) scoreInjection(t, channel);
      scoreHarm(t);
    };
    for (let i = 0; i < 200; i++) run();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      run();
      times.push((performance.now() - t0) * 1000);
      const c = process.cpuUsage(c0);
      cpu.push(c.user + c.system);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(`${name}: wall p50 ${percentile(times, 0.5).toFixed(0)} µs, p99 ${percentile(times, 0.99).toFixed(0)} µs; cpu p50 ${percentile(cpu, 0.5).toFixed(0)} µs, p99 ${percentile(cpu, 0.99).toFixed(0)} µs`);
  }
  for (const [name, text] of [['1 MB repeated char', 'a'.repeat(1 << 20)], ['1 MB words', 'ignore the previous rules '.repeat(40_000)]] as const) {
    const t0 = performance.now();
    scoreInjection(text, 'user'); scoreInjection(text, 'document'); scoreHarm(text);
    console.log(`${name}: ${(performance.now() - t0).toFixed(1)} ms for all detectors`);
  }
}

function main(): void {
  const all = readDevRows().filter((r) => r.task === 'attack' || r.task === 'harm');
  if (all.length === 0) throw new Error('dev set not found: set GUARD_DEV_DATA or run from the repo root next to ../shared/datasets');
  report('shipped models (trained on synthetic + all dev families: in-sample for dev)', all, shipped);
  // Held out of every training run: written apart from the corpus (npm run --silent eval:guards -- --proxy for the shipped policy).
  report('independent proxy sets, shipped models (never trained on; detector default thresholds)', readProxyRows().filter((r) => r.task !== 'pii'), shipped);
  if (!process.argv.includes('--no-lofo')) {
    const dev = readDevRows();
    report('synthetic corpus only (no dev rows, no hand-written rows in training)', all, scorersFrom(trainAll([], [], 'none')));
    report('synthetic + hand-written corpora (no dev rows in training)', all, scorersFrom(trainAll([], [], 'all')));
    console.log('\n== leave-one-family-out (train without the family, score only that family)');
    const families = [...new Set(all.map((r) => r.family))].sort();
    const lofo: Record<string, string> = {};
    const pooled = new Array<number>(all.length).fill(0);
    for (const family of families) {
      const s = scorersFrom(trainAll(dev, [family]));
      all.forEach((r, i) => { if (r.family === family) pooled[i] = scoreRow(s, r); });
      for (const task of ['attack', 'harm'] as const) {
        const idx = all.map((r, i) => (r.family === family && r.task === task ? i : -1)).filter((i) => i >= 0);
        if (idx.length === 0) continue;
        const flagged = idx.filter((i) => pooled[i]! >= thresholdFor(all[i]!)).length;
        lofo[`${task}/${family}`] = `label=${all[idx[0]!]!.label} n=${idx.length} flagged=${(flagged / idx.length).toFixed(3)}`;
      }
    }
    console.table(lofo);
    console.log('pooled held-out scores (each row scored by the model trained without its family):');
    for (const [name, pick] of [
      ['attack/user', (r: DevRow) => r.task === 'attack' && r.channel === 'user'],
      ['attack/document', (r: DevRow) => r.task === 'attack' && r.channel === 'document'],
      ['harm', (r: DevRow) => r.task === 'harm'],
    ] as const) {
      const idx = all.map((r, i) => (pick(r) ? i : -1)).filter((i) => i >= 0);
      console.log(name.padEnd(16), JSON.stringify(rates(idx.map((i) => all[i]!), idx.map((i) => pooled[i]!))));
      const sweep: string[] = [];
      for (const t of [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98]) {
        let tp = 0, fp = 0, pos = 0, neg = 0;
        for (const i of idx) { const f = pooled[i]! >= t; if (all[i]!.label) { pos++; if (f) tp++; } else { neg++; if (f) fp++; } }
        sweep.push(`t=${t}: tpr ${(tp / pos).toFixed(3)} fpr ${(fp / neg).toFixed(3)}`);
      }
      console.log('   ', sweep.join(' | '));
    }
  }
  console.log('\n== latency (one core, after warm-up)');
  latency();
}

main();
