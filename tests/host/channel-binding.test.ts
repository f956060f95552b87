// The bot's access token goes only to the channel that called: the caller
// application and the activity's serviceUrl are checked against the token before
// the SDK asks Entra for the bot's token and posts the reply (real HTTP: Entra
// emulator, agent, a stand-in Bot Connector and an attacker's server).
import assert from 'node:assert/strict';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { botConnector, demoBotAppId, demoTenantId } from '../../emulators/entra/seed.js';
import { startAgentUnderTest, messageActivity, postActivity, type AgentUnderTest } from '../support/agent-under-test.js';
import { entraHostEnv } from '../support/entra-host-env.js';
import { startConnectorCapture, type ConnectorCapture } from './connector-capture.js';
import { routeInstanceDiscoveryTo } from './msal-instance-discovery.js';

// An application the operator allowed to call the bot with an Entra-issued token.
const allowedCaller = '5a807f24-c9de-44ee-a3a7-329e88a00ffc';
const otherAppOfTheTenant = 'f3f2c8f4-0000-4000-8000-00000000b0b0';

describe('host: replies go only to the calling channel', () => {
  let entra: EntraEmulator;
  let agent: AgentUnderTest;
  let connector: ConnectorCapture;
  let attacker: ConnectorCapture;
  let unroute: () => void;

  before(async () => {
    entra = await startEntraEmulator();
    unroute = routeInstanceDiscoveryTo(entra);
    connector = await startConnectorCapture();
    attacker = await startConnectorCapture();
    agent = await startAgentUnderTest({
      ...entraHostEnv(entra, { botConnector: true, extraIssuers: [`https://sts.windows.net/${demoTenantId}/`] }),
      BOT_ALLOWED_CALLER_APP_IDS: allowedCaller,
      // The stand-in connector is the only reply host here (its port, so the attacker's is not).
      BOT_SERVICE_URL_HOSTS: `127.0.0.1:${connector.port}`,
    });
  });
  after(async () => {
    await agent?.close();
    await connector?.close();
    await attacker?.close();
    await entra?.close();
    unroute?.();
  });

  // Normal delivery: the reply is POSTed to serviceUrl, not returned in the HTTP response.
  const delivered = (serviceUrl: string, text = 'hello') =>
    messageActivity(text, { serviceUrl, deliveryMode: undefined, conversation: { id: 'c-bind', tenantId: demoTenantId }, channelData: { tenant: { id: demoTenantId } } });
  const entraToken = (claims: Record<string, unknown>) => entra.mintToken({ aud: demoBotAppId, tid: demoTenantId, ...claims });
  const botTokenRequests = () => entra.tokenRequests().filter((r) => r.grantType === 'client_credentials').length;

  async function refusedBeforeAnythingIsSent(token: string, activity: Record<string, unknown>) {
    const tokensBefore = botTokenRequests();
    const sentBefore = connector.requests().length;
    const result = await postActivity(agent.url, activity, { authorization: `Bearer ${token}` });
    assert.equal(result.status, 403, JSON.stringify(result.body));
    assert.equal(botTokenRequests(), tokensBefore, 'no outbound token was requested');
    assert.equal(connector.requests().length, sentBefore, 'nothing was sent to the connector');
    return result;
  }

  it('replies to the serviceUrl the Bot Connector signed, with the bot token', async () => {
    const token = await entra.mintChannelToken({ serviceUrl: connector.url });
    const result = await postActivity(agent.url, delivered(connector.url), { authorization: `Bearer ${token}` });
    assert.equal(result.status, 200);
    const replies = connector.requests().filter((r) => r.method === 'POST' && r.path.startsWith('/v3/conversations/c-bind/activities'));
    assert.ok(replies.length >= 1, 'the reply reached the connector');
    assert.ok(replies.every((r) => r.hasBearer && r.bearerAudience === botConnector.resource));
  });

  it('refuses an Entra token without serviceurl whose activity names a host off the allow-list (no token leaves)', async () => {
    const token = await entraToken({ azp: allowedCaller });
    const result = await refusedBeforeAnythingIsSent(token, delivered(attacker.url));
    assert.equal(result.body.reason, 'serviceUrl host is not allowed');
  });

  it('refuses a serviceUrl that differs from the signed serviceurl claim', async () => {
    const token = await entra.mintChannelToken({ serviceUrl: connector.url });
    await refusedBeforeAnythingIsSent(token, delivered(attacker.url));
    // Same allowed host, another path: still not what the channel signed.
    const result = await refusedBeforeAnythingIsSent(token, delivered(`${connector.url}other/`));
    assert.equal(result.body.reason, 'serviceUrl does not match the token');
  });

  it('refuses a token that another application of the tenant obtained for the bot (azp and v1 appid)', async () => {
    for (const claims of [{ azp: otherAppOfTheTenant }, { appid: otherAppOfTheTenant, ver: '1.0' }, { azp: '' }]) {
      const result = await refusedBeforeAnythingIsSent(await entraToken(claims), delivered(connector.url));
      assert.match(result.body.reason, /calling application/);
    }
  });

  it('answers an allowed Entra caller', async () => {
    const activity = { ...delivered(connector.url, 'hello again'), serviceUrl: undefined, deliveryMode: 'expectReplies' };
    const result = await postActivity(agent.url, activity, { authorization: `Bearer ${await entraToken({ azp: allowedCaller })}` });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.texts.length, 1);
  });

  it('never sent anything to the attacker’s server', () => {
    assert.deepEqual(attacker.requests(), []);
  });
});
