// Local audit log against its size: start-up time (open + resume from the tail),
// bytes read at start-up, verify throughput (MB/s) and memory.
//   npm run bench:audit [-- --sizes 1,100,1024]   (MB; default 1,100; 1024 needs ~2.5 GB of disk)
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signerFromPrivateKey, verifierFor } from '../../src/audit/checkpoint-signer.js';
import { openLocalAuditLog } from '../../src/audit/local-audit-log.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizesMb = arg('sizes', '1,100').split(',').map(Number);
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
process.stdout.write(
  ['| target | log | start-up | read at start-up | verify | verify peak RSS growth | generate |', '|---|---|---|---|---|---|---|', ...rows].join('\n') + '\n',
);
