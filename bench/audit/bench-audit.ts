// Local audit log against its size: start-up time (open + resume from the tail),
// bytes read at start-up, verify throughput (MB/s) and memory; then /healthz
// latency of the agent process, idle and while the Auditor's `audit` command
// reads a log of --healthz-mb (default 100; 0 skips it) filtered for a user
// whose turns are 60 MB back (the worst case a request may read: 64 MB).
//   npm run bench:audit [-- --sizes 1,100,1024 --healthz-mb 100]   (MB; default 1,100; 1024 needs ~2.5 GB of disk)
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signerFromPrivateKey, verifierFor } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { startIdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { startAgentProcess } from '../../tests/support/agent-process.js';
import { messageActivity, postActivity } from '../../tests/support/agent-under-test.js';
import { probeHealthWhile, writeLargeAuditLog } from '../../tests/support/large-audit-log.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizesMb = arg('sizes', '1,100').split(',').map(Number).filter((n) => n > 0);
const healthzMb = Number(arg('healthz-mb', '100'));
const signer = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
const verifier = verifierFor([signer.publicKey]);
const bytesRead = () => Number(/rchar:\s+(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

// A turn record of about 2.3 KB, the size the issue measured.
const record = (i: number) => ({
  correlationId: `c-${i}`,
  channelId: 'msteams',
  outcome: i % 7 === 0 ? 'blocked' : 'replied',
  guardVerdicts: Array.from({ length: 6 }, (_, g) => ({ guard: `guard-${g}`, action: 'allow', score: 0.01 * g })),
  stages: Array.from({ length: 6 }, (_, s) => ({ stage: `stage-${s}`, durationMs: s * 1.5 })),
  text: 'r'.repeat(1500),
});

const rows: string[] = [];
for (const mb of sizesMb) {
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-audit-')), 'log');
  const target = mb * 1024 * 1024;
  const writer = await openLocalAuditLog({ dir, signer });
  const genStart = performance.now();
  let written = 0;
  let i = 0;
  while (written < target) {
    const batch = await Promise.all(Array.from({ length: 500 }, () => writer.append(record(i++))));
    written += batch.length * 2300;
  }
  await writer.close();
  const genSeconds = (performance.now() - genStart) / 1000;

  const read0 = bytesRead();
  const t0 = performance.now();
  const reopened = await openLocalAuditLog({ dir, signer });
  const startupMs = performance.now() - t0;
  const startupRead = bytesRead() - read0;
  await reopened.close();

  const rss0 = process.memoryUsage().rss;
  let peakRss = rss0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const v0 = performance.now();
  const result = await verifyAuditLog(dir, verifier);
  const verifySeconds = (performance.now() - v0) / 1000;
  clearInterval(sampler);
  if (!result.ok) throw new Error(`generated log does not verify: ${JSON.stringify(result.problem)}`);
  const actualMb = result.bytes / 1024 / 1024;
  rows.push(
    `| ${mb} MB | ${actualMb.toFixed(0)} MB, ${result.records} records, ${result.segments} segment(s) | ${startupMs.toFixed(1)} ms | ${(startupRead / 1024).toFixed(0)} KB | ` +
      `${(actualMb / verifySeconds).toFixed(0)} MB/s (${verifySeconds.toFixed(2)} s) | +${((peakRss - rss0) / 1024 / 1024).toFixed(0)} MB | ${(i / genSeconds).toFixed(0)} appends/s |`,
  );
  rmSync(join(dir, '..'), { recursive: true, force: true });
}
if (rows.length > 0) process.stdout.write(
  ['| target | log | start-up | read at start-up | verify | verify peak RSS growth | generate |', '|---|---|---|---|---|---|---|', ...rows].join('\n') + '\n',
);

// /healthz while `audit` runs: the agent as its own process, as in production.
if (healthzMb > 0) {
  const root = mkdtempSync(join(tmpdir(), 'bench-audit-healthz-'));
  const oid = '00000000-0000-0000-0000-0000000a0d17';
  const log = await writeLargeAuditLog(join(root, 'log'), { megabytes: healthzMb, target: { aadObjectId: oid, count: 3, megabytesFromEnd: Math.min(60, healthzMb * 0.6) } });
  const ids = await startIdentityStandIns({ devUser: 'patti@contoso.example' });
  const agent = await startAgentProcess({ ...ids.agentEnv, LOG_LEVEL: 'warn', AUDIT_LOG_DIR: join(root, 'log'), AUDIT_SIGNING_KEY: log.signingKeyEnv, STATE_SQLITE_PATH: join(root, 'state.db') });
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;
  const row = (label: string, latencies: number[], extra: string) =>
    `| ${label} | ${latencies.length} | ${pct(latencies, 50).toFixed(2)} ms | ${pct(latencies, 99).toFixed(2)} ms | ${Math.max(...latencies).toFixed(1)} ms | ${extra} |`;
  try {
    // Warm-up (JIT, first turn's lazy loads), not measured.
    await postActivity(agent.url, messageActivity('audit', { serviceUrl: undefined }));
    await probeHealthWhile(agent.url, new Promise((resolve) => setTimeout(resolve, 2000)));
    const idle = await probeHealthWhile(agent.url, new Promise((resolve) => setTimeout(resolve, 3000)));
    const auditMs: number[] = [];
    let cards = 0;
    const audits = (async () => {
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const reply = await postActivity(agent.url, messageActivity(`audit user ${oid}`, { serviceUrl: undefined }));
        auditMs.push(performance.now() - t0);
        const card = JSON.stringify(reply.body?.activities?.[0]?.attachments?.[0]?.content ?? null);
        if ((card.match(/"title":"Turn"/g) ?? []).length === log.targetRecords) cards++;
      }
    })();
    const during = await probeHealthWhile(agent.url, audits);
    if (cards !== 5) throw new Error(`the audit view did not find the user's ${log.targetRecords} turns (${cards} of 5 answers did)`);
    const mean = auditMs.reduce((a, b) => a + b, 0) / auditMs.length;
    process.stdout.write(
      [
        '',
        `/healthz of the agent process, ${healthzMb} MB log (${log.records} records), \`audit user <oid>\` reading back ${Math.min(60, healthzMb * 0.6)} MB:`,
        '| while | answers | p50 | p99 | max | audit request |',
        '|---|---|---|---|---|---|',
        row('idle (3 s)', idle.probe.latenciesMs, '-'),
        row('audit runs (5 in a row)', during.probe.latenciesMs, `${mean.toFixed(0)} ms mean`),
      ].join('\n') + '\n',
    );
  } finally {
    await agent.stop();
    await ids.close();
    rmSync(root, { recursive: true, force: true });
  }
}
