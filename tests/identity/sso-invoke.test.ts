// Teams SSO invokes over real HTTP: a CloudAdapter + the sign-in application with
// the sign-in flow installed, a local connector endpoint that captures the agent's
// messages, and the Entra emulator for tokens and on-behalf-of.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { ActivityTypes } from '@microsoft/agents-activity';
import { CloudAdapter, type AuthConfiguration } from '@microsoft/agents-hosting';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoTenantId, otherTenantId } from '../../emulators/entra/seed.js';
import { StateExchangeClaims } from '../../src/agent/sso/exchange-deduplicator.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { WaitingQuestions } from '../../src/agent/waiting-questions.js';
import { buildSignInCard } from '../../src/agent/sso/sign-in-card.js';
import { createSignInFlow } from '../../src/agent/sso/sign-in-flow.js';
import { SignInApplication } from '../../src/agent/sign-in-application.js';
import { SsoTokenStore } from '../../src/agent/sso/sso-token-store.js';
import { createUserTokenBroker, type UserTokenBroker } from '../../src/agent/sso/user-token-broker.js';
import { captureLogs, oboProviderFor, ssoValidatorFor, users } from './identity-harness.js';

const listen = async (app: express.Express): Promise<{ server: Server; url: string }> => {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

describe('Teams SSO invokes (signin/tokenExchange, verifyState, failure)', () => {
  let entra: EntraEmulator;
  let broker: UserTokenBroker;
  let agent: { server: Server; url: string };
  let connector: { server: Server; url: string };
  let sent: Array<{ type?: string; text?: string }>;
  let counter = 0;

  beforeEach(async () => {
    entra = await startEntraEmulator();
    sent = [];
    const capture = express();
    capture.use(express.json());
    capture.post('/v3/conversations/:conversation/activities{/:replyTo}', (req, res) => {
      sent.push(req.body);
      res.json({ id: `sent-${sent.length}` });
    });
    connector = await listen(capture);

    const validator = ssoValidatorFor(entra);
    const obo = oboProviderFor(entra);
    broker = createUserTokenBroker({ store: new SsoTokenStore(), obo, validator, allowedTenants: [demoTenantId] });
    const adapter = new CloudAdapter({} as AuthConfiguration, undefined, undefined, { validateServiceUrl: false } as never);
    const signIn = createSignInFlow({
      validator,
      broker,
      claims: new StateExchangeClaims(new MemoryStateStore()),
      waiting: new WaitingQuestions(new MemoryStateStore()),
      allowedTenants: [demoTenantId],
      connectionName: 'graph-sso',
      signInCard: () => buildSignInCard({ connectionName: 'graph-sso', appId: demoBotAppId }),
    });
    const app = new SignInApplication({ adapter, startTypingTimer: false }, signIn);
    app.onActivity(ActivityTypes.Message, async (context) => {
      await context.sendActivity(`echo: ${context.activity.text}`);
    });
    signIn.register(app);
    const http = express();
    http.post('/api/messages', express.json(), (req, res) => {
      void adapter.process(req, res, (context) => app.run(context));
    });
    agent = await listen(http);
  });
  afterEach(async () => {
    agent.server.close();
    connector.server.close();
    await entra.close();
  });

  const invoke = async (name: string, value: unknown, over: { oid?: string; tenant?: string; fromId?: string } = {}) => {
    counter++;
    const tenant = over.tenant ?? demoTenantId;
    const res = await fetch(`${agent.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name,
        id: `inv-${counter}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: over.fromId ?? '29:user', aadObjectId: over.oid },
        recipient: { id: '28:bot' },
        conversation: { id: 'conv-sso', tenantId: tenant },
        channelData: { tenant: { id: tenant } },
        value,
      }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const oidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).oid as string;
  const oboCount = () => entra.tokenRequests().filter((r) => r.grantType.endsWith('jwt-bearer')).length;

  it('validates the exchanged token, proves consent with a User.Read exchange and answers 200', async () => {
    const token = await entra.mintUserSsoToken(users.miriam);
    const result = await invoke('signin/tokenExchange', { id: 'ex-1', connectionName: 'graph-sso', token }, { oid: oidOf(token) });
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, { id: 'ex-1', connectionName: 'graph-sso' });
    assert.deepEqual(entra.tokenRequests().at(-1)!.scopes, ['User.Read']);
    const actor = { userId: '29:user', aadObjectId: oidOf(token), tenantId: demoTenantId, roles: [] };
    assert.deepEqual(await broker.rolesOf(actor), ['User', 'Approver']);
    assert.ok((await broker.getUserToken(actor, ['Files.Read'])).length > 0);
  });

  it('handles a repeated exchange id once (retries, several clients)', async () => {
    const token = await entra.mintUserSsoToken(users.megan);
    const first = await invoke('signin/tokenExchange', { id: 'ex-dup', connectionName: 'graph-sso', token }, { oid: oidOf(token) });
    const again = await invoke('signin/tokenExchange', { id: 'ex-dup', connectionName: 'graph-sso', token }, { oid: oidOf(token) });
    assert.equal(first.status, 200);
    assert.equal(again.status, 200);
    assert.equal(oboCount(), 1);
  });

  it('answers 412 when consent is missing, so Teams shows the consent prompt', async () => {
    entra.setAdminConsent([]);
    const token = await entra.mintUserSsoToken(users.lee);
    const result = await invoke('signin/tokenExchange', { id: 'ex-consent', connectionName: 'graph-sso', token }, { oid: oidOf(token) });
    assert.equal(result.status, 412);
    assert.equal(result.body.id, 'ex-consent');
    assert.match(result.body.failureDetail, /Consent is required/);
    await assert.rejects(broker.getUserToken({ userId: '29:user', aadObjectId: oidOf(token), roles: [] }, ['User.Read']), (err: unknown) => (err as Error).name === 'SignInRequiredError');
  });

  it('answers 412 for a token of another audience, another tenant, another user, or a bad signature', async () => {
    const megan = await entra.mintUserSsoToken(users.megan);
    const cases = [
      { token: await entra.mintUserSsoToken(users.megan, { audience: 'api://botid-other' }), oid: oidOf(megan) },
      { token: await entra.mintUserSsoToken(users.megan, { signWith: 'rogue' }), oid: oidOf(megan) },
      { token: await entra.mintUserSsoToken(users.megan, { expiresInSec: -600 }), oid: oidOf(megan) },
      { token: await entra.mintUserSsoToken(users.eve), oid: undefined, tenant: otherTenantId },
      { token: await entra.mintUserSsoToken(users.eve), oid: undefined },
      { token: megan, oid: oidOf(await entra.mintUserSsoToken(users.alex)) },
    ];
    for (const [i, c] of cases.entries()) {
      const result = await invoke('signin/tokenExchange', { id: `ex-bad-${i}`, connectionName: 'graph-sso', token: c.token }, { oid: c.oid, tenant: c.tenant });
      assert.equal(result.status, 412, `case ${i}`);
    }
    assert.equal(oboCount(), 0);
  });

  it('rejects an exchange without token or id with 400', async () => {
    assert.equal((await invoke('signin/tokenExchange', { id: 'x' })).status, 400);
    assert.equal((await invoke('signin/tokenExchange', { token: 'abc' })).status, 400);
    assert.equal((await invoke('signin/tokenExchange', null)).status, 400);
  });

  it('acknowledges signin/failure and signin/verifyState and tells the user what happened', async () => {
    const failure = await invoke('signin/failure', { code: 'resourcematchfailed', message: 'x' });
    assert.equal(failure.status, 200);
    const verify = await invoke('signin/verifyState', { state: '123456' });
    assert.equal(verify.status, 200);
    const texts = sent.map((a) => a.text ?? '');
    assert.ok(texts.some((t) => /resourcematchfailed/.test(t) && /Application ID URI/.test(t)));
    assert.ok(texts.some((t) => /code is not supported/.test(t)));
  });

  it('lets every other activity through to the application', async () => {
    const res = await fetch(`${agent.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'm1', text: 'hi', channelId: 'msteams', serviceUrl: connector.url, from: { id: '29:user' }, recipient: { id: '28:bot' }, conversation: { id: 'conv-sso' }, deliveryMode: 'expectReplies' }),
    });
    const body = (await res.json()) as { activities: Array<{ text: string }> };
    assert.equal(body.activities[0]!.text, 'echo: hi');
  });

  it('writes no token into any log line while signing users in or rejecting them', async () => {
    const good = await entra.mintUserSsoToken(users.megan);
    const rogue = await entra.mintUserSsoToken(users.megan, { signWith: 'rogue' });
    const { lines } = await captureLogs(async () => {
      await invoke('signin/tokenExchange', { id: 'ex-log-1', connectionName: 'graph-sso', token: good }, { oid: oidOf(good) });
      await invoke('signin/tokenExchange', { id: 'ex-log-2', connectionName: 'graph-sso', token: rogue }, { oid: oidOf(good) });
    });
    assert.ok(lines.some((l) => l.includes('user signed in with SSO')));
    assert.ok(lines.some((l) => l.includes('SSO token rejected')));
    for (const line of lines) {
      for (const t of [good, rogue]) assert.ok(!line.includes(t.split('.')[2]!), 'a token signature reached the log');
      assert.ok(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(line));
    }
  });

  it('builds an OAuthCard that asks Teams for SSO with the app id URI', () => {
    const card = buildSignInCard({ connectionName: 'graph-sso', appId: demoBotAppId });
    assert.equal(card.contentType, 'application/vnd.microsoft.card.oauth');
    const content = card.content as { connectionName: string; tokenExchangeResource: { id: string; uri: string }; buttons: Array<{ type: string }> };
    assert.equal(content.connectionName, 'graph-sso');
    assert.equal(content.tokenExchangeResource.uri, `api://botid-${demoBotAppId}`);
    assert.ok(content.tokenExchangeResource.id.length > 0);
    assert.equal(content.buttons[0]!.type, 'signin');
  });
});
