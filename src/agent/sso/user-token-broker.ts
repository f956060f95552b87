// Gives the turn pipeline the signed-in user's Graph token for exactly the
// scopes a tool needs: SSO token from the store (or, in local dev, from the
// Entra emulator) → on-behalf-of exchange. No SSO token → SignInRequiredError,
// and the agent answers with the sign-in card.
import type { TurnActor } from '../../audit/turn-record.js';
import { createLogger } from '../../logging/logger.js';
import { SignInRequiredError } from '../../identity/identity-errors.js';
import type { OnBehalfOfTokenProvider } from '../../identity/obo-token-provider.js';
import type { SsoTokenValidator, ValidatedSsoToken } from '../../identity/sso-token-validator.js';
import { isTenantAllowed } from '../../identity/tenant-allow-list.js';
import type { DevSsoSource } from './dev-sso-source.js';
import type { SsoTokenStore } from './sso-token-store.js';

const log = createLogger('identity.broker');
/** An SSO token this close to expiry is not used for a new exchange. */
const expiryMarginMs = 60_000;

export interface UserTokenBrokerDeps {
  store: SsoTokenStore;
  obo: Pick<OnBehalfOfTokenProvider, 'getToken' | 'signOut'>;
  validator: SsoTokenValidator;
  allowedTenants: readonly string[];
  /** Local development only (SSO_DEV_USER). */
  devSource?: DevSsoSource;
}

export interface UserTokenBroker {
  /** Graph token for the actor limited to these scopes. */
  getUserToken(actor: TurnActor, scopes: string[]): Promise<string>;
  /** App roles from the user's validated SSO token (empty before sign-in). */
  rolesOf(actor: Pick<TurnActor, 'userId' | 'aadObjectId'>): string[];
  /** In dev mode, fetches the mapped user's token (e.g. at start-up) so roles are known from the first turn. No-op otherwise. */
  warmUp(actor?: Pick<TurnActor, 'userId' | 'aadObjectId'>): Promise<void>;
  /** Keeps a token validated by the signin/tokenExchange handler. */
  remember(actor: Pick<TurnActor, 'userId' | 'aadObjectId'>, validated: ValidatedSsoToken): void;
  /** The "sign out" command: forgets the SSO token and every cached Graph token of the user. */
  signOut(actor: Pick<TurnActor, 'userId' | 'aadObjectId'>): boolean;
}

const keysOf = (actor: Pick<TurnActor, 'userId' | 'aadObjectId'>) => [actor.aadObjectId, actor.userId];

export function createUserTokenBroker(deps: UserTokenBrokerDeps): UserTokenBroker {
  let devFetch: Promise<ValidatedSsoToken> | undefined;
  // Dev mode maps every playground user to the one seeded demo user.
  let devToken: ValidatedSsoToken | undefined;
  const devTokenValid = () => devToken !== undefined && devToken.expiresAt - expiryMarginMs > Date.now();

  const fromDevSource = async (actor?: Pick<TurnActor, 'userId' | 'aadObjectId'>): Promise<ValidatedSsoToken | undefined> => {
    if (!deps.devSource) return undefined;
    if (!devTokenValid()) {
      // One fetch at a time: concurrent first turns share it.
      devFetch ??= deps.devSource
        .fetchToken()
        .then((token) => deps.validator.validate(token))
        .finally(() => {
          devFetch = undefined;
        });
      devToken = await devFetch;
      log.info('dev SSO token obtained for the mapped playground user', { devUserMapped: true });
    }
    if (actor) deps.store.put(keysOf(actor), devToken!, 'dev');
    return devToken;
  };

  const current = async (actor: TurnActor): Promise<ValidatedSsoToken> => {
    let stored = deps.store.get(keysOf(actor));
    if (stored && stored.validated.expiresAt - expiryMarginMs <= Date.now()) {
      deps.store.remove(...keysOf(actor));
      stored = undefined;
      if (!deps.devSource) throw new SignInRequiredError('sso-token-expired');
    }
    if (stored) {
      // A token taken from Teams must belong to the tenant the activity came from.
      if (stored.source === 'teams' && actor.tenantId && actor.tenantId.toLowerCase() !== stored.validated.tenantId.toLowerCase()) throw new SignInRequiredError('no-sso-token');
      return stored.validated;
    }
    const dev = await fromDevSource(actor);
    if (dev) return dev;
    throw new SignInRequiredError('no-sso-token');
  };

  return {
    async getUserToken(actor, scopes) {
      const sso = await current(actor);
      if (!isTenantAllowed(sso.tenantId, deps.allowedTenants)) throw new SignInRequiredError('no-sso-token');
      const token = await deps.obo.getToken(sso.oid.toLowerCase(), sso.token, scopes);
      return token.token;
    },
    rolesOf(actor) {
      const stored = deps.store.get(keysOf(actor));
      if (stored && stored.validated.expiresAt > Date.now()) return [...stored.validated.roles];
      return deps.devSource && devTokenValid() ? [...devToken!.roles] : [];
    },
    async warmUp(actor) {
      if (!deps.devSource || (actor && deps.store.get(keysOf(actor)))) return;
      try {
        await fromDevSource(actor);
      } catch (err) {
        log.warn('dev SSO token unavailable', { error: err });
      }
    },
    remember(actor, validated) {
      deps.store.put(keysOf(actor), validated, 'teams');
    },
    signOut(actor) {
      const oid = deps.store.remove(...keysOf(actor));
      const key = oid ?? actor.aadObjectId?.toLowerCase();
      const hadTokens = key ? deps.obo.signOut(key) : false;
      // Dev mode: the next turn fetches a fresh token for the mapped user.
      const hadDev = devToken !== undefined;
      devToken = undefined;
      return oid !== undefined || hadTokens || hadDev;
    },
  };
}
