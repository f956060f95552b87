// Calls Microsoft Graph for the write tools with the Microsoft Graph SDK, always
// with the signed-in USER's token for exactly the scopes the tool declares. The
// base URL is configurable so the same code talks to Graph or the local emulator.
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { claimsFromChallenge } from '../../identity/claims-challenge.js';
import { ClaimsChallengeError, ConsentRequiredError, OboExchangeError } from '../../identity/identity-errors.js';
import type { ToolContext, ToolResult } from '../tool.js';

export interface GraphCallerOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (settings: GRAPH_BASE_URL). */
  baseUrl: string;
}

export type GraphMethod = 'GET' | 'POST' | 'DELETE' | 'PATCH';

export interface GraphCaller {
  call<T = unknown>(ctx: ToolContext, scopes: string[], method: GraphMethod, path: string, body?: unknown): Promise<T>;
}

/** A refusal from Graph the user can act on (not found, access denied, bad request). */
export class GraphRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`Graph refused the request (${status}${code ? ` ${code}` : ''})`);
    this.name = 'GraphRefusal';
  }
}

const USER_FIXABLE = new Set([400, 403, 404, 409, 412, 413, 422, 423, 429]);

export function createGraphCaller(options: GraphCallerOptions): GraphCaller {
  const url = new URL(options.baseUrl);
  // The SDK joins baseUrl + version + path; split a trailing /v1.0 or /beta off the configured URL.
  const match = /^(.*?)\/(v1\.0|beta)\/?$/.exec(url.pathname);
  const defaultVersion = match?.[2] ?? 'v1.0';
  const basePath = match ? match[1] : url.pathname.replace(/\/+$/, '');
  const baseUrl = `${url.origin}${basePath}/`;
  // The SDK only attaches the token to Graph hosts and hosts listed here (e.g. a sovereign cloud or the emulator).
  const customHosts = new Set([url.hostname]);

  return {
    async call<T>(ctx: ToolContext, scopes: string[], method: GraphMethod, path: string, body?: unknown): Promise<T> {
      const token = await ctx.getUserToken(scopes);
      const client = Client.init({
        baseUrl,
        defaultVersion,
        customHosts,
        authProvider: (done) => done(null, token),
      });
      let request = client.api(path);
      if (ctx.signal) request = request.option('signal', ctx.signal);
      try {
        switch (method) {
          case 'GET':
            return (await request.get()) as T;
          case 'POST':
            return (await request.post(body ?? {})) as T;
          case 'PATCH':
            return (await request.patch(body ?? {})) as T;
          case 'DELETE':
            return (await request.delete()) as T;
        }
      } catch (err) {
        const claims = err instanceof GraphError && err.statusCode === 401 ? claimsFromChallenge(err.headers?.get('www-authenticate')) : undefined;
        if (claims) throw new ClaimsChallengeError(claims);
        if (err instanceof GraphError && USER_FIXABLE.has(err.statusCode)) throw new GraphRefusal(err.statusCode, err.code ?? undefined);
        throw err;
      }
    },
  };
}

/** Short text for the model about a refusal, built from the status only (the server's message is not echoed). */
export function describeRefusal(action: string, err: GraphRefusal): string {
  const why: Record<number, string> = {
    400: 'the request was not accepted',
    403: 'you do not have permission',
    404: 'the item was not found',
    409: 'it conflicts with the current state',
    423: 'the item is locked',
    429: 'the service is busy; try again shortly',
  };
  return `Could not ${action}: ${why[err.status] ?? `the service refused it (status ${err.status})`}.`;
}

/**
 * Runs one write action; failures the user can act on (Graph refusals, missing
 * consent, a failed token exchange) become a plain reply of ours. Anything else
 * (sign-in required, Graph unreachable) propagates to the pipeline.
 */
export async function runAction(action: string, run: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GraphRefusal) return { content: describeRefusal(action, err), untrusted: false, data: { error: 'graph_refused', status: err.status } };
    if (err instanceof ConsentRequiredError || err instanceof OboExchangeError) return { content: `Could not ${action}: ${err.message}`, untrusted: false, data: { error: err.name } };
    throw err;
  }
}
