// Binds a verified channel token to the activity it carries, before the SDK
// requests an outbound token and posts a reply to activity.serviceUrl:
// - the caller: Bot Connector tokens carry no appid / azp (their claims are aud,
//   iss, nbf, exp, serviceurl); every Entra-issued token does, and then it must
//   name an application the operator allowed (otherwise any app in the tenant
//   could ask Entra for a token with the bot as audience);
// - the reply address: a signed `serviceurl` claim must equal activity.serviceUrl,
//   and every serviceUrl must be on the channel host allow-list, because the SDK
//   sends the bot's access token there.
import type { JWTPayload } from 'jose';
import type { ServiceUrlAllowList } from './service-url-allow-list.js';

export interface ChannelBindingPolicy {
  /** appid / azp values accepted on Entra-issued tokens. */
  allowedCallerAppIds: readonly string[];
  serviceUrls: ServiceUrlAllowList;
}

export type BindingVerdict = { ok: true } | { ok: false; reason: string };

/** The calling application of an Entra token is its v2 `azp` or v1 `appid`; Bot Connector tokens name none. */
export function checkCaller(claims: JWTPayload, policy: ChannelBindingPolicy): BindingVerdict {
  const caller = claims.azp ?? claims.appid;
  if (caller === undefined) return { ok: true };
  if (typeof caller !== 'string' || caller.length === 0) return { ok: false, reason: 'calling application is not valid' };
  const allowed = policy.allowedCallerAppIds.some((id) => id.toLowerCase() === caller.toLowerCase());
  return allowed ? { ok: true } : { ok: false, reason: 'calling application is not allowed' };
}

/** claims is undefined in dev-anonymous mode: the host allow-list alone applies. */
export function checkServiceUrl(serviceUrl: unknown, claims: JWTPayload | undefined, policy: ChannelBindingPolicy): BindingVerdict {
  if (serviceUrl === undefined) return { ok: true };
  if (typeof serviceUrl !== 'string' || serviceUrl.length === 0) return { ok: false, reason: 'serviceUrl is not a URL' };
  const signed = claims?.serviceurl;
  if (signed !== undefined && !sameServiceUrl(signed, serviceUrl)) return { ok: false, reason: 'serviceUrl does not match the token' };
  if (!policy.serviceUrls.allows(serviceUrl)) return { ok: false, reason: 'serviceUrl host is not allowed' };
  return { ok: true };
}

function sameServiceUrl(claim: unknown, serviceUrl: string): boolean {
  const a = normalise(claim);
  return a !== undefined && a === normalise(serviceUrl);
}

function normalise(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const href = new URL(value).href.toLowerCase();
    let end = href.length;
    while (end > 0 && href[end - 1] === '/') end--;
    return href.slice(0, end);
  } catch {
    return undefined;
  }
}
