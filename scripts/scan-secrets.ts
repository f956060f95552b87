// Secret scan of the working tree for .ci/run: every file git tracks or would track (not
// ignored) is read with the agent's own DLP secret detectors (src/guard/dlp), the same ones
// that scrub its logs. A finding names the file, line and rule, never the value. Files that
// hold fake credentials on purpose (detector tests, emulator seeds) are listed in
// security/secret-scan-allowlist.json with a reason; everything else fails the scan.
//
//   npx tsx scripts/scan-secrets.ts [--root DIR]
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { detectSecrets } from '../src/guard/dlp/secret-detectors.js';

const maxBytes = 2 * 1024 * 1024;

const allowlistSchema = z.object({
  $comment: z.string().optional(),
  entries: z.array(z.object({ path: z.string().min(1), reason: z.string().min(10) }).strict()),
}).strict();

export interface SecretFinding {
  path: string;
  line: number;
  rule: string;
}

/** A path pattern: `dir/` covers a folder, `*` one path segment's characters. */
function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('/')) return path.startsWith(pattern);
  const parts = pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]{0,200}')}$`).test(path);
}

/** Source code that names where a value comes from (a property path such as opts.apiKey), not a value. */
function isCodeReference(value: string): boolean {
  return /^[A-Za-z_$][\w$]{0,80}(\??\.[A-Za-z_$][\w$]{0,80}){1,6}[),;\]}]{0,4}$/.test(value);
}

export function scanText(path: string, text: string): SecretFinding[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return detectSecrets(text)
    .filter((f) => !(f.rule === 'secret.password-assignment' && isCodeReference(text.slice(f.start, f.end))))
    .map((f) => ({ path, line: lineOf(f.start), rule: f.rule }));
}

export function scanTree(root: string): { findings: SecretFinding[]; allowed: number; files: number } {
  const allowlist = allowlistSchema.parse(JSON.parse(readFileSync(join(root, 'security', 'secret-scan-allowlist.json'), 'utf8')));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((p) => p.length > 0 && p !== 'node_modules');
  const findings: SecretFinding[] = [];
  let allowed = 0;
  let scanned = 0;
  for (const path of files) {
    const full = join(root, path);
    let size: number;
    try {
      const stat = statSync(full);
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue; // deleted in the working tree
    }
    if (size > maxBytes) continue;
    const buffer = readFileSync(full);
    if (buffer.includes(0)) continue; // binary
    scanned++;
    const found = scanText(path, buffer.toString('utf8'));
    if (found.length === 0) continue;
    if (allowlist.entries.some((e) => matches(e.path, path))) allowed += found.length;
    else findings.push(...found);
  }
  return { findings, allowed, files: scanned };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const { findings, allowed, files } = scanTree(root);
  for (const f of findings) process.stderr.write(`secret: ${f.path}:${f.line} (${f.rule})\n`);
  process.stdout.write(`secret scan: ${files} files, ${findings.length} findings, ${allowed} in allow-listed test fixtures\n`);
  process.exit(findings.length > 0 ? 1 : 0);
}
