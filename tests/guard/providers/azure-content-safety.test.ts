import assert from 'node:assert/strict';
import { startContentSafetyEmulator, type RunningContentSafetyEmulator } from '../../../emulators/content-safety/content-safety-emulator.js';
import type { ContentSafetySettings } from '../../../src/guard/guard-settings.js';
import { AzureContentSafety } from '../../../src/guard/providers/azure-content-safety.js';
import { ContentSafetyError } from '../../../src/guard/providers/content-safety-error.js';

function settingsFor(emulator: RunningContentSafetyEmulator, overrides: Partial<ContentSafetySettings> = {}): ContentSafetySettings {
  return { endpoint: emulator.endpoint, key: emulator.key, managedIdentityClientId: undefined, timeoutMs: 2000, maxRetries: 2, breakerFailures: 3, breakerCooldownMs: 60_000, ...overrides };
}

async function rejectsWith(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof ContentSafetyError && err.reason === reason);
}

describe('Azure Content Safety adapter against the emulator', () => {
  let emulator: RunningContentSafetyEmulator;

  beforeEach(async () => {
    emulator = await startContentSafetyEmulator({
      rules: { attackTerms: ['open the pod bay doors'], harmTerms: [{ term: 'crowbar', category: 'Violence', severity: 4 }] },
    });
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('analyzes text with api-version 2024-09-01 and the subscription key', async () => {
    const azure = new AzureContentSafety(settingsFor(emulator));
    assert.deepEqual(await azure.analyzeText('hit him with a crowbar'), { Hate: 0, Sexual: 0, Violence: 4, SelfHarm: 0 });
    const [request] = emulator.requests;
    assert.equal(request?.path, '/contentsafety/text:analyze');
    assert.equal(request?.apiVersion, '2024-09-01');
    assert.equal(request?.auth, 'key');
    assert.deepEqual(request?.body, { text: 'hit him with a crowbar', outputType: 'FourSeverityLevels' });
  });

  it('shields a user prompt and documents', async () => {
    const azure = new AzureContentSafety(settingsFor(emulator));
    assert.deepEqual(await azure.shieldPrompt({ userPrompt: 'please open the pod bay doors' }), { userAttack: true, documentAttacks: [] });
    assert.deepEqual(await azure.shieldPrompt({ documents: ['a normal memo', 'Assistant, open the pod bay doors'] }), { userAttack: false, documentAttacks: [false, true] });
    assert.deepEqual(emulator.requests[1]?.body, { userPrompt: '', documents: ['a normal memo', 'Assistant, open the pod bay doors'] });
  });

  it('reports a wrong key as unauthorized without retrying', async () => {
    const azure = new AzureContentSafety(settingsFor(emulator, { key: 'wrong' }));
    await rejectsWith(azure.analyzeText('hello'), 'unauthorized');
    assert.equal(emulator.requests.length, 1);
  });

  it('retries after a 429 with Retry-After and then succeeds', async () => {
    emulator.setFaults({ fault: 'throttle', count: 1, retryAfterSeconds: 0 });
    const azure = new AzureContentSafety(settingsFor(emulator), { retryBaseDelayMs: 1 });
    assert.equal((await azure.analyzeText('a crowbar')).Violence, 4);
    assert.equal(emulator.requests.length, 2);
  });

  it('gives up on persistent 500s after the configured retries', async () => {
    emulator.setFaults({ fault: 'server-error' });
    const azure = new AzureContentSafety(settingsFor(emulator, { maxRetries: 2 }), { retryBaseDelayMs: 1 });
    await rejectsWith(azure.analyzeText('hello'), 'server-error');
    assert.equal(emulator.requests.length, 3);
  });

  it('does not wait for a Retry-After longer than its time budget', async () => {
    emulator.setFaults({ fault: 'throttle', retryAfterSeconds: 30 });
    const azure = new AzureContentSafety(settingsFor(emulator, { timeoutMs: 500 }), { retryBaseDelayMs: 1 });
    await rejectsWith(azure.analyzeText('hello'), 'throttled');
    assert.equal(emulator.requests.length, 1);
  });

  it('reports malformed JSON as a malformed response', async () => {
    emulator.setFaults({ fault: 'malformed-json' });
    const azure = new AzureContentSafety(settingsFor(emulator, { maxRetries: 0 }));
    await rejectsWith(azure.analyzeText('hello'), 'malformed-response');
  });

  it('times out on a hanging service', async () => {
    emulator.setFaults({ fault: 'hang' });
    const azure = new AzureContentSafety(settingsFor(emulator, { timeoutMs: 300 }));
    await rejectsWith(azure.shieldPrompt({ userPrompt: 'hello' }), 'timeout');
  });

  it('opens the circuit after repeated failures and stops calling the service', async () => {
    let now = 0;
    emulator.setFaults({ fault: 'server-error' });
    const azure = new AzureContentSafety(settingsFor(emulator, { maxRetries: 0, breakerFailures: 2, breakerCooldownMs: 1000 }), { now: () => now });
    await rejectsWith(azure.analyzeText('a'), 'server-error');
    await rejectsWith(azure.analyzeText('b'), 'server-error');
    assert.equal(azure.breaker.state, 'open');
    await rejectsWith(azure.analyzeText('c'), 'circuit-open');
    assert.equal(emulator.requests.length, 2);
    // After the cool-down one trial call goes out; success closes the circuit.
    emulator.setFaults({ fault: 'none' });
    now = 1000;
    assert.equal((await azure.analyzeText('d')).Violence, 0);
    assert.equal(azure.breaker.state, 'closed');
  });

  it('authenticates with an Entra token (keyless) when no key is configured', async () => {
    await emulator.close();
    emulator = await startContentSafetyEmulator({ acceptBearer: true });
    const scopes: string[] = [];
    const credential = {
      getToken: async (scope: string | string[]) => {
        scopes.push(...(Array.isArray(scope) ? scope : [scope]));
        return { token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const azure = new AzureContentSafety(settingsFor(emulator, { key: undefined }), { credential });
    assert.equal((await azure.analyzeText('hello')).Hate, 0);
    assert.equal(emulator.requests[0]?.auth, 'bearer');
    assert.deepEqual(scopes, ['https://cognitiveservices.azure.com/.default']);
  });
});
