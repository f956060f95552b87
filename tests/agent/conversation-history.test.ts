// Conversation history through the real HTTP host, the offline model and the
// Graph emulator's seeded tenant: follow-ups, who sees a history, reset, and the
// bad inputs (huge ids, a store that is down, a corrupt record, two turns at once).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { setLogLevel, setLogSink } from '../../src/logging/logger.js';
import { ConversationHistory, HISTORY_NAMESPACE, historyKey } from '../../src/state/conversation-history.js';
import { startAgentUnderTest, messageActivity, postActivity, type AgentUnderTest, type PostResult } from '../support/agent-under-test.js';
import { actionsOf, cardsOf } from '../support/approval-cards.js';

const tenantId = '11111111-1111-1111-1111-111111111111';
const userA = { id: '29:user-a', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'User A' };
const userB = { id: '29:user-b', aadObjectId: '00000000-0000-0000-0000-0000000000b2', name: 'User B' };

function conversation(id: string) {
  return { id, conversationType: 'personal', tenantId };
}

async function say(agent: AgentUnderTest, conversationId: string, text: string, from = userA): Promise<PostResult> {
  const reply = await postActivity(agent.url, messageActivity(text, { serviceUrl: undefined, conversation: conversation(conversationId), from }));
  assert.equal(reply.status, 200, `HTTP ${reply.status} for "${text}"`);
  return reply;
}

/** The id of the request a reply holds: in its text (approvals) or in its card's actions (confirmations). */
function heldId(reply: PostResult): string {
  const fromText = /reference ([0-9a-f-]{36})/.exec(reply.texts.join('\n'))?.[1];
  const fromCard = cardsOf(reply).flatMap(actionsOf).find((a) => typeof a.data?.approvalId === 'string')?.data.approvalId;
  const id = fromText ?? (fromCard as string | undefined);
  assert.ok(id, reply.texts.join('\n'));
  return id;
}

// The reply's text without its citation markers ("name [2]"): these tests read what the model said.
const first = (reply: PostResult) => (reply.texts[0] ?? '').replace(/ \[\d{1,3}\]/g, '');

/** The file names of a search answer, in the order listed. */
function listedNames(answer: string): string[] {
  return [...answer.matchAll(/^- (.{1,200}?) \(id [A-Z0-9]{1,64}\)/gm)].map((m) => m[1]!);
}

describe('conversation history (HTTP, offline model, seeded tenant)', () => {
  let ids: IdentityStandIns;
  let agent: AgentUnderTest;
  before(async () => {
    ids = await startIdentityStandIns({ devUser: 'megan@contoso.example' });
    // One user sends many messages in quick succession here: lift the per-user rate limit.
    agent = await startAgentUnderTest({ ...ids.agentEnv, GUARD_RATE_USER_PER_MINUTE: '1000', GUARD_RATE_USER_BURST: '100' });
  });
  after(async () => {
    await agent?.close();
    await ids?.close();
  });

  it('follows up: lists files, summarises the second one, says who last edited it, and mails that summary for a decision', async () => {
    const conv = 'conv-follow-ups';
    const names = listedNames(first(await say(agent, conv, 'what files do I have about the budget?')));
    assert.ok(names.length >= 2, 'the search lists several budget files');
    const summary = first(await say(agent, conv, 'summarise the second one'));
    assert.match(summary, new RegExp(`^Summary of "${names[1]!.replace(/[.()]/g, '\\$&')}": \\S`));
    const edited = first(await say(agent, conv, 'who last edited it?'));
    assert.match(edited, new RegExp(`^"${names[1]!.replace(/[.()]/g, '\\$&')}" was last edited by [A-Z][a-z]+ [A-Z][a-z]+ on [A-Z][a-z]{2} \\d{1,2}, 20\\d\\d`));
    const send = await say(agent, conv, 'send that summary to miriam@contoso.example');
    // The summary came from a file read in an earlier turn: the send is tainted and waits for a decision,
    // the user's own (a colleague named in this message), on a card that shows exactly what goes out.
    const reference = heldId(send);
    const held = await agent.runtime.approvals.store.get(reference);
    assert.deepEqual([held?.kind, held?.rule], ['confirmation', 'risk.external.tainted.user-named-internal']);
    assert.deepEqual(held?.args.to, ['miriam@contoso.example']);
    const summaryText = /^Summary of "[^"]+": (.+)$/m.exec(summary)![1]!;
    assert.equal(held?.args.body, summaryText);
    assert.equal(held?.args.subject, `Summary of ${names[1]}`);
  });

  it('never shows one user\'s history to another user in the same conversation, or in another conversation', async () => {
    const conv = 'conv-private';
    await say(agent, conv, 'what files do I have about the budget?');
    assert.match(first(await say(agent, conv, 'summarise the second one', userB)), /not shown you a list of files/);
    assert.match(first(await say(agent, 'conv-other', 'summarise the second one')), /not shown you a list of files/);
    assert.match(first(await say(agent, conv, 'summarise the second one')), /^Summary of "/);
  });

  it('forgets the conversation on "reset" (and "forget")', async () => {
    const conv = 'conv-reset';
    await say(agent, conv, 'what files do I have about the budget?');
    assert.match(first(await say(agent, conv, 'reset')), /forgotten this conversation/);
    assert.match(first(await say(agent, conv, 'summarise the second one')), /not shown you a list of files/);
    assert.match(first(await say(agent, conv, 'forget')), /forgotten this conversation/);
    assert.match(first(await say(agent, conv, 'forget')), /nothing to forget/);
  });

  it('keeps the history of a conversation whose id is 10 KB long or full of path characters', async () => {
    for (const conv of [`19:${'x'.repeat(10 * 1024)}@thread.v2`, '../../etc/passwd?a=b#c\\d/e%2F..']) {
      await say(agent, conv, 'what files do I have about the budget?');
      assert.match(first(await say(agent, conv, 'summarise the second one')), /^Summary of "/);
    }
  });

  it('skips and replaces a stored record that fails to parse, never failing the turn', async () => {
    const conv = 'conv-corrupt';
    const key = historyKey({ tenantId, conversationId: conv, userId: userA.aadObjectId });
    await agent.runtime.state.put(HISTORY_NAMESPACE, key, { v: 1, turns: [{ at: 'yesterday', user: 42 }] });
    const lines: string[] = [];
    const previous = setLogSink({ write: (line) => void lines.push(line) });
    setLogLevel('warn');
    try {
      assert.match(first(await say(agent, conv, 'what files do I have about the budget?')), /^Files about "budget"/);
    } finally {
      setLogSink(previous);
      setLogLevel('error');
    }
    const reported = lines.find((line) => line.includes('state record skipped'));
    assert.ok(reported, 'the skipped record is reported');
    assert.match(reported, /"namespace":"history"/);
    assert.match(first(await say(agent, conv, 'summarise the second one')), /^Summary of "/);
  });

  it('keeps both turns when two turns of one conversation run at once (no lost update)', async () => {
    const conv = 'conv-concurrent';
    const texts = ['what files do I have about the budget?', 'who am I?', 'recent files', 'what files do I have about the launch?'];
    await Promise.all(texts.map((text) => say(agent, conv, text)));
    const history = new ConversationHistory(agent.runtime.state, { maxTurns: 10, maxChars: 100_000, retentionMs: 3_600_000 });
    const turns = await history.load({ tenantId, conversationId: conv, userId: userA.aadObjectId });
    assert.deepEqual(turns.map((t) => t.user).sort(), [...texts].sort());
  });
});

describe('conversation history when the state store is down', () => {
  let ids: IdentityStandIns;
  let agent: AgentUnderTest;
  before(async () => {
    ids = await startIdentityStandIns({ devUser: 'megan@contoso.example' });
    // An Azurite address nothing listens on: every state call fails as unavailable.
    agent = await startAgentUnderTest({
      ...ids.agentEnv,
      STATE_BACKEND: 'azure-tables',
      STATE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
      STATE_TIMEOUT_MS: '500',
    });
  });
  after(async () => {
    await agent?.close();
    await ids?.close();
  });

  it('answers without history and says so', async () => {
    const reply = first(await say(agent, 'conv-store-down', 'what files do I have about the budget?'));
    assert.match(reply, /^Files about "budget"/);
    assert.match(reply, /could not reach our earlier messages just now, so I answered this one on its own/);
  });
});

describe('conversation history across two instances (one SQLite file)', () => {
  let ids: IdentityStandIns;
  const agents: AgentUnderTest[] = [];
  before(async () => {
    ids = await startIdentityStandIns({ devUser: 'megan@contoso.example' });
    const env = { ...ids.agentEnv, STATE_BACKEND: 'sqlite', STATE_SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'sta-history-')), 'state.db') };
    agents.push(await startAgentUnderTest(env), await startAgentUnderTest(env));
  });
  after(async () => {
    for (const agent of agents) await agent.close();
    await ids?.close();
  });

  it('keeps the history and its taint when the turns alternate between the instances', async () => {
    const [a, b] = agents as [AgentUnderTest, AgentUnderTest];
    const mail = 'send a mail to miriam@contoso.example about lunch saying see you at noon';
    const heldRule = async (agent: AgentUnderTest, reply: PostResult) => (await agent.runtime.approvals.store.get(heldId(reply)))?.rule;
    // A clean conversation: the user's own mail needs only the user's confirmation.
    const clean = await say(b, 'conv-clean', mail);
    assert.match(first(clean), /confirm or cancel/);
    assert.equal(await heldRule(b, clean), 'risk.external.clean');

    const conv = 'conv-two-instances';
    const names = listedNames(first(await say(a, conv, 'what files do I have about the budget?')));
    assert.match(first(await say(b, conv, 'summarise the second one')), new RegExp(`^Summary of "${names[1]!.replace(/[.()]/g, '\\$&')}"`));
    assert.match(first(await say(a, conv, 'who last edited it?')), /was last edited by/);
    // Files were read in this conversation (on the other instance): the same mail is judged tainted. Miriam is
    // named in this message, so the user confirms it (tool policy, userNamedInternalSend) rather than an approver.
    const tainted = await say(b, conv, mail);
    assert.match(first(tainted), /confirm or cancel/);
    assert.equal(await heldRule(b, tainted), 'risk.external.tainted.user-named-internal');
  });
});
