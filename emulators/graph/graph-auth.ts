// Validates the bearer token on every Graph call like Graph does: signature
// from the Entra tenant's JWKS, issuer, audience, lifetime; then exposes the
// caller's identity and delegated scopes to the routes.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { GraphError, graphErrors } from './graph-errors.js';
import type { GraphStore } from './graph-store.js';

export const graphAudiences = ['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000'];

export interface GraphCaller {
  oid: string;
  upn: string;
  /** Delegated scopes (lower-cased); empty for app-only tokens. */
  scopes: Set<string>;
  appOnly: boolean;
  roles: string[];
  /** Authentication contexts the token carries (conditional access). */
  acrs: string[];
}

export interface TokenIssuerInfo {
  issuer(tenantId: string): string;
  jwksUri(tenantId: string): string;
}

export function createGraphAuthenticator(entra: TokenIssuerInfo, store: GraphStore) {
  const tenantId = store.tenant.id;
  const keySet = createRemoteJWKSet(new URL(entra.jwksUri(tenantId)), { cooldownDuration: 0 });

  return async function authenticate(authorization: string | undefined): Promise<GraphCaller> {
    if (!authorization || !/^Bearer /i.test(authorization)) throw graphErrors.unauthenticated('Access token is empty.');
    const token = authorization.slice(7).trim();
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keySet, { algorithms: ['RS256'], issuer: entra.issuer(tenantId), audience: graphAudiences }));
    } catch (err) {
      throw graphErrors.unauthenticated(describeJoseError(err));
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    const acrs = Array.isArray(payload.acrs) ? payload.acrs.map(String) : [];
    const scp = typeof payload.scp === 'string' ? payload.scp : '';
    if (!scp) {
      if (payload.idtyp === 'app' || roles.length > 0) return { oid: String(payload.oid ?? ''), upn: '', scopes: new Set(), appOnly: true, roles, acrs };
      throw graphErrors.unauthenticated('Either scp or roles claim need to be present in the token.');
    }
    const user = store.user(String(payload.oid ?? ''));
    if (!user) throw graphErrors.unauthenticated('Access token validation failure: the user does not exist in this tenant.');
    return { oid: user.oid, upn: user.upn, scopes: new Set(scp.split(' ').filter(Boolean).map((s) => s.toLowerCase())), appOnly: false, roles, acrs };
  };
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'Invalid audience.';
    if (err.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
    if (err.claim === 'nbf') return 'Lifetime validation failed, the token is not yet valid.';
    return `Access token validation failure: ${err.claim} claim is invalid.`;
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWSSignatureVerificationFailed) return 'Access token validation failure. Invalid signature.';
  if (err instanceof GraphError) return err.message;
  return 'CompactToken parsing failed with error code: 80049217';
}

/** Throws 403 unless the caller holds one of the delegated scopes. App-only callers never pass: no app permissions are granted to the agent. */
export function requireScope(caller: GraphCaller, anyOf: string[]): void {
  if (caller.appOnly) {
    if (anyOf.some((s) => caller.roles.map((r) => r.toLowerCase()).includes(s.toLowerCase()))) return;
    throw graphErrors.accessDenied('This operation requires a delegated (user) token; the app has no application permission for it.');
  }
  if (!anyOf.some((s) => caller.scopes.has(s.toLowerCase()))) throw graphErrors.missingScope(anyOf);
}
