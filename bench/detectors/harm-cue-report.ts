// Which harm cues fire on benign text, and how each set fares at the shipped
// threshold: the check issue 15 asks for ("check each harm category's cues
// against a benign workplace set").
//   npx tsx bench/detectors/harm-cue-report.ts [--misses] [--fps] [--sets a,b]
// Sets: workplace-benign (harm rows), the hand-written hard negatives and
// positives of harm-4, the dev set's harm rows and guard-extra's harm rows
// when ../shared/datasets is present. Proxy sets are not read here: they are
// only for eval:guards --proxy.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHarm } from '../../src/guard/checks/harm.js';
import { HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/index.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';

interface Row { task?: string; label: number; family?: string; kind?: string; text: string }
const args = process.argv.slice(2);
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const shared = (f: string) => resolve(process.cwd(), '../shared/datasets', f);

function read(file: string): Row[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

const sets: Record<string, Row[]> = {
  'workplace-benign': read(here('./workplace-benign.jsonl')).filter((r) => r.task === 'harm'),
  'harm-4 (hand-written)': read(here('../../scripts/train/corpus/handwritten/harm-4.jsonl')),
  dev: read(process.env.GUARD_DEV_DATA ?? shared('guard-dev.jsonl')).filter((r) => r.task === 'harm'),
  'guard-extra': read(process.env.GUARD_EXTRA_DATA ?? shared('guard-extra.jsonl')).filter((r) => r.task === 'harm'),
};
const only = args.includes('--sets') ? args[args.indexOf('--sets') + 1]!.split(',') : undefined;

const cueFires = new Map<string, { neg: number; pos: number }>();
console.log('| set | group | pos | neg | TPR | FPR |\n|---|---|---:|---:|---:|---:|');
for (const [name, rows] of Object.entries(sets)) {
  if (only && !only.includes(name)) continue;
  const groups = new Map<string, { pos: number; neg: number; tp: number; fp: number }>();
  for (const r of rows) {
    const result = localHarm(prepareText(r.text));
    const flagged = result.score >= HARM_DEFAULT_THRESHOLD;
    const group = (r.family ?? r.kind ?? '-').split('/')[0]!;
    const g = groups.get(group) ?? { pos: 0, neg: 0, tp: 0, fp: 0 };
    groups.set(group, g);
    if (r.label === 1) (g.pos++, flagged && g.tp++);
    else (g.neg++, flagged && g.fp++);
    for (const id of new Set(result.evidence)) {
      const c = cueFires.get(id) ?? { neg: 0, pos: 0 };
      cueFires.set(id, c);
      if (r.label === 1) c.pos++;
      else c.neg++;
    }
    if (args.includes('--fps') && r.label === 0 && flagged) console.log(`  FP ${name} ${result.score.toFixed(2)} [${[...new Set(result.evidence)].join(',')}] ${r.text.slice(0, 160).replace(/\s+/g, ' ')}`);
    if (args.includes('--misses') && r.label === 1 && !flagged) console.log(`  MISS ${name} ${result.score.toFixed(2)} [${[...new Set(result.evidence)].join(',')}] ${r.text.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  for (const [group, g] of [...groups].sort()) {
    const rate = (a: number, b: number) => (b ? (a / b).toFixed(3) : '-');
    console.log(`| ${name} | ${group} | ${g.pos} | ${g.neg} | ${rate(g.tp, g.pos)} | ${rate(g.fp, g.neg)} |`);
  }
}
console.log('\n| cue / mitigation | benign rows | harmful rows |\n|---|---:|---:|');
for (const [id, c] of [...cueFires].sort((a, b) => b[1].neg - a[1].neg)) console.log(`| ${id} | ${c.neg} | ${c.pos} |`);
