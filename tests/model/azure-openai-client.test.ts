import assert from 'node:assert/strict';
import { DefaultAzureCredential, ManagedIdentityCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { startOpenAiCompatibleEmulator, type OpenAiCompatibleEmulator } from '../../emulators/openai-compatible/index.js';
import { azureCredentialFor, COGNITIVE_SERVICES_SCOPE, createAzureOpenAiClient } from '../../src/model/azure-openai-client.js';
import { ModelError } from '../../src/model/model-error.js';
import type { ModelToolSpec } from '../../src/model/model-types.js';

const tool: ModelToolSpec = { name: 'who_am_i', description: 'Profile', parameters: { type: 'object', properties: {} } };

/** A real TokenCredential that hands out a fixed token and records the scopes asked for. */
class FixedTokenCredential implements TokenCredential {
  readonly scopes: string[][] = [];
  constructor(private readonly token: string) {}
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe('Azure OpenAI model client (against the emulator\'s Azure path over HTTP)', () => {
  let emulator: OpenAiCompatibleEmulator;
  afterEach(async () => emulator?.close());

  const base = () => ({ endpoint: emulator.url, deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', timeoutMs: 5000, maxRetries: 1 });

  it('calls /openai/deployments/{deployment}/chat/completions with api-version and the api-key header', async () => {
    emulator = await startOpenAiCompatibleEmulator({ apiKey: 'azure-key-123456', deployments: ['gpt-4o-mini'], replies: [{ toolCalls: [{ id: 'call_a', name: 'who_am_i', arguments: {} }] }] });
    const client = createAzureOpenAiClient({ ...base(), apiKey: 'azure-key-123456' });
    assert.equal(client.provider, 'azure-openai');
    assert.match(client.label, /gpt-4o-mini .*\(api key\)/);
    assert.doesNotMatch(client.label, /azure-key/);
    const res = await client.complete({ messages: [{ role: 'system', content: 'S' }, { role: 'user', content: 'who am i' }], tools: [tool] });
    assert.deepEqual(res.toolCalls, [{ id: 'call_a', name: 'who_am_i', arguments: '{}' }]);
    const req = emulator.requests[0];
    assert.equal(req?.dialect, 'azure');
    assert.equal(req?.path, '/openai/deployments/gpt-4o-mini/chat/completions');
    assert.equal(req?.query['api-version'], '2024-10-21');
    assert.equal(req?.headers['api-key'], 'azure-key-123456');
    assert.equal(req?.headers.authorization, undefined);
  });

  it('keyless: gets an Entra token for the Cognitive Services scope and sends it as a bearer token', async () => {
    emulator = await startOpenAiCompatibleEmulator({ acceptedBearerTokens: ['entra-access-token-xyz'], replies: [{ content: 'hi' }] });
    const credential = new FixedTokenCredential('entra-access-token-xyz');
    const client = createAzureOpenAiClient({ ...base(), credential });
    assert.match(client.label, /\(Entra ID\)/);
    const res = await client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] });
    assert.equal(res.content, 'hi');
    assert.deepEqual(credential.scopes[0], [COGNITIVE_SERVICES_SCOPE]);
    assert.equal(emulator.requests[0]?.headers.authorization, 'Bearer entra-access-token-xyz');
    assert.equal(emulator.requests[0]?.headers['api-key'], undefined);
  });

  it('uses only its own settings even when OPENAI_BASE_URL and AZURE_OPENAI_API_KEY are in the environment', async () => {
    emulator = await startOpenAiCompatibleEmulator({ acceptedBearerTokens: ['tok'], replies: [{ content: 'ok' }] });
    const saved = { base: process.env.OPENAI_BASE_URL, key: process.env.AZURE_OPENAI_API_KEY };
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    process.env.AZURE_OPENAI_API_KEY = 'env-key-should-not-be-used';
    try {
      const client = createAzureOpenAiClient({ ...base(), credential: new FixedTokenCredential('tok') });
      assert.equal((await client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] })).content, 'ok');
      assert.equal(emulator.requests[0]?.headers['api-key'], undefined);
    } finally {
      if (saved.base === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved.base;
      if (saved.key === undefined) delete process.env.AZURE_OPENAI_API_KEY;
      else process.env.AZURE_OPENAI_API_KEY = saved.key;
    }
  });

  it('reports a rejected token as an auth error that names the fix, not the token', async () => {
    emulator = await startOpenAiCompatibleEmulator({ acceptedBearerTokens: ['good'] });
    const client = createAzureOpenAiClient({ ...base(), credential: new FixedTokenCredential('stolen-or-expired-token') });
    await assert.rejects(client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => {
      assert.ok(err instanceof ModelError);
      assert.equal(err.code, 'auth');
      assert.match(err.message, /role/);
      assert.doesNotMatch(err.message, /stolen-or-expired-token/);
      return true;
    });
  });

  it('reports an unknown deployment as not-found', async () => {
    emulator = await startOpenAiCompatibleEmulator({ apiKey: 'k-123456789', deployments: ['other'] });
    const client = createAzureOpenAiClient({ ...base(), apiKey: 'k-123456789' });
    await assert.rejects(client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'not-found');
  });

  it('maps an Azure content-filter refusal to content-filtered', async () => {
    emulator = await startOpenAiCompatibleEmulator({ apiKey: 'k-123456789', replies: [{ status: 400, errorCode: 'content_filter', errorMessage: 'The response was filtered' }] });
    const client = createAzureOpenAiClient({ ...base(), apiKey: 'k-123456789' });
    await assert.rejects(client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'content-filtered');
  });

  it('retries a 429 on the Azure path', async () => {
    emulator = await startOpenAiCompatibleEmulator({ apiKey: 'k-123456789', replies: [{ content: 'ok' }] });
    emulator.failNext(1, 429, 10);
    const client = createAzureOpenAiClient({ ...base(), apiKey: 'k-123456789' });
    assert.equal((await client.complete({ messages: [{ role: 'user', content: 'x' }], tools: [] })).content, 'ok');
    assert.equal(emulator.requests.length, 2);
  });

  it('chooses a managed identity when a client id is set, else DefaultAzureCredential', () => {
    assert.ok(azureCredentialFor({ managedIdentityClientId: '00000000-0000-0000-0000-000000000001' }) instanceof ManagedIdentityCredential);
    assert.ok(azureCredentialFor({}) instanceof DefaultAzureCredential);
    const own = new FixedTokenCredential('t');
    assert.equal(azureCredentialFor({ credential: own, managedIdentityClientId: 'x' }), own);
  });
});
