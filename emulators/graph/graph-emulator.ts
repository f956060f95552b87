// A local stand-in for Microsoft Graph / SharePoint (dev and tests only):
// the seeded tenant's people, drives, sites, mail and calendar behind real
// token validation, plus an emulator-only API (/_emulator/*) to inspect side
// effects, seed scenario data and inject faults such as 429 throttling.
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ensureDevTls } from '../tls/dev-tls.js';
import { defaultTenants, demoTenantId, type SeedTenant } from '../entra/seed.js';
import { createGraphAuthenticator, type GraphCaller, type TokenIssuerInfo } from './graph-auth.js';
import { GraphError, graphErrors, sendGraphError } from './graph-errors.js';
import { graphRoutes } from './graph-routes.js';
import { GraphStore, type Effects } from './graph-store.js';
import { defaultGraphSeed, type GraphSeed } from './graph-seed.js';

export interface GraphFault {
  /** Only requests with this method (default any). */
  method?: string;
  /** Only requests whose path (after /v1.0) starts with this (default any). */
  pathPrefix?: string;
  /** The error status to answer with (400-599); not used with `hang`. */
  status?: number;
  /**
   * No answer at all, like a dropped connection or a crashed front end: 'before' the request is
   * processed (nothing happens), or 'after' it took effect (the caller cannot know it did).
   */
  hang?: 'before' | 'after';
  /** Seconds for the Retry-After header (429/503). */
  retryAfterSec?: number;
  /** How many matching requests fail (default 1). */
  count?: number;
}

/** A conditional access policy: requests of the user (or everyone) under the path need this authentication context. */
export interface ClaimsChallengePolicy {
  /** UPN or object id; every user when absent. */
  user?: string;
  /** Only requests whose path (after /v1.0) starts with this (default any). */
  pathPrefix?: string;
  /** Authentication context id (acrs), e.g. c1. */
  authContext: string;
}

export interface GraphRequestRecord {
  at: string;
  method: string;
  path: string;
  userOid?: string;
  scopes: string[];
  status: number;
}

export interface GraphEmulator {
  /** Base URL; the v1.0 API lives under `${url}/v1.0`. */
  readonly url: string;
  effects(): Effects;
  /** Forgets recorded side effects (between evaluator scenarios). */
  resetEffects(): void;
  seed(data: GraphSeed): { sites: string[]; files: string[]; mail: string[] };
  fault(fault: GraphFault): void;
  clearFaults(): void;
  /** Answers matching requests whose token lacks the authentication context with a claims challenge. */
  requireAuthContext(policy: ClaimsChallengePolicy): void;
  clearClaimsChallenges(): void;
  requests(): GraphRequestRecord[];
  close(): Promise<void>;
}

export interface StartGraphOptions {
  /** The Entra emulator (or anything that tells issuer and JWKS of a tenant). */
  entra: TokenIssuerInfo;
  port?: number;
  host?: string;
  tenants?: SeedTenant[];
  tenantId?: string;
  seed?: GraphSeed;
  /** Serve HTTPS with the dev certificate (default) or plain HTTP. */
  https?: boolean;
  tlsDir?: string;
}

export async function startGraphEmulator(opts: StartGraphOptions): Promise<GraphEmulator> {
  const tenantId = opts.tenantId ?? demoTenantId;
  const tenant = (opts.tenants ?? defaultTenants()).find((t) => t.id === tenantId);
  if (!tenant) throw new Error(`Tenant ${tenantId} is not in the seed.`);
  const store = new GraphStore(tenant, opts.seed ?? defaultGraphSeed());
  const authenticate = createGraphAuthenticator(opts.entra, store);
  const faults: Array<GraphFault & { remaining: number }> = [];
  const validFault = (fault: GraphFault) => !!fault && (fault.hang === 'before' || fault.hang === 'after' || (Number.isInteger(fault.status) && fault.status! >= 400 && fault.status! <= 599));
  const requests: GraphRequestRecord[] = [];
  const claimsPolicies: ClaimsChallengePolicy[] = [];
  const addClaimsPolicy = (policy: ClaimsChallengePolicy) => {
    if (!policy || typeof policy.authContext !== 'string' || !/^[A-Za-z0-9]{1,20}$/.test(policy.authContext)) throw new Error('authContext must be an authentication context id such as c1.');
    claimsPolicies.push({ user: typeof policy.user === 'string' ? policy.user : undefined, pathPrefix: typeof policy.pathPrefix === 'string' ? policy.pathPrefix : undefined, authContext: policy.authContext });
  };
  const challengeFor = (caller: GraphCaller, path: string) =>
    claimsPolicies.find(
      (p) =>
        (!p.user || [caller.oid, caller.upn].some((id) => id.toLowerCase() === p.user!.toLowerCase())) &&
        (!p.pathPrefix || path.startsWith(p.pathPrefix)) &&
        !caller.acrs.includes(p.authContext),
    );

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  // ---- emulator-only API ------------------------------------------------------
  app.get('/_emulator/effects', (_req, res) => {
    res.json(store.effects);
  });
  app.delete('/_emulator/effects', (_req, res) => {
    clearEffects(store.effects);
    res.status(204).end();
  });
  app.get('/_emulator/requests', (_req, res) => {
    res.json(requests);
  });
  app.post('/_emulator/seed', express.json({ limit: '8mb' }), (req, res) => {
    try {
      res.status(201).json(store.addSeed(req.body as GraphSeed));
    } catch (err) {
      res.status(400).json({ error: { code: 'invalidSeed', message: err instanceof Error ? err.message : 'invalid seed' } });
    }
  });
  app.post('/_emulator/faults', express.json(), (req, res) => {
    const fault = req.body as GraphFault;
    if (!validFault(fault)) {
      res.status(400).json({ error: { code: 'invalidFault', message: 'status must be an HTTP error status (400-599), or hang "before" / "after".' } });
      return;
    }
    faults.push({ ...fault, remaining: fault.count ?? 1 });
    res.status(201).json({ queued: faults.length });
  });
  app.delete('/_emulator/faults', (_req, res) => {
    faults.length = 0;
    res.status(204).end();
  });
  app.post('/_emulator/claims-challenges', express.json(), (req, res) => {
    try {
      addClaimsPolicy(req.body as ClaimsChallengePolicy);
      res.status(201).json({ policies: claimsPolicies.length });
    } catch (err) {
      res.status(400).json({ error: { code: 'invalidPolicy', message: err instanceof Error ? err.message : 'invalid policy' } });
    }
  });
  app.delete('/_emulator/claims-challenges', (_req, res) => {
    claimsPolicies.length = 0;
    res.status(204).end();
  });

  // ---- Graph v1.0 -------------------------------------------------------------
  app.use('/v1.0', (req: Request, res: Response, next: NextFunction) => {
    const record: GraphRequestRecord = { at: new Date().toISOString(), method: req.method, path: req.path, scopes: [], status: 0 };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const fault = faults.find((f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === req.method) && (!f.pathPrefix || req.path.startsWith(f.pathPrefix)));
    let hangAfter = false;
    if (fault) {
      fault.remaining--;
      if (fault.remaining === 0) faults.splice(faults.indexOf(fault), 1);
      if (fault.hang === 'before') return; // never answered; the client's timeout ends it
      hangAfter = fault.hang === 'after';
    }
    if (hangAfter) {
      // The route runs (its effect happens), its answer is swallowed.
      res.writeHead = (() => res) as unknown as typeof res.writeHead;
      res.end = (() => res) as unknown as typeof res.end;
    } else if (fault) {
      const status = fault.status ?? 500;
      const err = status === 429 ? graphErrors.throttled(fault.retryAfterSec ?? 1) : new GraphError(status, status === 503 ? 'serviceNotAvailable' : 'generalException', 'Injected fault.', fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : {});
      sendGraphError(res, err, req.get('client-request-id'));
      return;
    }
    authenticate(req.get('authorization'))
      .then((caller) => {
        record.userOid = caller.oid;
        record.scopes = [...caller.scopes];
        const challenge = challengeFor(caller, req.path);
        if (challenge) throw graphErrors.claimsChallenge(challenge.authContext);
        res.locals.caller = caller;
        next();
      })
      .catch(next);
  });
  app.use('/v1.0', graphRoutes(store));
  app.use('/v1.0', (req, _res, next) => next(graphErrors.badRequest(`Resource not found for the segment '${req.path.split('/')[1] ?? ''}'.`)));
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof GraphError) return sendGraphError(res, err, req.get('client-request-id'));
    const status = (err as { status?: number }).status;
    if (status === 400 || status === 413) return sendGraphError(res, new GraphError(status, status === 413 ? 'requestTooLarge' : 'BadRequest', status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.'));
    sendGraphError(res, new GraphError(500, 'generalException', 'An unexpected error occurred in the Graph emulator.'));
  });

  const useHttps = opts.https ?? true;
  const server: Server = useHttps ? (createHttpsServer(tlsOptions(opts.tlsDir), app) as unknown as Server) : (await import('node:http')).createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${useHttps ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    url,
    effects: () => structuredClone(store.effects),
    resetEffects: () => clearEffects(store.effects),
    seed: (data) => store.addSeed(data),
    fault: (fault) => {
      if (!validFault(fault)) throw new Error('status must be an HTTP error status (400-599), or hang "before" / "after".');
      faults.push({ ...fault, remaining: fault.count ?? 1 });
    },
    clearFaults: () => {
      faults.length = 0;
    },
    requireAuthContext: addClaimsPolicy,
    clearClaimsChallenges: () => {
      claimsPolicies.length = 0;
    },
    requests: () => requests.map((r) => ({ ...r, scopes: [...r.scopes] })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function clearEffects(effects: Effects): void {
  for (const list of Object.values(effects) as unknown[][]) list.length = 0;
}

function tlsOptions(dir?: string) {
  const tls = ensureDevTls(dir);
  return { cert: tls.certPem, key: tls.keyPem };
}
