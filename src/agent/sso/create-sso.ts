// Builds the identity pieces of the agent from configuration: SSO validator,
// on-behalf-of provider, token store, broker, and the sign-in flow.
// The host/agent wiring calls this once.
import type { AppConfig } from '../../config.js';
import { OnBehalfOfTokenProvider, type OboClientCredential } from '../../identity/obo-token-provider.js';
import { createSsoTokenValidator, type SsoTokenValidator } from '../../identity/sso-token-validator.js';
import { createDevSsoSource } from './dev-sso-source.js';
import { StateExchangeClaims, type ExchangeClaimStore } from './exchange-deduplicator.js';
import { buildSignInCard } from './sign-in-card.js';
import { createSignInFlow, type SignInFlow } from './sign-in-flow.js';
import { WaitingQuestions } from '../waiting-questions.js';
import { SignOutMarkers } from './sign-out-markers.js';
import { SsoTokenStore } from './sso-token-store.js';
import { createUserTokenBroker, type UserTokenBroker } from './user-token-broker.js';
import type { Attachment } from '@microsoft/agents-activity';
import { createLogger } from '../../logging/logger.js';
import type { StateStore } from '../../state/state-store.js';

const log = createLogger('identity');

export interface AgentSso {
  broker: UserTokenBroker;
  validator: SsoTokenValidator;
  obo: OnBehalfOfTokenProvider;
  /** signin/tokenExchange, signin/verifyState and signin/failure; the sign-in card; the waiting question. */
  signIn: SignInFlow;
  /** The OAuthCard (Teams SSO) to send when a turn needs sign-in. */
  signInCard(text?: string): Attachment;
}

export function createAgentSso(config: Pick<AppConfig, 'host' | 'identity' | 'graph'>, opts: { state: StateStore; claims?: ExchangeClaimStore }): AgentSso {
  const { auth } = config.host;
  const audiences = [`api://botid-${auth.appId}`, auth.appId, ...config.identity.extraAudiences].filter((a) => a && a !== 'api://botid-');
  const validator = createSsoTokenValidator({ authorityHost: auth.authorityHost, allowedTenants: auth.allowedTenants, audiences, requiredScope: config.identity.requiredScope });
  const credential = oboCredential(auth);
  if (credential.kind === 'none') log.warn('no client credential for on-behalf-of: set BOT_CERT_PEM_FILE, BOT_MANAGED_IDENTITY_CLIENT_ID or BOT_CLIENT_SECRET; tools that need the user token will fail');
  const obo = new OnBehalfOfTokenProvider({
    tenantId: auth.tenantId,
    clientId: auth.appId,
    authorityHost: auth.authorityHost,
    credential,
    resource: config.graph.resource,
    maxUsers: config.identity.cacheMaxUsers,
    refreshMarginSec: config.identity.refreshMarginSec,
  });
  const devSource = config.identity.devUser
    ? createDevSsoSource({ tokenUrl: config.identity.devTokenUrl ?? `${auth.authorityHost}/_emulator/sso-token`, user: config.identity.devUser })
    : undefined;
  const broker = createUserTokenBroker({ store: new SsoTokenStore(), obo, validator, allowedTenants: auth.allowedTenants, devSource, signedOut: new SignOutMarkers(opts.state) });
  const claims = opts.claims ?? new StateExchangeClaims(opts.state);
  const signInCard = (text?: string) => buildSignInCard({ connectionName: config.identity.oauthConnectionName, appId: auth.appId, text });
  const signIn = createSignInFlow({ validator, broker, claims, waiting: new WaitingQuestions(opts.state), allowedTenants: auth.allowedTenants, connectionName: config.identity.oauthConnectionName, signInCard });
  return { broker, validator, obo, signIn, signInCard };
}

/** Certificate first, then managed identity (federated credential), then secret. */
export function oboCredential(auth: AppConfig['host']['auth']): OboClientCredential {
  if (auth.certPemFile && auth.certKeyFile) return { kind: 'certificate-and-key', certificatePath: auth.certPemFile, privateKeyPath: auth.certKeyFile };
  if (auth.certPemFile) return { kind: 'certificate', certificatePath: auth.certPemFile };
  if (auth.managedIdentityClientId) return { kind: 'managed-identity', managedIdentityClientId: auth.managedIdentityClientId };
  if (auth.clientSecret) return { kind: 'secret', clientSecret: auth.clientSecret };
  // No credential: every exchange fails with a clear, user-safe error instead of a crash at start-up.
  return { kind: 'none' };
}
