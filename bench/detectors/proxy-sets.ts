// The independent proxy sets: written apart from the training corpus, one per
// attack family and hard-negative kind, never trained on or calibrated on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DevRow } from '../../scripts/train/dev-data.js';

export const PROXY_SETS = ['proxy-heldout', 'proxy-suffix', 'proxy-suffix-benign', 'proxy-technical', 'proxy-creative', 'proxy-workplace', 'proxy-everyday-harm', 'proxy-workplace-2', 'proxy-mention', 'proxy-user-2', 'proxy-harm-2', 'proxy-workplace-3', 'proxy-workplace-4', 'proxy-technical-2', 'proxy-user-3', 'proxy-harm-3', 'proxy-workplace-5', 'proxy-technical-3', 'proxy-user-4', 'proxy-harm-4', 'proxy-workplace-6', 'proxy-technical-4', 'proxy-user-5', 'proxy-harm-5', 'proxy-workplace-7', 'proxy-technical-5', 'proxy-user-6', 'proxy-harm-6', 'proxy-workplace-8', 'proxy-technical-6', 'proxy-user-7', 'proxy-harm-7', 'proxy-workplace-9', 'proxy-technical-7', 'proxy-user-8', 'proxy-harm-8', 'proxy-workplace-10', 'proxy-technical-8', 'proxy-user-9', 'proxy-harm-9', 'proxy-workplace-11', 'proxy-technical-9', 'proxy-user-10', 'proxy-harm-10', 'proxy-workplace-12', 'proxy-technical-10', 'proxy-user-11', 'proxy-harm-11', 'proxy-workplace-13', 'proxy-technical-11', 'proxy-user-12', 'proxy-harm-12', 'proxy-workplace-14', 'proxy-technical-12', 'proxy-technical-13', 'proxy-user-13', 'proxy-harm-13'] as const;

export const proxyFile = (name: string): string => fileURLToPath(new URL(`./${name}.jsonl`, import.meta.url));

/** The rows of one evaluation file: a proxy set's name, or a path (a missing file throws). */
export function readSetRows(set: string): DevRow[] {
  return readFileSync(set.includes('/') ? set : proxyFile(set), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevRow);
}

/** Every proxy row, its family prefixed with its set (`proxy-technical:tech/code`). */
export function readProxyRows(): DevRow[] {
  return PROXY_SETS.flatMap((set) => readSetRows(set).map((r) => ({ ...r, family: `${set}:${r.family}` })));
}
