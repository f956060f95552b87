// Which harm cues fire on benign text, and how each set fares at the shipped
// threshold: the check issue 15 asks for ("check each harm category's cues
// against a benign workplace set").
//   npx tsx bench/detectors/harm-cue-report.ts [--misses] [--fps] [--sets a,b] [--proxy-workplace]
// Sets: workplace-benign and workplace-harm-check (harm rows, never trained
// on), the hand-written rows of harm-4 and harm-5 (trained on: in-sample),
// the dev set's harm rows and guard-extra's harm rows when ../shared/datasets
// is present. Proxy sets are read only with --proxy-workplace, and then only
// their benign workplace rows, as a check: nothing is chosen on them.
//
// The second table is the per-category check: on each workplace set, how many
// rows reach severity 2 and 4 in each category, and which cues of that
// category fired on them ("model only" when the n-gram model alone raised a
// category that no cue named).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHarm } from '../../src/guard/checks/harm.js';
import { HARM_CATEGORIES, HARM_DEFAULT_THRESHOLD, type HarmCategory } from '../../src/guard/detectors/harm/index.js';
import { HARM_CUES } from '../../src/guard/detectors/harm/harm-lexicon.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';
import { PROXY_SETS, proxyFile } from './proxy-sets.js';

interface Row { task?: string; label: number; family?: string; kind?: string; text: string }
const args = process.argv.slice(2);
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const shared = (f: string) => resolve(process.cwd(), '../shared/datasets', f);

function read(file: string): Row[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

const handwritten = (name: string) => read(here(`../../scripts/train/corpus/handwritten/${name}.jsonl`));
const sets: Record<string, Row[]> = {
  'workplace-benign': read(here('./workplace-benign.jsonl')).filter((r) => r.task === 'harm'),
  'workplace-harm-check': read(here('./workplace-harm-check.jsonl')),
  'harm-4 (hand-written)': handwritten('harm-4'),
  'harm-5 (hand-written)': handwritten('harm-5'),
  dev: read(process.env.GUARD_DEV_DATA ?? shared('guard-dev.jsonl')).filter((r) => r.task === 'harm'),
  'guard-extra': read(process.env.GUARD_EXTRA_DATA ?? shared('guard-extra.jsonl')).filter((r) => r.task === 'harm'),
};
if (args.includes('--proxy-workplace')) {
  for (const set of PROXY_SETS.filter((s) => s.startsWith('proxy-workplace'))) sets[`${set} (check only)`] = read(proxyFile(set)).filter((r) => r.task === 'harm' && r.label === 0);
}
const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1]!.split(',') : undefined;

/** Benign workplace rows of a set: whole workplace sets, and the workplace kinds of the hand-written files. */
const workplaceRows = (name: string, rows: Row[]): Row[] =>
  rows.filter((r) => r.label === 0 && (name.startsWith('workplace') || name.startsWith('proxy-workplace') || (r.family ?? r.kind ?? '').startsWith('workplace')));

const categoryOfCue = new Map<string, HarmCategory>(HARM_CUES.map((c) => [c.id, c.category]));
const cueFires = new Map<string, { neg: number; pos: number }>();
const perCategory: string[] = [];
console.log('| set | group | pos | neg | TPR | FPR |\n|---|---|---:|---:|---:|---:|');
for (const [name, rows] of Object.entries(sets)) {
  if (only && !only.includes(name)) continue;
  const groups = new Map<string, { pos: number; neg: number; tp: number; fp: number }>();
  const workplace = new Set(workplaceRows(name, rows));
  const byCategory = new Map<HarmCategory, { sev2: number; sev4: number; cues: Map<string, number> }>(HARM_CATEGORIES.map((c) => [c, { sev2: 0, sev4: 0, cues: new Map() }]));
  for (const r of rows) {
    const result = localHarm(prepareText(r.text));
    const flagged = result.score >= HARM_DEFAULT_THRESHOLD;
    const group = (r.family ?? r.kind ?? '-').split('/')[0]!;
    const g = groups.get(group) ?? { pos: 0, neg: 0, tp: 0, fp: 0 };
    groups.set(group, g);
    if (r.label === 1) (g.pos++, flagged && g.tp++);
    else (g.neg++, flagged && g.fp++);
    const ids = [...new Set(result.evidence)];
    for (const id of ids) {
      const c = cueFires.get(id) ?? { neg: 0, pos: 0 };
      cueFires.set(id, c);
      if (r.label === 1) c.pos++;
      else c.neg++;
    }
    if (workplace.has(r)) {
      for (const category of HARM_CATEGORIES) {
        const stats = byCategory.get(category)!;
        if (result.severity[category] < 2) continue;
        stats.sev2++;
        if (result.severity[category] >= 4) stats.sev4++;
        const named = ids.filter((id) => categoryOfCue.get(id) === category);
        for (const id of named.length > 0 ? named : ['model only']) stats.cues.set(id, (stats.cues.get(id) ?? 0) + 1);
      }
    }
    const line = `${result.score.toFixed(2)} [${ids.join(',')}] ${r.text.slice(0, 160).replace(/\s+/g, ' ')}`;
    if (args.includes('--fps') && r.label === 0 && flagged) console.log(`  FP ${name} ${line}`);
    if (args.includes('--misses') && r.label === 1 && !flagged) console.log(`  MISS ${name} ${line}`);
  }
  for (const [group, g] of [...groups].sort()) {
    const rate = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
    console.log(`| ${name} | ${group} | ${g.pos} | ${g.neg} | ${rate(g.tp, g.pos)} | ${rate(g.fp, g.neg)} |`);
  }
  if (workplace.size === 0) continue;
  for (const [category, stats] of byCategory) {
    const cues = [...stats.cues].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ');
    perCategory.push(`| ${name} | ${workplace.size} | ${category} | ${stats.sev2} | ${stats.sev4} | ${cues || '-'} |`);
  }
}
console.log('\n| cue / mitigation | benign rows | harmful rows |\n|---|---:|---:|');
for (const [id, c] of [...cueFires].sort((a, b) => b[1].neg - a[1].neg)) console.log(`| ${id} | ${c.neg} | ${c.pos} |`);
console.log('\nPer category on benign workplace rows (severity 4 is the shipped flag):\n');
console.log('| set | workplace rows | category | severity >= 2 | severity >= 4 | cues of that category that fired |\n|---|---:|---|---:|---:|---|');
for (const line of perCategory) console.log(line);
