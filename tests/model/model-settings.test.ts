import assert from 'node:assert/strict';
import { createModelClient } from '../../src/model/create-model-client.js';
import { modelSettings } from '../../src/model/model-settings.js';

const parse = (env: Record<string, string>) => modelSettings.safeParse(env);
const problems = (env: Record<string, string>) => {
  const r = parse(env);
  assert.equal(r.success, false, 'expected a validation error');
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('model settings', () => {
  it('defaults to the offline model when nothing is configured', () => {
    const r = parse({});
    assert.ok(r.success);
    assert.equal(r.data.provider, 'offline');
    assert.equal(r.data.timeoutMs, 60_000);
    assert.equal(r.data.maxRetries, 2);
    assert.equal(createModelClient(r.data).provider, 'offline');
  });

  it('chooses azure-openai when an endpoint is set, with the default api version', () => {
    const r = parse({ AZURE_OPENAI_ENDPOINT: 'https://contoso.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' });
    assert.ok(r.success);
    assert.equal(r.data.provider, 'azure-openai');
    assert.deepEqual(r.data.azure, { endpoint: 'https://contoso.openai.azure.com', deployment: 'gpt-4o-mini', apiVersion: '2024-10-21', apiKey: undefined, managedIdentityClientId: undefined });
    assert.equal(createModelClient(r.data).provider, 'azure-openai');
  });

  it('chooses openai-compatible when only a base URL is set', () => {
    const r = parse({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' });
    assert.ok(r.success);
    assert.equal(r.data.provider, 'openai-compatible');
    assert.equal(createModelClient(r.data).label, 'openai-compatible llama3.1 @ 127.0.0.1:11434');
  });

  it('an explicit MODEL_PROVIDER wins, including obedient for evaluation', () => {
    const r = parse({ MODEL_PROVIDER: 'obedient', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' });
    assert.ok(r.success);
    assert.equal(r.data.provider, 'obedient');
    assert.equal(createModelClient(r.data).provider, 'obedient');
  });

  it('says how to fix azure-openai without endpoint or deployment', () => {
    const p = problems({ MODEL_PROVIDER: 'azure-openai' });
    assert.ok(p.some((m) => /^AZURE_OPENAI_ENDPOINT: required .*https:\/\/my-resource\.openai\.azure\.com/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^AZURE_OPENAI_DEPLOYMENT: required/.test(m)));
  });

  it('says how to fix openai-compatible without base URL or model', () => {
    const p = problems({ MODEL_PROVIDER: 'openai-compatible' });
    assert.ok(p.some((m) => /^OPENAI_BASE_URL: required .*Ollama/.test(m)));
    assert.ok(p.some((m) => /^OPENAI_MODEL: required/.test(m)));
  });

  it('rejects an unknown provider, a bad URL, a bad api version and out-of-range numbers', () => {
    assert.ok(problems({ MODEL_PROVIDER: 'gpt' }).some((m) => /^MODEL_PROVIDER: must be one of offline, azure-openai/.test(m)));
    assert.ok(problems({ AZURE_OPENAI_ENDPOINT: 'not a url', AZURE_OPENAI_DEPLOYMENT: 'd' }).some((m) => /not a valid URL/.test(m)));
    assert.ok(problems({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd', AZURE_OPENAI_API_VERSION: 'latest' }).some((m) => /AZURE_OPENAI_API_VERSION/.test(m)));
    assert.ok(problems({ MODEL_TIMEOUT_MS: '5' }).some((m) => /^MODEL_TIMEOUT_MS: expected a whole number from 1000/.test(m)));
    assert.ok(problems({ MODEL_MAX_RETRIES: '-1' }).some((m) => /^MODEL_MAX_RETRIES/.test(m)));
  });

  it('refuses to send credentials over plain http to a remote host, and never echoes the key', () => {
    const key = 'sk-super-secret-value-123';
    const p = problems({ OPENAI_BASE_URL: 'http://llm.example.com/v1', OPENAI_MODEL: 'm', OPENAI_API_KEY: key });
    assert.ok(p.some((m) => /clear text/.test(m)));
    assert.ok(p.every((m) => !m.includes(key)));
    assert.ok(problems({ AZURE_OPENAI_ENDPOINT: 'http://contoso.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd' }).some((m) => /https/.test(m)));
    // plain http without a key to a LAN server (Ollama) and http to loopback are fine
    assert.ok(parse({ OPENAI_BASE_URL: 'http://gpu-box.lan:11434/v1', OPENAI_MODEL: 'm' }).success);
    assert.ok(parse({ AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:8080', AZURE_OPENAI_DEPLOYMENT: 'd' }).success);
  });

  it('treats blank values like unset ones', () => {
    const r = parse({ MODEL_PROVIDER: '', AZURE_OPENAI_ENDPOINT: '', OPENAI_BASE_URL: '  ' });
    assert.ok(r.success);
    assert.equal(r.data.provider, 'offline');
  });
});
