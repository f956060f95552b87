// One cache of OpenID metadata and signing keys (JWKS) for every token this
// agent verifies: the channel's tokens on /api/messages and the users' Teams
// SSO tokens. One place decides how long metadata is kept, how often keys are
// refetched and how much clock skew is tolerated, so the two checks cannot drift.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Clock skew tolerated on exp / nbf: Bot Framework and Entra both allow five minutes. */
export const JWT_CLOCK_SKEW_SECONDS = 300;
/** An unknown key id refetches the JWKS at most this often (keys rotate; forged kids must not cause a fetch storm). */
export const KEY_REFRESH_COOLDOWN_MS = 5_000;
/** How long an OpenID metadata document is reused before it is read again. */
const METADATA_TTL_MS = 24 * 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
// Metadata URLs come from configuration and allowed tenants, so this is a safety bound, not a working-set size.
const MAX_ENTRIES = 256;

export interface OpenIdSigningKeys {
  /** The `issuer` of the metadata document. */
  issuer: string;
  /** Resolves a token's signing key; refetches the JWKS for an unknown kid (after the cooldown). */
  keys: JWTVerifyGetKey;
}

export class OpenIdMetadataError extends Error {
  override readonly name = 'OpenIdMetadataError';
  constructor(readonly metadataUrl: string, why: string) {
    super(`OpenID metadata ${metadataUrl} ${why}`);
  }
}

export interface OpenIdKeyCache {
  /** Metadata and keys for one OpenID metadata URL; throws OpenIdMetadataError when it cannot be read. */
  load(metadataUrl: string): Promise<OpenIdSigningKeys>;
}

export interface OpenIdKeyCacheOptions {
  metadataTtlMs?: number;
  keyRefreshCooldownMs?: number;
}

interface Entry {
  loadedAt: number;
  pending: Promise<OpenIdSigningKeys>;
}

export function createOpenIdKeyCache(opts: OpenIdKeyCacheOptions = {}): OpenIdKeyCache {
  const ttl = opts.metadataTtlMs ?? METADATA_TTL_MS;
  const cooldown = opts.keyRefreshCooldownMs ?? KEY_REFRESH_COOLDOWN_MS;
  const entries = new Map<string, Entry>();

  const read = async (metadataUrl: string): Promise<OpenIdSigningKeys> => {
    let response: Response;
    try {
      response = await fetch(metadataUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch {
      throw new OpenIdMetadataError(metadataUrl, 'could not be reached');
    }
    if (!response.ok) throw new OpenIdMetadataError(metadataUrl, `answered ${response.status}`);
    const doc = (await response.json().catch(() => ({}))) as { issuer?: unknown; jwks_uri?: unknown };
    if (typeof doc.issuer !== 'string' || typeof doc.jwks_uri !== 'string') throw new OpenIdMetadataError(metadataUrl, 'has no issuer or jwks_uri');
    return { issuer: doc.issuer, keys: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: FETCH_TIMEOUT_MS, cooldownDuration: cooldown }) };
  };

  return {
    load(metadataUrl) {
      const cached = entries.get(metadataUrl);
      if (cached && Date.now() - cached.loadedAt < ttl) return cached.pending;
      // Concurrent callers share one download; a failed one is forgotten so the next call retries.
      const entry: Entry = { loadedAt: Date.now(), pending: read(metadataUrl) };
      entries.delete(metadataUrl);
      entries.set(metadataUrl, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entry.pending.catch(() => {
        if (entries.get(metadataUrl) === entry) entries.delete(metadataUrl);
      });
      return entry.pending;
    },
  };
}

let shared: OpenIdKeyCache | undefined;

/** The process-wide cache both validators use unless given their own (the tenant's metadata is then read once for both). */
export function sharedOpenIdKeyCache(): OpenIdKeyCache {
  shared ??= createOpenIdKeyCache();
  return shared;
}
