// Rate limits held in the shared state store: two guard engines (two agent
// instances) sharing one store allow a user and a tenant their limit once, not
// once each; with the store down each instance falls back to its own buckets
// and the decision says so.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuardEngine, guardSettings, loadGuardPolicy, type GuardEngine, type GuardPolicy } from '../../../src/guard/index.js';
import { MemoryStateStore } from '../../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../../src/state/sqlite-state-store.js';
import type { StateStore } from '../../../src/state/state-store.js';

const limits = { userPerMinute: 1, userBurst: 3, tenantPerMinute: 1, tenantBurst: 5 };
const settings = { ...guardSettings.parse({}), contentSafety: undefined, rateLimit: limits };
let shipped: GuardPolicy;

const engines = (state: StateStore): Promise<GuardEngine[]> => Promise.all([1, 2].map(() => createGuardEngine(settings, { policy: shipped, state })));
const allowedOf = async (list: GuardEngine[], calls: number, userOf: (i: number) => string) => {
  let allowed = 0;
  for (let i = 0; i < calls; i++) if ((await list[i % list.length]!.checkInput('hello', { userId: userOf(i), tenantId: 't1', conversationId: 'c' })).action === 'allow') allowed++;
  return allowed;
};

describe('rate limits shared through the state store', () => {
  before(async () => {
    shipped = await loadGuardPolicy();
  });

  it("holds a user's limit across two instances (3, not 3 per instance)", async () => {
    assert.equal(await allowedOf(await engines(new MemoryStateStore()), 8, () => 'alex'), 3);
  });

  it("holds a tenant's limit across two instances", async () => {
    assert.equal(await allowedOf(await engines(new MemoryStateStore()), 12, (i) => `user-${i}`), 5);
  });

  it('falls back to the instance’s own buckets when the store is down, and says so', async () => {
    const store = new SqliteStateStore({ path: join(mkdtempSync(join(tmpdir(), 'sta-rate-')), 'state.db') });
    await store.close(); // every call now fails with a StateError
    const [engine] = await engines(store);
    const first = await engine!.checkInput('hello', { userId: 'alex', tenantId: 't1', conversationId: 'c' });
    assert.equal(first.action, 'allow');
    assert.ok(first.verdicts.some((v) => v.guard === 'limits' && v.evidence.includes('rate.store-unavailable')));
    assert.equal(await allowedOf([engine!], 5, () => 'alex'), 2);
  });
});
