// `npm run audit:verify [-- --dir <folder>] [--public-key <file>] [--allow-pruned] [--json]`: streams the local audit log and
// reports the first altered, deleted, inserted or reordered record. Exit code 1 when the chain is broken.
// Without --public-key the configured signing key (or the dev key file) gives the public key.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditSettings } from '../src/audit/audit-settings.js';
import { parsePublicKey, verifierFor } from '../src/audit/checkpoint-signer.js';
import { configuredVerifier } from '../src/audit/open-audit-log.js';
import { appInsightsSettings } from '../src/audit/app-insights-settings.js';
import { createAppInsightsTelemetry } from '../src/audit/app-insights-telemetry.js';
import { verifyAuditLog } from '../src/audit/verify-audit-log.js';
import { loadEnvFiles } from '../src/load-env-files.js';

const { values } = parseArgs({ options: { dir: { type: 'string' }, 'public-key': { type: 'string', multiple: true }, json: { type: 'boolean' }, 'allow-pruned': { type: 'boolean' } } });
loadEnvFiles(process.env);
const settings = auditSettings.parse(process.env);
const dir = values.dir ?? settings.dir;
const verifier = values['public-key']?.length ? verifierFor(values['public-key'].map((file) => parsePublicKey(readFileSync(file, 'utf8')))) : configuredVerifier(settings);

if (!existsSync(dir) || !readdirSync(dir).some((n) => n.startsWith('segment-'))) {
  process.stderr.write(`no audit log segments in ${dir} (set AUDIT_LOG_DIR or pass --dir)\n`);
  process.exit(2);
}
const started = performance.now();
const result = await verifyAuditLog(dir, verifier, { allowPruned: settings.retentionDays > 0 || values['allow-pruned'] === true });
const seconds = (performance.now() - started) / 1000;
if (values.json) {
  process.stdout.write(JSON.stringify({ dir, seconds, ...result }) + '\n');
} else {
  const mb = result.bytes / 1024 / 1024;
  process.stdout.write(
    `${dir}: ${result.segments} segment(s), ${result.records} records, ${result.checkpoints} signed checkpoints/anchors, ` +
      `seq ${result.firstSeq}–${result.lastSeq}${result.pruned ? ' (older segments pruned by retention)' : ''}; ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s\n`,
  );
  if (result.ok) process.stdout.write(`OK: the chain is intact${result.unsignedTail ? ` (${result.unsignedTail} newest records not yet under a checkpoint)` : ''}\n`);
  else process.stdout.write(`BROKEN: ${result.problem.kind} at ${result.problem.segment} line ${result.problem.line} (expected record ${result.problem.expectedSeq}): ${result.problem.detail}\n`);
}
// Run on a schedule with APPLICATIONINSIGHTS_CONNECTION_STRING set, a broken chain raises the AuditChainAlert rule.
if (!result.ok) {
  const telemetry = createAppInsightsTelemetry(appInsightsSettings.parse(process.env));
  if (telemetry) {
    telemetry.trackAuditAlert({ reason: 'verify', detail: result.problem.detail, segment: result.problem.segment, kind: result.problem.kind });
    await telemetry.flush();
  }
}
process.exitCode = result.ok ? 0 : 1;
