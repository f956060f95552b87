// The ingestion collector speaks the track protocol: JSON array or
// newline-delimited envelopes, plain or gzip, partial success with per-item
// errors, and switchable 429 / 503 answers for retry tests.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { startIngestionCollector, type RunningCollector } from '../../emulators/app-insights/ingestion-collector.js';

const envelope = (name: string) => ({ name: 'Microsoft.ApplicationInsights.Event', time: new Date().toISOString(), iKey: 'k', tags: { 'ai.operation.id': 'op' }, data: { baseType: 'EventData', baseData: { ver: 2, name, properties: {} } } });

describe('emulator: Application Insights ingestion collector', () => {
  let collector: RunningCollector;
  before(async () => {
    collector = await startIngestionCollector();
  });
  after(async () => collector?.close());
  const track = (body: Buffer | string, headers: Record<string, string> = {}) => fetch(`${collector.url}/v2.1/track`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

  it('accepts a JSON array, plain or gzip, and newline-delimited envelopes', async () => {
    assert.equal((await track(JSON.stringify([envelope('a')]))).status, 200);
    assert.equal((await track(gzipSync(JSON.stringify([envelope('b')])), { 'content-encoding': 'gzip' })).status, 200);
    const ndjson = [envelope('c'), envelope('d')].map((e) => JSON.stringify(e)).join('\n');
    const res = await track(ndjson);
    assert.deepEqual(await res.json(), { itemsReceived: 2, itemsAccepted: 2, errors: [] });
    assert.deepEqual(collector.events('a').length + collector.events('b').length + collector.events('c').length + collector.events('d').length, 4);
  });

  it('answers partial success with the index of each rejected envelope', async () => {
    const res = await track(JSON.stringify([envelope('ok'), { name: 'x' }]));
    assert.equal(res.status, 206);
    const body = (await res.json()) as { itemsReceived: number; itemsAccepted: number; errors: Array<{ index: number; statusCode: number }> };
    assert.equal(body.itemsAccepted, 1);
    assert.deepEqual(body.errors.map((e) => [e.index, e.statusCode]), [[1, 400]]);
  });

  it('throttles or fails the next requests when told, then recovers', async () => {
    collector.setFault({ status: 429, count: 1, retryAfterSeconds: 2 });
    const throttled = await track(JSON.stringify([envelope('t')]));
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '2');
    collector.setFault({ status: 503 });
    assert.equal((await track(JSON.stringify([envelope('t')]))).status, 503);
    collector.setFault(undefined);
    assert.equal((await track(JSON.stringify([envelope('t')]))).status, 200);
    assert.equal(collector.events('t').length, 1);
  });
});
