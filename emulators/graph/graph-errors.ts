// Microsoft Graph error responses: { error: { code, message, innerError } }.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendGraphError(res: Response, err: GraphError, clientRequestId?: string): void {
  const requestId = randomUUID();
  res.status(err.status).set({ 'request-id': requestId, ...err.headers });
  res.json({
    error: {
      code: err.code,
      message: err.message,
      innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId },
    },
  });
}

export const graphErrors = {
  unauthenticated: (message: string) => new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"' }),
  /** Conditional access: the token lacks an authentication context the resource requires (Entra's claims challenge format). */
  claimsChallenge: (authContext: string) => {
    const claims = Buffer.from(JSON.stringify({ access_token: { acrs: { essential: true, value: authContext } } })).toString('base64');
    return new GraphError(401, 'InvalidAuthenticationToken', `The access token does not satisfy the conditional access policy of this resource (authentication context ${authContext}).`, {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${claims}"`,
    });
  },
  accessDenied: (message = 'Access denied. You do not have permission to perform this action or access this resource.') => new GraphError(403, 'accessDenied', message),
  missingScope: (anyOf: string[]) => new GraphError(403, 'accessDenied', `Insufficient privileges to complete the operation. Requires one of these delegated permissions: ${anyOf.join(', ')}.`),
  itemNotFound: (what = 'The resource could not be found.') => new GraphError(404, 'itemNotFound', what),
  resourceNotFound: (what: string) => new GraphError(404, 'Request_ResourceNotFound', what),
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  invalidRequest: (message: string) => new GraphError(400, 'invalidRequest', message),
  throttled: (retryAfterSec: number) => new GraphError(429, 'TooManyRequests', 'Too many requests. Retry after the time in the Retry-After header.', { 'Retry-After': String(retryAfterSec) }),
};
