// Rate limits across instances: three limiters, each with its own store client,
// share one backend (Azure Tables on Azurite; SQLite on one file) and together
// allow what one limiter would, within 10 %.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoredTokenBucketLimiter, type RateDecision } from '../../src/state/rate-limiter.js';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import type { StateStore } from '../../src/state/state-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { freePort } from '../support/free-port.js';
import { FallbackRateLimiter } from '../../src/state/fallback-rate-limiter.js';

const burst = 30;
// One token a minute: refill during the test stays far below one token.
const perMinute = 1;

/** Each instance sends `callsPerInstance` consumes for `key`, four at a time: twelve in flight against one bucket. */
async function hammer(limiters: StoredTokenBucketLimiter[], key: string, callsPerInstance: number): Promise<{ allowed: number; errors: number }> {
  const results: Array<RateDecision | Error> = [];
  await Promise.all(
    limiters.flatMap((l) => {
      let left = callsPerInstance;
      return Array.from({ length: 4 }, async () => {
        while (left-- > 0) results.push(await l.consume(key).catch((err: Error) => err));
      });
    }),
  );
  return { allowed: results.filter((r) => !(r instanceof Error) && r.allowed).length, errors: results.filter((r) => r instanceof Error).length };
}

describe('rate limits shared by three instances', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let dir: string;
  const stores: StateStore[] = [];
  before(async () => {
    azurite = await startAzurite();
    dir = await mkdtemp(join(tmpdir(), 'rate-'));
  });
  after(async () => {
    for (const s of stores) await s.close();
    await azurite?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const backends: Array<[string, () => StateStore]> = [
    ['azure-tables (Azurite)', () => new AzureTablesStateStore({ tableName: 'ratelimits', connectionString: azurite.connectionString, timeoutMs: 10_000 })],
    ['sqlite (one file, three connections)', () => new SqliteStateStore({ path: join(dir, 'state.db') })],
  ];

  for (const [name, open] of backends) {
    it(`holds a per-user and a per-tenant limit within 10 % on ${name}`, async () => {
      const clients = [open(), open(), open()];
      stores.push(...clients);
      const users = clients.map((s) => new StoredTokenBucketLimiter(s, { namespace: 'rate-user', perMinute, burst }));
      const tenants = clients.map((s) => new StoredTokenBucketLimiter(s, { namespace: 'rate-tenant', perMinute, burst: 2 * burst }));

      const user = await hammer(users, `tenant-1/user-${name}`, 30); // 90 calls against a burst of 30
      assert.equal(user.errors, 0);
      assert.ok(Math.abs(user.allowed - burst) <= burst * 0.1, `user: allowed ${user.allowed} of a burst of ${burst}`);

      const tenant = await hammer(tenants, `tenant-${name}`, 40); // 120 calls against a burst of 60
      assert.equal(tenant.errors, 0);
      assert.ok(Math.abs(tenant.allowed - 2 * burst) <= 2 * burst * 0.1, `tenant: allowed ${tenant.allowed} of a burst of ${2 * burst}`);
    });
  }
});

describe('stored token bucket', () => {
  it('refills over time like the in-process limiter, and says how long to wait', async () => {
    let now = 1_000_000;
    const limiter = new StoredTokenBucketLimiter(new MemoryStateStore(), { namespace: 'rate-user', perMinute: 60, burst: 2, now: () => now });
    assert.equal((await limiter.consume('u')).allowed, true);
    assert.equal((await limiter.consume('u')).allowed, true);
    const denied = await limiter.consume('u');
    assert.deepEqual(denied, { allowed: false, remaining: 0, retryAfterMs: 1000 });
    now += 500;
    assert.equal((await limiter.consume('u')).retryAfterMs, 500);
    now += 500;
    assert.deepEqual(await limiter.consume('u'), { allowed: true, remaining: 0, retryAfterMs: 0 });
    assert.equal((await limiter.consume('other')).allowed, true, 'buckets are per key');
    assert.equal((await limiter.consume('big', 3)).allowed, false, 'never more than the burst at once');
  });

  it('stores a hash of the key, never the user id', async () => {
    const store = new MemoryStateStore();
    const limiter = new StoredTokenBucketLimiter(store, { namespace: 'rate-user', perMinute: 60, burst: 2 });
    await limiter.consume('tenant/alice@contoso.com');
    assert.equal(await store.get('rate-user', 'tenant/alice@contoso.com'), undefined);
  });
});

describe('rate limits when the shared store is down', () => {
  it('fall back to the instance\'s own bucket within the deadline, and say so', async () => {
    const port = await freePort();
    const down = new AzureTablesStateStore({
      tableName: 'ratelimits',
      connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
      timeoutMs: 1000,
    });
    const fallbacks: string[] = [];
    const limiter = new FallbackRateLimiter(
      new StoredTokenBucketLimiter(down, { namespace: 'rate-user', perMinute: 1, burst: 3 }),
      new StoredTokenBucketLimiter(new MemoryStateStore(), { namespace: 'rate-user', perMinute: 1, burst: 3 }),
      (err) => fallbacks.push(err.code),
    );
    const started = Date.now();
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push((await limiter.consume('tenant/user')).allowed);
    assert.deepEqual(decisions, [true, true, true, false, false]);
    assert.equal(fallbacks.length, 5);
    assert.ok(fallbacks.every((c) => c === 'unavailable' || c === 'timeout'));
    assert.ok(Date.now() - started < 5 * 1500);
  });
});

describe('rate limits shared by three agent processes', function () {
  this.timeout(90_000);
  let azurite: Azurite;
  let dir: string;
  before(async () => {
    azurite = await startAzurite();
    dir = await mkdtemp(join(tmpdir(), 'rate-procs-'));
  });
  after(async () => {
    await azurite?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts three workers configured by `env`, releases them together, sums what they allowed. */
  async function runThree(env: Record<string, string>): Promise<{ allowed: number; errors: number }> {
    const workers = Array.from({ length: 3 }, () =>
      spawn(process.execPath, ['--import', 'tsx', 'tests/support/rate-limit-worker.ts'], {
        env: { ...process.env, LOG_LEVEL: 'error', KEY: 'tenant-1/user-1', BURST: '20', PER_MINUTE: '1', CALLS: '20', STATE_SWEEP_INTERVAL_SEC: '0', ...env },
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const lines = workers.map((w) => {
      const rl = createInterface({ input: w.stdout! });
      const queue: string[] = [];
      const waiters: Array<(l: string) => void> = [];
      rl.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
      return () => new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiters.push(resolve)));
    });
    try {
      assert.deepEqual(await Promise.all(lines.map((next) => next())), ['ready', 'ready', 'ready']);
      for (const w of workers) w.stdin!.write('go\n');
      const results = (await Promise.all(lines.map((next) => next()))).map((l) => JSON.parse(l) as { allowed: number; errors: number });
      return { allowed: results.reduce((n, r) => n + r.allowed, 0), errors: results.reduce((n, r) => n + r.errors, 0) };
    } finally {
      for (const w of workers) if (w.exitCode === null) w.kill();
    }
  }

  it('three processes on one Azurite allow one burst, within 10 %', async () => {
    const { allowed, errors } = await runThree({ STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: azurite.connectionString, STATE_TIMEOUT_MS: '10000' });
    assert.equal(errors, 0);
    assert.ok(Math.abs(allowed - 20) <= 2, `allowed ${allowed} of a burst of 20 (60 calls)`);
  });

  it('three processes on one SQLite file allow one burst, within 10 % (per-process memory would allow 60)', async () => {
    const { allowed, errors } = await runThree({ STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db') });
    assert.equal(errors, 0);
    assert.ok(Math.abs(allowed - 20) <= 2, `allowed ${allowed} of a burst of 20 (60 calls)`);
  });
});
