// The local-dev identity path as `npm run dev` configures it: settings from the
// environment, the playground user mapped to the seeded demo user, SSO token
// from the Entra emulator, then the production OBO + Graph path.
import assert from 'node:assert/strict';
import { fileIds } from '../../emulators/graph/graph-seed.js';
import { startIdentityStandIns, type IdentityStandIns } from '../../emulators/graph/dev-identity-stand-ins.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createAgentSso } from '../../src/agent/sso/create-sso.js';
import { MemoryStateStore } from '../../src/state/memory-state-store.js';
import { createReadTools, readToolDepsFromSettings } from '../../src/tools/read/create-read-tools.js';

describe('dev-mode identity path (settings → SSO from the emulator → OBO → Graph)', () => {
  let standIns: IdentityStandIns;
  before(async () => {
    standIns = await startIdentityStandIns();
  });
  after(async () => {
    await standIns.close();
  });

  it('answers "what files do I have about the budget?" from the emulated tenant as the demo user', async () => {
    const config = loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', ...standIns.agentEnv });
    assert.equal(config.identity.devUser, 'megan@contoso.example');
    const sso = createAgentSso(config, { state: new MemoryStateStore() });
    const actor = { userId: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000aa', tenantId: '00000000-0000-0000-0000-000000000001', roles: [] as string[] };
    await sso.broker.warmUp(actor);
    assert.deepEqual(await sso.broker.rolesOf(actor), ['User']);
    const tools = createReadTools(readToolDepsFromSettings(config.graph));
    const search = tools.find((t) => t.name === 'search_files')!;
    const result = await search.run({ query: 'budget' }, { actor, correlationId: 'c', getUserToken: (scopes) => sso.broker.getUserToken(actor, scopes) });
    assert.ok(result.content.includes(fileIds.meganBudgetDraft));
    assert.ok(!result.content.includes(fileIds.alexSalaryReview));
    const card = sso.signInCard();
    assert.equal((card.content as { tokenExchangeResource: { uri: string } }).tokenExchangeResource.uri, `api://botid-${config.host.auth.appId}`);
  });

  it('refuses the dev SSO source outside local-dev mode', () => {
    assert.throws(() => loadConfig({ ...standIns.agentEnv, AUTH_MODE: 'entra' }), (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('SSO_DEV_USER: only allowed with AUTH_MODE=dev-anonymous')));
  });

  it('validates Graph settings with a message that says how to fix them', () => {
    assert.throws(() => loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', GRAPH_BASE_URL: 'http://graph.example.com/v1.0' }), /GRAPH_BASE_URL must use https/);
    assert.throws(() => loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', GRAPH_MAX_TEXT_CHARS: '10' }), /GRAPH_MAX_TEXT_CHARS/);
    const defaults = loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' });
    assert.equal(defaults.graph.baseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(defaults.identity.requiredScope, 'access_as_user');
    assert.ok(defaults.graph.dataZonesFile.endsWith('/policy/data-zones.json'));
  });
});
