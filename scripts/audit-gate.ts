// The dependency advisory gate of the deployment pipeline (teamsapp.yml deploy, docs/deploy.md):
// runs `npm audit --omit=dev --json` and fails on any high or critical advisory in a production
// dependency unless security/audit-allowlist.json lists it, reviewed and not expired. It needs
// the npm registry's audit service; when that cannot be reached it fails (closed), it never
// passes silently. (.ci/run cannot reach it on our machines and says so instead of calling this.)
//
//   npm run --silent audit:gate
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const blocking = new Set(['high', 'critical']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const allowlistSchema = z.object({
  $comment: z.string().optional(),
  reviewed: isoDate,
  entries: z.array(
    z.object({
      advisory: z.string().regex(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/, 'a GitHub advisory id GHSA-xxxx-xxxx-xxxx'),
      package: z.string().min(1),
      reason: z.string().min(20, 'say why the advisory does not apply'),
      reviewedBy: z.string().min(1),
      reviewedOn: isoDate,
      expires: isoDate,
    }).strict(),
  ),
}).strict();
export type AuditAllowlist = z.infer<typeof allowlistSchema>;

/** The parts of `npm audit --json` (report version 2) the gate reads. */
interface AuditReport {
  vulnerabilities?: Record<string, { severity?: string; via?: Array<string | { url?: string; title?: string; severity?: string; name?: string }> }>;
  error?: { code?: string; summary?: string };
  /** Set with `error` when the audit endpoint answered an HTTP error. */
  message?: string;
}

export interface GateResult {
  blocking: string[];
  allowed: string[];
  stale: string[];
}

/** Pure decision over a report: what blocks, what the allow-list lets through, which entries expired. */
export function judgeAudit(report: AuditReport, allowlist: AuditAllowlist, today: string): GateResult {
  const result: GateResult = { blocking: [], allowed: [], stale: [] };
  const live = new Map(allowlist.entries.filter((e) => e.expires >= today).map((e) => [`${e.package} ${e.advisory}`, e]));
  for (const e of allowlist.entries) if (e.expires < today) result.stale.push(`${e.package} ${e.advisory} (expired ${e.expires})`);
  const seen = new Set<string>();
  for (const [name, vuln] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of vuln.via ?? []) {
      if (typeof via === 'string' || !blocking.has(via.severity ?? '')) continue; // strings point at another entry
      const advisory = /GHSA(-[a-z0-9]{4}){3}/.exec(via.url ?? '')?.[0] ?? via.url ?? 'unknown advisory';
      const key = `${via.name ?? name} ${advisory}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = `${key} ${via.severity}: ${via.title ?? ''}`.trim();
      if (live.has(key)) result.allowed.push(line);
      else result.blocking.push(line);
    }
  }
  return result;
}

function runAudit(): AuditReport {
  try {
    return JSON.parse(execFileSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as AuditReport;
  } catch (err) {
    // npm audit exits 1 when it finds anything; its JSON is still on stdout.
    const stdout = (err as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as AuditReport;
    throw err;
  }
}

function main(): void {
  const allowlist = allowlistSchema.parse(JSON.parse(readFileSync(join(repoRoot, 'security', 'audit-allowlist.json'), 'utf8')));
  const report = runAudit();
  if (report.error || !report.vulnerabilities) {
    process.stderr.write(`audit gate: the advisory service did not answer (${report.error?.code ?? report.message ?? 'no report'}); failing closed\n`);
    process.exit(2);
  }
  const result = judgeAudit(report, allowlist, new Date().toISOString().slice(0, 10));
  for (const line of result.allowed) process.stdout.write(`allowed (reviewed): ${line}\n`);
  for (const line of result.stale) process.stderr.write(`allow-list entry expired, review it again: ${line}\n`);
  for (const line of result.blocking) process.stderr.write(`BLOCKING: ${line}\n`);
  process.stdout.write(`audit gate: ${result.blocking.length} blocking, ${result.allowed.length} allowed, ${result.stale.length} expired entries\n`);
  if (result.blocking.length > 0 || result.stale.length > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
