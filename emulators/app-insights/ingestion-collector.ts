// Local stand-in for Application Insights ingestion (dev and tests only, never
// shipped). Accepts the track payload the SDK sends to `<IngestionEndpoint>/v2.1/track`
// (also /v2/track): a JSON array of envelopes or newline-delimited envelopes,
// plain or gzip; validates each envelope (name, time, iKey, data.baseType,
// data.baseData) and answers like the service, with partial success (206 and
// per-item errors). Faults (429 / 503 / 500 for the next N requests, or until
// cleared) test the SDK's retry and disk buffering. Serves HTTPS with the dev
// CA, because the SDK rewrites an http IngestionEndpoint to https.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { ensureDevTls } from '../tls/dev-tls.js';

export interface Envelope {
  name: string;
  time: string;
  iKey: string;
  tags?: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> & { name?: string; properties?: Record<string, string> } };
}

export interface CollectorFault {
  status: 429 | 500 | 503;
  /** Requests the fault applies to, then it clears; omit for every request until cleared. */
  count?: number;
  retryAfterSeconds?: number;
}

export interface RunningCollector {
  /** Connection string for the SDK: InstrumentationKey + IngestionEndpoint pointing here. */
  connectionString: string;
  url: string;
  instrumentationKey: string;
  /** Accepted envelopes, oldest first. */
  envelopes: Envelope[];
  /** Raw request bodies as received (compressed or not), for byte-level checks. */
  rawBodies: Buffer[];
  /** Requests answered with a fault. */
  refused: number;
  setFault(fault: CollectorFault | undefined): void;
  /** Custom events with this name (e.g. AgentTurn). */
  events(name: string): Envelope[];
  waitFor(predicate: (all: Envelope[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const maxBodyBytes = 16 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseEnvelopes(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
}

/** Why the service would reject this envelope, or undefined when it is well formed. */
function envelopeProblem(e: unknown): string | undefined {
  const env = e as Partial<Envelope> | null;
  if (!env || typeof env !== 'object') return 'not an object';
  if (typeof env.name !== 'string' || env.name === '') return 'Field \'name\' on type \'Envelope\' is required but missing or empty.';
  if (typeof env.time !== 'string' || Number.isNaN(Date.parse(env.time))) return 'Field \'time\' on type \'Envelope\' is required but missing or empty.';
  if (typeof env.iKey !== 'string' || env.iKey === '') return 'Field \'iKey\' on type \'Envelope\' is required but missing or empty.';
  if (!env.data || typeof env.data.baseType !== 'string' || typeof env.data.baseData !== 'object') return 'Field \'data\' on type \'Envelope\' is required but missing or empty.';
  return undefined;
}

export async function startIngestionCollector(options: { port?: number; instrumentationKey?: string } = {}): Promise<RunningCollector> {
  const tls = ensureDevTls();
  const instrumentationKey = options.instrumentationKey ?? '00000000-0000-4000-8000-0000000000a1';
  const envelopes: Envelope[] = [];
  const rawBodies: Buffer[] = [];
  let fault: CollectorFault | undefined;
  let refused = 0;
  const waiters = new Set<() => void>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/events') {
      // For `npm run dev`: the newest envelopes, type and name only plus the AgentTurn outcome.
      return send(res, 200, envelopes.slice(-20).map((e) => ({ time: e.time, type: e.data.baseType, name: e.data.baseData.name, operationId: e.tags?.['ai.operation.id'], outcome: e.data.baseData.properties?.outcome })));
    }
    if (req.method !== 'POST' || (path !== '/v2.1/track' && path !== '/v2/track')) return send(res, 404, { error: 'not found' });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 413, { itemsReceived: 0, itemsAccepted: 0, errors: [] });
    }
    rawBodies.push(body);
    if (fault) {
      refused++;
      const current = fault;
      if (current.count !== undefined && --current.count <= 0) fault = undefined;
      return send(res, current.status, { itemsReceived: 0, itemsAccepted: 0, errors: [{ index: 0, statusCode: current.status, message: 'emulated fault' }] }, current.retryAfterSeconds ? { 'retry-after': String(current.retryAfterSeconds) } : {});
    }
    let items: unknown[];
    try {
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      items = parseEnvelopes(text);
    } catch {
      return send(res, 400, { itemsReceived: 0, itemsAccepted: 0, errors: [{ index: 0, statusCode: 400, message: 'Invalid JSON or encoding' }] });
    }
    const errors: Array<{ index: number; statusCode: number; message: string }> = [];
    items.forEach((item, index) => {
      const problem = envelopeProblem(item);
      if (problem) errors.push({ index, statusCode: 400, message: problem });
      else envelopes.push(item as Envelope);
    });
    for (const wake of [...waiters]) wake();
    const accepted = items.length - errors.length;
    send(res, errors.length === 0 ? 200 : accepted > 0 ? 206 : 400, { itemsReceived: items.length, itemsAccepted: accepted, errors });
  };

  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    handle(req, res).catch(() => send(res, 500, { itemsReceived: 0, itemsAccepted: 0, errors: [] }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    connectionString: `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${url}/;LiveEndpoint=${url}/`,
    url,
    instrumentationKey,
    envelopes,
    rawBodies,
    get refused() {
      return refused;
    },
    setFault(next) {
      fault = next ? { ...next } : undefined;
    },
    events: (name) => envelopes.filter((e) => e.data.baseType === 'EventData' && e.data.baseData.name === name),
    waitFor(predicate, timeoutMs = 30_000) {
      if (predicate(envelopes)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`collector: condition not met within ${timeoutMs} ms (${envelopes.length} envelopes)`));
        }, timeoutMs);
        const check = () => {
          if (!predicate(envelopes)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
