// The approval state machine on its own: compare-and-swap under interleaving
// (a store whose reads are slow, so every caller reads before anyone writes),
// stored arguments verified before running, interrupted runs never repeated.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService, type SignInFacts } from '../../src/approvals/approval-service.js';
import { ApprovalStore } from '../../src/approvals/approval-store.js';
import { approvalSettings } from '../../src/approvals/approval-settings.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import type { StateStore } from '../../src/state/state-store.js';
import type { ToolDefinition } from '../../src/tools/tool.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const requester = { userId: '29:megan', aadObjectId: 'oid-megan', tenantId, name: 'Megan' };
const approver = { userId: '29:miriam', aadObjectId: 'oid-miriam', tenantId, name: 'Miriam' };

/** Reads that take a while: every concurrent caller has read before the first one writes. */
function slowReads(store: StateStore): StateStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'get') return async (...args: Parameters<StateStore['get']>) => {
        const result = await target.get(...args);
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
        return result;
      };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function setup(state: StateStore, userToken: () => Promise<string> = async () => 'token', effect?: { applied: boolean; keys: string[] }) {
  const signIns: Record<string, SignInFacts> = { 'oid-miriam': { roles: ['Approver'], amr: ['mfa'], acrs: [] } };
  const runs: Array<Record<string, unknown>> = [];
  const tool: ToolDefinition = {
    name: 'delete_file',
    description: 'Delete a file.',
    parameters: { type: 'object', properties: { fileId: { type: 'string' } }, required: ['fileId'], additionalProperties: false },
    risk: 'destructive',
    scopes: ['Files.ReadWrite'],
    run: async (args, ctx) => {
      await ctx.getUserToken(['Files.ReadWrite']);
      runs.push(args);
      await new Promise((r) => setTimeout(r, 10));
      return { content: 'The file was deleted.', untrusted: false };
    },
    // With `effect`: the tool can check Graph for the effect of an interrupted attempt, by its key.
    ...(effect
      ? {
          reconcile: async (_args: Record<string, unknown>, ctx: { idempotencyKey?: string }) => {
            effect.keys.push(ctx.idempotencyKey ?? '');
            return effect.applied ? { applied: true as const, result: { content: 'The file was deleted.', untrusted: false } } : { applied: false as const };
          },
        }
      : {}),
  };
  const store = new ApprovalStore(state);
  const service = new ApprovalService({
    store,
    settings: approvalSettings.parse({}),
    tools: { get: (name) => (name === tool.name ? tool : undefined), parseArguments: (_t, raw) => ({ ok: true, args: JSON.parse(raw) }) },
    userToken,
    signInOf: (actor) => (actor.aadObjectId ? signIns[actor.aadObjectId] : undefined),
    audit: async () => undefined,
  });
  const request = () => service.request({ kind: 'approval', requester, tool, args: { fileId: 'F1' }, rule: 'risk.destructive.clean', reason: 'Deleting needs approval.', turnId: 't1' });
  return { service, store, runs, request };
}

describe('approval state machine', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'approval-service-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  for (const [name, open] of [
    ['memory', () => new MemoryStateStore()],
    ['SQLite', () => new SqliteStateStore({ path: join(dir, `s-${Math.random()}.db`) })],
  ] as Array<[string, () => StateStore]>) {
    it(`${name}: twenty concurrent approvals, every one reading before any writes, run the action once`, async () => {
      const state = open();
      const { service, runs, request } = setup(slowReads(state));
      const record = await request();
      const results = await Promise.all(Array.from({ length: 20 }, () => service.decide({ id: record.id, verb: 'approve', actor: approver, cardHash: record.argsSha256 })));
      assert.equal(runs.length, 1);
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.equal((await service.store.get(record.id))?.state, 'executed');
      await state.close();
    });
  }

  it('refuses to run arguments changed in the store after the request (hash check)', async () => {
    const { service, store, runs, request } = setup(new MemoryStateStore());
    const record = await request();
    await store.annotate(record.id, (r) => {
      r.args = { fileId: 'SOMETHING-ELSE' };
    });
    const result = await service.decide({ id: record.id, verb: 'approve', actor: approver, cardHash: record.argsSha256 });
    assert.equal(runs.length, 0);
    assert.equal(result.ok && result.record.state, 'failed');
  });

  it('expires pending requests in the sweep, and an interrupted run is given up, never repeated', async () => {
    const { service, store, runs, request } = setup(new MemoryStateStore());
    const old = await request();
    await store.annotate(old.id, (r) => {
      r.expiresAt = new Date(Date.now() - 1).toISOString();
    });
    const interrupted = await request();
    await store.transition(interrupted.id, ['pending'], (r) => ({ ...r, state: 'executing', executingUntil: new Date(Date.now() - 1).toISOString() }));
    await service.sweep();
    assert.equal((await store.get(old.id))?.state, 'expired');
    assert.equal((await store.get(interrupted.id))?.state, 'failed');
    assert.equal(runs.length, 0);
    assert.deepEqual(await store.openIds(), []);
  });

  it('an interrupted run of a tool that can check Graph: found → executed without running; not found → run once with the same key', async () => {
    for (const applied of [true, false]) {
      const effect = { applied, keys: [] as string[] };
      const { service, store, runs, request } = setup(new MemoryStateStore(), undefined, effect);
      const record = await request();
      await store.transition(record.id, ['pending'], (r) => ({ ...r, state: 'executing', attempts: 1, executingUntil: new Date(Date.now() + 60_000).toISOString() }));
      await service.sweep();
      assert.equal((await store.get(record.id))?.state, 'executing', 'nothing happens while the lease runs');
      await store.annotate(record.id, (r) => {
        r.executingUntil = new Date(Date.now() - 1).toISOString();
      });
      await service.sweep();
      await service.sweep();
      assert.equal((await store.get(record.id))?.state, 'executed');
      assert.deepEqual(effect.keys, [record.idempotencyKey]);
      assert.equal(runs.length, applied ? 0 : 1);
    }
  });

  it('keeps a decided request for later when the requester’s sign-in is not available, and runs it once it is', async () => {
    let signedIn = false;
    const { service, store, runs, request } = setup(new MemoryStateStore(), async () => {
      if (!signedIn) throw Object.assign(new Error('no token'), { name: 'SignInRequiredError' });
      return 'token';
    });
    const record = await request();
    await service.decide({ id: record.id, verb: 'approve', actor: approver, cardHash: record.argsSha256 });
    assert.equal((await store.get(record.id))?.state, 'approved');
    signedIn = true;
    await service.sweep();
    await service.sweep();
    assert.equal((await store.get(record.id))?.state, 'executed');
    assert.equal(runs.length, 1);
  });
});
