// The write tools' access to Microsoft Graph: the same user-scoped adapter the
// read tools use (src/graph/graph-client.ts: timeout, retry only where a retry
// cannot repeat an effect, GraphRequestError), always with the signed-in USER's
// token for exactly the scopes the tool declares.
import { createGraphClient, type GraphClient } from '../../graph/graph-client.js';
import { graphFailureResult } from '../graph-failure.js';
import type { ToolContext, ToolResult } from '../tool.js';

export interface GraphCallerOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (settings: GRAPH_BASE_URL). */
  baseUrl: string;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryAfterSec?: number;
  fetch?: typeof fetch;
}

export interface GraphCaller {
  /** A client for this call: the user's token for exactly these scopes, cancelled with the turn. */
  client(ctx: ToolContext, scopes: string[]): GraphClient;
}

export function createGraphCaller(options: GraphCallerOptions): GraphCaller {
  return {
    client: (ctx, scopes) =>
      createGraphClient({
        baseUrl: options.baseUrl,
        getToken: () => ctx.getUserToken(scopes),
        timeoutMs: options.timeoutMs,
        maxRetries: options.maxRetries,
        maxRetryAfterSec: options.maxRetryAfterSec,
        signal: ctx.signal,
        fetch: options.fetch,
      }),
  };
}

/**
 * Runs one write action; failures the user can act on (Graph refusals, a timeout,
 * missing consent, a failed token exchange) become a plain reply with the same audit
 * codes as the read tools. Anything else (sign-in required, bugs) propagates.
 */
export async function runAction(action: string, run: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await run();
  } catch (err) {
    const reply = graphFailureResult(`Could not ${action}`, err);
    if (reply) return reply;
    throw err;
  }
}
