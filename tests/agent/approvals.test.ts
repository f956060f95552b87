// Issue 13 through the agent's /api/messages: held tool calls become cards, and
// adaptiveCard/action invokes decide them. Real identities (Entra emulator,
// Teams token exchange), real Graph emulator effects, a capturing connector
// for proactive messages and card updates.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { readRecentAuditEntries } from '../../src/audit/local-audit-log.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { approversGroupId, otherTenantId } from '../../emulators/entra/seed.js';
import { startSignInStack, type SignInStack, type TeamsSender } from '../support/sign-in-stack.js';
import { actionsOf, approvalEnv, approversChannel, cardsOf, cardText, signIn } from '../support/approval-cards.js';

/** The approval card the agent posted to the approvers' channel for this request. */
function approverCardFor(stack: SignInStack, approvalId: string): any {
  const posted = stack.sent.flatMap((a) => a.attachments ?? []).map((a) => a.content).filter((c) => cardText(c).includes(approvalId));
  return posted[0];
}

// Graph DELETE requests, not only successful deletions: a second attempt on a gone file would 404 and hide in the effects.
const deletions = (stack: SignInStack) => stack.ids.graph.requests().filter((r) => r.method === 'DELETE').length;
const mails = (stack: SignInStack) => stack.ids.graph.effects().sentMail.length;

describe('agent: approvals and confirmations on Adaptive Cards (issue 13)', () => {
  let stack: SignInStack;
  let megan: TeamsSender;
  let miriam: TeamsSender;
  before(async () => {
    stack = await startSignInStack({ env: approvalEnv });
    megan = await signIn(stack, 'megan@contoso.example');
    miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['pwd', 'mfa'] });
  });
  after(async () => {
    await stack?.close();
  });

  let files = 0;
  async function requestDelete(): Promise<{ approvalId: string; data: Record<string, unknown>; requesterCard: any }> {
    files++;
    stack.ids.graph.seed({ files: [{ id: `01TESTAPPROVAL${String(files).padStart(18, '0')}`, name: `Obsolete note ${files}.txt`, location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const reply = await stack.ask(megan, `delete "Obsolete note ${files}"`);
    const cards = cardsOf(reply);
    assert.equal(cards.length, 1, `one status card for the requester: ${reply.texts.join(' | ')}`);
    const cancel = actionsOf(cards[0]).find((a) => a.verb === 'cancel');
    assert.ok(cancel, 'the requester can cancel while pending');
    assert.doesNotMatch(cardText(cards[0]), /"verb":"approve"/, 'the requester gets no approve button');
    return { approvalId: String(cancel.data.approvalId), data: cancel.data, requesterCard: cards[0] };
  }

  it('a destructive request becomes a pending approval: status card for the requester, approval card (naming the file from Graph) in the approvers channel; approving runs it once', async () => {
    const before = deletions(stack);
    const { approvalId, data } = await requestDelete();
    assert.equal(deletions(stack), before, 'nothing runs before a decision');
    const posted = approverCardFor(stack, approvalId);
    assert.ok(posted, 'the approval card went to the approvers channel');
    assert.match(cardText(posted), /Megan Bowen/);
    // The file as Graph knows it (name, folder, OneDrive), not the id the model passed.
    const facts: string[] = JSON.stringify(posted.body).match(/"title":"[^"]*","value":"[^"]*"/g) ?? [];
    assert.ok(facts.includes(`"title":"File","value":"Obsolete note ${files}.txt"`), facts.join(' | '));
    assert.ok(facts.includes('"title":"Folder","value":"/"'), facts.join(' | '));
    assert.ok(facts.some((f) => /"title":"Site or OneDrive","value":"[^"]*sharepoint\.com\/personal\/megan/.test(f)), facts.join(' | '));
    assert.doesNotMatch(JSON.stringify(posted.body), /01TESTAPPROVAL/, 'the id is not what the approver decides on');
    assert.ok(actionsOf(posted).some((a) => a.verb === 'approve'));

    const approved = await stack.cardAction(miriam, 'approve', data);
    assert.equal(approved.status, 200);
    assert.equal(approved.body?.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(approved.body.value), /Done/);
    assert.equal(deletions(stack), before + 1, 'the file was deleted once');

    const again = await stack.cardAction(miriam, 'approve', data);
    assert.match(cardText(again.body.value), /already decided/);
    assert.equal(deletions(stack), before + 1, 'a second click does nothing');
    const updates = stack.updated.filter((u) => u.conversation === approversChannel && JSON.stringify(u.body).includes(approvalId));
    assert.ok(updates.some((u) => /Done/.test(JSON.stringify(u.body))), 'the approvers channel card shows the outcome');
    assert.ok(updates.every((u) => !/"verb":"approve"/.test(JSON.stringify(u.body))), 'and has no buttons any more');
    const told = stack.sent.filter((a) => (a.text ?? '').includes(approvalId)).map((a) => a.text);
    assert.ok(told.some((t) => /carried out/.test(t ?? '')), `the requester is told: ${told.join(' | ')}`);
  });

  it('writes every step to the audit log: the request, the decision and the execution, with the approval id and the arguments hash', async () => {
    const { approvalId } = await requestDelete();
    const pending = approverCardFor(stack, approvalId);
    await stack.cardAction(miriam, 'approve', actionsOf(pending).find((a) => a.verb === 'approve')!.data);
    const entries = await readRecentAuditEntries(stack.agent.auditDir, 500);
    const records = entries.map((e) => e.body as any);
    const steps = records.filter((r) => r?.activityType === 'approval' && r.stages?.[0]?.detail?.approvalId === approvalId).map((r) => r.stages[0].detail.step);
    assert.deepEqual(steps.sort(), ['approve', 'executed', 'requested']);
    const outcomes = records.flatMap((r) => (r?.approvals ?? []).filter((a: any) => a.approvalId === approvalId).map((a: any) => a.outcome));
    assert.deepEqual(outcomes.sort(), ['approved', 'executed', 'pending', 'pending'], 'the turn that held it and each step list the approval with its outcome');
    assert.doesNotMatch(JSON.stringify(records.filter((r) => r?.activityType === 'approval')), /Obsolete note/, 'approval records keep ids and hashes, not the file names the user typed');
  });

  it('refresh shows the buttons to an approver and the status view to anyone else', async () => {
    const { approvalId } = await requestDelete();
    const verbs = async (sender: TeamsSender) => actionsOf((await stack.cardAction(sender, 'refresh', { approvalId })).body.value).map((a) => a.verb);
    assert.deepEqual(await verbs(miriam), ['approve', 'reject']);
    assert.deepEqual(await verbs(megan), ['cancel']);
    const lee = await signIn(stack, 'lee@contoso.example');
    assert.deepEqual(await verbs(lee), []);
  });

  it('reject runs nothing and tells the requester; cancel by the requester runs nothing', async () => {
    const before = deletions(stack);
    const first = await requestDelete();
    const rejected = await stack.cardAction(miriam, 'reject', { ...first.data, comment: 'Keep it until the board meets' });
    assert.match(cardText(rejected.body.value), /Rejected/);
    assert.ok(stack.sent.some((a) => (a.text ?? '').includes(first.approvalId) && /rejected/.test(a.text ?? '')));
    const audited = (await readRecentAuditEntries(stack.agent.auditDir, 500)).flatMap((e) => ((e.body as any)?.approvals ?? []) as Array<{ approvalId: string; outcome: string }>);
    assert.ok(audited.some((a) => a.approvalId === first.approvalId && a.outcome === 'rejected'), 'the rejection is in the audit the way the approval-rejections alert reads it');

    const second = await requestDelete();
    const cancelled = await stack.cardAction(megan, 'cancel', second.data);
    assert.match(cardText(cancelled.body.value), /Cancelled/);
    const late = await stack.cardAction(miriam, 'approve', second.data);
    assert.match(cardText(late.body.value), /already decided/);
    assert.equal(deletions(stack), before);
  });

  it('refuses self-approval, a non-approver, another tenant, an unknown id and edited card data, with an error card and nothing run', async () => {
    const before = deletions(stack);
    const { data } = await requestDelete();
    const self = await stack.cardAction(megan, 'approve', data);
    assert.match(cardText(self.body.value), /cannot approve or reject your own request/);

    const alex = await signIn(stack, 'alex@contoso.example', { amr: ['mfa'] });
    assert.match(cardText((await stack.cardAction(alex, 'approve', data)).body.value), /Only approvers/);

    const otherTenant = await stack.cardAction({ ...miriam, tenantId: otherTenantId }, 'approve', data);
    assert.match(cardText(otherTenant.body.value), /Nothing was done/);

    assert.match(cardText((await stack.cardAction(miriam, 'approve', { ...data, approvalId: '00000000-0000-4000-8000-000000000000' })).body.value), /does not exist/);
    assert.match(cardText((await stack.cardAction(miriam, 'approve', { ...data, approvalId: '../../etc' })).body.value), /does not exist/);
    assert.match(cardText((await stack.cardAction(miriam, 'approve', { ...data, argsSha256: 'f'.repeat(64) })).body.value), /does not match/);
    assert.match(cardText((await stack.cardAction(miriam, 'approve', { approvalId: data.approvalId, fileId: 'OTHER' })).body.value), /does not match/);
    assert.equal(deletions(stack), before);

    // Still pending: the genuine approver can decide it.
    await stack.cardAction(miriam, 'approve', data);
    assert.equal(deletions(stack), before + 1);
  });

  it('asks an approver whose sign-in shows no MFA to step up, and runs nothing', async () => {
    const patti = await signIn(stack, 'patti@contoso.example', { amr: ['pwd'] });
    const before = deletions(stack);
    const sentBefore = stack.sent.length;
    const { data } = await requestDelete();
    const reply = await stack.cardAction(patti, 'approve', data);
    assert.match(cardText(reply.body.value), /multi-factor sign-in/);
    assert.ok(stack.sent.slice(sentBefore).some((a) => (a.attachments ?? []).some((x) => x.contentType === 'application/vnd.microsoft.card.oauth')), 'a sign-in card was sent');
    assert.equal(deletions(stack), before);
  });

  it('a mail the user asks for shows a confirmation card; confirm sends exactly that mail once, cancel sends nothing', async () => {
    // Earlier tests read files in this conversation, and that taint carries over (history): start afresh.
    await stack.ask(megan, 'reset');
    const before = mails(stack);
    const reply = await stack.ask(megan, 'send a mail to miriam@contoso.example about the budget saying the draft is ready');
    const card = cardsOf(reply)[0];
    assert.ok(card, `a confirmation card: ${reply.texts.join(' | ')}`);
    assert.match(cardText(card), /miriam@contoso\.example/);
    const confirm = actionsOf(card).find((a) => a.verb === 'confirm');
    assert.ok(confirm);
    assert.equal(mails(stack), before, 'nothing is sent before the user confirms');
    assert.match(cardText((await stack.cardAction(miriam, 'confirm', confirm.data)).body.value), /Only the person who asked/);
    const confirmed = await stack.cardAction(megan, 'confirm', confirm.data);
    assert.match(cardText(confirmed.body.value), /Done/);
    assert.equal(mails(stack), before + 1);
    const sent = stack.ids.graph.effects().sentMail.at(-1) as any;
    assert.deepEqual(sent.message.toRecipients.map((r: any) => r.emailAddress.address), ['miriam@contoso.example']);
    await stack.cardAction(megan, 'confirm', confirm.data);
    assert.equal(mails(stack), before + 1, 'confirming twice sends once');

    const second = cardsOf(await stack.ask(megan, 'send a mail to miriam@contoso.example about lunch saying see you at noon'))[0];
    const cancel = actionsOf(second).find((a) => a.verb === 'cancel')!;
    assert.match(cardText((await stack.cardAction(megan, 'cancel', cancel.data)).body.value), /Cancelled/);
    assert.equal(mails(stack), before + 1);
  });

  it('twenty concurrent approve invokes execute once', async () => {
    const before = deletions(stack);
    const { data } = await requestDelete();
    const replies = await Promise.all(Array.from({ length: 20 }, () => stack.cardAction(miriam, 'approve', data)));
    assert.ok(replies.every((r) => r.status === 200));
    assert.equal(deletions(stack), before + 1);
    assert.equal(replies.filter((r) => /Done/.test(cardText(r.body.value)) && !/already decided/.test(cardText(r.body.value))).length, 1);
  });
});


describe('agent: MFA for approvers by authentication context (APPROVAL_MFA default acrs:c1,amr:mfa; Entra v2 tokens carry no amr)', () => {
  let stack: SignInStack;
  let megan: TeamsSender;
  before(async () => {
    stack = await startSignInStack({ env: (url) => ({ ...approvalEnv(url), APPROVAL_MFA: '' }) });
    megan = await signIn(stack, 'megan@contoso.example');
  });
  after(async () => {
    await stack?.close();
  });
  let files = 0;
  async function requestDelete(): Promise<Record<string, unknown>> {
    files++;
    stack.ids.graph.seed({ files: [{ id: `01TESTMFA${String(files).padStart(23, '0')}`, name: `Mfa note ${files}.txt`, location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const cancel = actionsOf(cardsOf(await stack.ask(megan, `delete "Mfa note ${files}"`))[0]).find((a) => a.verb === 'cancel');
    assert.ok(cancel, 'a pending approval');
    return cancel.data;
  }
  const c1Requests = (oid: string) => stack.ids.entra.tokenRequests().filter((r) => r.userOid === oid && r.authContexts?.includes('c1'));

  it('an approver whose v2 token shows neither acrs nor amr is asked to step up (claims challenge for c1 refused by Entra); nothing runs', async () => {
    const patti = await signIn(stack, 'patti@contoso.example');
    const before = deletions(stack);
    const sentBefore = stack.sent.length;
    const reply = await stack.cardAction(patti, 'approve', await requestDelete());
    assert.match(cardText(reply.body.value), /multi-factor sign-in/);
    assert.ok(stack.sent.slice(sentBefore).some((a) => (a.attachments ?? []).some((x) => x.contentType === 'application/vnd.microsoft.card.oauth')), 'a sign-in card was sent');
    assert.ok(c1Requests(patti.aadObjectId!).some((r) => r.outcome === 'basic_action'), 'Entra was asked under authentication context c1 and wanted a step-up');
    assert.equal(deletions(stack), before);
  });

  it('after the step-up (a sign-in that did MFA) the approval runs once', async () => {
    const before = deletions(stack);
    const data = await requestDelete();
    const patti = await signIn(stack, 'patti@contoso.example', { amr: ['pwd', 'mfa'] });
    const reply = await stack.cardAction(patti, 'approve', data);
    assert.match(cardText(reply.body.value), /Done/);
    assert.equal(deletions(stack), before + 1);
  });

  it('a token that carries acrs c1 itself is enough', async () => {
    const before = deletions(stack);
    const data = await requestDelete();
    const miriam = await signIn(stack, 'miriam@contoso.example', { acrs: ['c1'] });
    assert.match(cardText((await stack.cardAction(miriam, 'approve', data)).body.value), /Done/);
    assert.equal(deletions(stack), before + 1);
  });
});

describe('agent: approval card in the conversation where it was asked (group chat / dev playground)', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack({ env: () => ({ APPROVAL_CARD_IN_CONVERSATION: 'true', APPROVAL_SWEEP_INTERVAL_SEC: '0', APPROVAL_APPROVERS_GROUP_ID: approversGroupId }) });
  });
  after(async () => {
    await stack?.close();
  });

  it('posts the approval card next to the requester’s status card; another approver in the chat approves it once', async () => {
    const megan = await signIn(stack, 'megan@contoso.example');
    const miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['mfa'] });
    stack.ids.graph.seed({ files: [{ id: '01TESTINCHAT000000000000000000001', name: 'Chat leftover.txt', location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const cards = cardsOf(await stack.ask(megan, 'delete "Chat leftover"'));
    assert.equal(cards.length, 2);
    const approve = cards.flatMap(actionsOf).find((a) => a.verb === 'approve');
    assert.ok(approve);
    assert.match(cardText((await stack.cardAction(megan, 'approve', approve.data)).body.value), /your own request/);
    assert.match(cardText((await stack.cardAction(miriam, 'approve', approve.data)).body.value), /Done/);
    assert.equal(deletions(stack), 1);
  });

  it('lets a member of the approvers group (groups claim) approve without the Approver role; another group is not enough', async () => {
    const megan = await signIn(stack, 'megan@contoso.example');
    const alex = await signIn(stack, 'alex@contoso.example', { amr: ['mfa'], groups: [approversGroupId] });
    const lee = await signIn(stack, 'lee@contoso.example', { amr: ['mfa'], groups: ['b0000000-0000-4000-8000-000000000001'] });
    stack.ids.graph.seed({ files: [{ id: '01TESTINCHAT000000000000000000002', name: 'Group leftover.txt', location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const approve = cardsOf(await stack.ask(megan, 'delete "Group leftover"')).flatMap(actionsOf).find((a) => a.verb === 'approve')!;
    assert.match(cardText((await stack.cardAction(lee, 'approve', approve.data)).body.value), /Only approvers/);
    assert.match(cardText((await stack.cardAction(alex, 'approve', approve.data)).body.value), /Done/);
    assert.equal(deletions(stack), 2);
  });
});

describe('agent: the requester’s manager approves (APPROVAL_APPROVERS=manager)', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack({ env: () => ({ APPROVAL_CARD_IN_CONVERSATION: 'true', APPROVAL_SWEEP_INTERVAL_SEC: '0', APPROVAL_APPROVERS: 'manager' }) });
  });
  after(async () => {
    await stack?.close();
  });

  const approveData = async (requester: TeamsSender, owner: string, n: number) => {
    stack.ids.graph.seed({ files: [{ id: `01TESTMANAGER${String(n).padStart(19, '0')}`, name: `Manager leftover ${n}.txt`, location: { personalOf: owner }, text: 'old' }] });
    return cardsOf(await stack.ask(requester, `delete "Manager leftover ${n}"`)).flatMap(actionsOf).find((a) => a.verb === 'approve')!.data;
  };

  it('only the manager from Graph /me/manager may decide; an Approver who is not the manager is refused', async () => {
    const megan = await signIn(stack, 'megan@contoso.example');
    const patti = await signIn(stack, 'patti@contoso.example', { amr: ['mfa'] });
    const miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['mfa'] });
    const data = await approveData(megan, 'megan@contoso.example', 1);
    assert.deepEqual(stack.created.map((c) => c.members?.map((m) => m.id)), [[miriam.aadObjectId]], 'a 1:1 chat with the manager was started');
    assert.ok(stack.sent.some((a) => JSON.stringify(a).includes(String(data.approvalId)) && JSON.stringify(a).includes('"verb":"approve"')), 'the approval card went there');
    assert.match(cardText((await stack.cardAction(patti, 'approve', data)).body.value), /Only approvers/);
    const done = await stack.cardAction(miriam, 'approve', data);
    assert.match(cardText(done.body.value), /Done/);
    assert.match(cardText(done.body.value), /Miriam Graham \(manager\)/);
    assert.equal(deletions(stack), 1);
    assert.ok(stack.updated.some((u) => u.conversation === 'a:created-1' && /Done/.test(JSON.stringify(u.body))), 'the manager’s copy shows the outcome');
  });

  it('falls back to the Approver role when the requester has no manager', async () => {
    const patti = await signIn(stack, 'patti@contoso.example', { amr: ['mfa'] });
    const miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['mfa'] });
    const data = await approveData(patti, 'patti@contoso.example', 2);
    assert.match(cardText((await stack.cardAction(miriam, 'approve', data)).body.value), /Done/);
    assert.equal(deletions(stack), 2);
  });
});

describe('agent: a card click while the approval store does not answer', () => {
  let stack: SignInStack;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'approvals-locked-'));
    stack = await startSignInStack({ env: () => ({ APPROVAL_CARD_IN_CONVERSATION: 'true', APPROVAL_SWEEP_INTERVAL_SEC: '0', STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(dir, 'state.db'), STATE_TIMEOUT_MS: '300' }) });
  });
  after(async () => {
    await stack?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers with a try-again card (no 5xx), decides nothing, and the repeated click works once the store is back', async () => {
    const megan = await signIn(stack, 'megan@contoso.example');
    const miriam = await signIn(stack, 'miriam@contoso.example', { amr: ['mfa'] });
    stack.ids.graph.seed({ files: [{ id: '01TESTLOCKED00000000000000000001', name: 'Locked leftover.txt', location: { personalOf: 'megan@contoso.example' }, text: 'old' }] });
    const approve = cardsOf(await stack.ask(megan, 'delete "Locked leftover"')).flatMap(actionsOf).find((a) => a.verb === 'approve')!;
    const locker = new Database(join(dir, 'state.db'));
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const reply = await stack.cardAction(miriam, 'approve', approve.data);
      assert.equal(reply.status, 200);
      assert.match(cardText(reply.body.value), /could not be processed right now/);
      assert.equal(deletions(stack), 0);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    assert.match(cardText((await stack.cardAction(miriam, 'approve', approve.data)).body.value), /Done/);
    assert.equal(deletions(stack), 1);
  });
});
