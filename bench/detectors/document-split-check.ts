// Document-channel check that keeps the proxy sets whose errors were read
// ("looked") apart from those nobody tuned on ("unseen"), so a change that
// only helps where its author looked shows up as such:
//   npx tsx bench/detectors/document-split-check.ts [--looked a,b] [--threshold 0.869]
// Prints, per group, true and false positives at the threshold and the TPR at
// a few pooled false-positive rates (threshold-free, so a change that only
// moves scores up or down does not pass for a gain).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { localInjectionScore } from '../../src/guard/checks/injection.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';

interface Row { task: string; channel: string; label: number; text: string }

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const looked = option('--looked', 'proxy-workplace-4,proxy-technical-2').split(',');
const unseen = option('--unseen', 'proxy-heldout,proxy-mention,proxy-technical,proxy-workplace,proxy-workplace-2,proxy-workplace-3').split(',');
const threshold = Number(option('--threshold', '0.869'));
const FPR_POINTS = [0.01, 0.02, 0.04];

function documentScores(sets: readonly string[]): { injected: number[]; clean: number[] } {
  const injected: number[] = [];
  const clean: number[] = [];
  for (const set of sets) {
    const file = fileURLToPath(new URL(`./${set}.jsonl`, import.meta.url));
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as Row;
      if (row.task !== 'attack' || row.channel !== 'document') continue;
      (row.label === 1 ? injected : clean).push(localInjectionScore(prepareText(row.text), 'document').score);
    }
  }
  return { injected, clean };
}

/** Share of injected documents scored above the clean score at the given false-positive rate. */
function tprAtFpr(injected: readonly number[], cleanDescending: readonly number[], fpr: number): number {
  const cut = cleanDescending[Math.floor(fpr * cleanDescending.length)] ?? 0;
  return injected.filter((s) => s > cut).length / Math.max(1, injected.length);
}

for (const [group, sets] of [['unseen', unseen], ['looked', looked]] as const) {
  const { injected, clean } = documentScores(sets);
  const descending = [...clean].sort((a, b) => b - a);
  const atPoints = FPR_POINTS.map((f) => `${(f * 100).toFixed(0)} % ${tprAtFpr(injected, descending, f).toFixed(3)}`).join(', ');
  const tp = injected.filter((s) => s >= threshold).length;
  const fp = clean.filter((s) => s >= threshold).length;
  console.log(`${group} (${sets.join(', ')}): ${injected.length} injected, ${clean.length} clean | at ${threshold}: TP ${tp}, FP ${fp} | TPR at FPR ${atPoints}`);
}
