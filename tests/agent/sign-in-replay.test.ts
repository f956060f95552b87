// The whole sign-in round trip through the real agent: a question that needs
// the user's token gets the Teams SSO card; after Teams exchanges the token
// (signin/tokenExchange) the agent answers the original question by itself.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { startAgentUnderTest, postActivity, type AgentUnderTest } from '../support/agent-under-test.js';
import { oidOf, signInCardOf, startSignInStack, type SignInStack } from '../support/sign-in-stack.js';

describe('agent: sign-in and replay of the waiting question', () => {
  let ids: IdentityStandIns;
  let agent: AgentUnderTest;
  let connector: Server;
  let connectorUrl: string;
  const sent: Array<{ type?: string; text?: string; attachments?: Array<{ contentType: string }> }> = [];
  // Typing indicators go out while a question is answered; the assertions are about the messages.
  const messages = () => sent.filter((a) => a.type !== 'typing');

  before(async () => {
    const capture = express();
    capture.use(express.json());
    capture.post('/v3/conversations/:conversation/activities{/:replyTo}', (req, res) => {
      sent.push(req.body);
      res.json({ id: `sent-${sent.length}` });
    });
    connector = capture.listen(0, '127.0.0.1');
    await once(connector, 'listening');
    connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    ids = await startIdentityStandIns();
    // No SSO_DEV_USER: the agent holds no token for anyone until Teams hands one over.
    const { SSO_DEV_USER: _dev, ...env } = ids.agentEnv;
    agent = await startAgentUnderTest(env);
  });
  after(async () => {
    await agent?.close();
    await ids?.close();
    connector?.close();
  });

  const base = (oid: string) => ({
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    from: { id: '29:megan', aadObjectId: oid },
    recipient: { id: '28:bot' },
    conversation: { id: 'conv-replay', conversationType: 'personal', tenantId: demoTenantId },
    channelData: { tenant: { id: demoTenantId } },
  });

  it('sends the SSO card, then answers the question once the token exchange succeeds', async () => {
    const token = await ids.entra.mintUserSsoToken('megan@contoso.example');
    const oid = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).oid as string;

    const asked = await postActivity(agent.url, { ...base(oid), type: 'message', id: 'm1', text: 'what files do I have about the budget?' });
    assert.equal(asked.status, 200);
    await waitFor(() => messages().length >= 1);
    assert.equal(messages()[0]!.attachments?.[0]?.contentType, 'application/vnd.microsoft.card.oauth');

    const exchanged = await postActivity(agent.url, { ...base(oid), type: 'invoke', name: 'signin/tokenExchange', id: 'i1', value: { id: 'ex-1', connectionName: 'graph-sso', token } });
    assert.equal(exchanged.status, 200);
    await waitFor(() => messages().length >= 2);
    assert.match(messages()[1]!.text ?? '', /Marketing budget 2026 draft\.docx/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('agent: the token exchange is answered before the waiting question', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('answers the invoke promptly (Teams and Copilot time out on slow ones) and routes the question as its own turn', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan = { fromId: '29:megan', aadObjectId: oidOf(token) };
    assert.ok(signInCardOf(await stack.ask(megan, 'what files do I have about the budget?')));

    // Delivering the answer is slow; the invoke response must not wait for it.
    stack.setConnectorDelay(3000);
    const started = Date.now();
    const exchanged = await stack.exchange(megan, token, 'ex-slow');
    const elapsed = Date.now() - started;
    assert.equal(exchanged.status, 200);
    assert.ok(elapsed < 2000, `the invoke took ${elapsed} ms`);
    await waitFor(() => stack.sent.some((a) => /Marketing budget 2026 draft\.docx/.test(a.text ?? '')), 15_000);
  });
});

describe('agent: the waiting question across instances (shared state store)', () => {
  let stack: SignInStack;
  before(async () => {
    stack = await startSignInStack({ instances: 2 });
  });
  after(async () => {
    await stack?.close();
  });

  const answers = () => stack.sent.filter((a) => /Marketing budget 2026 draft\.docx/.test(a.text ?? '')).length;

  it('is answered by the instance that receives the sign-in', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan = { fromId: '29:megan', aadObjectId: oidOf(token), conversationId: 'conv-cross' };
    assert.ok(signInCardOf(await stack.ask(megan, 'what files do I have about the budget?', 0)));
    assert.equal((await stack.exchange(megan, token, 'ex-cross', 1)).status, 200);
    await waitFor(() => answers() === 1, 15_000);
  });

  it('is answered exactly once when two sign-ins reach both instances at once', async () => {
    const token = await stack.ids.entra.mintUserSsoToken('megan@contoso.example');
    const megan = { fromId: '29:megan', aadObjectId: oidOf(token), conversationId: 'conv-twice' };
    const before = answers();
    // Instance 0 holds no token for Megan yet (her sign-in above reached instance 1).
    assert.ok(signInCardOf(await stack.ask(megan, 'what files do I have about the budget?', 0)));
    // Two clients of the same user: two exchange ids, so de-duplication lets both through; the question goes once.
    const [a, b] = await Promise.all([stack.exchange(megan, token, 'ex-desktop', 0), stack.exchange(megan, token, 'ex-phone', 1)]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    await waitFor(() => answers() === before + 1, 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(answers(), before + 1);
  });
});
