import assert from 'node:assert/strict';
import { modelResponder, startOpenAiCompatibleEmulator, type OpenAiCompatibleEmulator } from '../../emulators/openai-compatible/index.js';
import { createOfflineModel } from '../../src/model/offline/offline-model.js';
import { runTurn } from './turn-harness.js';
import { ModelError } from '../../src/model/model-error.js';
import type { ChatMessage, ModelToolSpec } from '../../src/model/model-types.js';
import { createOpenAiCompatibleClient } from '../../src/model/openai-compatible-client.js';

const searchTool: ModelToolSpec = { name: 'search_files', description: 'Search files', parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] } };

describe('OpenAI-compatible model client (against the emulator over HTTP)', () => {
  let emulator: OpenAiCompatibleEmulator;
  afterEach(async () => emulator?.close());

  const client = (over: Partial<Parameters<typeof createOpenAiCompatibleClient>[0]> = {}) =>
    createOpenAiCompatibleClient({ baseUrl: emulator.openAiBaseUrl, model: 'llama3.1', timeoutMs: 5000, maxRetries: 2, ...over });

  it('sends the system prompt as its own message and returns the text answer with usage', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ content: 'Hello Adele' }] });
    const messages: ChatMessage[] = [
      { role: 'system', content: 'SYSTEM RULES' },
      { role: 'user', content: 'hi' },
    ];
    const res = await client().complete({ messages, tools: [] });
    assert.equal(res.content, 'Hello Adele');
    assert.deepEqual(res.toolCalls, []);
    assert.equal(res.model, 'llama3.1');
    assert.ok(res.usage && res.usage.promptTokens > 0);
    const sent = emulator.requests[0]?.body;
    assert.deepEqual(sent.messages, [
      { role: 'system', content: 'SYSTEM RULES' },
      { role: 'user', content: 'hi' },
    ]);
    assert.equal(sent.model, 'llama3.1');
    assert.equal(sent.tools, undefined, 'no empty tools array is sent');
  });

  it('round-trips a tool call: the call comes back, the tool result goes out paired with it', async () => {
    emulator = await startOpenAiCompatibleEmulator({
      replies: [{ toolCalls: [{ id: 'call_1', name: 'search_files', arguments: { query: 'budget' } }] }, { content: 'Found Budget.xlsx' }],
    });
    const c = client();
    const messages: ChatMessage[] = [
      { role: 'system', content: 'S' },
      { role: 'user', content: 'files about budget?' },
    ];
    const first = await c.complete({ messages, tools: [searchTool] });
    assert.equal(first.content, null);
    assert.deepEqual(first.toolCalls, [{ id: 'call_1', name: 'search_files', arguments: '{"query":"budget"}' }]);
    const sentTools = emulator.requests[0]?.body.tools;
    assert.deepEqual(sentTools, [{ type: 'function', function: { name: 'search_files', description: 'Search files', parameters: searchTool.parameters } }]);

    const followUp: ChatMessage[] = [...messages, { role: 'assistant', content: null, toolCalls: first.toolCalls }, { role: 'tool', toolCallId: 'call_1', content: '[{"id":"f1","name":"Budget.xlsx"}]' }];
    const second = await c.complete({ messages: followUp, tools: [searchTool] });
    assert.equal(second.content, 'Found Budget.xlsx');
    const wire = emulator.requests[1]?.body.messages;
    assert.deepEqual(wire[2], { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'search_files', arguments: '{"query":"budget"}' } }] });
    assert.deepEqual(wire[3], { role: 'tool', tool_call_id: 'call_1', content: '[{"id":"f1","name":"Budget.xlsx"}]' });
  });

  it('retries a 429 (honouring retry-after) and then succeeds', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ content: 'after retry' }] });
    emulator.failNext(1, 429, 20);
    const res = await client().complete({ messages: [{ role: 'user', content: 'hi' }], tools: [] });
    assert.equal(res.content, 'after retry');
    assert.equal(emulator.requests.length, 2);
    assert.equal(emulator.requests[1]?.headers['x-stainless-retry-count'], '1');
  });

  it('gives up after MODEL_MAX_RETRIES with a typed, retryable error', async () => {
    emulator = await startOpenAiCompatibleEmulator();
    emulator.failNext(3, 429, 10);
    await assert.rejects(client({ maxRetries: 2 }).complete({ messages: [{ role: 'user', content: 'hi' }], tools: [] }), (err: unknown) => {
      assert.ok(err instanceof ModelError);
      assert.equal(err.code, 'rate-limited');
      assert.equal(err.status, 429);
      assert.equal(err.retryable, true);
      return true;
    });
    assert.equal(emulator.requests.length, 3);
  });

  it('retries a 500 and reports an outage when it persists', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ content: 'ok' }] });
    emulator.failNext(1, 500);
    assert.equal((await client({ maxRetries: 1 }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] })).content, 'ok');
    emulator.failNext(2, 500);
    await assert.rejects(client({ maxRetries: 1 }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'unavailable');
  });

  it('sends the API key as a bearer token and never puts it in an error message', async () => {
    const key = 'sk-test-very-secret-0123456789';
    emulator = await startOpenAiCompatibleEmulator({ apiKey: key, replies: [{ content: 'ok' }] });
    assert.equal((await client({ apiKey: key }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] })).content, 'ok');
    assert.equal(emulator.requests[0]?.headers.authorization, `Bearer ${key}`);
    await assert.rejects(client({ apiKey: 'sk-wrong-key-abcdef123456' }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => {
      assert.ok(err instanceof ModelError);
      assert.equal(err.code, 'auth');
      assert.doesNotMatch(err.message, /sk-wrong|sk-test|Incorrect API key/);
      return true;
    });
  });

  it('sends no Authorization header at all when no key is configured', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ content: 'ok' }] });
    await client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [] });
    assert.equal(emulator.requests[0]?.headers.authorization, undefined);
  });

  it('maps a slow server to a timeout error', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ content: 'late', delayMs: 3000 }] });
    await assert.rejects(client({ timeoutMs: 1000, maxRetries: 0 }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'timeout');
  });

  it('maps a dead endpoint to unavailable', async () => {
    emulator = await startOpenAiCompatibleEmulator();
    const deadUrl = emulator.openAiBaseUrl;
    await emulator.close();
    await assert.rejects(client({ baseUrl: deadUrl, maxRetries: 0 }).complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'unavailable');
  });

  it('maps a non-completion body to bad-response and a cancelled request to aborted', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ rawBody: '{"hello":"world"}' }, { content: 'slow', delayMs: 2000 }] });
    await assert.rejects(client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [] }), (err: unknown) => err instanceof ModelError && err.code === 'bad-response');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [], signal: controller.signal }), (err: unknown) => err instanceof ModelError && err.code === 'aborted');
  });

  it('accepts local-server quirks: no tool-call id or type, object arguments, <think> preambles', async () => {
    const body = (message: unknown) => JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'qwen3', choices: [{ index: 0, message, finish_reason: 'stop' }] });
    emulator = await startOpenAiCompatibleEmulator({
      replies: [
        { rawBody: body({ role: 'assistant', content: null, tool_calls: [{ function: { name: 'search_files', arguments: { query: 'budget' } } }] }) },
        { rawBody: body({ role: 'assistant', content: '<think>\nthe user wants files\n</think>\n\nHere are your files.' }) },
      ],
    });
    const first = await client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [searchTool] });
    assert.deepEqual(first.toolCalls, [{ id: 'call_auto_0', name: 'search_files', arguments: '{"query":"budget"}' }]);
    const second = await client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [] });
    assert.equal(second.content, 'Here are your files.');
  });

  it('passes malformed tool-call arguments through as raw text for the caller to validate', async () => {
    emulator = await startOpenAiCompatibleEmulator({ replies: [{ toolCalls: [{ id: 'c9', name: 'search_files', arguments: '{"query": ' }] }] });
    const res = await client().complete({ messages: [{ role: 'user', content: 'x' }], tools: [searchTool] });
    assert.deepEqual(res.toolCalls, [{ id: 'c9', name: 'search_files', arguments: '{"query": ' }]);
  });
});

describe('OpenAI-compatible client end to end with a model behind the wire protocol', () => {
  it('runs a multi-step tool-calling turn over HTTP exactly like the model in-process', async () => {
    const emulator = await startOpenAiCompatibleEmulator({ responder: modelResponder(createOfflineModel()) });
    try {
      const tools = {
        search_files: () => JSON.stringify([{ id: 'f-001', name: 'Budget 2026.xlsx' }]),
        read_file: () => JSON.stringify({ name: 'Budget 2026.xlsx', content: 'Travel is frozen until March. Hiring stays flat.' }),
      };
      const remote = createOpenAiCompatibleClient({ baseUrl: emulator.openAiBaseUrl, model: 'offline', timeoutMs: 5000, maxRetries: 0 });
      const overHttp = await runTurn(remote, 'summarise the budget file', tools);
      const inProcess = await runTurn(createOfflineModel(), 'summarise the budget file', tools);
      assert.deepEqual(overHttp.calls, inProcess.calls);
      assert.equal(overHttp.reply.content, inProcess.reply.content);
      assert.equal(emulator.requests.length, 3);
      // every request carried the system prompt as its own first message, and tool results as tool messages
      for (const r of emulator.requests) assert.equal(r.body.messages[0].role, 'system');
      assert.equal(emulator.requests[2]?.body.messages.filter((m: any) => m.role === 'tool').length, 2);
    } finally {
      await emulator.close();
    }
  });
});
