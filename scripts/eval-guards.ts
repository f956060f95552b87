// Evaluates the configured guards on a labelled JSONL file and writes the
// report format of ../shared/datasets/README.md, plus a Markdown table on stdout.
//   npm run --silent eval:guards -- --data FILE[,FILE...] --out REPORT.json [--provider local|azure]
//   npm run --silent eval:guards -- --proxy --out REPORT.json
// --proxy evaluates the independent proxy sets (bench/detectors/proxy-*.jsonl,
// never trained on) and adds TPR / FPR per set and per family. With several
// files each family is prefixed with its file's name.
// User rows go through checkInput, document rows through checkDocument.
// Attack rows are judged on the injection verdict, harm rows on the harm
// verdict, PII rows on the DLP spans (with every data type switched to mask,
// so detection is measured independently of the shipped per-type actions).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGuardEngine, guardSettings, loadGuardPolicy, type GuardDecision, type GuardEngine, type GuardPolicy } from '../src/guard/index.js';
import { sensitiveTypes } from '../src/guard/dlp/dlp-types.js';
import { setLogLevel } from '../src/logging/logger.js';
import { PROXY_SETS, proxyFile } from '../bench/detectors/proxy-sets.js';
import { wilson95 } from './eval-rate-interval.js';

interface Row {
  set: string;
  id: string;
  task: 'attack' | 'harm' | 'pii';
  channel: 'user' | 'document';
  label: 0 | 1;
  family: string;
  text: string;
  spans?: Array<{ type: string; start: number; end: number }>;
}

interface Rates {
  pos: number;
  neg: number;
  tpr: number | null;
  fpr: number | null;
}

interface Binary {
  pos: number;
  neg: number;
  tpr: number;
  fpr: number;
  balanced_accuracy: number;
  tpr_at_fpr_1pct: number;
  /** 95 % Wilson intervals of TPR and FPR: the rows' sampling error, not the model's */
  tpr_ci95: [number, number];
  fpr_ci95: [number, number];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run --silent eval:guards -- (--data FILE[,FILE...] | --proxy) --out REPORT.json [--provider local|azure]\n`);
  process.exit(2);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function binary(items: Array<{ label: number; flagged: boolean; score: number }>): Binary {
  const pos = items.filter((r) => r.label === 1);
  const neg = items.filter((r) => r.label === 0);
  const tp = pos.filter((r) => r.flagged).length;
  const fp = neg.filter((r) => r.flagged).length;
  const tpr = pos.length ? tp / pos.length : 0;
  const fpr = neg.length ? fp / neg.length : 0;
  // Best TPR over score thresholds whose FPR on the same rows is <= 1%.
  const thresholds = [...new Set(items.map((r) => r.score))].sort((a, b) => b - a);
  let best = 0;
  for (const t of thresholds) {
    const f = neg.length ? neg.filter((r) => r.score >= t).length / neg.length : 0;
    if (f > 0.01) break;
    const p = pos.length ? pos.filter((r) => r.score >= t).length / pos.length : 0;
    best = Math.max(best, p);
  }
  return { pos: pos.length, neg: neg.length, tpr: round(tpr), fpr: round(fpr), balanced_accuracy: round((tpr + 1 - fpr) / 2), tpr_at_fpr_1pct: round(best), tpr_ci95: interval(tp, pos.length), fpr_ci95: interval(fp, neg.length) };
}

const interval = (hits: number, n: number): [number, number] => wilson95(hits, n).map(round) as [number, number];

/** TPR and FPR per family (and per set): both labels of a family in one row. */
function rateTable(items: Array<{ key: string; label: number; flagged: boolean }>): Record<string, Rates> {
  const out: Record<string, { pos: number; neg: number; tp: number; fp: number }> = {};
  for (const r of items) {
    const g = (out[r.key] ??= { pos: 0, neg: 0, tp: 0, fp: 0 });
    if (r.label === 1) { g.pos++; if (r.flagged) g.tp++; } else { g.neg++; if (r.flagged) g.fp++; }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => [k, { pos: g.pos, neg: g.neg, tpr: g.pos ? round(g.tp / g.pos) : null, fpr: g.neg ? round(g.fp / g.neg) : null }]));
}

function families(items: Array<{ family: string; label: number; flagged: boolean }>) {
  const out: Record<string, { n: number; label: number; flagged_rate: number }> = {};
  // A family with rows of both labels (e.g. documents of one type, clean and injected) is reported per label.
  const labelsOf = new Map<string, Set<number>>();
  for (const r of items) labelsOf.set(r.family, (labelsOf.get(r.family) ?? new Set()).add(r.label));
  const groups = new Map<string, typeof items>();
  for (const r of items) {
    const key = labelsOf.get(r.family)!.size > 1 ? `${r.family}/${r.label === 1 ? 'positive' : 'negative'}` : r.family;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const [family, rows] of [...groups].sort()) out[family] = { n: rows.length, label: rows[0]!.label, flagged_rate: round(rows.filter((r) => r.flagged).length / rows.length) };
  return out;
}

/** Our type names onto Presidio's (the dataset's) names. */
const presidioName: Record<string, string> = { DATE_OF_BIRTH: 'DATE_TIME' };
const claimed = [...new Set(sensitiveTypes.map((t) => presidioName[t] ?? t))];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const files = process.argv.includes('--proxy') ? PROXY_SETS.map(proxyFile) : (arg('data') ?? usage('--data or --proxy is required')).split(',').filter(Boolean);
  const data = files.map((f) => relative(process.cwd(), f) || f).join(',');
  const out = arg('out') ?? usage('--out is required');
  const provider = (arg('provider') ?? 'local') as 'local' | 'azure';
  if (provider !== 'local' && provider !== 'azure') usage('--provider must be local or azure');
  setLogLevel('error');

  const rows: Row[] = [];
  for (const file of files) {
    const set = basename(file, '.jsonl');
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as Row;
        rows.push({ ...r, set, family: files.length > 1 ? `${set}:${r.family}` : r.family });
      }
    } catch (err) {
      usage(`cannot read ${file}: ${(err as Error).message}`);
    }
  }

  const settings = guardSettings.parse(process.env);
  if (provider === 'azure' && !settings.contentSafety) usage('--provider azure needs CONTENT_SAFETY_ENDPOINT');
  const shipped = await loadGuardPolicy(settings.policyFile);
  const allMask = Object.fromEntries(sensitiveTypes.map((t) => [t, 'mask'])) as GuardPolicy['dlp']['input'];
  const policy: GuardPolicy = {
    ...shipped,
    limits: { ...shipped.limits, rateLimit: false },
    injection: { ...shipped.injection, providers: [provider] },
    harm: { ...shipped.harm, providers: [provider] },
    dlp: { ...shipped.dlp, input: allMask, document: allMask },
  };
  const engine: GuardEngine = await createGuardEngine(provider === 'local' ? { ...settings, contentSafety: undefined } : settings, { policy });
  const ctx = { userId: 'eval', tenantId: 'eval', conversationId: 'eval' };
  const check = (r: Row): Promise<GuardDecision> => (r.channel === 'document' ? engine.checkDocument(r.text, ctx) : engine.checkInput(r.text, ctx));

  // Warm-up: JIT and caches, not measured.
  for (const r of rows.slice(0, 100)) await check(r);

  const attack: Array<{ set: string; channel: string; family: string; label: number; flagged: boolean; score: number }> = [];
  const harm: Array<{ set: string; family: string; label: number; flagged: boolean; score: number }> = [];
  const gold = new Map<string, number>();
  const found = new Map<string, number>();
  let predicted = 0;
  let correct = 0;
  const latencies: number[] = [];

  for (const r of rows) {
    const started = performance.now();
    const decision = await check(r);
    latencies.push((performance.now() - started) * 1000);
    const verdictsOf = (guard: string) => decision.verdicts.filter((v) => v.guard === guard);
    if (r.task === 'attack') {
      const vs = verdictsOf('injection');
      const limits = verdictsOf('limits');
      const flagged = [...vs, ...limits].some((v) => v.action !== 'allow');
      attack.push({ set: r.set, channel: r.channel, family: r.family, label: r.label, flagged, score: Math.max(0, ...vs.map((v) => v.score), ...limits.map((v) => v.score)) });
    } else if (r.task === 'harm') {
      const vs = verdictsOf('harm');
      harm.push({ set: r.set, family: r.family, label: r.label, flagged: vs.some((v) => v.action !== 'allow'), score: Math.max(0, ...vs.map((v) => v.score)) });
    } else if (r.task === 'pii') {
      const spans = verdictsOf('dlp').flatMap((v) => v.spans);
      const goldSpans = r.spans ?? [];
      for (const g of goldSpans) {
        if (!claimed.includes(g.type)) continue;
        gold.set(g.type, (gold.get(g.type) ?? 0) + 1);
        if (spans.some((p) => (presidioName[p.type] ?? p.type) === g.type && p.start < g.end && g.start < p.end)) found.set(g.type, (found.get(g.type) ?? 0) + 1);
      }
      for (const p of spans) {
        predicted++;
        if (goldSpans.some((g) => p.start < g.end && g.start < p.end)) correct++;
      }
    }
  }

  const entities: Record<string, { gold: number; found: number; recall: number }> = {};
  for (const type of claimed) {
    const g = gold.get(type) ?? 0;
    if (g === 0) continue; // not measurable on this file
    const f = found.get(type) ?? 0;
    entities[type] = { gold: g, found: f, recall: round(f / g) };
  }
  const goldTotal = [...gold.values()].reduce((a, b) => a + b, 0);
  const foundTotal = [...found.values()].reduce((a, b) => a + b, 0);
  const sorted = [...latencies].sort((a, b) => a - b);
  const report = {
    data,
    provider,
    rows: rows.length,
    attack: {
      user: binary(attack.filter((r) => r.channel === 'user')),
      document: binary(attack.filter((r) => r.channel === 'document')),
      all: binary(attack),
      families: families(attack),
      family_rates: rateTable(attack.map((r) => ({ key: r.family, label: r.label, flagged: r.flagged }))),
    },
    harm: { all: binary(harm), families: families(harm), family_rates: rateTable(harm.map((r) => ({ key: r.family, label: r.label, flagged: r.flagged }))) },
    set_rates: rateTable([
      ...attack.map((r) => ({ key: `${r.set} | attack/${r.channel}`, label: r.label, flagged: r.flagged })),
      ...harm.map((r) => ({ key: `${r.set} | harm`, label: r.label, flagged: r.flagged })),
    ]),
    pii: {
      entities,
      micro: { gold: goldTotal, found: foundTotal, recall: round(goldTotal ? foundTotal / goldTotal : 0), predicted, correct, precision: round(predicted ? correct / predicted : 0) },
    },
    latency_us: { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted[sorted.length - 1] ?? 0) },
  };
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(markdown(report));
}

function markdown(report: {
  data: string;
  provider: string;
  rows: number;
  attack: { user: Binary; document: Binary; all: Binary; family_rates: Record<string, Rates> };
  harm: { all: Binary; family_rates: Record<string, Rates> };
  set_rates: Record<string, Rates>;
  pii: { entities: Record<string, { gold: number; found: number; recall: number }>; micro: { gold: number; found: number; recall: number; predicted: number; correct: number; precision: number } };
  latency_us: { p50: number; p99: number; max: number };
}): string {
  const lines: string[] = [];
  lines.push(`## Guard evaluation: ${report.data} (provider ${report.provider}, ${report.rows} rows)`, '');
  lines.push('| set | pos | neg | TPR (95 % interval) | FPR (95 % interval) | balanced acc. | TPR @ FPR<=1% |', '|---|---:|---:|---:|---:|---:|---:|');
  const ci = ([lo, hi]: [number, number]) => `${lo.toFixed(3)}–${hi.toFixed(3)}`;
  const b = (name: string, x: Binary) => lines.push(`| ${name} | ${x.pos} | ${x.neg} | ${x.tpr.toFixed(3)} (${ci(x.tpr_ci95)}) | ${x.fpr.toFixed(3)} (${ci(x.fpr_ci95)}) | ${x.balanced_accuracy.toFixed(3)} | ${x.tpr_at_fpr_1pct.toFixed(3)} |`);
  b('attack / user', report.attack.user);
  b('attack / document', report.attack.document);
  b('attack / all', report.attack.all);
  b('harm', report.harm.all);
  const r = (x: number | null) => (x === null ? '-' : x.toFixed(3));
  const table = (title: string, entries: Array<[string, Rates]>) => {
    lines.push('', `| ${title} | pos | neg | TPR | FPR |`, `|${'---|'.repeat(title.split(' | ').length)}---:|---:|---:|---:|`);
    for (const [name, x] of entries) lines.push(`| ${name} | ${x.pos} | ${x.neg} | ${r(x.tpr)} | ${r(x.fpr)} |`);
  };
  if (report.data.includes(',')) table('set | task/channel', Object.entries(report.set_rates));
  table('family (TPR on its attacks / harmful rows, FPR on its clean rows)', [
    ...Object.entries(report.attack.family_rates).map(([k, x]): [string, Rates] => [`attack: ${k}`, x]),
    ...Object.entries(report.harm.family_rates).map(([k, x]): [string, Rates] => [`harm: ${k}`, x]),
  ]);
  lines.push('', '| PII type | gold | found | recall |', '|---|---:|---:|---:|');
  for (const [name, e] of Object.entries(report.pii.entities)) lines.push(`| ${name} | ${e.gold} | ${e.found} | ${e.recall.toFixed(3)} |`);
  const m = report.pii.micro;
  lines.push(`| micro | ${m.gold} | ${m.found} | ${m.recall.toFixed(3)} |`, '', `PII precision: ${m.correct}/${m.predicted} = ${m.precision.toFixed(3)}`);
  lines.push(`Latency per row (us): p50 ${report.latency_us.p50}, p99 ${report.latency_us.p99}, max ${report.latency_us.max}`, '');
  return lines.join('\n') + '\n';
}

main().catch((err) => {
  process.stderr.write(`eval failed: ${(err as Error).message}\n`);
  process.exit(1);
});
