// A turn's user and tenant rate-limit buckets go to SQLite in one transaction
// (one commit instead of two); a store without transactions keeps one update per bucket.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RateLimitGuard } from '../../src/guard/checks/limits.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { StateError } from '../../src/state/state-errors.js';
import type { StateStore } from '../../src/state/state-store.js';

const limits = { userPerMinute: 1, userBurst: 3, tenantPerMinute: 1, tenantBurst: 100 };
const ctx = { userId: 'alice', tenantId: 'contoso', conversationId: 'c1' };
const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

/** The real store, counting how the guard reaches it. */
function counting(store: SqliteStateStore) {
  const calls = { update: 0, transact: 0, durability: [] as Array<string | undefined> };
  const wrapped: StateStore = {
    backend: store.backend,
    get: (ns, key, parse) => store.get(ns, key, parse),
    put: (ns, key, value, options) => store.put(ns, key, value, options),
    delete: (ns, key, options) => store.delete(ns, key, options),
    update: (ns, key, change, options) => (calls.update++, store.update(ns, key, change, options)),
    transact: (work, options) => (calls.transact++, calls.durability.push(options?.durability), store.transact(work, options)),
    sweepExpired: () => store.sweepExpired(),
    close: () => store.close(),
  };
  return { wrapped, calls };
}

describe('rate limits in one transaction', () => {
  let dir: string;
  let store: SqliteStateStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rate-tx-'));
    store = new SqliteStateStore({ path: join(dir, 'state.db') });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the user and the tenant token in one SQLite transaction per turn, with the same decisions', async () => {
    const { wrapped, calls } = counting(store);
    const guard = new RateLimitGuard(limits, { state: wrapped, now: () => 1_000_000 });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await guard.check(ctx));
    assert.deepEqual(outcomes.slice(0, 3), [undefined, undefined, undefined]);
    assert.deepEqual(outcomes[3]?.verdicts[0]?.evidence.slice(0, 1), ['rate.user']);
    assert.deepEqual(calls, { update: 0, transact: 4, durability: ['relaxed', 'relaxed', 'relaxed', 'relaxed'] });
    assert.equal((await store.get<{ tokens: number }>('rate-user', hashed('contoso/alice')))?.value.tokens, 0);
    // The refused fourth turn took no tenant token.
    assert.equal((await store.get<{ tokens: number }>('rate-tenant', hashed('contoso')))?.value.tokens, 97);
  });

  it('writes nothing when the transaction fails part-way', async () => {
    await assert.rejects(
      store.transact((update) => {
        update('rate-user', 'k', () => ({ value: { tokens: 1, updatedAt: 0 }, result: undefined }));
        throw new StateError('unavailable', 'failed after the first write');
      }),
      /failed after the first write/,
    );
    assert.equal(await store.get('rate-user', 'k'), undefined);
  });

  it('keeps relaxed writes across a restart, and writes nothing of a relaxed transaction that fails', async () => {
    const bucket = (tokens: number) => () => ({ value: { tokens, updatedAt: 0 }, result: undefined });
    await store.transact((update) => update('rate-user', 'kept', bucket(5)), { durability: 'relaxed' });
    await store.update('rate-tenant', 'kept', bucket(7), { durability: 'relaxed' });
    await assert.rejects(
      store.transact((update) => {
        update('rate-user', 'lost', bucket(1));
        throw new StateError('unavailable', 'failed after the first write');
      }, { durability: 'relaxed' }),
      /failed after the first write/,
    );
    // Ordinary (durable) writes still work after the relaxed ones.
    await store.put('approvals', 'a1', { state: 'approved' });
    await store.close();
    store = new SqliteStateStore({ path: join(dir, 'state.db') });
    assert.equal((await store.get<{ tokens: number }>('rate-user', 'kept'))?.value.tokens, 5);
    assert.equal((await store.get<{ tokens: number }>('rate-tenant', 'kept'))?.value.tokens, 7);
    assert.equal(await store.get('rate-user', 'lost'), undefined);
    assert.deepEqual((await store.get('approvals', 'a1'))?.value, { state: 'approved' });
  });

  for (const durability of ['relaxed', 'durable'] as const) {
    it(`commits the ${durability} writes of concurrent turns together, each with its own result, a failing one undoing only its own writes`, async () => {
      const take = (key: string) => (update: Parameters<Parameters<SqliteStateStore['transact']>[0]>[0]) =>
        update<{ tokens: number }, number>('rate-user', key, (current) => {
          const tokens = (current?.tokens ?? 3) - 1;
          return { value: { tokens }, result: tokens };
        });
      // Asked for in one pass of the event loop, as the rate limits of turns read in one poll phase are.
      const results = await Promise.allSettled([
        store.transact(take('shared'), { durability }),
        store.transact((update) => {
          take('lost')(update);
          throw new StateError('unavailable', 'failed after its write');
        }, { durability }),
        store.transact(take('shared'), { durability }),
        store.update<{ tokens: number }, string>('rate-tenant', 't', () => ({ value: { tokens: 9 }, result: 'tenant' }), { durability }),
      ]);
      assert.deepEqual(
        results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
        [2, 'failed after its write', 1, 'tenant'],
      );
      await store.close();
      store = new SqliteStateStore({ path: join(dir, 'state.db') });
      assert.equal((await store.get<{ tokens: number }>('rate-user', 'shared'))?.value.tokens, 1);
      assert.equal(await store.get('rate-user', 'lost'), undefined);
      assert.equal((await store.get<{ tokens: number }>('rate-tenant', 't'))?.value.tokens, 9);
    });
  }

  it('commits relaxed writes still waiting when the store closes', async () => {
    const pending = store.transact((update) => update('rate-user', 'late', () => ({ value: { tokens: 4 }, result: 'done' })), { durability: 'relaxed' });
    await store.close();
    assert.equal(await pending, 'done');
    store = new SqliteStateStore({ path: join(dir, 'state.db') });
    assert.equal((await store.get<{ tokens: number }>('rate-user', 'late'))?.value.tokens, 4);
  });

  it('falls back to the instance’s own buckets for both when the transaction fails, and says so', async () => {
    const { wrapped } = counting(store);
    const failing: StateStore = { ...wrapped, transact: () => Promise.reject(new StateError('timeout', 'locked')) };
    const guard = new RateLimitGuard(limits, { state: failing });
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await guard.check(ctx));
    assert.deepEqual(outcomes.map((o) => o?.verdicts[0]?.action), ['allow', 'allow', 'allow', 'block']);
    assert.ok(outcomes.every((o) => o?.verdicts[0]?.evidence.includes('rate.store-unavailable')));
  });
});
