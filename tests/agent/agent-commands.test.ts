// Commands and sign-in through the real HTTP host, against the Entra and Graph emulators.
import assert from 'node:assert/strict';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { demoBotAppId, demoTenantId } from '../../emulators/entra/seed.js';
import { readRecentAuditEntries } from '../../src/audit/local-audit-log.js';
import { startAgentUnderTest, messageActivity, postActivity, type AgentUnderTest } from '../support/agent-under-test.js';

const say = (agent: AgentUnderTest, text: string) => postActivity(agent.url, messageActivity(text, { serviceUrl: undefined }));
/** The Adaptive Card of the first reply, as JSON text. */
const cardOf = (reply: { body: { activities: Array<{ attachments?: Array<{ contentType: string; content: unknown }> }> } }) =>
  JSON.stringify(reply.body.activities[0]?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null);

describe('agent: commands gated by app roles (dev mode, mapped users)', () => {
  const started: Array<{ close(): Promise<void> }> = [];
  async function agentAs(devUser: string): Promise<AgentUnderTest> {
    const ids: IdentityStandIns = await startIdentityStandIns({ devUser });
    started.push(ids);
    const agent = await startAgentUnderTest(ids.agentEnv);
    started.unshift(agent);
    return agent;
  }
  after(async () => {
    for (const s of started) await s.close();
  });

  it('refuses the audit view to a user without the Auditor role', async () => {
    const agent = await agentAs('megan@contoso.example');
    const reply = await say(agent, 'audit');
    assert.match(reply.texts[0] ?? '', /need the Auditor role/);
  });

  it('shows an Auditor the recent turns and the state of the hash chain as a card', async () => {
    const agent = await agentAs('patti@contoso.example');
    await say(agent, 'who am I?');
    const card = cardOf(await say(agent, '/audit'));
    assert.match(card, /chain intact from the last signed checkpoint/);
    assert.match(card, /command \(whoami\) → replied/);
    assert.match(card, /who_am_i:allow/);
  });

  it('pages the audit view and filters it by user and by conversation', async () => {
    const agent = await agentAs('patti@contoso.example');
    for (let i = 0; i < 12; i++) await say(agent, 'help');
    const first = JSON.parse(cardOf(await say(agent, 'audit')));
    assert.equal(first.body.filter((b: { type: string }) => b.type === 'Container').length, 10);
    assert.equal(first.actions[0].data.msteams.value, 'audit page 2');
    const second = JSON.parse(cardOf(await say(agent, 'audit page 2')));
    assert.ok(second.body.filter((b: { type: string }) => b.type === 'Container').length >= 2);
    const other = messageActivity('help', { serviceUrl: undefined, from: { id: '29:someone-else', aadObjectId: '00000000-0000-0000-0000-0000000000b2' } });
    await postActivity(agent.url, other);
    const byUser = cardOf(await say(agent, 'audit user 00000000-0000-0000-0000-0000000000b2'));
    assert.equal((byUser.match(/"title":"Turn"/g) ?? []).length, 1);
    const byConversation = cardOf(await say(agent, `audit conversation ${(other.conversation as { id: string }).id}`));
    assert.equal((byConversation.match(/"title":"Turn"/g) ?? []).length, 1);
  });

  it('lets only an Admin reload the policies', async () => {
    const megan = await agentAs('megan@contoso.example');
    assert.match((await say(megan, 'reload policy')).texts[0] ?? '', /need the Admin role/);
    const isaiah = await agentAs('isaiah@contoso.example');
    assert.match((await say(isaiah, 'reload policy')).texts[0] ?? '', /Reloaded: guard policy, tool policy/);
  });

  it('answers who am I as the signed-in user, and signs out', async () => {
    const agent = await agentAs('megan@contoso.example');
    assert.match((await say(agent, 'whoami')).texts[0] ?? '', /Megan Bowen/);
    assert.match((await say(agent, 'sign out')).texts[0] ?? '', /signed out/);
  });
});

describe('agent: sign-in when no SSO token is held (production auth mode)', () => {
  let ids: IdentityStandIns;
  let agent: AgentUnderTest;
  before(async () => {
    ids = await startIdentityStandIns();
    const { SSO_DEV_USER: _dev, ...prodEnv } = ids.agentEnv;
    agent = await startAgentUnderTest({
      ...prodEnv,
      AUTH_MODE: 'entra',
      BOT_OPENID_METADATA_URLS: ids.entra.openIdConfigurationUrl(demoTenantId),
      BOT_TOKEN_ISSUERS: ids.entra.issuer(demoTenantId),
    });
  });
  after(async () => {
    await agent?.close();
    await ids?.close();
  });

  it('sends a Teams SSO OAuthCard when a tool needs the user’s token', async () => {
    const token = await ids.entra.mintToken({ aud: demoBotAppId, tid: demoTenantId });
    const activity = messageActivity('what files do I have about the budget?', {
      serviceUrl: undefined,
      conversation: { id: 'c-sso', tenantId: demoTenantId },
      channelData: { tenant: { id: demoTenantId } },
    });
    const reply = await postActivity(agent.url, activity, { authorization: `Bearer ${token}` });
    assert.equal(reply.status, 200);
    const attachment = reply.body.activities[0].attachments[0];
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.oauth');
    assert.equal(attachment.content.tokenExchangeResource.uri, `api://botid-${demoBotAppId}`);
  });
});

describe('agent: readiness follows its dependencies', () => {
  it('is ready while the Entra and Graph stand-ins answer, and not ready once Graph is gone', async () => {
    const ids = await startIdentityStandIns();
    const agent = await startAgentUnderTest(ids.agentEnv);
    try {
      const ready = await fetch(`${agent.url}/readyz`);
      const body = (await ready.json()) as { status: string; checks: Array<{ name: string; ok: boolean }> };
      assert.equal(ready.status, 200);
      assert.deepEqual(body.checks.map((c) => c.name).sort(), ['entra', 'graph']);
      await ids.graph.close();
      const notReady = await fetch(`${agent.url}/readyz`);
      const after = (await notReady.json()) as { status: string; checks: Array<{ name: string; ok: boolean }> };
      assert.equal(notReady.status, 503);
      assert.equal(after.checks.find((c) => c.name === 'graph')?.ok, false);
      assert.equal(after.checks.find((c) => c.name === 'entra')?.ok, true);
      // Liveness does not depend on other services.
      assert.equal((await fetch(`${agent.url}/healthz`)).status, 200);
    } finally {
      await agent.close();
      await ids.entra.close();
    }
  });
});

describe('agent: a failed on-behalf-of exchange', () => {
  it('gives the user a friendly answer and leaves an audit entry naming the failure', async () => {
    const ids = await startIdentityStandIns();
    const agent = await startAgentUnderTest(ids.agentEnv);
    try {
      // The tenant admin withdraws consent for the read scopes: every exchange for them now fails.
      ids.entra.setAdminConsent([]);
      const reply = await say(agent, 'what files do I have about the budget?');
      assert.match(reply.texts[0] ?? '', /administrator can grant it|sign in again/);
      assert.doesNotMatch(reply.texts[0] ?? '', /AADSTS|stack|at /);
      const [last] = await readRecentAuditEntries(agent.auditDir, 1);
      const call = (last!.body as { toolCalls: Array<{ tool: string; ok: boolean; error?: string }> }).toolCalls[0]!;
      assert.equal(call.tool, 'search_files');
      assert.equal(call.ok, false);
      assert.equal(call.error, 'consent_required');
    } finally {
      await agent.close();
      await ids.close();
    }
  });
});
