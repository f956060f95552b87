// The kill switch (issue 16, item 8) through /api/messages on two agent instances
// sharing one SQLite state file: an Admin's `admin mode` on instance A reaches
// instance B within its cache time (1 s here; polled, never timed), read-only
// refuses every write or send (also a confirmation asked before the switch),
// maintenance answers every message politely while sign-in and the Admin
// commands keep working, and every step is in the audit log.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecentAuditEntries } from '../../src/audit/local-audit-log.js';
import type { TurnRecord } from '../../src/audit/turn-record.js';
import { actionsOf, approvalEnv, cardsOf, cardText } from '../support/approval-cards.js';
import { oidOf, startSignInStack, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';
import { messageActivity, postActivity, startAgentUnderTest, type PostResult } from '../support/agent-under-test.js';
import { startIdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';

const A = 0;
const B = 1;

/** Asks until the reply matches (the other instance's cached mode expires), with a generous cap. */
async function askUntil(stack: SignInStack, sender: TeamsSender, text: string, instance: number, pattern: RegExp, capMs = 30_000): Promise<PostResult> {
  const deadline = Date.now() + capMs;
  for (;;) {
    const reply = await stack.ask(sender, text, instance);
    if (pattern.test(reply.texts.join(' '))) return reply;
    if (Date.now() > deadline) throw new Error(`no reply matched ${pattern} within ${capMs} ms; last: ${reply.texts.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function auditRecords(stack: SignInStack, instance: number): Promise<TurnRecord[]> {
  return (await readRecentAuditEntries(stack.agents[instance]!.auditDir, 1000)).map((e) => e.body as TurnRecord);
}

describe('agent: kill switch across two instances (admin mode, AGENT_MODE, shared state)', () => {
  let stack: SignInStack;
  const sender: Record<string, TeamsSender> = {};
  const mails = () => stack.ids.graph.effects().sentMail.length;
  const mailText = (topic: string) => `send a mail to miriam@contoso.example about ${topic} saying the draft is ready`;
  const guardPolicyFile = join(mkdtempSync(join(tmpdir(), 'sta-killswitch-')), 'guard-policy.json');

  before(async () => {
    copyFileSync('policy/guard-policy.json', guardPolicyFile);
    const env = { AGENT_MODE_CACHE_SEC: '1', GUARD_POLICY_FILE: guardPolicyFile, GUARD_RATE_USER_BURST: '1000', GUARD_RATE_USER_PER_MINUTE: '6000' };
    stack = await startSignInStack({ instances: 2, env: (connectorUrl) => ({ ...approvalEnv(connectorUrl), ...env }) });
    // Sign-ins are per instance (tokens are never shared): each user signs in on both.
    for (const upn of ['isaiah@contoso.example', 'megan@contoso.example']) {
      const token = await stack.ids.entra.mintUserSsoToken(upn);
      const user: TeamsSender = { fromId: `29:${upn.split('@')[0]}`, aadObjectId: oidOf(token) };
      for (const instance of [A, B]) assert.equal((await stack.exchange(user, token, `ex-${upn}-${instance}`, instance)).status, 200);
      sender[upn.split('@')[0]!] = user;
    }
  });
  after(async () => {
    await stack?.close();
  });

  it('read-only switched on instance A: instance B refuses a send, still reads, and a confirmation asked before is not executed', async () => {
    const { isaiah, megan } = sender as Record<string, TeamsSender>;
    const before = mails();
    const pending = cardsOf(await stack.ask(megan!, mailText('the budget'), B))[0];
    const confirm = actionsOf(pending).find((a) => a.verb === 'confirm');
    assert.ok(confirm, 'a confirmation card before the switch');

    const switched = await stack.ask(isaiah!, 'admin mode read-only incident 42: mail misuse', A);
    assert.match(switched.texts[0] ?? '', /shared mode is now read-only \(was normal\)/);

    const refused = await askUntil(stack, megan!, mailText('the plan'), B, /read-only mode/);
    assert.equal(cardsOf(refused).length, 0, 'no confirmation card while read-only');
    assert.match((await stack.ask(megan!, 'who am I?', B)).texts.join(' '), /Megan Bowen/, 'reading still works');

    const confirmed = await stack.cardAction(megan!, 'confirm', confirm!.data);
    assert.match(cardText(confirmed.body.value), /read-only mode/);
    assert.equal(mails(), before, 'nothing was sent');

    const onB = await auditRecords(stack, B);
    const denied = onB.find((r) => r.mode === 'read-only' && r.toolCalls.some((c) => c.tool === 'send_mail'));
    assert.ok(denied, 'B recorded the refused send and the mode it ran in');
    assert.equal(denied!.toolCalls.find((c) => c.tool === 'send_mail')!.rule, 'agent-mode:read-only');
    assert.ok(onB.every((r) => r.mode === undefined || ['normal', 'read-only'].includes(r.mode)));

    const change = (await auditRecords(stack, A)).find((r) => r.name === 'admin mode');
    assert.ok(change, 'the switch is an AgentTurn');
    assert.equal(change!.actor.aadObjectId, isaiah!.aadObjectId, 'who');
    assert.ok(change!.startedAt, 'when');
    assert.equal(change!.mode, 'normal', 'it ran in normal mode');
    assert.deepEqual(change!.stages.find((s) => s.stage === 'agent-mode')?.detail, { previous: 'normal', next: 'read-only', effective: 'read-only', reason: 'incident 42: mail misuse' });

    await stack.ask(isaiah!, 'admin mode normal', A);
    // "who am I?" read profile data from Graph into this conversation: start afresh, so a send of the user's own needs only a confirmation.
    await stack.ask(megan!, 'reset', B);
    const again = await askUntil(stack, megan!, mailText('the rota'), B, /confirm/i);
    assert.ok(cardsOf(again).length > 0, 'back to normal: the send asks for confirmation again');
  });

  it('maintenance: every message gets a polite reply; sign-in, status and admin mode still work, so an Admin can switch it back', async () => {
    const { isaiah, megan } = sender as Record<string, TeamsSender>;
    assert.match((await stack.ask(isaiah!, 'admin mode maintenance planned upgrade', A)).texts[0] ?? '', /now maintenance/);
    const polite = await askUntil(stack, megan!, 'what files do I have about the budget?', B, /paused for maintenance/);
    assert.equal(polite.texts.length, 1);
    assert.match((await stack.ask(megan!, 'help', B)).texts.join(' '), /paused for maintenance/);
    assert.match((await stack.ask(isaiah!, 'who am I?', B)).texts.join(' '), /paused for maintenance/, 'an Admin’s ordinary question too');

    // A new user can still sign in (the exchange is answered) while the agent is paused.
    const lee = await stack.ids.entra.mintUserSsoToken('lee@contoso.example');
    assert.equal((await stack.exchange({ fromId: '29:lee', aadObjectId: oidOf(lee) }, lee, 'ex-lee', B)).status, 200);

    const status = cardText(cardsOf(await stack.ask(isaiah!, 'status', B))[0]);
    assert.match(status, /"title":"Mode","value":"maintenance · shared mode maintenance, set by \([0-9a-f-]{36}\) at [^"]{10,40}: planned upgrade/);

    assert.match((await stack.ask(isaiah!, 'admin mode normal', B)).texts[0] ?? '', /now normal \(was maintenance\)/);
    assert.match((await stack.ask(megan!, 'who am I?', B)).texts.join(' '), /Megan Bowen/);
    const modes = (await auditRecords(stack, B)).map((r) => r.mode);
    assert.ok(modes.includes('maintenance') && modes.every((m) => m !== undefined), 'every activity and approval step of B recorded its mode');
  });

  it('refuses the mode and status commands to a non-Admin, audits the refusal, and changes nothing', async () => {
    const { isaiah, megan } = sender as Record<string, TeamsSender>;
    await stack.ask(isaiah!, 'admin mode normal', A);
    assert.match((await stack.ask(megan!, 'admin mode maintenance', A)).texts[0] ?? '', /need the Admin role/);
    assert.match((await stack.ask(megan!, 'status', A)).texts[0] ?? '', /need the Admin role/);
    const refusals = (await auditRecords(stack, A)).filter((r) => r.actor.aadObjectId === megan!.aadObjectId && r.result === 'role-required:Admin');
    assert.deepEqual(refusals.map((r) => [r.name, r.outcome]), [
      ['admin mode', 'denied'],
      ['status', 'denied'],
    ]);
    assert.equal((await stack.agents[B]!.runtime.modes.state()).shared, 'normal');
  });

  it('status shows model, prompt, policy and weights versions, the instance, the store and the last policy reload (who, when, old and new)', async () => {
    const { isaiah } = sender as Record<string, TeamsSender>;
    // The same policy written differently: a new file version, the same behaviour.
    writeFileSync(guardPolicyFile, JSON.stringify(JSON.parse(readFileSync(guardPolicyFile, 'utf8'))));
    assert.match((await stack.ask(isaiah!, 'reload policy', A)).texts[0] ?? '', /^Reloaded: guard policy, tool policy\. guard policy sha256:[0-9a-f]{16} → sha256:[0-9a-f]{16}\.$/);
    const card = JSON.parse(cardText(cardsOf(await stack.ask(isaiah!, 'status', B))[0]));
    const facts = Object.fromEntries(card.body[1].facts.map((f: { title: string; value: string }) => [f.title, f.value]));
    assert.match(facts.Model, /^offline · deployment offline/);
    assert.match(facts['System prompt'], /^[\w.-]{1,64}\+sha256:[0-9a-f]{12}$/);
    assert.match(facts['Guard policy'], /^sha256:[0-9a-f]{16}$/);
    assert.match(facts['Tool policy'], /^sha256:[0-9a-f]{16}$/);
    assert.match(facts['Detector weights'], /^sha256:[0-9a-f]{16}$/);
    assert.match(facts.Instance, /:\d+ · up \d/);
    assert.equal(facts['State store'], 'sqlite');
    assert.match(facts.Mode, /^normal/);
    assert.match(facts['Last policy reload'], new RegExp(`by \\(${isaiah!.aadObjectId}\\) \\(generation \\d+\\): guard policy sha256:[0-9a-f]{16} → ${facts['Guard policy']}; tool policy unchanged`));

    const records = await auditRecords(stack, A);
    const reload = records.find((r) => r.name === 'reload policy');
    const detail = reload?.stages.find((s) => s.stage === 'policy-reload')?.detail as { previous: Record<string, string>; next: Record<string, string> } | undefined;
    assert.ok(detail && reload!.actor.aadObjectId === isaiah!.aadObjectId, 'the reload is audited with who');
    assert.notEqual(detail.previous.guardPolicy, detail.next.guardPolicy, 'old and new versions');
    assert.equal(detail.next.guardPolicy, facts['Guard policy']);
    assert.equal(detail.next.toolPolicy, facts['Tool policy']);
    const turn = (await auditRecords(stack, B)).find((r) => r.kind === 'message' && r.versions?.systemPrompt);
    assert.equal(turn?.versions?.detectorWeights, facts['Detector weights'], 'every turn names the detector weights it ran with');
  });
});

describe('agent: the AGENT_MODE setting (an operator’s lever that needs no Teams and no Admin)', () => {
  const started: Array<{ close(): Promise<void> }> = [];
  after(async () => {
    for (const s of started) await s.close();
  });

  it('starts the instance in maintenance; an Admin’s switch to normal is kept in the shared state but does not lift the setting', async () => {
    const ids = await startIdentityStandIns({ devUser: 'isaiah@contoso.example' });
    started.push(ids);
    const agent = await startAgentUnderTest({ ...ids.agentEnv, AGENT_MODE: 'maintenance' });
    started.unshift(agent);
    const say = (text: string) => postActivity(agent.url, messageActivity(text, { serviceUrl: undefined }));
    assert.match((await say('what files do I have about the budget?')).texts.join(' '), /paused for maintenance/);
    assert.match((await say('admin mode normal')).texts[0] ?? '', /now normal .* stays in maintenance mode: its AGENT_MODE setting says so/);
    assert.match((await say('who am I?')).texts.join(' '), /paused for maintenance/);
  });
});
