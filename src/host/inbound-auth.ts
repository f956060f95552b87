// Verifies the JWT that Azure Bot Service / Teams puts on every POST to /api/messages,
// as the Bot Framework authentication protocol requires: signature against the keys
// published in the OpenID metadata, issuer, audience (the bot's app id), lifetime,
// and the tenant of both token and activity against the allow-list.
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { HostSettings } from './host-settings.js';

export class InboundAuthError extends Error {
  constructor(readonly reason: string) {
    super(`Unauthorized: ${reason}`);
    this.name = 'InboundAuthError';
  }
}

export interface InboundTokenVerifier {
  /** Returns the verified claims or throws InboundAuthError (never leaks the token). */
  verify(authorization: string | undefined): Promise<JWTPayload>;
}

// Bot Framework allows five minutes of clock skew between services.
const CLOCK_TOLERANCE_SECONDS = 300;
const METADATA_TTL_MS = 24 * 60 * 60 * 1000;
// An unknown key id triggers a JWKS refetch at most this often (keys rotate; forged kids must not cause a fetch storm).
export const KEY_REFRESH_COOLDOWN_MS = 5_000;

interface KeySource {
  metadataUrl: string;
  jwks?: JWTVerifyGetKey;
  loadedAt?: number;
}

export function createInboundTokenVerifier(auth: HostSettings['auth']): InboundTokenVerifier {
  const sources: KeySource[] = auth.openIdMetadataUrls.map((metadataUrl) => ({ metadataUrl }));
  const issuers = auth.issuers;

  async function jwksFor(source: KeySource): Promise<JWTVerifyGetKey> {
    if (source.jwks && source.loadedAt && Date.now() - source.loadedAt < METADATA_TTL_MS) return source.jwks;
    const response = await fetch(source.metadataUrl, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`OpenID metadata ${source.metadataUrl} answered ${response.status}`);
    const metadata = (await response.json()) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error(`OpenID metadata ${source.metadataUrl} has no jwks_uri`);
    source.jwks = createRemoteJWKSet(new URL(metadata.jwks_uri), { timeoutDuration: 10_000, cooldownDuration: KEY_REFRESH_COOLDOWN_MS });
    source.loadedAt = Date.now();
    return source.jwks;
  }

  // Tries each configured key set; a key id unknown to one set may belong to the next.
  const resolveKey: JWTVerifyGetKey = async (header, token) => {
    let lastError: unknown;
    for (const source of sources) {
      try {
        const jwks = await jwksFor(source);
        return await jwks(header, token);
      } catch (err) {
        lastError = err;
      }
    }
    if (lastError instanceof joseErrors.JWKSNoMatchingKey) throw new InboundAuthError('signing key not found in any trusted key set');
    throw new InboundAuthError('signing keys could not be loaded');
  };

  return {
    async verify(authorization) {
      if (!authorization) throw new InboundAuthError('missing Authorization header');
      const match = /^Bearer ([A-Za-z0-9_.-]{16,16384})$/.exec(authorization.trim());
      if (!match?.[1]) throw new InboundAuthError('Authorization header is not a bearer token');
      const token = match[1];
      try {
        decodeProtectedHeader(token);
      } catch {
        throw new InboundAuthError('token is not a JWT');
      }
      try {
        const { payload } = await jwtVerify(token, resolveKey, {
          issuer: issuers,
          audience: auth.appId,
          algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp'],
        });
        const tokenTenant = typeof payload.tid === 'string' ? payload.tid : undefined;
        if (tokenTenant && !auth.allowedTenants.includes(tokenTenant)) throw new InboundAuthError('token tenant is not allowed');
        return payload;
      } catch (err) {
        if (err instanceof InboundAuthError) throw err;
        throw new InboundAuthError(describeJoseError(err));
      }
    },
  };
}

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `claim '${err.claim}' is not valid`;
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature is not valid';
  if (err instanceof joseErrors.JOSEError) return `token rejected (${err.code})`;
  return 'token could not be verified';
}

/** The tenant an activity claims to come from (Teams puts it in channelData). */
export function activityTenantId(activity: Record<string, unknown>): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const conversation = activity.conversation as { tenantId?: unknown } | undefined;
  const fromChannel = channelData?.tenant?.id;
  if (typeof fromChannel === 'string' && fromChannel) return fromChannel;
  if (typeof conversation?.tenantId === 'string' && conversation.tenantId) return conversation.tenantId;
  return undefined;
}
