// Teams may deliver one signin/tokenExchange several times, to several instances:
// only the first claim of an exchange id is processed; a released claim (the
// exchange failed) can be taken again. Claims live in the shared state store.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateExchangeClaims } from '../../src/agent/sso/exchange-deduplicator.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import type { StateStore } from '../../src/state/state-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

async function twoInstances(storeA: StateStore, storeB: StateStore): Promise<void> {
  const instanceA = new StateExchangeClaims(storeA);
  const instanceB = new StateExchangeClaims(storeB);
  assert.equal(await instanceA.claim('ex-1', 60_000), true);
  assert.equal(await instanceB.claim('ex-1', 60_000), false);
  assert.equal(await instanceA.claim('ex-1', 60_000), false);
  assert.equal(await instanceB.claim('ex-2', 60_000), true);
  // An expired claim can be taken again.
  assert.equal(await instanceA.claim('ex-3', 1), true);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(await instanceB.claim('ex-3', 60_000), true);
  // A failed exchange gives its claim up, for the other instance too.
  await instanceB.release('ex-3');
  assert.equal(await instanceA.claim('ex-3', 60_000), true);
  // Keys are free text of any length (they name channel, conversation and user).
  const long = `msteams|19:${'x'.repeat(10_000)}/?#|29:user|id`;
  assert.equal(await instanceA.claim(long, 60_000), true);
  assert.equal(await instanceB.claim(long, 60_000), false);
}

describe('token exchange de-duplication (state store)', () => {
  let azurite: Azurite | undefined;
  after(async () => {
    await azurite?.stop();
  });

  it('lets only the first claim of an exchange id through within one store (memory)', async () => {
    const store = new MemoryStateStore();
    await twoInstances(store, store);
  });

  it('de-duplicates across two stores sharing a SQLite file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claims-')), 'state.db');
    const [a, b] = [new SqliteStateStore({ path: file }), new SqliteStateStore({ path: file })];
    try {
      await twoInstances(a, b);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('de-duplicates across two stores on one Azure table (Azurite)', async function () {
    this.timeout(60_000);
    azurite = await startAzurite();
    const open = () => new AzureTablesStateStore({ tableName: 'claims', connectionString: azurite!.connectionString, timeoutMs: 10_000 });
    const [a, b] = [open(), open()];
    await twoInstances(a, b);
    await a.close();
    await b.close();
  });

  it('processes the exchange (no lock-out) when the store is down', async () => {
    const store = new SqliteStateStore({ path: join(mkdtempSync(join(tmpdir(), 'claims-')), 'state.db') });
    await store.close();
    const claims = new StateExchangeClaims(store);
    assert.equal(await claims.claim('ex-1', 60_000), true);
    await claims.release('ex-1');
  });

  it('names the replacement when the removed SSO_EXCHANGE_CLAIMS_DB is set', () => {
    assert.throws(
      () => loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', SSO_EXCHANGE_CLAIMS_DB: '/var/claims.db' }),
      (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('SSO_EXCHANGE_CLAIMS_DB') && p.includes('STATE_BACKEND') && !p.includes('/var/claims.db')),
    );
  });
});
