// The HTTP face of the agent: POST /api/messages (authenticated), GET /healthz
// (the process is alive) and GET /readyz (its dependencies answer), with body
// limits, clear client errors and a graceful shutdown that lets turns finish.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { JWTPayload } from 'jose';
import { createLogger } from '../logging/logger.js';
import type { HostSettings } from './host-settings.js';
import { checkActivity, schemaRejection } from './activity-validation.js';
import { checkCaller, checkServiceUrl, type ChannelBindingPolicy } from './channel-binding.js';
import { activityTenantId, createInboundTokenVerifier, InboundAuthError } from './inbound-auth.js';
import { createServiceUrlAllowList } from './service-url-allow-list.js';

const log = createLogger('host');

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface HostDeps {
  settings: HostSettings;
  adapter: CloudAdapter;
  handleTurn(context: TurnContext): Promise<void>;
  readiness: ReadinessCheck[];
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  inFlight(): number;
  /** Stops accepting requests, waits for in-flight turns (up to the grace period), then closes. */
  close(): Promise<void>;
}

export async function startHost(deps: HostDeps): Promise<RunningHost> {
  const { settings } = deps;
  const verifier = settings.authMode === 'entra' ? createInboundTokenVerifier(settings.auth) : undefined;
  const binding: ChannelBindingPolicy = { allowedCallerAppIds: settings.auth.allowedCallerAppIds, serviceUrls: createServiceUrlAllowList(settings.serviceUrlHosts) };
  const parseJson = express.json({ limit: settings.maxBodyBytes, strict: true, type: () => true });
  const claimsOf = (req: Request) => (req as Request & { user?: JWTPayload }).user;
  const forbid = (res: Response, reason: string) => {
    log.warn('inbound request forbidden', { reason });
    res.status(403).json({ error: 'forbidden', reason });
  };
  let inFlight = 0;
  let draining = false;
  const drained: Array<() => void> = [];
  // One per host, not a closure per request: under tsx (keepNames) a named one costs a defineProperty each time.
  const endFlight = (request: { counted: boolean }) => {
    if (!request.counted) return;
    request.counted = false;
    inFlight--;
    if (inFlight === 0) drained.splice(0).forEach((resolve) => resolve());
  };

  const app = express();
  app.disable('x-powered-by');
  // No ETag on the replies (a hash of each body): no client revalidates a POST's answer.
  app.set('etag', false);
  app.set('trust proxy', false);

  app.get('/healthz', (_req, res) => {
    res.json({ status: draining ? 'draining' : 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.readiness.map(async (r) => {
        try {
          await withTimeout(r.check(), 5000);
          return { name: r.name, ok: true };
        } catch (err) {
          return { name: r.name, ok: false, error: err instanceof Error ? err.message : 'unreachable' };
        }
      }),
    );
    const ready = !draining && results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
  });

  app.post(
    '/api/messages',
    (req, res, next) => {
      if (draining) {
        res.status(503).set('Retry-After', '5').json({ error: 'shutting down' });
        return;
      }
      inFlight++;
      const request = { counted: true };
      res.on('finish', () => endFlight(request));
      res.on('close', () => endFlight(request));
      next();
    },
    async (req, res, next) => {
      if (!verifier) return next();
      try {
        (req as Request & { user?: JWTPayload }).user = await verifier.verify(req.headers.authorization);
      } catch (err) {
        const reason = err instanceof InboundAuthError ? err.reason : 'token could not be verified';
        log.warn('inbound request rejected', { reason, ip: req.ip });
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
        return;
      }
      const caller = checkCaller(claimsOf(req)!, binding);
      if (!caller.ok) return forbid(res, caller.reason);
      next();
    },
    (req, res, next) => {
      parseJson(req, res, (err?: unknown) => {
        if (!err) return next();
        if (Number((err as { status?: unknown }).status) >= 500) return next(err);
        // Body errors are the caller's: their 4xx status, a short reason, a warning without a stack.
        const { status, reason } = bodyError(err, settings.maxBodyBytes);
        log.warn('request body rejected', { status, reason });
        res.status(status).json({ error: reason });
      });
    },
    (req, res, next) => {
      const body = req.body as unknown;
      if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
        log.warn('activity rejected', { reason: 'not an activity' });
        res.status(400).json({ error: 'the body must be a Bot Framework activity (a JSON object with a string "type")' });
        return;
      }
      const shape = checkActivity(body as Record<string, unknown>);
      if (!shape.ok) {
        log.warn('activity rejected', { reason: shape.reason });
        res.status(400).json({ error: `not a valid activity: ${shape.reason}` });
        return;
      }
      if (verifier) {
        const tenant = activityTenantId(body as Record<string, unknown>);
        if (!tenant || !settings.auth.allowedTenants.includes(tenant)) {
          log.warn('activity from a tenant that is not allowed', { tenantPresent: Boolean(tenant) });
          res.status(403).json({ error: 'tenant not allowed' });
          return;
        }
      }
      // Before the adapter asks Entra for the bot's token to reply with.
      const reply = checkServiceUrl((body as { serviceUrl?: unknown }).serviceUrl, claimsOf(req), binding);
      if (!reply.ok) return forbid(res, reply.reason);
      next();
    },
    async (req, res, next) => {
      let turnStarted = false;
      try {
        await deps.adapter.process(req, res, (context) => {
          turnStarted = true;
          return deps.handleTurn(context);
        });
      } catch (err) {
        // The adapter parses the body with the activity schema before any turn starts: its rejection is the caller's 400.
        const reason = turnStarted || res.headersSent ? undefined : schemaRejection(err);
        if (reason === undefined) return next(err);
        log.warn('activity rejected', { reason });
        res.status(400).json({ error: `not a valid activity: ${reason}` });
      }
    },
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  // Errors that reach here are ours: 500, no stack on the wire, a correlation id in the log.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    const correlationId = randomUUID();
    log.error('request failed', { correlationId, error: err });
    res.status(500).json({ error: 'internal error', correlationId });
  });

  const server: Server = app.listen(settings.port, settings.host);
  await once(server, 'listening');
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  const shownHost = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;
  log.info('listening', { url, authMode: settings.authMode });

  return {
    url,
    port,
    inFlight: () => inFlight,
    async close() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => drained.push(resolve)), delay(settings.shutdownGraceMs)]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The body parser's errors as a status and a fixed reason (never the parser's message, which may quote the body). */
function bodyError(err: unknown, maxBodyBytes: number): { status: number; reason: string } {
  switch ((err as { type?: unknown } | undefined)?.type) {
    case 'entity.too.large':
      return { status: 413, reason: `request body exceeds ${maxBodyBytes} bytes` };
    case 'entity.parse.failed':
      return { status: 400, reason: 'request body is not valid JSON' };
    case 'encoding.unsupported':
      return { status: 415, reason: 'unsupported content encoding (use identity, gzip, deflate or br)' };
    case 'charset.unsupported':
      return { status: 415, reason: 'unsupported charset (use utf-8)' };
    case 'request.aborted':
      return { status: 400, reason: 'request aborted' };
    default:
      // e.g. a corrupt gzip or deflate stream, a length that does not match the body.
      return { status: 400, reason: 'request body could not be read' };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
