// Answers the Teams SSO invokes. signin/tokenExchange: validate the token
// ourselves, bind it to the sender (its oid and tid must be the activity's
// from.aadObjectId and tenant), de-duplicate, prove consent (and any claims a
// resource asked for) with an OBO exchange; 412 when the token cannot be used,
// so Teams shows the consent / sign-in prompt. signin/verifyState and
// signin/failure: acknowledge and tell the user.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { createLogger } from '../../logging/logger.js';
import { ConsentRequiredError, SignInRequiredError, SsoTokenError } from '../../identity/identity-errors.js';
import type { SsoTokenValidator, ValidatedSsoToken } from '../../identity/sso-token-validator.js';
import { isTenantAllowed } from '../../identity/tenant-allow-list.js';
import { actorFromActivity } from '../activity-actor.js';
import type { ExchangeClaimStore } from './exchange-deduplicator.js';
import { belongsTo, type TokenActor, type UserTokenBroker } from './user-token-broker.js';

const log = createLogger('identity.sso');

export interface TokenExchangeDeps {
  validator: SsoTokenValidator;
  broker: Pick<UserTokenBroker, 'signIn'>;
  claims: ExchangeClaimStore;
  allowedTenants: readonly string[];
  connectionName: string;
  /** Scope used to prove that the user consented (the least any tool needs). */
  probeScopes?: string[];
  dedupeTtlMs?: number;
}

/** What the sign-in has to satisfy beyond consent: the claims a resource asked for, for its scopes. */
export interface SignInDemand {
  claims: string;
  scopes: string[];
}

export type SsoInvokeOutcome = 'signed-in' | 'duplicate' | 'consent-required' | 'interaction-required' | 'rejected' | 'failure-reported' | 'state-not-supported';

export const isTokenExchange = (activity: Activity) => activity.type === ActivityTypes.Invoke && activity.name === 'signin/tokenExchange';

export async function exchangeToken(context: TurnContext, deps: TokenExchangeDeps, demand?: SignInDemand): Promise<SsoInvokeOutcome> {
  const activity = context.activity;
  const value = (activity.value ?? {}) as { id?: unknown; connectionName?: unknown; token?: unknown };
  const exchangeId = typeof value.id === 'string' ? value.id.slice(0, 200) : '';
  const connectionName = typeof value.connectionName === 'string' ? value.connectionName.slice(0, 200) : deps.connectionName;
  const fail = async (status: number, detail: string, outcome: SsoInvokeOutcome): Promise<SsoInvokeOutcome> => {
    await respond(context, status, { id: exchangeId, connectionName, failureDetail: detail });
    return outcome;
  };

  if (!exchangeId || typeof value.token !== 'string' || value.token.length === 0) return fail(400, 'The token exchange request has no id or token.', 'rejected');
  const sender = actorFromActivity(activity);
  if (!isTenantAllowed(sender.tenantId, deps.allowedTenants)) return fail(412, 'This agent is not available to your organisation.', 'rejected');
  // Without the sender's object id there is nothing to bind the sign-in to.
  if (!sender.aadObjectId) {
    log.warn('SSO token exchange without the sender’s object id', { reason: 'no-sender-oid' });
    return fail(412, 'The single sign-on token belongs to another user.', 'rejected');
  }

  const claimKey = `${activity.channelId ?? ''}|${activity.conversation?.id ?? ''}|${sender.userId}|${exchangeId}`;
  if (!(await deps.claims.claim(claimKey, deps.dedupeTtlMs ?? 5 * 60_000))) {
    // A retry or a copy delivered to this instance while another handles it or after it succeeded.
    await respond(context, 200);
    log.info('duplicate token exchange ignored');
    return 'duplicate';
  }
  let outcome: SsoInvokeOutcome = 'rejected';
  try {
    outcome = await signIn(context, deps, sender, value.token, demand, fail);
  } finally {
    // Only a successful exchange keeps its id: a failed one must not block the retry.
    if (outcome !== 'signed-in') await deps.claims.release(claimKey);
  }
  if (outcome === 'signed-in') await respond(context, 200, { id: exchangeId, connectionName });
  return outcome;
}

async function signIn(
  context: TurnContext,
  deps: TokenExchangeDeps,
  sender: TokenActor,
  token: string,
  demand: SignInDemand | undefined,
  fail: (status: number, detail: string, outcome: SsoInvokeOutcome) => Promise<SsoInvokeOutcome>,
): Promise<SsoInvokeOutcome> {
  let validated: ValidatedSsoToken;
  try {
    validated = await deps.validator.validate(token);
  } catch (err) {
    const reason = err instanceof SsoTokenError ? err.reason : 'unknown';
    log.warn('SSO token rejected', { reason });
    return fail(412, 'The single sign-on token could not be validated.', 'rejected');
  }
  if (!belongsTo(validated, sender)) {
    log.warn('SSO token does not belong to the sender', { reason: 'user-mismatch' });
    return fail(412, 'The single sign-on token belongs to another user.', 'rejected');
  }
  try {
    await deps.broker.signIn(sender, validated, demand ?? { scopes: deps.probeScopes ?? ['User.Read'] });
  } catch (err) {
    if (err instanceof ConsentRequiredError) {
      log.info('consent required for SSO', { reason: 'consent_required' });
      return fail(412, 'Consent is required before the agent can act on your behalf.', 'consent-required');
    }
    if (err instanceof SignInRequiredError && err.reason === 'interaction-required') {
      // Teams SSO cannot carry claims: the 412 makes Teams offer the card's sign-in button instead.
      log.info('sign-in does not meet the claims a resource asked for', { reason: 'interaction_required' });
      return fail(412, 'Your organisation requires an additional sign-in step (for example multi-factor authentication) for this.', 'interaction-required');
    }
    log.warn('on-behalf-of probe failed during sign-in', { errorName: err instanceof Error ? err.name : 'unknown' });
    return fail(412, 'The agent could not get access on your behalf.', 'rejected');
  }
  log.info('user signed in with SSO', { roles: validated.roles });
  return 'signed-in';
}

/** signin/verifyState: the magic-code fallback needs the Bot Framework token service; this agent signs users in with Teams SSO only. */
export async function verifyState(context: TurnContext): Promise<SsoInvokeOutcome> {
  await respond(context, 200);
  await context.sendActivity('Sign-in with a code is not supported here. Please open the chat in Teams, where single sign-on works, and try again.');
  return 'state-not-supported';
}

/** signin/failure: Teams could not get an SSO token; say why. */
export async function signInFailure(context: TurnContext): Promise<SsoInvokeOutcome> {
  const value = (context.activity.value ?? {}) as { code?: unknown };
  const code = typeof value.code === 'string' && /^[a-z_]{1,40}$/i.test(value.code) ? value.code : 'unknown';
  log.warn('teams reported an SSO failure', { code });
  await respond(context, 200);
  const hint = code === 'resourcematchfailed' ? " The app's Application ID URI does not match the SSO resource; an administrator needs to fix the app registration." : '';
  await context.sendActivity(`Single sign-on did not work (${code}).${hint}`);
  return 'failure-reported';
}

async function respond(context: TurnContext, status: number, body?: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } } as Partial<Activity> as Activity);
}
