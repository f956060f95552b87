// Throughput and latency of the state store's get / put / compare-and-swap on
// the embedded SQLite file and on Azure Tables (an Azurite started here), with
// memory as the floor.   npm run bench:state [-- --ops 2000 --concurrency 8]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { updateRecord } from '../../src/state/update-record.js';
import type { StateStore } from '../../src/state/state-store.js';
import { setLogLevel } from '../../src/logging/logger.js';
import { startAzurite } from '../../tests/support/azurite.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ops = arg('ops', 2000);
const concurrency = arg('concurrency', 8);

interface Result {
  opsPerSec: number;
  p50: number;
  p99: number;
}

/** Runs `ops` calls of `op` from `concurrency` workers; worker w uses key w (or one shared key when `hot`). */
async function measure(op: (key: string, i: number) => Promise<unknown>, hot = false): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < ops) {
        const i = next++;
        const t = performance.now();
        await op(hot ? 'hot' : `key-${w}`, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { opsPerSec: ops / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function benchStore(store: StateStore): Promise<Record<string, Result>> {
  const value = { tokens: 12.5, updatedAt: Date.now(), note: 'x'.repeat(200) };
  for (let w = 0; w < concurrency; w++) await store.put('bench', `key-${w}`, value);
  await store.put('bench', 'hot', value);
  const increment = (key: string) => updateRecord<number, void>(store, 'bench-cas', key, (n) => ({ value: (n ?? 0) + 1, result: undefined }), { maxAttempts: 1000 });
  return {
    get: await measure((key) => store.get('bench', key)),
    put: await measure((key, i) => store.put('bench', key, { ...value, i })),
    'CAS (own key)': await measure(increment),
    'CAS (one hot key)': await measure(increment, true),
  };
}

setLogLevel('error');
const dir = mkdtempSync(join(tmpdir(), 'bench-state-'));
const azurite = await startAzurite();
const rows: Array<[string, string, Result]> = [];
try {
  const backends: Array<[string, StateStore]> = [
    ['memory', new MemoryStateStore()],
    ['sqlite', new SqliteStateStore({ path: join(dir, 'state.db') })],
    ['azure-tables (Azurite)', new AzureTablesStateStore({ tableName: 'benchstate', connectionString: azurite.connectionString, timeoutMs: 30_000 })],
  ];
  for (const [name, store] of backends) {
    for (const [op, result] of Object.entries(await benchStore(store))) rows.push([name, op, result]);
    await store.close();
  }
} finally {
  await azurite.stop();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`state store: ${ops} ops per row, ${concurrency} concurrent callers, node ${process.version}`);
console.log(['backend'.padEnd(24), 'operation'.padEnd(18), 'ops/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8)].join(' '));
for (const [name, op, r] of rows) console.log([name.padEnd(24), op.padEnd(18), r.opsPerSec.toFixed(0).padStart(9), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8)].join(' '));
