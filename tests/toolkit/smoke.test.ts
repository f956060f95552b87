// The post-deploy smoke check (scripts/smoke.ts, `npm run smoke`) against a real agent in
// production auth mode, with the Entra and Graph emulators in place of Entra ID and Graph.
import assert from 'node:assert/strict';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId } from '../../emulators/entra/seed.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulators/graph/graph-emulator.js';
import { runSmoke } from '../../scripts/smoke.js';
import { startAgentUnderTest, type AgentUnderTest } from '../support/agent-under-test.js';
import { entraHostEnv } from '../support/entra-host-env.js';

describe('npm run smoke (scripts/smoke.ts)', () => {
  let entra: EntraEmulator;
  let graph: GraphEmulator;
  let agent: AgentUnderTest;

  before(async () => {
    entra = await startEntraEmulator();
    graph = await startGraphEmulator({ entra });
    agent = await startAgentUnderTest({
      ...entraHostEnv(entra),
      HOST: '127.0.0.1',
      // The smoke caller: here the bot app itself stands in for a dedicated test app.
      BOT_ALLOWED_CALLER_APP_IDS: demoBotAppId,
      GRAPH_BASE_URL: `${graph.url}/v1.0`,
    });
  });

  after(async () => {
    await agent?.close();
    await graph?.close();
    await entra?.close();
  });

  const caller = () => ({ tenantId: demoTenantId, botAppId: demoBotAppId, clientId: demoBotAppId, clientSecret: demoBotAppSecret, authorityHost: entra.url });

  it('without credentials: /healthz and /readyz answer 200, the activity is skipped', async () => {
    const checks = await runSmoke({ url: agent.url });
    assert.deepEqual(checks.map((c) => [c.name, c.ok]), [['healthz', true], ['readyz', true], ['authenticated activity', true]]);
    assert.match(checks[2]!.detail, /skipped/);
  });

  it('with a caller identity: gets an Entra token and the agent answers the help command', async () => {
    const checks = await runSmoke({ url: agent.url, ...caller() });
    assert.ok(checks.every((c) => c.ok), JSON.stringify(checks));
    assert.match(checks[2]!.detail, /^200, [1-9]\d{0,2} repl/);
  });

  it('fails when the caller cannot sign in, and never prints the secret', async () => {
    const checks = await runSmoke({ url: agent.url, ...caller(), botAppId: demoBotAppId, tenantId: demoTenantId, clientSecret: 'wrong-secret' });
    assert.equal(checks[2]!.ok, false);
    assert.ok(!JSON.stringify(checks).includes('wrong-secret'));
    const partial = await runSmoke({ url: agent.url, tenantId: demoTenantId });
    assert.equal(partial[2]!.ok, false, 'a partial identity is an error, not a skip');
  });

  it('fails when the agent is down', async () => {
    const checks = await runSmoke({ url: 'http://127.0.0.1:9', timeoutMs: 2000 });
    assert.deepEqual(checks.map((c) => c.ok), [false, false, true]);
  });
});
