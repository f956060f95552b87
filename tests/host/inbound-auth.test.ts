// Inbound authentication against a local Entra emulator that signs real tokens.
import assert from 'node:assert/strict';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId, otherTenantId } from '../../emulators/entra/seed.js';
import { JWT_CLOCK_SKEW_SECONDS, KEY_REFRESH_COOLDOWN_MS } from '../../src/identity/openid-keys.js';
import { setLogLevel, setLogSink, type LogSink } from '../../src/logging/logger.js';
import { startAgentUnderTest, messageActivity, postActivity, type AgentUnderTest } from '../support/agent-under-test.js';
import { entraHostEnv } from '../support/entra-host-env.js';

describe('host: inbound Bot Framework / Entra authentication', () => {
  let entra: EntraEmulator;
  let agent: AgentUnderTest;
  // No serviceUrl: with expectReplies the SDK then needs no outbound connector token,
  // so these tests exercise inbound verification alone.
  const activity = (overrides: Record<string, unknown> = {}) =>
    messageActivity('hello', { serviceUrl: undefined, conversation: { id: 'c-auth', tenantId: demoTenantId }, channelData: { tenant: { id: demoTenantId } }, ...overrides });
  // An Entra-issued token from a calling application the operator allowed.
  const allowedCaller = 'f3f2c8f4-0000-4000-8000-00000000b0b0';
  const botToken = (claims: Record<string, unknown> = {}, opts = {}) => entra.mintToken({ aud: demoBotAppId, tid: demoTenantId, azp: allowedCaller, ...claims }, opts);

  const logLines: string[] = [];
  let previousSink: LogSink;
  before(async () => {
    previousSink = setLogSink({ write: (line) => void logLines.push(line) });
    setLogLevel('debug');
    entra = await startEntraEmulator();
    agent = await startAgentUnderTest({ ...entraHostEnv(entra), BOT_ALLOWED_CALLER_APP_IDS: allowedCaller });
  });
  after(async () => {
    await agent?.close();
    await entra?.close();
    setLogSink(previousSink);
    setLogLevel('error');
  });

  it('accepts a valid token from the allowed tenant and answers', async () => {
    const result = await postActivity(agent.url, activity(), { authorization: `Bearer ${await botToken()}` });
    assert.equal(result.status, 200);
    assert.equal(result.texts.length, 1);
  });

  it('rejects a request without a token with 401', async () => {
    const result = await postActivity(agent.url, activity());
    assert.equal(result.status, 401);
    assert.deepEqual(result.body, { error: 'unauthorized' });
  });

  it('rejects a non-bearer or garbage Authorization header with 401', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer not-a-jwt-at-all-but-long', 'Bearer ']) {
      const result = await postActivity(agent.url, activity(), { authorization: header });
      assert.equal(result.status, 401, header);
    }
  });

  it('rejects a token signed with a key that is not in the JWKS', async () => {
    const result = await postActivity(agent.url, activity(), { authorization: `Bearer ${await botToken({}, { signWith: 'rogue' })}` });
    assert.equal(result.status, 401);
  });

  it('rejects a token for another audience', async () => {
    const token = await botToken({ aud: 'api://some-other-app' });
    const result = await postActivity(agent.url, activity(), { authorization: `Bearer ${token}` });
    assert.equal(result.status, 401);
  });

  it('rejects a token from an issuer that is not trusted', async () => {
    const token = await botToken({}, { issuer: 'https://evil.example/tenant/v2.0' });
    const result = await postActivity(agent.url, activity(), { authorization: `Bearer ${token}` });
    assert.equal(result.status, 401);
  });

  it('rejects an expired token beyond the shared clock skew, accepts one within it', async () => {
    const late = await botToken({}, { expiresInSec: -(JWT_CLOCK_SKEW_SECONDS + 60) });
    assert.equal((await postActivity(agent.url, activity(), { authorization: `Bearer ${late}` })).status, 401);
    const withinSkew = await botToken({}, { expiresInSec: -(JWT_CLOCK_SKEW_SECONDS - 60) });
    assert.equal((await postActivity(agent.url, activity(), { authorization: `Bearer ${withinSkew}` })).status, 200);
  });

  it('rejects a token whose tenant is not on the allow-list', async () => {
    const token = await botToken({ tid: otherTenantId });
    const result = await postActivity(agent.url, activity(), { authorization: `Bearer ${token}` });
    assert.equal(result.status, 401);
  });

  it('rejects a valid token carrying an activity from another tenant with 403', async () => {
    const foreign = activity({ conversation: { id: 'c-x', tenantId: otherTenantId }, channelData: { tenant: { id: otherTenantId } } });
    const result = await postActivity(agent.url, foreign, { authorization: `Bearer ${await botToken()}` });
    assert.equal(result.status, 403);
  });

  it('follows a key rotation: old tokens still verify, new keys are fetched after the refresh cooldown', async function () {
    this.timeout(20_000);
    const before = await botToken();
    entra.rotateKeys();
    const after = await botToken();
    assert.equal((await postActivity(agent.url, activity(), { authorization: `Bearer ${before}` })).status, 200);
    await new Promise((r) => setTimeout(r, KEY_REFRESH_COOLDOWN_MS + 500));
    assert.equal((await postActivity(agent.url, activity(), { authorization: `Bearer ${after}` })).status, 200);
  });

  it('never writes a token or the client secret to its logs, even at debug level', () => {
    const all = logLines.join('');
    assert.ok(logLines.some((l) => l.includes('inbound request rejected')), 'rejections are logged');
    assert.doesNotMatch(all, /eyJ[A-Za-z0-9_-]{10,}/);
    assert.ok(!all.includes(demoBotAppSecret));
  });

  it('still serves health endpoints without a token', async () => {
    assert.equal((await fetch(`${agent.url}/healthz`)).status, 200);
  });
});
