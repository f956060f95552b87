import assert from 'node:assert/strict';
import { startContentSafetyEmulator, type RunningContentSafetyEmulator } from '../../../emulators/content-safety/content-safety-emulator.js';

describe('Content Safety emulator wire format', () => {
  let emulator: RunningContentSafetyEmulator;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${emulator.endpoint}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': emulator.key, ...headers }, body: JSON.stringify(body) });

  beforeEach(async () => {
    emulator = await startContentSafetyEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('requires a supported api-version', async () => {
    const missing = await post('/contentsafety/text:analyze', { text: 'x' });
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'MissingApiVersionParameter');
    const old = await post('/contentsafety/text:analyze?api-version=2020-01-01', { text: 'x' });
    assert.equal(((await old.json()) as { error: { code: string } }).error.code, 'UnsupportedApiVersion');
  });

  it('answers text:analyze with all four categories', async () => {
    const res = await post('/contentsafety/text:analyze?api-version=2024-09-01', { text: 'hello' });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { categoriesAnalysis: Array<{ category: string; severity: number }> };
    assert.deepEqual(body.categoriesAnalysis.map((c) => c.category), ['Hate', 'Sexual', 'Violence', 'SelfHarm']);
  });

  it('rejects bad bodies, too many documents and missing keys with {error:{code,message}}', async () => {
    const empty = await post('/contentsafety/text:analyze?api-version=2024-09-01', { text: '' });
    assert.equal(empty.status, 400);
    const many = await post('/contentsafety/text:shieldPrompt?api-version=2024-09-01', { userPrompt: '', documents: ['a', 'b', 'c', 'd', 'e', 'f'] });
    assert.equal(many.status, 400);
    const anonymous = await post('/contentsafety/text:analyze?api-version=2024-09-01', { text: 'x' }, { 'ocp-apim-subscription-key': '' });
    assert.equal(anonymous.status, 401);
    const body = (await anonymous.json()) as { error: { code: string; message: string } };
    assert.equal(typeof body.error.code, 'string');
    assert.equal(typeof body.error.message, 'string');
  });

  it('injects faults set through its admin endpoint', async () => {
    await fetch(`${emulator.endpoint}/admin/faults`, { method: 'POST', body: JSON.stringify({ fault: 'throttle', count: 1, retryAfterSeconds: 7 }) });
    const throttled = await post('/contentsafety/text:analyze?api-version=2024-09-01', { text: 'x' });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '7');
    const next = await post('/contentsafety/text:analyze?api-version=2024-09-01', { text: 'x' });
    assert.equal(next.status, 200);
  });
});
