// Validates the SSO token Teams hands the agent (signin/tokenExchange), before
// it is used for anything: tenant on the allow-list, signature via that
// tenant's JWKS (from its OpenID discovery), Entra v2 issuer, audience
// (api://botid-{appId} or the app id), lifetime, and the access_as_user scope.
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { rolesFromClaims, type AppRole } from './app-roles.js';
import { SsoTokenError } from './identity-errors.js';
import { JWT_CLOCK_SKEW_SECONDS, OpenIdMetadataError, sharedOpenIdKeyCache, type OpenIdKeyCache } from './openid-keys.js';
import { isTenantAllowed } from './tenant-allow-list.js';

export interface SsoValidatorOptions {
  /** e.g. https://login.microsoftonline.com (or the Entra emulator's URL). */
  authorityHost: string;
  allowedTenants: readonly string[];
  /** Accepted `aud` values, e.g. [`api://botid-${appId}`, appId]. */
  audiences: readonly string[];
  /** Delegated scope the token must carry (Teams SSO: access_as_user). */
  requiredScope: string;
  /** OpenID metadata and key cache; default: the one the inbound channel check uses too. */
  keys?: OpenIdKeyCache;
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
  /** How the user signed in (`amr`, e.g. pwd, mfa) and the authentication contexts met (`acrs`), when the token says. */
  amr: string[];
  acrs: string[];
  /** Group object ids when the app registration emits the groups claim (empty on overage: more than 200 groups). */
  groups: string[];
  /** Expiry, milliseconds since epoch. */
  expiresAt: number;
}

export interface SsoTokenValidator {
  validate(token: string): Promise<ValidatedSsoToken>;
}

const maxTokenChars = 16 * 1024;

export function createSsoTokenValidator(opts: SsoValidatorOptions): SsoTokenValidator {
  const authority = opts.authorityHost.replace(/\/+$/, '');
  const cache = opts.keys ?? sharedOpenIdKeyCache();
  // Each tenant publishes its own issuer; the signing keys are the authority's.
  const tenantKeys = async (tenantId: string) => {
    try {
      return await cache.load(`${authority}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`);
    } catch (err) {
      if (err instanceof OpenIdMetadataError) throw new SsoTokenError('discovery');
      throw err;
    }
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
        ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], issuer, audience: [...opts.audiences], clockTolerance: JWT_CLOCK_SKEW_SECONDS, requiredClaims: ['exp', 'iat', 'tid', 'oid'] }));
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
        amr: stringList(payload.amr),
        acrs: stringList(payload.acrs),
        groups: stringList(payload.groups, 200),
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

/** A claim that should be a list of short strings; anything else reads as empty. */
function stringList(value: unknown, max = 16): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length <= 64).slice(0, max) : [];
}
