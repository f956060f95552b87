// Handles the Teams SSO invokes: signin/tokenExchange (validate the token
// ourselves, de-duplicate, prove consent with an OBO probe, 412 when the token
// cannot be used so Teams shows the consent/sign-in prompt), signin/verifyState
// and signin/failure. Runs as adapter middleware, ahead of AgentApplication,
// because the application turns tokenExchange into a proactive long-running
// call whose invoke response would be lost.
import { ActivityTypes, type Activity } from '@microsoft/agents-activity';
import type { AgentApplication, TurnContext, TurnState } from '@microsoft/agents-hosting';
import { createLogger } from '../../logging/logger.js';
import { ConsentRequiredError, SsoTokenError } from '../../identity/identity-errors.js';
import type { OnBehalfOfTokenProvider } from '../../identity/obo-token-provider.js';
import type { SsoTokenValidator } from '../../identity/sso-token-validator.js';
import { isTenantAllowed } from '../../identity/tenant-allow-list.js';
import type { ExchangeClaimStore } from './exchange-deduplicator.js';
import type { UserTokenBroker } from './user-token-broker.js';

const log = createLogger('identity.sso');

export interface SsoInvokeDeps {
  validator: SsoTokenValidator;
  broker: UserTokenBroker;
  obo: Pick<OnBehalfOfTokenProvider, 'getToken'>;
  claims: ExchangeClaimStore;
  allowedTenants: readonly string[];
  connectionName: string;
  /** Scope used to prove that the user consented (the least any tool needs). */
  probeScopes?: string[];
  /** Called after a successful exchange, e.g. to answer the message that needed sign-in. */
  onSignedIn?: (context: TurnContext) => Promise<void>;
  dedupeTtlMs?: number;
}

export type SsoInvokeOutcome = 'signed-in' | 'duplicate' | 'consent-required' | 'rejected' | 'failure-reported' | 'state-not-supported';

const ssoInvokes = new Set(['signin/tokenExchange', 'signin/verifyState', 'signin/failure']);

export function isSsoInvoke(activity: Activity): boolean {
  return activity.type === ActivityTypes.Invoke && typeof activity.name === 'string' && ssoInvokes.has(activity.name);
}

/** Adapter middleware: answers SSO invokes itself and passes everything else on. */
export function createSsoMiddleware(deps: SsoInvokeDeps) {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (!isSsoInvoke(context.activity)) return next();
      await handleSsoInvoke(context, deps);
    },
  };
}

/** Installs the SSO invoke handling on the application's adapter. */
export function registerSsoRoutes(app: AgentApplication<TurnState>, deps: SsoInvokeDeps): void {
  app.adapter.use(createSsoMiddleware(deps));
}

export async function handleSsoInvoke(context: TurnContext, deps: SsoInvokeDeps): Promise<SsoInvokeOutcome> {
  const name = context.activity.name;
  if (name === 'signin/tokenExchange') return tokenExchange(context, deps);
  if (name === 'signin/verifyState') {
    // The magic-code fallback needs the Bot Framework token service; this agent
    // signs users in with Teams SSO only.
    await respond(context, 200);
    await context.sendActivity('Sign-in with a code is not supported here. Please open the chat in Teams, where single sign-on works, and try again.');
    return 'state-not-supported';
  }
  const value = (context.activity.value ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof value.code === 'string' ? value.code.slice(0, 64) : 'unknown';
  log.warn('teams reported an SSO failure', { code });
  await respond(context, 200);
  const hint = code === 'resourcematchfailed' ? " The app's Application ID URI does not match the SSO resource; an administrator needs to fix the app registration." : '';
  await context.sendActivity(`Single sign-on did not work (${code}).${hint}`);
  return 'failure-reported';
}

async function tokenExchange(context: TurnContext, deps: SsoInvokeDeps): Promise<SsoInvokeOutcome> {
  const activity = context.activity;
  const value = (activity.value ?? {}) as { id?: unknown; connectionName?: unknown; token?: unknown };
  const exchangeId = typeof value.id === 'string' ? value.id.slice(0, 200) : '';
  const connectionName = typeof value.connectionName === 'string' ? value.connectionName : deps.connectionName;
  const fail = async (status: number, detail: string, outcome: SsoInvokeOutcome): Promise<SsoInvokeOutcome> => {
    await respond(context, status, { id: exchangeId, connectionName, failureDetail: detail });
    return outcome;
  };

  if (!exchangeId || typeof value.token !== 'string' || value.token.length === 0) return fail(400, 'The token exchange request has no id or token.', 'rejected');
  const claimKey = `${activity.channelId ?? ''}|${activity.conversation?.id ?? ''}|${activity.from?.id ?? ''}|${exchangeId}`;
  if (!(await deps.claims.claim(claimKey, deps.dedupeTtlMs ?? 5 * 60_000))) {
    // A retry or a copy delivered to this instance after another handled it.
    await respond(context, 200);
    log.info('duplicate token exchange ignored');
    return 'duplicate';
  }

  const activityTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  if (!isTenantAllowed(activityTenant, deps.allowedTenants)) return fail(412, 'This agent is not available to your organisation.', 'rejected');

  let validated;
  try {
    validated = await deps.validator.validate(value.token);
  } catch (err) {
    const reason = err instanceof SsoTokenError ? err.reason : 'unknown';
    log.warn('SSO token rejected', { reason });
    return fail(412, 'The single sign-on token could not be validated.', 'rejected');
  }
  const fromOid = activity.from?.aadObjectId;
  if ((fromOid && fromOid.toLowerCase() !== validated.oid.toLowerCase()) || validated.tenantId.toLowerCase() !== String(activityTenant).toLowerCase()) {
    log.warn('SSO token does not belong to the sender', { reason: 'user-mismatch' });
    return fail(412, 'The single sign-on token belongs to another user.', 'rejected');
  }

  try {
    await deps.obo.getToken(validated.oid.toLowerCase(), validated.token, deps.probeScopes ?? ['User.Read']);
  } catch (err) {
    if (err instanceof ConsentRequiredError) {
      log.info('consent required for SSO', { reason: 'consent_required' });
      return fail(412, 'Consent is required before the agent can act on your behalf.', 'consent-required');
    }
    log.warn('on-behalf-of probe failed during sign-in', { errorName: err instanceof Error ? err.name : 'unknown' });
    return fail(412, 'The agent could not get access on your behalf.', 'rejected');
  }

  deps.broker.remember({ userId: activity.from?.id ?? 'unknown', aadObjectId: validated.oid }, validated);
  await respond(context, 200, { id: exchangeId, connectionName });
  log.info('user signed in with SSO', { roles: validated.roles });
  if (deps.onSignedIn) await deps.onSignedIn(context);
  return 'signed-in';
}

async function respond(context: TurnContext, status: number, body?: unknown): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } } as Partial<Activity> as Activity);
}
