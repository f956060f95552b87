// The kill switch's shared record and each instance's cached copy, on the real
// memory store: the cache time bounds how long an instance runs the old mode,
// the AGENT_MODE floor always holds, and a store outage keeps the last known mode.
import assert from 'node:assert/strict';
import { AgentModeSwitch } from '../../src/agent/agent-mode.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { StateError } from '../../src/state/state-errors.js';
import type { StateStore } from '../../src/state/state-store.js';
import { loadConfig } from '../../src/config.js';

/** The memory store, failing every call while `down` (an Azure Tables outage). */
function flakyStore(): StateStore & { down: boolean } {
  const inner = new MemoryStateStore();
  const guard = <T>(run: () => Promise<T>) => (flaky.down ? Promise.reject(new StateError('unavailable', 'store down', 'memory')) : run());
  const flaky = {
    down: false,
    backend: 'memory',
    get: ((ns: string, key: string, parse?: (v: unknown) => unknown) => guard(() => inner.get(ns, key, parse))) as StateStore['get'],
    put: (ns: string, key: string, value: unknown, options?: Parameters<StateStore['put']>[3]) => guard(() => inner.put(ns, key, value, options)),
    delete: (ns: string, key: string, options?: Parameters<StateStore['delete']>[2]) => guard(() => inner.delete(ns, key, options)),
    sweepExpired: () => inner.sweepExpired(),
    close: () => inner.close(),
  };
  return flaky;
}

const admin = { userId: '29:isaiah', aadObjectId: '00000000-0000-0000-0000-000000000005' };

describe('agent: kill switch mode (shared record, per-instance cache)', () => {
  it('another instance applies a switch once its cached copy is older than the cache time, not before', async () => {
    const store = flakyStore();
    let now = 1_000_000;
    const a = new AgentModeSwitch(store, { floor: 'normal', cacheMs: 10_000, now: () => now });
    const b = new AgentModeSwitch(store, { floor: 'normal', cacheMs: 10_000, now: () => now });
    assert.equal((await b.state()).mode, 'normal');
    const { previous, state } = await a.set('read-only', admin, 'incident');
    assert.equal(previous, 'normal');
    assert.equal(state.mode, 'read-only', 'the instance that switched applies it at once');
    now += 9_999;
    assert.equal((await b.state()).mode, 'normal', 'within the cache time B still runs its copy');
    now += 1;
    const seen = await b.state();
    assert.equal(seen.mode, 'read-only');
    assert.equal(b.current(), 'read-only');
    assert.deepEqual({ by: seen.change?.by, reason: seen.change?.reason, previous: seen.change?.previous }, { by: admin, reason: 'incident', previous: 'normal' });
  });

  it('the AGENT_MODE setting is a floor: a shared normal does not lift it, a stricter shared mode applies', async () => {
    const store = flakyStore();
    const held = new AgentModeSwitch(store, { floor: 'read-only', cacheMs: 0 });
    assert.equal((await held.state()).mode, 'read-only');
    const { state } = await held.set('normal', admin);
    assert.deepEqual([state.mode, state.shared, state.floor], ['read-only', 'normal', 'read-only']);
    await held.set('maintenance', admin);
    assert.equal((await held.state()).mode, 'maintenance');
  });

  it('a store outage keeps the last known mode (neither lifts a switch nor stops the agent); a switch then fails loudly', async () => {
    const store = flakyStore();
    let now = 0;
    const b = new AgentModeSwitch(store, { floor: 'normal', cacheMs: 1000, now: () => now });
    await new AgentModeSwitch(store, { floor: 'normal', cacheMs: 1000 }).set('maintenance', admin);
    assert.equal((await b.state()).mode, 'maintenance');
    store.down = true;
    now += 5000;
    const stale = await b.state();
    assert.deepEqual([stale.mode, stale.fresh], ['maintenance', false]);
    await assert.rejects(b.set('normal', admin), (err: unknown) => err instanceof StateError && err.code === 'unavailable');
    store.down = false;
    now += 5000;
    assert.equal((await b.state()).fresh, true);
  });

  it('reads AGENT_MODE and AGENT_MODE_CACHE_SEC, refusing values that would break the 30-second promise', () => {
    const base = { AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' };
    assert.deepEqual(loadConfig(base).agent.mode, { floor: 'normal', cacheMs: 10_000 });
    assert.deepEqual(loadConfig({ ...base, AGENT_MODE: 'maintenance', AGENT_MODE_CACHE_SEC: '0' }).agent.mode, { floor: 'maintenance', cacheMs: 0 });
    assert.throws(() => loadConfig({ ...base, AGENT_MODE: 'off' }), /AGENT_MODE must be 'normal', 'read-only'/);
    assert.throws(() => loadConfig({ ...base, AGENT_MODE_CACHE_SEC: '31' }), /AGENT_MODE_CACHE_SEC/);
  });
});
