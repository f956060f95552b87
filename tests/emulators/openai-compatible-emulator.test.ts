import assert from 'node:assert/strict';
import { startOpenAiCompatibleEmulator, type OpenAiCompatibleEmulator } from '../../emulators/openai-compatible/index.js';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('OpenAI-compatible emulator (wire format)', () => {
  let emulator: OpenAiCompatibleEmulator;
  afterEach(async () => emulator?.close());

  it('answers a chat completion in the OpenAI shape and records the request', async () => {
    emulator = await startOpenAiCompatibleEmulator();
    const res = await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'ping' }] });
    assert.equal(res.status, 200);
    const body = (await res.json()) as any;
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].message.role, 'assistant');
    assert.equal(body.choices[0].message.content, 'emulated reply to: ping');
    assert.equal(body.choices[0].finish_reason, 'stop');
    assert.equal(typeof body.usage.prompt_tokens, 'number');
    assert.equal(emulator.requests[0]?.body.messages[0].content, 'ping');
  });

  it('rejects a tool message that answers no earlier tool call, like the real API', async () => {
    emulator = await startOpenAiCompatibleEmulator();
    const res = await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'nope', content: 'r' }] });
    assert.equal(res.status, 400);
    const body = (await res.json()) as any;
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /tool/);
  });

  it('speaks the Azure path: needs api-version, uses Azure error shape, checks the api-key', async () => {
    emulator = await startOpenAiCompatibleEmulator({ apiKey: 'k' });
    const path = `${emulator.url}/openai/deployments/d1/chat/completions`;
    assert.equal((await post(path, { messages: [{ role: 'user', content: 'x' }] }, { 'api-key': 'k' })).status, 404);
    const denied = await post(`${path}?api-version=2024-10-21`, { messages: [{ role: 'user', content: 'x' }] }, { 'api-key': 'wrong' });
    assert.equal(denied.status, 401);
    assert.deepEqual(Object.keys(((await denied.json()) as any).error).sort(), ['code', 'message']);
    const ok = await post(`${path}?api-version=2024-10-21`, { messages: [{ role: 'user', content: 'x' }] }, { 'api-key': 'k' });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as any).model, 'd1');
    assert.equal(emulator.requests[2]?.deployment, 'd1');
  });

  it('serves scripted tool calls and injected 429s with retry-after headers', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ toolCalls: [{ name: 'search_files', arguments: { query: 'q' } }] }] });
    emulator.failNext(1, 429, 1500);
    const limited = await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after-ms'), '1500');
    assert.equal(limited.headers.get('retry-after'), '2');
    const res = (await (await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }] })).json()) as any;
    assert.equal(res.choices[0].finish_reason, 'tool_calls');
    assert.equal(res.choices[0].message.content, null);
    assert.equal(res.choices[0].message.tool_calls[0].function.arguments, '{"query":"q"}');
  });

  it('answers bad input with errors, not crashes', async () => {
    emulator = await startOpenAiCompatibleEmulator({ maxBodyBytes: 1000 });
    assert.equal((await post(`${emulator.openAiBaseUrl}/chat/completions`, '{not json')).status, 400);
    assert.equal((await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x'.repeat(5000) }] })).status, 413);
    assert.equal((await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [] })).status, 400);
    assert.equal((await post(`${emulator.url}/v1/embeddings`, {})).status, 404);
    assert.equal((await post(`${emulator.openAiBaseUrl}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'still alive' }] })).status, 200);
  });
});
