// Verifies the JWT that Azure Bot Service / Teams puts on every POST to /api/messages,
// as the Bot Framework authentication protocol requires: signature against the keys
// published in the OpenID metadata, issuer, audience (the bot's app id), lifetime,
// and the tenant of both token and activity against the allow-list.
// jose rather than the SDK's authorizeJWT: that middleware derives the key URL from the
// issuer and hard-codes login.botframework.com, so it cannot verify against configured
// metadata (sovereign clouds, the local Entra emulator). The keys come from the one
// OpenID key cache the SSO validator uses as well.
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { JWT_CLOCK_SKEW_SECONDS, sharedOpenIdKeyCache, type OpenIdKeyCache } from '../identity/openid-keys.js';
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

export function createInboundTokenVerifier(auth: HostSettings['auth'], cache: OpenIdKeyCache = sharedOpenIdKeyCache()): InboundTokenVerifier {
  const issuers = auth.issuers;

  // Tries each configured key set; a key id unknown to one set may belong to the next.
  const resolveKey: JWTVerifyGetKey = async (header, token) => {
    let lastError: unknown;
    for (const metadataUrl of auth.openIdMetadataUrls) {
      try {
        const { keys } = await cache.load(metadataUrl);
        return await keys(header, token);
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
          clockTolerance: JWT_CLOCK_SKEW_SECONDS,
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
