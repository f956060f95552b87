// On-behalf-of exchange: turns the user's validated SSO token into a Graph
// token for exactly the scopes one tool needs, with @azure/identity's
// OnBehalfOfCredential (MSAL underneath). Tokens are cached per user and scope
// set until shortly before they expire; signOut() forgets everything of a user.
import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import { AuthenticationError, AuthenticationRequiredError, ManagedIdentityCredential, OnBehalfOfCredential, type AccessToken } from '@azure/identity';
import { SignJWT } from 'jose';
import { createLogger } from '../logging/logger.js';
import { ConsentRequiredError, OboExchangeError, SignInRequiredError } from './identity-errors.js';

const log = createLogger('identity.obo');

/** How the agent proves its own identity to Entra during the exchange. */
export type OboClientCredential =
  | { kind: 'secret'; clientSecret: string }
  /** One PEM file holding the certificate and its private key. */
  | { kind: 'certificate'; certificatePath: string }
  /** Certificate and key in separate PEM files: the agent signs the client assertion itself. */
  | { kind: 'certificate-and-key'; certificatePath: string; privateKeyPath: string }
  /** A user-assigned managed identity used as a federated credential of the app (no secret at all). */
  | { kind: 'managed-identity'; managedIdentityClientId: string }
  /** Not configured: every exchange fails with OboExchangeError('no-client-credential'). */
  | { kind: 'none' };

export interface OboOptions {
  tenantId: string;
  clientId: string;
  /** e.g. https://login.microsoftonline.com, or the Entra emulator. */
  authorityHost: string;
  credential: OboClientCredential;
  /** Resource that bare scope names belong to. */
  resource?: string;
  /** Users whose tokens are kept; the least recently used is dropped beyond this. */
  maxUsers?: number;
  /** Renew a cached token this long before it expires. */
  refreshMarginSec?: number;
}

interface UserEntry {
  ssoHash: string;
  credential: OnBehalfOfCredential;
  tokens: Map<string, AccessToken>;
}

const scopeName = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

export class OnBehalfOfTokenProvider {
  /** Per-user credential and tokens; least recently used users are forgotten first (a miss costs one OBO call). */
  private readonly users: LRUCache<string, UserEntry>;
  private readonly resource: string;
  private readonly getAssertion?: () => Promise<string>;

  constructor(private readonly opts: OboOptions) {
    this.resource = (opts.resource ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
    this.getAssertion = assertionSource(opts);
    this.users = new LRUCache({ max: opts.maxUsers ?? 1000 });
  }

  /**
   * A token for exactly these scopes (e.g. ['Files.Read']) on behalf of the user whose SSO token this is.
   * With `claims` (the JSON of a resource's claims challenge) the cache is skipped and Entra is asked for
   * a token that satisfies them; when only the user can satisfy them, SignInRequiredError('interaction-required').
   */
  async getToken(userKey: string, ssoToken: string, scopes: string[], options: { claims?: string } = {}): Promise<AccessToken> {
    const qualified = this.qualify(scopes);
    const scopeKey = [...qualified].sort().join(' ');
    const ssoHash = createHash('sha256').update(ssoToken).digest('hex');
    let entry = this.users.get(userKey);
    if (!entry || entry.ssoHash !== ssoHash) {
      entry = { ssoHash, credential: this.newCredential(ssoToken), tokens: new Map() };
    }
    this.users.set(userKey, entry);

    const cached = entry.tokens.get(scopeKey);
    const margin = (this.opts.refreshMarginSec ?? 300) * 1000;
    if (options.claims) entry.tokens.delete(scopeKey);
    else if (cached && cached.expiresOnTimestamp - margin > Date.now()) return cached;

    const correlationId = randomUUID();
    try {
      // enableCae declares the cp1 client capability: Graph then answers a revoked session or an
      // unmet conditional access policy with a claims challenge instead of serving the old token.
      const token = await entry.credential.getToken(qualified, { tenantId: this.opts.tenantId, enableCae: true, claims: options.claims });
      entry.tokens.set(scopeKey, token);
      log.info('on-behalf-of token issued', { user: shortHash(userKey), scopes: qualified.map(shortScope), expiresInSec: Math.round((token.expiresOnTimestamp - Date.now()) / 1000) });
      return token;
    } catch (err) {
      throw this.translate(err, scopes, userKey, correlationId);
    }
  }

  /** Forgets the user's cached tokens and credential (the "sign out" command). */
  signOut(userKey: string): boolean {
    return this.users.delete(userKey);
  }

  /** Scope sets currently cached for a user (for diagnostics; no tokens). */
  cachedScopeSets(userKey: string): string[] {
    return [...(this.users.get(userKey)?.tokens.keys() ?? [])];
  }

  private qualify(scopes: string[]): string[] {
    if (!Array.isArray(scopes) || scopes.length === 0) throw new OboExchangeError('no-scopes');
    return scopes.map((s) => {
      const name = s.startsWith(`${this.resource}/`) ? s.slice(this.resource.length + 1) : s;
      // Least privilege: named scopes only, never .default (which would grant everything consented).
      if (!scopeName.test(name) || name === '.default') throw new OboExchangeError('invalid-scope');
      return `${this.resource}/${name}`;
    });
  }

  private newCredential(ssoToken: string): OnBehalfOfCredential {
    const common = {
      tenantId: this.opts.tenantId,
      clientId: this.opts.clientId,
      userAssertionToken: ssoToken,
      authorityHost: this.opts.authorityHost,
      // Instance discovery asks login.microsoftonline.com which hosts are valid; a
      // configured authority host is trusted as given (sovereign clouds, emulator).
      disableInstanceDiscovery: true,
    };
    const c = this.opts.credential;
    if (c.kind === 'none') throw new OboExchangeError('no-client-credential');
    if (c.kind === 'secret') return new OnBehalfOfCredential({ ...common, clientSecret: c.clientSecret });
    if (c.kind === 'certificate') return new OnBehalfOfCredential({ ...common, certificatePath: c.certificatePath });
    return new OnBehalfOfCredential({ ...common, getAssertion: this.getAssertion! });
  }

  private translate(err: unknown, scopes: string[], userKey: string, correlationId: string): Error {
    if (err instanceof OboExchangeError) return err;
    const text = err instanceof Error ? err.message : '';
    // @azure/identity reports Entra errors as "<oauth error>: ... AADSTS<code>: ...".
    const oauthError = /^([a-z_]{3,40}):/.exec(text)?.[1] ?? (err instanceof AuthenticationError ? err.errorResponse?.error : undefined);
    const consent = /AADSTS65001\b|consent_required/.test(text);
    const expired = /AADSTS(500133|700024)\b/.test(text);
    // Multi-factor, strong authentication or another step the user must take (conditional access).
    const stepUp = /AADSTS(50076|50079|50158)\b|interaction_required/.test(text);
    const code = consent ? 'consent_required' : expired ? 'assertion_expired' : stepUp ? 'interaction_required' : (oauthError ?? (err instanceof AuthenticationRequiredError ? 'interaction_required' : 'unavailable'));
    log.warn('on-behalf-of exchange failed', { correlationId, user: shortHash(userKey), scopes: scopes.map(shortScope), code, errorName: err instanceof Error ? err.name : 'unknown' });
    if (consent) return new ConsentRequiredError(scopes);
    if (expired) {
      this.users.delete(userKey);
      return new SignInRequiredError('sso-token-expired');
    }
    if (code === 'interaction_required') return new SignInRequiredError('interaction-required');
    if (code === 'login_required') return new SignInRequiredError('no-sso-token');
    return new OboExchangeError(code, correlationId);
  }
}

function assertionSource(opts: OboOptions): (() => Promise<string>) | undefined {
  const c = opts.credential;
  if (c.kind === 'managed-identity') {
    // Federated identity credential: the managed identity's token for the token
    // exchange audience is the app's client assertion (configure the FIC on the app).
    const mi = new ManagedIdentityCredential({ clientId: c.managedIdentityClientId });
    return async () => (await mi.getToken('api://AzureADTokenExchange/.default')).token;
  }
  if (c.kind === 'certificate-and-key') {
    const cert = new X509Certificate(readFileSync(c.certificatePath));
    const key = createPrivateKey(readFileSync(c.privateKeyPath));
    const thumbprint = createHash('sha256').update(cert.raw).digest('base64url');
    const audience = `${opts.authorityHost.replace(/\/+$/, '')}/${opts.tenantId}/oauth2/v2.0/token`;
    return async () => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprint })
        .setIssuer(opts.clientId)
        .setSubject(opts.clientId)
        .setAudience(audience)
        .setNotBefore(now)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(key);
    };
  }
  return undefined;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function shortScope(scope: string): string {
  return scope.slice(scope.lastIndexOf('/') + 1);
}
