// The user-scoped Graph client: retries on throttling, clear errors for the
// rest, and a download cap that holds even when the server lies about sizes.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { fileIds } from '../../emulators/graph/graph-seed.js';
import { startGraphEmulator, type GraphEmulator } from '../../emulators/graph/graph-emulator.js';
import { createGraphClient } from '../../src/graph/graph-client.js';
import { GraphRequestError } from '../../src/graph/graph-errors.js';

describe('user-scoped Graph client', () => {
  let entra: EntraEmulator;
  let graph: GraphEmulator;
  before(async () => {
    entra = await startEntraEmulator();
    graph = await startGraphEmulator({ entra });
  });
  after(async () => {
    await graph.close();
    await entra.close();
  });
  const tokenFor = (scp: string, opts = {}) => () => entra.mintToken({ aud: 'https://graph.microsoft.com', tid: demoTenantId, oid: 'a1000000-0000-4000-8000-000000000001', scp }, opts);
  const failure = (f: GraphRequestError['failure']) => (err: unknown) => err instanceof GraphRequestError && err.failure === f;

  it('retries 429 and 503 per Retry-After, then succeeds', async () => {
    graph.fault({ status: 503, retryAfterSec: 0, pathPrefix: '/me', count: 1 });
    graph.fault({ status: 429, retryAfterSec: 1, pathPrefix: '/me', count: 1 });
    const me = await createGraphClient({ baseUrl: `${graph.url}/v1.0`, getToken: tokenFor('User.Read') }).get<{ displayName: string }>('/me');
    assert.equal(me.displayName, 'Megan Bowen');
    assert.deepEqual(graph.requests().filter((r) => r.path === '/me').map((r) => r.status).slice(-3), [503, 429, 200]);
  });

  it('gives up after the retry budget with a throttled error', async () => {
    graph.fault({ status: 429, retryAfterSec: 0, pathPrefix: '/me', count: 5 });
    await assert.rejects(createGraphClient({ baseUrl: `${graph.url}/v1.0`, getToken: tokenFor('User.Read'), maxRetries: 2 }).get('/me'), failure('throttled'));
    graph.clearFaults();
  });

  it('maps 401, 403 and 404 to clear errors', async () => {
    const client = (scp: string, opts = {}) => createGraphClient({ baseUrl: `${graph.url}/v1.0`, getToken: tokenFor(scp, opts) });
    await assert.rejects(client('User.Read', { expiresInSec: -600 }).get('/me'), failure('unauthenticated'));
    await assert.rejects(client('Files.Read.All').get(`/drives/b!personal-alex/items/${fileIds.alexSalaryReview}`), (err: unknown) => failure('access-denied')(err) && (err as GraphRequestError).graphCode === 'accessDenied' && /do not have access/.test((err as Error).message));
    await assert.rejects(client('Files.Read.All').get('/drives/b!personal-megan/items/nope'), failure('not-found'));
  });

  it('reports an unreachable Graph as unavailable', async () => {
    await assert.rejects(createGraphClient({ baseUrl: 'http://127.0.0.1:9/v1.0', getToken: tokenFor('User.Read'), timeoutMs: 2000 }).get('/me'), failure('unavailable'));
  });

  it('stops downloading past the cap, also when Content-Length is absent', async () => {
    const big: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(64 * 1024, 1));
      res.end();
    });
    await new Promise<void>((r) => big.listen(0, '127.0.0.1', () => r()));
    try {
      const client = createGraphClient({ baseUrl: `http://127.0.0.1:${(big.address() as AddressInfo).port}`, getToken: async () => 't' });
      await assert.rejects(client.getBytes('/file', 1024 * 1024), failure('too-large'));
      const small = await client.getBytes('/file', 8 * 1024 * 1024);
      assert.equal(small.bytes.byteLength, 64 * 64 * 1024);
    } finally {
      big.close();
    }
  });
});
