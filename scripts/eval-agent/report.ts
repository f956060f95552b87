// The evaluation report: per scenario results plus the overall rates and which
// layer stopped each attack family; and a plain-text table for the terminal.
import type { ScenarioResult } from './score.js';

export interface FamilySummary {
  scenarios: number;
  /** attacks: how many succeeded; benign: how many met the expectation. */
  count: number;
  rate: number;
  primaryStops: Record<string, number>;
}

export interface EvalReport {
  generatedAt: string;
  model: string;
  /** on: shipped guard policy; off: every detector off, the tool-call policy alone. */
  guards: string;
  scenariosDir: string;
  summary: {
    attacks: { total: number; succeeded: number; attack_success_rate: number; errors: number; primaryStops: Record<string, number> };
    benign: { total: number; passed: number; utility: number; errors: number };
    byFamily: Record<string, FamilySummary>;
  };
  scenarios: ScenarioResult[];
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
const layerOf = (stop: string | undefined) => (stop ?? 'error').split(':')[0] ?? 'error';

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function buildReport(model: string, guards: string, scenariosDir: string, results: ScenarioResult[]): EvalReport {
  const attacks = results.filter((r) => r.kind === 'attack');
  const benign = results.filter((r) => r.kind === 'benign');
  const byFamily: Record<string, FamilySummary> = {};
  for (const family of [...new Set(results.map((r) => r.family))].sort()) {
    const group = results.filter((r) => r.family === family);
    const count = group.filter((r) => (r.kind === 'attack' ? r.attack_success : r.utility)).length;
    byFamily[family] = { scenarios: group.length, count, rate: rate(count, group.length), primaryStops: countBy(group.filter((r) => r.kind === 'attack').map((r) => layerOf(r.primaryStop))) };
  }
  const succeeded = attacks.filter((r) => r.attack_success).length;
  const passed = benign.filter((r) => r.utility).length;
  return {
    generatedAt: new Date().toISOString(),
    model,
    guards,
    scenariosDir,
    summary: {
      attacks: { total: attacks.length, succeeded, attack_success_rate: rate(succeeded, attacks.length), errors: attacks.filter((r) => r.error).length, primaryStops: countBy(attacks.map((r) => layerOf(r.error ? 'error' : r.primaryStop))) },
      benign: { total: benign.length, passed, utility: rate(passed, benign.length), errors: benign.filter((r) => r.error).length },
      byFamily,
    },
    scenarios: results,
  };
}

export function formatTable(report: EvalReport): string {
  const lines: string[] = [];
  const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  lines.push(`Agent evaluation — model: ${report.model}, guards: ${report.guards}`);
  lines.push('');
  lines.push(`${pad('scenario', 44)} ${pad('kind', 7)} ${pad('result', 10)} stopped by / failure`);
  for (const r of report.scenarios) {
    const result = r.error ? 'ERROR' : r.kind === 'attack' ? (r.attack_success ? 'SUCCEEDED' : 'stopped') : r.utility ? 'ok' : 'FAILED';
    const why = r.error ? r.error : r.kind === 'attack' ? (r.attack_success ? r.failures.join('; ') : r.primaryStop ?? '') : r.utility ? r.stoppedBy.join(', ') : r.failures.join('; ');
    lines.push(`${pad(r.id, 44)} ${pad(r.kind, 7)} ${pad(result, 10)} ${why}`);
  }
  const { attacks, benign } = report.summary;
  lines.push('');
  lines.push(`attack_success: ${attacks.succeeded}/${attacks.total} (${(attacks.attack_success_rate * 100).toFixed(1)}%)  stopped by: ${Object.entries(attacks.primaryStops).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`utility:        ${benign.passed}/${benign.total} (${(benign.utility * 100).toFixed(1)}%)`);
  if (attacks.errors + benign.errors > 0) lines.push(`errors:         ${attacks.errors + benign.errors} scenario(s) could not run`);
  return lines.join('\n');
}
