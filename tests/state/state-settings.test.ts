import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createStateStore } from '../../src/state/create-state-store.js';
import { AgentsStorage } from '../../src/state/agents-storage.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { StateError } from '../../src/state/state-errors.js';
import { claimOnce } from '../../src/state/claim-once.js';
import { startAzurite } from '../support/azurite.js';

const dev = { AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' };
const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig({ ...dev, ...env });
    return '';
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
};

describe('state settings', () => {
  it('defaults to SQLite under .local/ on one machine', () => {
    const { state } = loadConfig(dev);
    assert.equal(state.backend, 'sqlite');
    assert.equal(state.sqlitePath, '.local/state/state.db');
  });

  it('needs an https table endpoint for Azure Tables and takes a connection string only for Azurite, never echoing it', () => {
    assert.match(problemsOf({ STATE_BACKEND: 'azure-tables' }), /STATE_TABLES_ENDPOINT: required/);
    assert.match(problemsOf({ STATE_BACKEND: 'azure-tables', STATE_TABLES_ENDPOINT: 'http://acct.table.core.windows.net' }), /https/);
    assert.match(problemsOf({ STATE_BACKEND: 'redis' }), /STATE_BACKEND/);
    const key = 'AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0';
    const production = problemsOf({ STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: `DefaultEndpointsProtocol=https;AccountName=prod;${key};EndpointSuffix=core.windows.net` });
    assert.match(production, /only for Azurite/);
    assert.ok(!production.includes(key));
    const keyless = loadConfig({ ...dev, STATE_BACKEND: 'azure-tables', STATE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net' }).state;
    assert.equal(keyless.tablesEndpoint, 'https://acct.table.core.windows.net');
    assert.equal(keyless.connectionString, undefined);
    assert.equal(problemsOf({ STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }), '');
  });

  it('builds each configured backend', async function () {
    this.timeout(30_000);
    const dir = await mkdtemp(join(tmpdir(), 'state-settings-'));
    const azurite = await startAzurite();
    try {
      for (const env of [
        { STATE_BACKEND: 'memory' },
        { STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'nested', 'state.db') },
        { STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: azurite.connectionString },
      ]) {
        const store = createStateStore(loadConfig({ ...dev, ...env }).state);
        await store.put('settings', 'k', { backend: env.STATE_BACKEND });
        assert.deepEqual((await store.get('settings', 'k'))?.value, { backend: env.STATE_BACKEND });
        assert.equal(store.backend, env.STATE_BACKEND);
        await store.close();
      }
    } finally {
      await azurite.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Agents SDK Storage over the state store', () => {
  it('reads, writes with eTag concurrency (absent or * = unconditional) and deletes', async () => {
    const storage = new AgentsStorage(new MemoryStateStore(), 'agents-sdk');
    await assert.rejects(storage.read([]), StateError);
    await storage.write({ 'conv/1': { count: 1 } });
    const first = (await storage.read(['conv/1', 'missing']))['conv/1'];
    assert.equal(first.count, 1);
    assert.equal(typeof first.eTag, 'string');
    assert.deepEqual(Object.keys(await storage.read(['missing'])), []);
    await storage.write({ 'conv/1': { ...first, count: 2 } });
    await assert.rejects(storage.write({ 'conv/1': { ...first, count: 3 } }), (err: unknown) => err instanceof StateError && err.code === 'conflict');
    await storage.write({ 'conv/1': { count: 4, eTag: '*' } });
    assert.equal((await storage.read(['conv/1']))['conv/1'].count, 4);
    await storage.delete(['conv/1']);
    assert.deepEqual(await storage.read(['conv/1']), {});
  });
});

describe('claim once', () => {
  it('lets exactly one of many concurrent claimers through per key, again after the TTL', async () => {
    let now = 1_000_000;
    const store = new MemoryStateStore({ now: () => now });
    const results = await Promise.all(Array.from({ length: 10 }, () => claimOnce(store, 'sso-exchange', 'exchange-id-1', 60_000)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await claimOnce(store, 'sso-exchange', 'exchange-id-2', 60_000), true);
    now += 60_001;
    assert.equal(await claimOnce(store, 'sso-exchange', 'exchange-id-1', 60_000), true);
  });
});
