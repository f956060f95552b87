// Issue 13, crash safety against Graph's effects: the agent process that runs an
// approved or confirmed action is killed (SIGKILL) while its Graph call is in
// flight, before or after Graph applied it. Another instance on the same store
// checks Graph by the approval's idempotency key (the file is gone; a sent mail
// carries the key) and runs the action only if it did not happen: exactly once.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalStore } from '../../src/approvals/approval-store.js';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import type { AgentUnderTest } from '../support/agent-under-test.js';
import { startAgentProcess, type AgentProcess } from '../support/agent-process.js';
import { actionsOf, approvalEnv, cardsOf, signIn } from '../support/approval-cards.js';
import { startSignInStack, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';

describe('agent: an approved action whose process died mid-call runs exactly once (Graph effects checked after restart)', function () {
  this.timeout(120_000);
  let dir: string;
  let env: Record<string, string>;
  let stack: SignInStack;
  let survivor: AgentUnderTest;
  let doomed: AgentProcess | undefined;
  let megan: TeamsSender;
  let miriam: TeamsSender;
  let approvals: ApprovalStore;
  let store: SqliteStateStore;
  let files = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'approvals-crash-'));
    const shared = { STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db'), APPROVAL_SWEEP_INTERVAL_SEC: '1', APPROVAL_EXECUTION_LEASE_SEC: '2' };
    stack = await startSignInStack({
      env: (url) => {
        env = { ...approvalEnv(url), ...shared };
        return env;
      },
    });
    survivor = stack.agent;
    megan = await signIn(stack, 'megan@contoso.example');
    miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['pwd', 'mfa'] });
    store = new SqliteStateStore({ path: shared.STATE_SQLITE_PATH });
    approvals = new ApprovalStore(store);
  });
  after(async () => {
    await doomed?.kill();
    await store?.close();
    await stack?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A second instance as its own process (the one that will be killed); both users sign in there. */
  async function startDoomed(): Promise<void> {
    const { SSO_DEV_USER: _dev, ...identity } = stack.ids.agentEnv;
    doomed = await startAgentProcess({ ...identity, ...env, AUDIT_LOG_DIR: join(dir, `audit-${Date.now()}`) });
    stack.useAgent({ url: doomed.url } as AgentUnderTest);
    await signIn(stack, 'megan@contoso.example');
    await signIn(stack, 'miriam@contoso.example', { amr: ['pwd', 'mfa'] });
  }
  const graphCalls = (method: string, path: string) => stack.ids.graph.requests().filter((r) => r.method === method && r.path.startsWith(path)).length;

  async function requestDelete(): Promise<{ data: Record<string, unknown>; fileId: string }> {
    files++;
    const fileId = `01TESTCRASH${String(files).padStart(21, '0')}`;
    stack.ids.graph.seed({ files: [{ id: fileId, name: `Crash memo ${files}.txt`, location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const card = cardsOf(await stack.ask(megan, `delete "Crash memo ${files}"`))[0];
    const cancel = actionsOf(card).find((a) => a.verb === 'cancel');
    assert.ok(cancel, 'a pending approval');
    return { data: cancel.data, fileId };
  }

  /** Clicks on the doomed instance, kills it once Graph has seen the call, and leaves the rest to the survivor's sweep. */
  async function clickThenDie(sender: TeamsSender, verb: string, data: Record<string, unknown>, method: string, path: string): Promise<void> {
    const before = graphCalls(method, path);
    void stack.cardAction(sender, verb, data).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (graphCalls(method, path) === before) {
      if (Date.now() > deadline) throw new Error(`the doomed instance never called ${method} ${path}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    await doomed!.kill();
    doomed = undefined;
    stack.useAgent(survivor);
  }

  async function waitForFinal(id: string): Promise<string> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const state = (await approvals.get(id))?.state;
      if (state === 'executed' || state === 'failed') return state;
      if (Date.now() > deadline) throw new Error(`approval stayed ${state}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('killed after Graph deleted the file (no answer came back): marked executed, no second DELETE, never again', async () => {
    await startDoomed();
    const { data, fileId } = await requestDelete();
    const deletesBefore = graphCalls('DELETE', '/drives');
    stack.ids.graph.fault({ method: 'DELETE', pathPrefix: '/drives', hang: 'after' });
    stack.useAgent({ url: doomed!.url } as AgentUnderTest);
    await clickThenDie(miriam, 'approve', data, 'DELETE', '/drives');
    assert.equal(await waitForFinal(String(data.approvalId)), 'executed');
    const record = await approvals.get(String(data.approvalId));
    assert.ok(record?.history.some((h) => /took effect before the interruption/.test(h.note ?? '')), JSON.stringify(record?.history));
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(graphCalls('DELETE', '/drives'), deletesBefore + 1, 'the one DELETE of the killed instance, none after');
    assert.equal(stack.ids.graph.effects().deletions.filter((d) => d.itemId === fileId).length, 1);
  });

  it('killed while Graph had not yet applied the delete: run again once after the restart, the file deleted exactly once', async () => {
    await startDoomed();
    const { data, fileId } = await requestDelete();
    stack.ids.graph.fault({ method: 'DELETE', pathPrefix: '/drives', hang: 'before' });
    await clickThenDie(miriam, 'approve', data, 'DELETE', '/drives');
    assert.equal(await waitForFinal(String(data.approvalId)), 'executed');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(stack.ids.graph.effects().deletions.filter((d) => d.itemId === fileId).length, 1);
  });

  it('a confirmed mail whose sender was killed mid-send is found in Sent Items by its key, not sent twice', async () => {
    await startDoomed();
    // The delete requests above looked up files in this conversation: start it afresh, so the user's own mail needs only a confirmation.
    await stack.ask(megan, 'reset');
    const card = cardsOf(await stack.ask(megan, 'send a mail to miriam@contoso.example about the crash test saying it is sent once'))[0];
    const confirm = actionsOf(card).find((a) => a.verb === 'confirm');
    assert.ok(confirm, 'a confirmation card');
    const sentBefore = stack.ids.graph.effects().sentMail.length;
    stack.ids.graph.fault({ method: 'POST', pathPrefix: '/me/sendMail', hang: 'after' });
    await clickThenDie(megan, 'confirm', confirm.data, 'POST', '/me/sendMail');
    assert.equal(await waitForFinal(String(confirm.data.approvalId)), 'executed');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(stack.ids.graph.effects().sentMail.length, sentBefore + 1, 'one mail');
    assert.ok(graphCalls('GET', '/me/mailFolders/sentitems/messages') >= 1, 'the survivor looked in Sent Items');
  });
});
