// Validates the SSO token Teams hands the agent (signin/tokenExchange), before
// it is used for anything: tenant on the allow-list, signature via that
// tenant's JWKS (from its OpenID discovery), Entra v2 issuer, audience
// (api://botid-{appId} or the app id), lifetime, and the access_as_user scope.
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { rolesFromClaims, type AppRole } from './app-roles.js';
import { SsoTokenError } from './identity-errors.js';
import { isTenantAllowed } from './tenant-allow-list.js';

export interface SsoValidatorOptions {
  /** e.g. https://login.microsoftonline.com (or the Entra emulator's URL). */
  authorityHost: string;
  allowedTenants: readonly string[];
  /** Accepted `aud` values, e.g. [`api://botid-${appId}`, appId]. */
  audiences: readonly string[];
  /** Delegated scope the token must carry (Teams SSO: access_as_user). */
  requiredScope: string;
  clockToleranceSec?: number;
  /** How long a tenant's discovery document is reused. */
  discoveryTtlMs?: number;
  /** Minimum time between two JWKS downloads (an unknown kid triggers one). Default 30 s. */
  jwksCooldownMs?: number;
  fetch?: typeof fetch;
}

export interface ValidatedSsoToken {
  /** The raw token, needed as the user assertion for on-behalf-of. Never log it. */
  token: string;
  tenantId: string;
  oid: string;
  upn?: string;
  name?: string;
  scopes: string[];
  roles: AppRole[];
  /** Expiry, milliseconds since epoch. */
  expiresAt: number;
}

export interface SsoTokenValidator {
  validate(token: string): Promise<ValidatedSsoToken>;
}

interface TenantKeys {
  issuer: string;
  keys: ReturnType<typeof createRemoteJWKSet>;
  fetchedAt: number;
}

const maxTokenChars = 16 * 1024;

export function createSsoTokenValidator(opts: SsoValidatorOptions): SsoTokenValidator {
  const authority = opts.authorityHost.replace(/\/+$/, '');
  const ttl = opts.discoveryTtlMs ?? 24 * 60 * 60 * 1000;
  const doFetch = opts.fetch ?? fetch;
  const cache = new Map<string, Promise<TenantKeys>>();

  const tenantKeys = (tenantId: string): Promise<TenantKeys> => {
    const cached = cache.get(tenantId);
    if (cached) return cached.then((k) => (Date.now() - k.fetchedAt < ttl ? k : refresh(tenantId)));
    return refresh(tenantId);
  };
  const refresh = (tenantId: string): Promise<TenantKeys> => {
    const pending = (async () => {
      const res = await doFetch(`${authority}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new SsoTokenError('discovery');
      const doc = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (typeof doc.issuer !== 'string' || typeof doc.jwks_uri !== 'string') throw new SsoTokenError('discovery');
      // jose refetches the JWKS when it meets an unknown kid, which covers key rotation.
      return { issuer: doc.issuer, keys: createRemoteJWKSet(new URL(doc.jwks_uri), { cooldownDuration: opts.jwksCooldownMs ?? 30_000 }), fetchedAt: Date.now() };
    })();
    cache.set(tenantId, pending);
    pending.catch(() => cache.delete(tenantId));
    return pending;
  };

  return {
    async validate(token: string): Promise<ValidatedSsoToken> {
      if (typeof token !== 'string' || token.length === 0 || token.length > maxTokenChars) throw new SsoTokenError('malformed');
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch {
        throw new SsoTokenError('malformed');
      }
      // Check the tenant before any network call: tokens from other tenants never cause a discovery fetch.
      const tid = typeof unverified.tid === 'string' ? unverified.tid : undefined;
      if (!tid || !/^[0-9a-fA-F-]{36}$/.test(tid) || !isTenantAllowed(tid, opts.allowedTenants)) throw new SsoTokenError('tenant');
      const { issuer, keys } = await tenantKeys(tid.toLowerCase());
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], issuer, audience: [...opts.audiences], clockTolerance: opts.clockToleranceSec ?? 60, requiredClaims: ['exp', 'iat', 'tid', 'oid'] }));
      } catch (err) {
        throw new SsoTokenError(reasonOf(err));
      }
      if (payload.ver !== '2.0') throw new SsoTokenError('version');
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
      if (!scopes.includes(opts.requiredScope)) throw new SsoTokenError('scope');
      return {
        token,
        tenantId: String(payload.tid),
        oid: String(payload.oid),
        upn: typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined,
        name: typeof payload.name === 'string' ? payload.name : undefined,
        scopes,
        roles: rolesFromClaims({ roles: payload.roles }),
        expiresAt: Number(payload.exp) * 1000,
      };
    },
  };
}

function reasonOf(err: unknown): SsoTokenError['reason'] {
  if (err instanceof SsoTokenError) return err.reason;
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'nbf') return 'not-yet-valid';
    return 'malformed';
  }
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWSSignatureVerificationFailed || err instanceof joseErrors.JOSEAlgNotAllowed) return 'signature';
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) return 'discovery';
  return 'malformed';
}
