// Issue 13 on the stores several instances share: SQLite (one file) and Azure
// Tables (Azurite started by the test). Twenty concurrent approvals across two
// agent instances, a decision after expiry, and a restart between the decision
// and the execution, all through /api/messages.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalStore } from '../../src/approvals/approval-store.js';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import type { StateStore } from '../../src/state/state-store.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { postActivity, type AgentUnderTest } from '../support/agent-under-test.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startSignInStack, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';
import { actionsOf, approvalEnv, approversChannel, cardsOf, signIn } from '../support/approval-cards.js';

interface Backend {
  name: string;
  env: Record<string, string>;
  /** The test's own client of the same store (to look at and age records). */
  open(): StateStore;
  cleanup(): Promise<void>;
}

async function sqliteBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'approvals-sqlite-'));
  const path = join(dir, 'state.db');
  return { name: 'SQLite', env: { STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: path }, open: () => new SqliteStateStore({ path }), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function azuriteBackend(): Promise<Backend> {
  const azurite: Azurite = await startAzurite();
  return {
    name: 'Azure Tables (Azurite)',
    env: { STATE_BACKEND: 'azure-tables', STATE_CONNECTION_STRING: azurite.connectionString, STATE_TIMEOUT_MS: '10000' },
    open: () => new AzureTablesStateStore({ tableName: 'agentstate', connectionString: azurite.connectionString, timeoutMs: 10_000 }),
    cleanup: () => azurite.stop(),
  };
}

for (const make of [sqliteBackend, azuriteBackend]) {
  describe(`agent: approvals on a shared store (${make.name.replace('Backend', '')})`, function () {
    this.timeout(60_000);
    let backend: Backend;
    let stack: SignInStack;
    let first: AgentUnderTest;
    let second: AgentUnderTest;
    let store: StateStore;
    let megan: TeamsSender;
    let miriam: TeamsSender;
    let files = 0;

    before(async () => {
      backend = await make();
      stack = await startSignInStack({ env: (url) => ({ ...approvalEnv(url), ...backend.env, APPROVAL_SWEEP_INTERVAL_SEC: '1' }) });
      first = stack.agent;
      second = await stack.startAnotherAgent();
      store = backend.open();
      // Sign-ins are per instance (SSO tokens are never stored): both users sign in on both.
      for (const agent of [second, first]) {
        stack.useAgent(agent);
        megan = await signIn(stack, 'megan@contoso.example');
        miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['pwd', 'mfa'] });
      }
    });
    after(async () => {
      await store?.close();
      await second?.close();
      await stack?.close();
      await backend?.cleanup();
    });

    // Graph DELETE requests, not only successful deletions: a second attempt on a gone file would 404 and hide in the effects.
    const deletions = () => stack.ids.graph.requests().filter((r) => r.method === 'DELETE').length;
    async function requestDelete(): Promise<Record<string, unknown>> {
      files++;
      stack.ids.graph.seed({ files: [{ id: `01TESTSHARED${String(files).padStart(20, '0')}`, name: `Stale memo ${files}.txt`, location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
      const card = cardsOf(await stack.ask(megan, `delete "Stale memo ${files}"`))[0];
      const cancel = actionsOf(card).find((a) => a.verb === 'cancel');
      assert.ok(cancel, 'a pending approval');
      return cancel.data;
    }
    const approveOn = (agent: AgentUnderTest, data: Record<string, unknown>) => {
      stack.useAgent(agent);
      return stack.cardAction(miriam, 'approve', data);
    };

    it('twenty concurrent approve invokes, half to each of two instances, delete the file exactly once', async () => {
      stack.useAgent(first);
      const before = deletions();
      const data = await requestDelete();
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => postActivity((i % 2 ? second : first).url, invokeBody(stack, miriam, data))));
      assert.ok(replies.every((r) => r.status === 200), replies.map((r) => r.status).join(','));
      const approvals = new ApprovalStore(store);
      await waitForState(approvals, String(data.approvalId), 'executed');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(deletions(), before + 1);
      // The instance whose invoke won usually reports the result; a sweep (every second here) may run it first.
      const winners = replies.filter((r) => /Approval request: done/.test(JSON.stringify(r.body?.value)) && !/already decided/.test(JSON.stringify(r.body?.value)));
      assert.ok(winners.length <= 1, 'at most one invoke reports the execution; the others see it already decided');
      assert.equal(replies.filter((r) => !/already decided/.test(JSON.stringify(r.body?.value))).length, 1, 'exactly one invoke made the decision');
    });

    it('refuses a decision after expiry and runs nothing', async () => {
      stack.useAgent(first);
      const before = deletions();
      const data = await requestDelete();
      const approvals = new ApprovalStore(store);
      await approvals.annotate(String(data.approvalId), (r) => {
        r.expiresAt = new Date(Date.now() - 1000).toISOString();
      });
      const reply = await approveOn(second, data);
      assert.match(JSON.stringify(reply.body.value), /expired/);
      assert.equal((await approvals.get(String(data.approvalId)))?.state, 'expired');
      assert.equal(deletions(), before);
    });

    it('the sweep expires a request nobody decided: the approvers card shows it, the requester is told, nothing runs', async () => {
      stack.useAgent(first);
      const before = deletions();
      const data = await requestDelete();
      const approvals = new ApprovalStore(store);
      await approvals.annotate(String(data.approvalId), (r) => {
        r.expiresAt = new Date(Date.now() - 1000).toISOString();
      });
      await waitForState(approvals, String(data.approvalId), 'expired');
      await new Promise((r) => setTimeout(r, 300));
      const id = String(data.approvalId);
      assert.ok(stack.updated.some((u) => u.conversation === approversChannel && JSON.stringify(u.body).includes(id) && /Expired/.test(JSON.stringify(u.body))), 'the approvers card shows the expiry');
      assert.ok(stack.sent.some((a) => (a.text ?? '').includes(id) && /expired/.test(a.text ?? '')), 'the requester is told');
      assert.equal(deletions(), before);
    });

    it('a decision stored just before the process died is executed once after the restart, and never again', async () => {
      stack.useAgent(first);
      const before = deletions();
      const data = await requestDelete();
      const approvals = new ApprovalStore(store);
      // The state a crash right after the compare-and-swap leaves behind: approved, not executed.
      const moved = await approvals.transition(String(data.approvalId), ['pending'], (r) => ({ ...r, state: 'approved', decidedBy: { userId: miriam.fromId, aadObjectId: miriam.aadObjectId, tenantId: r.tenantId } }));
      assert.ok(moved.ok);
      await second.close();
      await stack.restartAgent();
      first = stack.agent;
      await signIn(stack, 'megan@contoso.example');
      await waitForState(approvals, String(data.approvalId), 'executed');
      assert.equal(deletions(), before + 1);

      await stack.restartAgent();
      first = stack.agent;
      await signIn(stack, 'megan@contoso.example');
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(deletions(), before + 1, 'executed once, not again after another restart');
      second = await stack.startAnotherAgent();
    });
  });
}

async function waitForState(approvals: ApprovalStore, id: string, state: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await approvals.get(id))?.state !== state) {
    if (Date.now() > deadline) throw new Error(`approval did not reach ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let invokeCounter = 0;
/** The same invoke the stack sends, for posting to a chosen instance. */
function invokeBody(stack: SignInStack, sender: TeamsSender, data: Record<string, unknown>): Record<string, unknown> {
  invokeCounter++;
  const tenant = sender.tenantId ?? demoTenantId;
  return {
    id: `shared-${invokeCounter}`,
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: stack.connectorUrl,
    from: { id: sender.fromId, aadObjectId: sender.aadObjectId },
    recipient: { id: '28:bot' },
    conversation: { id: sender.conversationId ?? `conv-${sender.fromId}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    value: { action: { type: 'Action.Execute', verb: 'approve', data }, trigger: 'manual' },
  };
}
