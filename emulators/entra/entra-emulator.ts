// A local stand-in for Microsoft Entra ID (dev and tests only): OpenID
// discovery, JWKS with key rotation, the v2 token endpoint (client_credentials
// and on-behalf-of), helpers to mint the SSO tokens Teams would hand a bot, and
// the Bot Connector's own OpenID metadata and channel tokens (login.botframework.com).
// Served over HTTPS because MSAL only talks to https authorities; the CA is
// trusted per process through NODE_EXTRA_CA_CERTS (scripts/with-dev-ca.ts).
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { SignJWT } from 'jose';
import { ensureDevTls } from '../tls/dev-tls.js';
import { Directory } from './directory.js';
import { SigningKeyRing, type KeyChoice } from './signing-keys.js';
import { handleTokenRequest, pairwiseSub, type TokenRequestRecord } from './token-endpoint.js';
import { botConnector, defaultTenants, teamsClientAppId, type SeedTenant } from './seed.js';

export interface MintOptions {
  /** Lifetime from now; negative = already expired. Default 3600. */
  expiresInSec?: number;
  /** nbf relative to now (positive = not yet valid). Default 0. */
  notBeforeSec?: number;
  /** Overrides iss. */
  issuer?: string;
  /** rogue = a key that is not in the JWKS. */
  signWith?: KeyChoice;
  /** Token version: decides the issuer form and claim names. Default 2.0. */
  version?: '1.0' | '2.0';
}

export interface EntraEmulator {
  readonly url: string;
  readonly caCertPath: string;
  issuer(tenantId: string): string;
  openIdConfigurationUrl(tenantId: string): string;
  jwksUri(tenantId: string): string;
  mintToken(claims: Record<string, unknown>, opts?: MintOptions): Promise<string>;
  /** `acrs`: authentication contexts the user's sign-in met (conditional access step-up, e.g. MFA). */
  mintUserSsoToken(user: string, opts?: MintOptions & { audience?: string; scopes?: string[]; acrs?: string[]; amr?: string[]; groups?: string[] }): Promise<string>;
  /** OpenID metadata of the emulated Bot Connector (issuer https://api.botframework.com), like login.botframework.com/v1/.well-known/openidconfiguration. */
  readonly botConnectorOpenIdConfigurationUrl: string;
  /**
   * The token the Bot Connector puts on an activity it posts to the bot: issuer
   * https://api.botframework.com, the bot as audience and the activity's serviceUrl
   * as `serviceurl`; no tid, appid or azp (Azure Bot Service sends none).
   */
  mintChannelToken(opts: { serviceUrl: string; audience?: string; expiresInSec?: number; signWith?: KeyChoice }): Promise<string>;
  rotateKeys(): void;
  close(): Promise<void>;
  // Beyond the core API: state that tests and dev scenarios change or inspect.
  /** Adds delegated Graph scopes to a user's consent for an app (default: the bot app). */
  grantConsent(user: string, scopes: string[], appId?: string): void;
  /** Removes a user's consent (all scopes when none given). */
  revokeConsent(user: string, scopes?: string[], appId?: string): void;
  /** Replaces the tenant-wide admin consent of an app (default: the bot app). */
  setAdminConsent(scopes: string[], appId?: string): void;
  /** Registers a PEM certificate whose key may sign client assertions for an app. */
  addClientCertificate(appId: string, certPem: string): void;
  /** Every token request seen, oldest first (no secrets or assertions recorded). */
  tokenRequests(): TokenRequestRecord[];
  /** Lifetime of access tokens the token endpoint issues. */
  setAccessTokenLifetime(seconds: number): void;
}

export interface StartEntraOptions {
  port?: number;
  host?: string;
  tenants?: SeedTenant[];
  /** TLS folder (default <repo>/.local/tls). */
  tlsDir?: string;
  accessTokenLifetimeSec?: number;
}

export async function startEntraEmulator(opts: StartEntraOptions = {}): Promise<EntraEmulator> {
  const tls = ensureDevTls(opts.tlsDir);
  const directory = new Directory(opts.tenants ?? defaultTenants());
  const keys = new SigningKeyRing();
  const requests: TokenRequestRecord[] = [];
  let lifetimeSec = opts.accessTokenLifetimeSec ?? 3600;
  let url = '';

  const issuerV2 = (tenantId: string) => `${url}/${tenantId}/v2.0`;
  const issuerV1 = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

  const mintToken = async (claims: Record<string, unknown>, mint: MintOptions = {}): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const key = keys.pick(mint.signWith);
    const tid = typeof claims.tid === 'string' ? claims.tid : directory.primaryApp()?.tenant.id ?? 'common';
    const version = mint.version ?? (claims.ver === '1.0' ? '1.0' : '2.0');
    const payload: Record<string, unknown> = {
      ver: version,
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
      ...claims,
      iss: mint.issuer ?? (claims.iss as string | undefined) ?? (version === '1.0' ? issuerV1(tid) : issuerV2(tid)),
      iat: (claims.iat as number | undefined) ?? now,
      nbf: (claims.nbf as number | undefined) ?? now + (mint.notBeforeSec ?? 0),
      exp: (claims.exp as number | undefined) ?? now + (mint.expiresInSec ?? 3600),
    };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  };

  const appFor = (appId?: string) => {
    if (appId) {
      for (const tenant of directory.allTenants()) {
        const app = directory.app(tenant, appId);
        if (app) return { tenant, app };
      }
      throw new Error(`No app ${appId} in the emulated directory.`);
    }
    const primary = directory.primaryApp();
    if (!primary) throw new Error('The emulated directory has no app registration.');
    return primary;
  };
  const userFor = (ref: string) => {
    const found = directory.findUser(ref);
    if (!found) throw new Error(`No user ${ref} in the emulated directory.`);
    return found;
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  const discovery = (req: Request, res: Response) => {
    const tenant = String(req.params.tenant);
    const known = directory.tenant(tenant);
    const multi = ['common', 'organizations', 'consumers'].includes(tenant.toLowerCase());
    if (!known && !multi) {
      res.status(400).json({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.`, error_codes: [90002] });
      return;
    }
    const base = `${url}/${tenant}`;
    res.json({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: known ? issuerV2(known.id) : `${url}/{tenantid}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${url}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'preferred_username', 'tid', 'ver'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    });
  };
  // Entra's instance discovery (MSAL asks login.microsoftonline.com which authority hosts are
  // valid before it trusts one it does not know): this emulator vouches for its own host.
  app.get('/common/discovery/instance', (_req, res) => {
    const host = new URL(url).host;
    res.json({ tenant_discovery_endpoint: `${url}/common/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }] });
  });
  // The Bot Connector publishes its own metadata; its keys carry the channels they may sign for.
  app.get('/botframework/v1/.well-known/openidconfiguration', (_req, res) => {
    res.json({
      issuer: botConnector.issuer,
      authorization_endpoint: `${url}/botframework/v1/auth`,
      jwks_uri: `${url}/botframework/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  app.get('/botframework/v1/.well-known/keys', (_req, res) => {
    res.json({ keys: keys.jwks().keys.map((k) => ({ ...k, endorsements: ['msteams', 'webchat', 'directline', 'emulator'] })) });
  });
  app.get('/:tenant/v2.0/.well-known/openid-configuration', discovery);
  app.get('/:tenant/.well-known/openid-configuration', discovery);
  app.get('/:tenant/discovery/v2.0/keys', (_req, res) => {
    res.json(keys.jwks());
  });
  app.get('/:tenant/discovery/keys', (_req, res) => {
    res.json(keys.jwks());
  });

  app.post('/:tenant/oauth2/v2.0/token', async (req, res, next) => {
    try {
      const form = (req.body ?? {}) as Record<string, string | undefined>;
      const result = await handleTokenRequest(String(req.params.tenant), form, {
        directory,
        jwks: () => keys.jwks(),
        isOwnIssuer: (iss, tenantId) => iss === issuerV2(tenantId) || iss === issuerV1(tenantId),
        tokenEndpointUrl: (tenant) => `${url}/${tenant}/oauth2/v2.0/token`,
        mint: (claims, expiresInSec) => mintToken(claims, { expiresInSec }),
        lifetimeSec: () => lifetimeSec,
      }, requests);
      res.status(result.status).set('Cache-Control', 'no-store').json(result.body);
    } catch (err) {
      next(err);
    }
  });
  // Dev mode only: the Agents Playground has no Teams SSO, so the agent's dev
  // SSO source asks here for the token Teams would have handed it.
  app.post('/_emulator/sso-token', express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { user?: unknown; audience?: unknown; scopes?: unknown; amr?: unknown };
      if (typeof body.user !== 'string' || !directory.findUser(body.user)) {
        res.status(400).json({ error: 'unknown_user', error_description: 'Give "user" as the UPN or object id of a seeded user.' });
        return;
      }
      const audience = typeof body.audience === 'string' ? body.audience : undefined;
      const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : undefined;
      // How the dev sign-in happened (e.g. pwd, mfa), as a v1 token or an id token would say.
      const amr = Array.isArray(body.amr) ? body.amr.slice(0, 4).map(String).filter((m) => /^[a-z]{2,16}$/.test(m)) : undefined;
      const token = await emulator.mintUserSsoToken(body.user, { audience, scopes, ...(amr && amr.length > 0 ? { amr } : {}) });
      res.set('Cache-Control', 'no-store').json({ token_type: 'Bearer', access_token: token, expires_in: 3600 });
    } catch (err) {
      next(err);
    }
  });
  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', error_description: 'This endpoint is not emulated.' });
  });

  const server: Server = createServer({ cert: tls.certPem, key: tls.keyPem }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `https://${opts.host && opts.host !== '127.0.0.1' ? opts.host : '127.0.0.1'}:${port}`;

  const emulator: EntraEmulator = {
    get url() {
      return url;
    },
    caCertPath: tls.caCertPath,
    issuer: issuerV2,
    openIdConfigurationUrl: (tenantId) => `${url}/${tenantId}/v2.0/.well-known/openid-configuration`,
    jwksUri: (tenantId) => `${url}/${tenantId}/discovery/v2.0/keys`,
    mintToken,
    async mintUserSsoToken(ref, mint = {}) {
      const { tenant, user } = userFor(ref);
      const bot = appFor();
      const audience = mint.audience ?? bot.app.identifierUris[0] ?? bot.app.appId;
      const scopes = mint.scopes ?? bot.app.exposedScopes;
      const v1 = mint.version === '1.0';
      return mintToken(
        {
          aud: audience,
          tid: tenant.id,
          oid: user.oid,
          sub: pairwiseSub(user.oid, audience),
          name: user.displayName,
          ...(v1 ? { upn: user.upn, unique_name: user.upn, appid: teamsClientAppId } : { preferred_username: user.upn, azp: teamsClientAppId, azpacr: '0' }),
          scp: scopes.join(' '),
          roles: user.appRoles ?? [],
          ...(mint.acrs ? { acrs: mint.acrs } : {}),
          ...(mint.amr ? { amr: mint.amr } : {}),
          ...(mint.groups ? { groups: mint.groups } : {}),
          ver: v1 ? '1.0' : '2.0',
        },
        mint,
      );
    },
    get botConnectorOpenIdConfigurationUrl() {
      return `${url}/botframework/v1/.well-known/openidconfiguration`;
    },
    async mintChannelToken(mint) {
      const now = Math.floor(Date.now() / 1000);
      const key = keys.pick(mint.signWith);
      const payload = { serviceurl: mint.serviceUrl, nbf: now, exp: now + (mint.expiresInSec ?? 3600), iss: botConnector.issuer, aud: mint.audience ?? appFor().app.appId };
      return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, x5t: key.kid }).sign(key.privateKey);
    },
    rotateKeys: () => keys.rotate(),
    grantConsent(ref, scopes, appId) {
      const { tenant, user } = userFor(ref);
      const { app: a } = appFor(appId);
      directory.grantUserConsent(tenant, a, user.oid, scopes);
    },
    revokeConsent(ref, scopes, appId) {
      const { tenant, user } = userFor(ref);
      const { app: a } = appFor(appId);
      directory.revokeUserConsent(tenant, a, user.oid, scopes);
    },
    setAdminConsent(scopes, appId) {
      appFor(appId).app.adminConsentedScopes = [...scopes];
    },
    addClientCertificate(appId, certPem) {
      const { app: a } = appFor(appId);
      a.certificatesPem = [...(a.certificatesPem ?? []), certPem];
    },
    tokenRequests: () => requests.map((r) => ({ ...r, scopes: [...r.scopes] })),
    setAccessTokenLifetime(seconds) {
      lifetimeSec = seconds;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return emulator;
}
