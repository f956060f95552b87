import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startAgentUnderTest, messageActivity, postActivity, type AgentUnderTest } from '../support/agent-under-test.js';

describe('host: HTTP surface (local dev mode)', () => {
  let agent: AgentUnderTest;
  before(async () => {
    agent = await startAgentUnderTest();
  });
  after(async () => {
    await agent.close();
  });

  it('answers liveness, and readiness that names each dependency it checked', async () => {
    const health = await fetch(`${agent.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    // Graph is left at its production default, which this machine cannot reach.
    const ready = await fetch(`${agent.url}/readyz`);
    const body = (await ready.json()) as { status: string; checks: Array<{ name: string; ok: boolean; error?: string }> };
    assert.equal(ready.status, 503);
    assert.equal(body.status, 'not-ready');
    assert.equal(body.checks.find((c) => c.name === 'graph')?.ok, false);
  });

  it('replies to a message in the HTTP response when expectReplies is asked for', async () => {
    const result = await postActivity(agent.url, messageActivity('hello there'));
    assert.equal(result.status, 200);
    assert.equal(result.texts.length, 1);
    assert.ok(result.texts[0]!.length > 0);
  });

  it('rejects malformed JSON with 400 and keeps serving', async () => {
    const bad = await postActivity(agent.url, '{"type": "message", ');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /not valid JSON/);
    const good = await postActivity(agent.url, messageActivity('still there?'));
    assert.equal(good.status, 200);
  });

  it('rejects a JSON body that is not an activity with 400', async () => {
    for (const body of ['[1,2,3]', '"text"', '{"text":"no type"}', 'null']) {
      const result = await postActivity(agent.url, body);
      assert.equal(result.status, 400, body);
    }
  });

  it('rejects an activity the SDK schema refuses with 400 naming the field, and still answers the next one', async () => {
    const refused = await postActivity(agent.url, messageActivity(42));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'not a valid activity: text: expected string, received number');
    const bad = await postActivity(agent.url, messageActivity('hi', { recipient: { id: 7 } }));
    assert.equal(bad.status, 400);
    assert.match(bad.body.error, /^not a valid activity: recipient\.id/);
    const next = await postActivity(agent.url, messageActivity('hello'));
    assert.equal(next.status, 200);
    assert.equal(next.texts.length, 1);
  });

  it('rejects a body over 1 MB with 413', async () => {
    const result = await postActivity(agent.url, messageActivity('x'.repeat(1024 * 1024 + 10)));
    assert.equal(result.status, 413);
  });

  it('acknowledges unknown activity types with 200 and no reply', async () => {
    const result = await postActivity(agent.url, { ...messageActivity(undefined), type: 'somethingNew' });
    assert.equal(result.status, 200);
    assert.equal(result.texts.length, 0);
  });

  it('answers empty and whitespace-only messages with a clear hint', async () => {
    for (const text of ['', '   \n\t ', undefined]) {
      const result = await postActivity(agent.url, messageActivity(text));
      assert.equal(result.status, 200);
      assert.match(result.texts[0] ?? '', /did not receive any text/);
    }
  });

  it('answers a 100 KB message with a clear length limit, not a crash', async () => {
    const result = await postActivity(agent.url, messageActivity('a'.repeat(100 * 1024)));
    assert.equal(result.status, 200);
    assert.match(result.texts[0] ?? '', /too long/);
  });

  it('answers binary-looking text with a clear message', async () => {
    const binary = Array.from({ length: 400 }, (_, i) => String.fromCharCode(i % 32)).join('');
    const result = await postActivity(agent.url, messageActivity(binary));
    assert.equal(result.status, 200);
    assert.match(result.texts[0] ?? '', /binary data/);
  });

  it('answers a burst of 200 concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => postActivity(agent.url, messageActivity(`burst ${i}`))));
    assert.equal(results.filter((r) => r.status === 200 && r.texts.length === 1).length, 200);
  });

  it('refuses to reply to a serviceUrl off the allow-list, also in local development', async () => {
    for (const serviceUrl of ['https://evil.example/', 'https://evil.trafficmanager.net/emea/', 'http://smba.trafficmanager.net/emea/']) {
      const result = await postActivity(agent.url, messageActivity('hello', { serviceUrl }));
      assert.equal(result.status, 403, serviceUrl);
      assert.equal(result.body.reason, 'serviceUrl host is not allowed');
    }
    // The local playground's own host is allowed in this mode.
    assert.equal((await postActivity(agent.url, messageActivity('hello', { serviceUrl: 'http://localhost:56150/' }))).status, 200);
  });

  it('returns 404 for unknown paths', async () => {
    const response = await fetch(`${agent.url}/admin`);
    assert.equal(response.status, 404);
  });
});

describe('host: graceful shutdown', () => {
  it('lets an in-flight turn finish, then stops accepting', async () => {
    const agent = await startAgentUnderTest();
    const body = JSON.stringify(messageActivity('finish me'));
    const { port } = new URL(agent.url);
    // Send the headers and half the body, start shutting down, then finish the body.
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 20));
      setTimeout(() => req.end(body.slice(20)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(agent.host.inFlight(), 1);
    const closing = agent.close();
    const finished = await response;
    await closing;
    assert.equal(finished.status, 200);
    assert.match(finished.text, /finish me|activities/);
    await assert.rejects(fetch(`${agent.url}/healthz`));
  });
});
