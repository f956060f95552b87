// POST /{tenant}/oauth2/v2.0/token: client_credentials and the on-behalf-of
// jwt-bearer grant, with client secret or certificate (client_assertion) auth,
// consent checks per user and scope, and Entra's error shapes.
import { X509Certificate, createHash } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, createLocalJWKSet, type JWTPayload } from 'jose';
import { OAuthError, oauthErrors } from './oauth-errors.js';
import { botConnector, graphResource, type SeedApp, type SeedTenant } from './seed.js';
import type { Directory } from './directory.js';

const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
const jwtBearer = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const clientAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenRequestRecord {
  at: string;
  tenant: string;
  grantType: string;
  clientId: string;
  /** Scopes as requested (resource prefix stripped), OIDC scopes left out. */
  scopes: string[];
  /** User object id for on-behalf-of requests. */
  userOid?: string;
  /** Authentication contexts (acrs) a `claims` request asked for. */
  authContexts?: string[];
  outcome: 'issued' | string;
}

export interface TokenEndpointContext {
  directory: Directory;
  jwks: () => { keys: import('jose').JWK[] };
  /** Every issuer this emulator signs for (v2 and v1 forms), to accept user assertions. */
  isOwnIssuer: (iss: string, tenantId: string) => boolean;
  tokenEndpointUrl: (tenant: string) => string;
  mint: (claims: Record<string, unknown>, expiresInSec: number) => Promise<string>;
  lifetimeSec: () => number;
}

export type TokenResponse = { status: number; body: Record<string, unknown> };

export async function handleTokenRequest(tenantParam: string, form: Record<string, string | undefined>, ctx: TokenEndpointContext, log: TokenRequestRecord[]): Promise<TokenResponse> {
  const record: TokenRequestRecord = { at: new Date().toISOString(), tenant: tenantParam, grantType: form.grant_type ?? '', clientId: form.client_id ?? '', scopes: [], outcome: 'issued' };
  log.push(record);
  try {
    const body = await issue(tenantParam, form, ctx, record);
    return { status: 200, body };
  } catch (err) {
    if (err instanceof OAuthError) {
      record.outcome = err.suberror ?? err.error;
      return { status: err.status, body: { ...err.body(form['client-request-id']) } };
    }
    throw err;
  }
}

async function issue(tenantParam: string, form: Record<string, string | undefined>, ctx: TokenEndpointContext, record: TokenRequestRecord): Promise<Record<string, unknown>> {
  const tenant = ctx.directory.tenant(tenantParam);
  if (!tenant) throw oauthErrors.tenantNotFound(tenantParam);
  const clientId = required(form, 'client_id');
  const grantType = required(form, 'grant_type');
  const app = ctx.directory.app(tenant, clientId);
  if (!app) throw oauthErrors.appNotFound(clientId, tenant.id);
  await authenticateClient(app, form, ctx.tokenEndpointUrl(tenantParam));

  const requested = parseScopes(required(form, 'scope'), (resource) => tenant.apps.find((a) => a.appId.toLowerCase() === resource.toLowerCase() || a.identifierUris.includes(resource)));
  record.scopes = requested.names;
  if (grantType === 'client_credentials') return clientCredentials(tenant, app, requested, ctx);
  if (grantType === jwtBearer) return onBehalfOf(tenant, app, requested, form, ctx, record);
  throw oauthErrors.unsupportedGrant(grantType);
}

function required(form: Record<string, string | undefined>, name: string): string {
  const value = form[name];
  if (!value) throw oauthErrors.missingParameter(name);
  return value;
}

interface RequestedScopes {
  resource: string;
  names: string[];
  isDefault: boolean;
}

/** "https://graph.microsoft.com/User.Read openid" → Graph, ["User.Read"]. Bare names mean Graph. */
function parseScopes(raw: string, tenantApp: (resource: string) => SeedApp | undefined): RequestedScopes {
  const resources = new Set<string>();
  const names: string[] = [];
  let isDefault = false;
  for (const scope of raw.split(' ').filter((s) => s.length > 0)) {
    if (oidcScopes.has(scope.toLowerCase())) continue;
    const slash = scope.lastIndexOf('/');
    const resource = slash > 0 ? scope.slice(0, slash) : graphResource.identifier;
    const name = slash > 0 ? scope.slice(slash + 1) : scope;
    if (!name) throw oauthErrors.invalidScope(scope);
    resources.add(resource.toLowerCase() === graphResource.appId ? graphResource.identifier : resource.replace(/\/$/, ''));
    if (name === '.default') isDefault = true;
    else names.push(name);
  }
  if (resources.size === 0) throw oauthErrors.invalidScope(raw);
  if (resources.size > 1) throw oauthErrors.invalidScope(`${raw} (scopes for more than one resource in one request)`);
  const resource = [...resources][0]!;
  // Graph for users' data; the Bot Connector for the token a bot replies to a channel with (app-only);
  // an app of the tenant by app id or identifier URI (a caller of the bot, e.g. the smoke check).
  const known = resource.toLowerCase() === graphResource.identifier || resource.toLowerCase() === botConnector.resource || tenantApp(resource) !== undefined;
  if (!known) throw oauthErrors.invalidResource(resource);
  if (isDefault && names.length > 0) throw oauthErrors.invalidScope(`${raw} (.default cannot be combined with other scopes)`);
  return { resource, names, isDefault };
}

async function authenticateClient(app: SeedApp, form: Record<string, string | undefined>, tokenEndpoint: string): Promise<void> {
  if (form.client_secret !== undefined) {
    if (!app.secrets.includes(form.client_secret)) throw oauthErrors.invalidSecret(app.appId);
    return;
  }
  if (form.client_assertion_type === clientAssertionType && form.client_assertion) {
    await verifyClientAssertion(app, form.client_assertion, tokenEndpoint);
    return;
  }
  throw new OAuthError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
}

async function verifyClientAssertion(app: SeedApp, assertion: string, tokenEndpoint: string): Promise<void> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw oauthErrors.invalidClientAssertion('not a JWT');
  }
  const s256 = header['x5t#S256'];
  const s1 = header.x5t;
  const cert = (app.certificatesPem ?? [])
    .map((pem) => new X509Certificate(pem))
    .find((c) => (typeof s256 === 'string' && thumbprint(c, 'sha256') === s256) || (typeof s1 === 'string' && thumbprint(c, 'sha1') === s1));
  if (!cert) throw oauthErrors.invalidClientAssertion('no certificate registered on the app matches the x5t thumbprint');
  try {
    // Entra tolerates a few minutes of clock skew; MSAL rounds nbf to the nearest second.
    await jwtVerify(assertion, cert.publicKey, { clockTolerance: 300, algorithms: ['RS256', 'PS256'], issuer: app.appId, subject: app.appId, audience: [tokenEndpoint, tokenEndpoint.replace('/oauth2/v2.0/token', '/oauth2/token')] });
  } catch (err) {
    throw oauthErrors.invalidClientAssertion(err instanceof Error ? err.message : 'invalid');
  }
}

function thumbprint(cert: X509Certificate, alg: 'sha1' | 'sha256'): string {
  return createHash(alg).update(cert.raw).digest('base64url');
}

async function clientCredentials(tenant: SeedTenant, app: SeedApp, requested: RequestedScopes, ctx: TokenEndpointContext): Promise<Record<string, unknown>> {
  if (!requested.isDefault) throw oauthErrors.invalidScope(`${requested.names.join(' ')} (client_credentials requires {resource}/.default)`);
  const appOid = servicePrincipalOid(app.appId);
  const lifetime = ctx.lifetimeSec();
  // A v2 token for one of the tenant's own apps names that app's id as its audience.
  const resourceApp = tenant.apps.find((a) => a.identifierUris.includes(requested.resource));
  const accessToken = await ctx.mint(
    { aud: resourceApp?.appId ?? requested.resource, tid: tenant.id, oid: appOid, sub: appOid, azp: app.appId, azpacr: '1', idtyp: 'app', roles: app.applicationPermissions ?? [], ver: '2.0' },
    lifetime,
  );
  return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
}

async function onBehalfOf(tenant: SeedTenant, app: SeedApp, requested: RequestedScopes, form: Record<string, string | undefined>, ctx: TokenEndpointContext, record: TokenRequestRecord): Promise<Record<string, unknown>> {
  if (form.requested_token_use !== 'on_behalf_of') throw oauthErrors.missingParameter('requested_token_use=on_behalf_of');
  if (requested.resource.toLowerCase() !== graphResource.identifier) throw oauthErrors.invalidResource(requested.resource);
  const assertion = await verifyUserAssertion(required(form, 'assertion'), tenant, app, ctx);
  const oid = String(assertion.oid ?? '');
  const found = ctx.directory.findUser(oid);
  if (!found || found.tenant.id !== tenant.id) throw oauthErrors.invalidAssertion('the assertion user does not exist in this tenant');
  record.userOid = oid;

  const scopes = requested.isDefault ? ctx.directory.consentedScopes(tenant, app, oid) : requested.names;
  const missing = scopes.filter((s) => !ctx.directory.hasConsent(tenant, app, oid, s));
  if (missing.length > 0 || scopes.length === 0) throw oauthErrors.consentRequired(app.appId, app.displayName);

  // Conditional access: an authentication context the client asks for is met when the user's own
  // sign-in (the assertion) already carries it, or did MFA and the context's policy asks for MFA
  // (the token then carries acrs); otherwise the user has to step up.
  const claimsRequest = parseClaimsRequest(form.claims);
  record.authContexts = claimsRequest.authContexts;
  const didMfa = Array.isArray(assertion.amr) && assertion.amr.map(String).includes('mfa');
  const satisfied = [...(Array.isArray(assertion.acrs) ? assertion.acrs.map(String) : []), ...(didMfa ? (tenant.mfaAuthContexts ?? []) : [])];
  if (claimsRequest.authContexts.some((c) => !satisfied.includes(c))) {
    throw oauthErrors.stepUpRequired(requested.resource, JSON.stringify({ access_token: { acrs: { essential: true, values: claimsRequest.authContexts } } }));
  }

  const lifetime = ctx.lifetimeSec();
  const user = found.user;
  const accessToken = await ctx.mint(
    {
      aud: requested.resource,
      tid: tenant.id,
      oid: user.oid,
      sub: pairwiseSub(user.oid, requested.resource),
      azp: app.appId,
      azpacr: form.client_secret !== undefined ? '1' : '2',
      scp: scopes.join(' '),
      name: user.displayName,
      preferred_username: user.upn,
      idtyp: 'user',
      ver: '2.0',
      ...(claimsRequest.authContexts.length > 0 ? { acrs: claimsRequest.authContexts } : {}),
      ...(claimsRequest.capabilities.length > 0 ? { xms_cc: claimsRequest.capabilities } : {}),
    },
    lifetime,
  );
  return {
    token_type: 'Bearer',
    scope: scopes.map((s) => `${requested.resource}/${s}`).join(' '),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: accessToken,
  };
}

interface ClaimsRequest {
  /** access_token.acrs: {"essential":true,"value":"c1"} or {"values":["c1"]} */
  authContexts: string[];
  /** access_token.xms_cc: client capabilities MSAL declares (cp1 = CAE-capable). */
  capabilities: string[];
}

function parseClaimsRequest(raw: string | undefined): ClaimsRequest {
  if (!raw) return { authContexts: [], capabilities: [] };
  let parsed: unknown;
  try {
    parsed = raw.length <= 8192 ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw oauthErrors.invalidClaims();
  const accessToken = (parsed as { access_token?: Record<string, unknown> }).access_token ?? {};
  return { authContexts: claimValues(accessToken.acrs), capabilities: claimValues(accessToken.xms_cc) };
}

function claimValues(claim: unknown): string[] {
  if (!claim || typeof claim !== 'object') return [];
  const { value, values } = claim as { value?: unknown; values?: unknown };
  const all = [...(typeof value === 'string' ? [value] : []), ...(Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [])];
  return [...new Set(all)].slice(0, 20);
}

async function verifyUserAssertion(assertion: string, tenant: SeedTenant, app: SeedApp, ctx: TokenEndpointContext): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(ctx.jwks()), { clockTolerance: 300, algorithms: ['RS256'], audience: [app.appId, ...app.identifierUris] }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') throw oauthErrors.expiredAssertion();
    if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (err as { claim?: string }).claim === 'aud') throw oauthErrors.wrongAssertionAudience(app.appId);
    throw oauthErrors.invalidAssertion(err instanceof Error ? err.message : 'invalid');
  }
  if (String(payload.tid ?? '').toLowerCase() !== tenant.id.toLowerCase()) throw oauthErrors.crossTenantAssertion();
  if (typeof payload.iss !== 'string' || !ctx.isOwnIssuer(payload.iss, tenant.id)) throw oauthErrors.invalidAssertion('unknown issuer');
  return payload;
}

/** Stable per-app object id of the app's service principal (derived, so seeds stay short). */
function servicePrincipalOid(appId: string): string {
  const h = createHash('sha256').update(`sp:${appId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Entra's `sub` is pairwise per user and resource. */
export function pairwiseSub(oid: string, audience: string): string {
  return createHash('sha256').update(`${oid}|${audience}`).digest('base64url').slice(0, 43);
}
