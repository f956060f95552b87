// One contract, every backend: memory, SQLite (two connections to one file) and
// Azure Tables (two clients against one Azurite started by the test).
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TableClient } from '@azure/data-tables';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { StateError } from '../../src/state/state-errors.js';
import { updateRecord } from '../../src/state/update-record.js';
import { tableRowKey } from '../../src/state/table-keys.js';
import type { StateProblem, StateStore } from '../../src/state/state-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { freePort } from '../support/free-port.js';

interface Backend {
  name: string;
  /** A new client of the same shared store (for memory: the same instance). */
  open(): StateStore;
  /** Overwrites a record's stored text behind the store's back; undefined when the backend cannot hold bad text. */
  corrupt?(namespace: string, key: string): Promise<void>;
  /** A client whose store does not answer (or refuses), with a short deadline; undefined when not applicable. */
  unreachable?(): Promise<{ store: StateStore; expected: StateError['code']; blocked: Array<'get' | 'put'>; release(): Promise<void> }>;
  cleanup(): Promise<void>;
}

const clock = { now: Date.now() };
const now = () => clock.now;
const problems: StateProblem[] = [];
const report = (p: StateProblem) => problems.push(p);

function memoryBackend(): Backend {
  const store = new MemoryStateStore({ now, report });
  return { name: 'memory', open: () => store, cleanup: () => store.close() };
}

async function sqliteBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'state-sqlite-'));
  const path = join(dir, 'state.db');
  const opened: StateStore[] = [];
  return {
    name: 'sqlite',
    open: () => {
      const s = new SqliteStateStore({ path, now, report });
      opened.push(s);
      return s;
    },
    async corrupt(namespace, key) {
      const db = new Database(path);
      db.prepare('UPDATE state_records SET v = ? WHERE ns = ? AND k = ?').run('{"half": ', namespace, key);
      db.close();
    },
    async unreachable() {
      // Another process holds the write lock: writes must give up at their deadline (WAL readers are never blocked).
      const locker = new Database(path);
      locker.exec('BEGIN EXCLUSIVE');
      const store = new SqliteStateStore({ path, now, report, timeoutMs: 300 });
      return {
        store,
        expected: 'timeout',
        blocked: ['put'],
        async release() {
          await store.close();
          locker.exec('ROLLBACK');
          locker.close();
        },
      };
    },
    async cleanup() {
      for (const s of opened) await s.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function azureBackend(azurite: Azurite): Promise<Backend> {
  const tableName = `contract${Date.now()}`;
  return {
    name: 'azure-tables',
    open: () => new AzureTablesStateStore({ tableName, connectionString: azurite.connectionString, now, report, timeoutMs: 5000 }),
    async corrupt(namespace, key) {
      const raw = TableClient.fromConnectionString(azurite.connectionString, tableName, { allowInsecureConnection: true });
      await raw.upsertEntity({ partitionKey: namespace, rowKey: tableRowKey(key), chunks: 1, v0: '{"half": ' }, 'Replace');
    },
    async unreachable() {
      // A listener that accepts connections and never answers: the slow-store case.
      const sockets = new Set<Socket>();
      const server: Server = createServer((s) => sockets.add(s));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      const cs = azurite.connectionString.replace(/TableEndpoint=[^;]+/, `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1`);
      const store = new AzureTablesStateStore({ tableName, connectionString: cs, now, report, timeoutMs: 400 });
      return {
        store,
        expected: 'timeout',
        blocked: ['get', 'put'],
        async release() {
          for (const s of sockets) s.destroy();
          await new Promise((resolve) => server.close(resolve));
        },
      };
    },
    cleanup: async () => undefined,
  };
}

describe('state store contract', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  const backends: Backend[] = [];

  before(async () => {
    azurite = await startAzurite();
    backends.push(memoryBackend(), await sqliteBackend(), await azureBackend(azurite));
  });
  after(async () => {
    for (const b of backends) await b.cleanup();
    await azurite?.stop();
  });
  beforeEach(() => {
    clock.now = Date.now();
    problems.length = 0;
  });

  const each = (title: string, body: (b: Backend) => Promise<void>) =>
    it(title, async () => {
      for (const b of backends) {
        problems.length = 0;
        try {
          await body(b);
        } catch (err) {
          if (err instanceof Error) err.message = `[${b.name}] ${err.message}`;
          throw err;
        }
      }
    });

  const isCode = (code: StateError['code']) => (err: unknown) => err instanceof StateError && err.code === code;

  each('reads back what was written, with an ETag, and nothing for a missing key', async (b) => {
    const s = b.open();
    const etag = await s.put('basic', 'user-1', { n: 1, list: ['a'] });
    const got = await s.get('basic', 'user-1');
    assert.deepEqual(got?.value, { n: 1, list: ['a'] });
    assert.equal(got?.etag, etag);
    assert.equal(await s.get('basic', 'nobody'), undefined);
  });

  each('create-only and compare-and-swap writes fail with a conflict when the record moved on', async (b) => {
    const s = b.open();
    const first = await s.put('cas', 'k', 1, { ifNoneMatch: '*' });
    await assert.rejects(s.put('cas', 'k', 2, { ifNoneMatch: '*' }), isCode('conflict'));
    const second = await s.put('cas', 'k', 2, { ifMatch: first });
    assert.notEqual(second, first);
    await assert.rejects(s.put('cas', 'k', 3, { ifMatch: first }), isCode('conflict'));
    await assert.rejects(s.put('cas', 'never-written', 3, { ifMatch: first }), isCode('conflict'));
    await assert.rejects(s.delete('cas', 'k', { ifMatch: first }), isCode('conflict'));
    assert.equal(await s.delete('cas', 'k', { ifMatch: second }), true);
    assert.equal(await s.delete('cas', 'k'), false);
    assert.equal(await s.get('cas', 'k'), undefined);
  });

  each('two writers on one key lose no update (concurrent CAS increments from two clients)', async (b) => {
    const [one, two] = [b.open(), b.open()];
    const perWriter = 15;
    await one.put('counter', 'hot', 0); // every first attempt is then a compare-and-swap on the same ETag
    const increment = (s: StateStore) => updateRecord<number, void>(s, 'counter', 'hot', (n) => ({ value: (n ?? 0) + 1, result: undefined }), { maxAttempts: 200 });
    await Promise.all([one, two].flatMap((s) => Array.from({ length: perWriter }, () => increment(s))));
    assert.equal((await one.get<number>('counter', 'hot'))?.value, 2 * perWriter);
    assert.equal((await two.get<number>('counter', 'hot'))?.value, 2 * perWriter);
  });

  each('a record expires after its TTL: absent on read, replaceable by create-only, swept', async (b) => {
    const s = b.open();
    await s.put('ttl', 'short', 'v', { ttlMs: 1000 });
    await s.put('ttl', 'unread', 'v', { ttlMs: 1000 });
    await s.put('ttl', 'forever', 'v');
    clock.now += 999;
    assert.equal((await s.get('ttl', 'short'))?.value, 'v');
    clock.now += 2;
    // Create-only over an expired record that no read has cleaned up yet.
    await s.put('ttl', 'unread', 'new', { ifNoneMatch: '*' });
    assert.equal((await s.get('ttl', 'unread'))?.value, 'new');
    assert.equal(await s.get('ttl', 'short'), undefined);
    assert.equal((await s.get('ttl', 'forever'))?.value, 'v');
    await s.put('ttl', 'short', 'again', { ifNoneMatch: '*', ttlMs: 1000 });
    assert.equal((await s.get('ttl', 'short'))?.value, 'again');

    await s.put('ttl', 'sweep-a', 1, { ttlMs: 10 });
    await s.put('ttl', 'sweep-b', 1, { ttlMs: 10 });
    clock.now += 20;
    assert.ok((await s.sweepExpired()) >= 2);
    assert.equal((await s.get('ttl', 'forever'))?.value, 'v');
  });

  each('keys of 10 KB and keys with path and control characters are stored apart, never confused', async (b) => {
    const s = b.open();
    const long = 'k'.repeat(10 * 1024);
    const keys = [long + 'a', long + 'b', 'a/b', 'a\\b', 'a#b', 'a?b', 'tab\tnew\nline\u0000nul\u007f', '../../etc/passwd', 'ünïcødé 🙂', "quote'\"%"];
    for (const [i, key] of keys.entries()) await s.put('keys', key, i);
    for (const [i, key] of keys.entries()) assert.equal((await s.get('keys', key))?.value, i, `key #${i}`);
  });

  each('values up to 200,000 characters round-trip', async (b) => {
    const s = b.open();
    const text = 'é'.repeat(100_000) + 'x'.repeat(100_000);
    await s.put('big', 'one', { text });
    assert.equal((await s.get<{ text: string }>('big', 'one'))?.value.text, text);
  });

  each('a record that fails to parse is skipped and reported, never thrown, and can be replaced', async (b) => {
    const s = b.open();
    await s.put('corrupt', 'user-secret-id', { ok: true });
    // Shape check: a record of the wrong shape is reported the same way.
    const mustBeNumber = (v: unknown) => {
      if (typeof v !== 'number') throw new Error('not a number');
      return v;
    };
    assert.equal(await s.get('corrupt', 'user-secret-id', mustBeNumber), undefined);
    assert.equal(problems.length, 1);
    if (b.corrupt) {
      await b.corrupt('corrupt', 'user-secret-id');
      assert.equal(await s.get('corrupt', 'user-secret-id'), undefined);
      assert.equal(problems.length, 2);
      await s.put('corrupt', 'user-secret-id', { fixed: true }, { ifNoneMatch: '*' });
      assert.deepEqual((await s.get('corrupt', 'user-secret-id'))?.value, { fixed: true });
    }
    for (const p of problems) {
      assert.equal(p.kind, 'corrupt-record');
      assert.equal(p.namespace, 'corrupt');
      assert.ok(!JSON.stringify(p).includes('user-secret-id'), 'the report never carries the key itself');
    }
  });

  each('a store that is down or stalled fails with a typed error within its deadline', async (b) => {
    if (!b.unreachable) return; // memory cannot be down
    const { store, expected, blocked, release } = await b.unreachable();
    try {
      const calls = { put: () => store.put('down', 'k', 1), get: () => store.get('down', 'k') };
      for (const call of blocked.map((name) => calls[name])) {
        const started = Date.now();
        await assert.rejects(call(), isCode(expected));
        assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
      }
    } finally {
      await release();
    }
  });

  each('refuses values JSON cannot hold and malformed namespaces, with a typed error', async (b) => {
    const s = b.open();
    await assert.rejects(s.put('bad', 'k', undefined), isCode('invalid'));
    await assert.rejects(s.put('bad', 'k', 1n), isCode('invalid'));
    await assert.rejects(s.put('Bad/Namespace', 'k', 1), isCode('invalid'));
    await assert.rejects(s.get('bad', ''), isCode('invalid'));
  });
});

describe('Azure Tables state store: an unreachable endpoint', () => {
  it('fails with "unavailable" (not a hang) when nothing listens', async () => {
    const port = await freePort();
    const store = new AzureTablesStateStore({
      tableName: 'nothere',
      connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
      timeoutMs: 3000,
    });
    const started = Date.now();
    await assert.rejects(store.get('ns', 'k'), (err: unknown) => err instanceof StateError && (err.code === 'unavailable' || err.code === 'timeout'));
    assert.ok(Date.now() - started < 3500);
  });
});
