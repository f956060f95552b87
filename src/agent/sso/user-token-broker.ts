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
import type { SignOutMarkers } from './sign-out-markers.js';
import type { SenderBinding, SsoTokenStore, StoredSsoToken } from './sso-token-store.js';
import { StateError } from '../../state/state-errors.js';

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
  /** Shared sign-out markers, so a sign-out on one instance holds on all; without them sign-out is per instance. */
  signedOut?: SignOutMarkers;
}

export interface SignOutResult {
  /** Something was forgotten on this instance. */
  signedOut: boolean;
  /** The sign-out marker was written, so the other instances stop using their copies too. */
  everywhere: boolean;
}

/** The sender a sign-in is bound to: tenant, Entra object id and channel user id of the activity. */
export type TokenActor = Pick<TurnActor, 'userId' | 'aadObjectId' | 'tenantId'>;

export interface UserTokenOptions {
  /** A claims request (JSON) from a resource's claims challenge, passed on to Entra; skips cached tokens. */
  claims?: string;
}

export interface UserTokenBroker {
  /** Graph token for the actor limited to these scopes. */
  getUserToken(actor: TurnActor, scopes: string[], options?: UserTokenOptions): Promise<string>;
  /**
   * App roles from the user's validated SSO token: empty before sign-in, and once the user signed out on
   * any instance (the shared marker; the token held here is forgotten then, so signInOf sees none either).
   */
  rolesOf(actor: TokenActor): Promise<string[]>;
  /** Roles, display name and how the sender signed in (amr, acrs), from the same validated token as rolesOf; undefined before sign-in. */
  signInOf(actor: TokenActor): { roles: string[]; amr: string[]; acrs: string[]; groups: string[]; name?: string } | undefined;
  /** In dev mode, fetches the mapped user's token (e.g. at start-up) so roles are known from the first turn. No-op otherwise. */
  warmUp(actor?: TokenActor): Promise<void>;
  /** Keeps a token validated by the signin/tokenExchange handler; refuses one that is not the sender's own. */
  remember(actor: TokenActor, validated: ValidatedSsoToken): void;
  /**
   * Proves the agent can act for the sender with this token (an OBO exchange for `scopes`, with the
   * claims a resource asked for, if any), then keeps it. Throws ConsentRequiredError, or
   * SignInRequiredError('interaction-required') when the sign-in does not meet the claims.
   */
  signIn(actor: TokenActor, validated: ValidatedSsoToken, proof: { scopes: string[]; claims?: string }): Promise<void>;
  /** The "sign out" command: forgets the SSO token and every cached Graph token of the user, here and (by a marker) on every instance. */
  signOut(actor: TokenActor): Promise<SignOutResult>;
}

const bindingOf = (actor: TokenActor): SenderBinding => ({ tenantId: actor.tenantId, aadObjectId: actor.aadObjectId, userId: actor.userId });
const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** A token from Teams serves only the sender it was exchanged for: its oid and tid are the activity's. */
export function belongsTo(validated: Pick<ValidatedSsoToken, 'oid' | 'tenantId'>, actor: TokenActor): boolean {
  return same(validated.oid, actor.aadObjectId) && same(validated.tenantId, actor.tenantId);
}

/** The OBO provider caches Graph tokens per Entra user. */
const oboUserKey = (validated: ValidatedSsoToken) => `${validated.tenantId}|${validated.oid}`.toLowerCase();

export function createUserTokenBroker(deps: UserTokenBrokerDeps): UserTokenBroker {
  // Dev mode maps each playground user to a seeded user (by object id, else SSO_DEV_USER): one token per mapped id.
  const devTokens = new Map<string, { token?: ValidatedSsoToken; fetching?: Promise<ValidatedSsoToken> }>();
  const devKey = (actor?: TokenActor) => (actor?.aadObjectId ?? '').toLowerCase().slice(0, 64);
  const ownDevToken = (actor?: TokenActor) => {
    const token = devTokens.get(devKey(actor))?.token;
    return token && token.expiresAt - expiryMarginMs > Date.now() ? token : undefined;
  };
  /** Before a user's own dev token is fetched, what SSO_DEV_USER's shows (every playground user starts as that user). */
  const devTokenOf = (actor?: TokenActor) => ownDevToken(actor) ?? ownDevToken();

  const fromDevSource = async (actor?: TokenActor): Promise<ValidatedSsoToken | undefined> => {
    if (!deps.devSource) return undefined;
    let devToken = ownDevToken(actor);
    if (!devToken) {
      const key = devKey(actor);
      const entry = devTokens.get(key) ?? {};
      if (!devTokens.has(key) && devTokens.size >= 100) devTokens.clear();
      devTokens.set(key, entry);
      // One fetch per mapped user at a time: concurrent first turns share it.
      entry.fetching ??= deps.devSource
        .fetchToken(actor?.aadObjectId)
        .then((token) => deps.validator.validate(token))
        .finally(() => {
          entry.fetching = undefined;
        });
      devToken = entry.token = await entry.fetching;
      log.info('dev SSO token obtained for the mapped playground user', { devUserMapped: true });
    }
    if (actor) deps.store.put(bindingOf(actor), devToken, 'dev');
    return devToken;
  };

  /** True when the user signed out (on any instance) at or after `since`. A store outage reads as "no" (logged). */
  const signedOutSince = async (actor: TokenActor, since: number): Promise<boolean> => {
    if (!deps.signedOut) return false;
    try {
      const at = await deps.signedOut.signedOutAt(actor);
      return at !== undefined && at >= since;
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      log.warn('sign-out markers unavailable; using this instance’s sign-in', { code: err.code, backend: err.backend });
      return false;
    }
  };

  /** Forgets a Teams sign-in made before the user's last sign-out (on any instance); true when it did. */
  const forgetIfSignedOut = async (actor: TokenActor, stored: StoredSsoToken): Promise<boolean> => {
    if (stored.source !== 'teams' || !(await signedOutSince(actor, stored.storedAt))) return false;
    deps.store.remove(bindingOf(actor));
    deps.obo.signOut(oboUserKey(stored.validated));
    return true;
  };

  const current = async (actor: TokenActor): Promise<ValidatedSsoToken> => {
    let stored = deps.store.get(bindingOf(actor));
    if (stored && stored.validated.expiresAt - expiryMarginMs <= Date.now()) {
      deps.store.remove(bindingOf(actor));
      stored = undefined;
      if (!deps.devSource) throw new SignInRequiredError('sso-token-expired');
    }
    if (stored) {
      // Checked on every use, not only when stored: a Teams token serves only its own user and tenant.
      if (stored.source === 'teams' && !belongsTo(stored.validated, actor)) throw new SignInRequiredError('no-sso-token');
      if (await forgetIfSignedOut(actor, stored)) throw new SignInRequiredError('no-sso-token');
      return stored.validated;
    }
    const dev = await fromDevSource(actor);
    if (dev) return dev;
    throw new SignInRequiredError('no-sso-token');
  };

  const signInOf = (actor: TokenActor) => {
    const stored = deps.store.get(bindingOf(actor));
    const token = stored && stored.validated.expiresAt > Date.now() && (stored.source === 'dev' || belongsTo(stored.validated, actor)) ? stored.validated : deps.devSource ? devTokenOf(actor) : undefined;
    return token ? { roles: [...token.roles], amr: [...(token.amr ?? [])], acrs: [...(token.acrs ?? [])], groups: [...(token.groups ?? [])], ...(token.name ? { name: token.name } : {}) } : undefined;
  };

  return {
    async getUserToken(actor, scopes, options) {
      const sso = await current(actor);
      if (!isTenantAllowed(sso.tenantId, deps.allowedTenants)) throw new SignInRequiredError('no-sso-token');
      const token = await deps.obo.getToken(oboUserKey(sso), sso.token, scopes, options);
      return token.token;
    },
    async rolesOf(actor) {
      const stored = deps.store.get(bindingOf(actor));
      if (stored) await forgetIfSignedOut(actor, stored);
      return signInOf(actor)?.roles ?? [];
    },
    signInOf,
    async warmUp(actor) {
      if (!deps.devSource || (actor && deps.store.get(bindingOf(actor)))) return;
      try {
        await fromDevSource(actor);
      } catch (err) {
        log.warn('dev SSO token unavailable', { error: err });
      }
    },
    remember(actor, validated) {
      if (!belongsTo(validated, actor)) throw new SignInRequiredError('no-sso-token');
      deps.store.put(bindingOf(actor), validated, 'teams');
    },
    async signIn(actor, validated, proof) {
      if (!belongsTo(validated, actor)) throw new SignInRequiredError('no-sso-token');
      await deps.obo.getToken(oboUserKey(validated), validated.token, proof.scopes, proof.claims ? { claims: proof.claims } : undefined);
      deps.store.put(bindingOf(actor), validated, 'teams');
    },
    async signOut(actor) {
      const removed = deps.store.remove(bindingOf(actor));
      // Only the removed sign-in's own Graph tokens: naming someone's object id signs nobody else out.
      const hadTokens = removed ? deps.obo.signOut(oboUserKey(removed.validated)) : false;
      // Dev mode: the next turn fetches a fresh token for the mapped user.
      const hadDev = devTokens.delete(devKey(actor));
      let everywhere = !deps.signedOut;
      // The marker names the Entra user the activity names; without an object id there is nobody to mark.
      if (deps.signedOut && actor.aadObjectId) {
        try {
          await deps.signedOut.mark(actor);
          everywhere = true;
        } catch (err) {
          if (!(err instanceof StateError)) throw err;
          log.warn('sign-out marker not written; other instances keep their copy until it expires', { code: err.code, backend: err.backend });
        }
      }
      return { signedOut: removed !== undefined || hadTokens || hadDev, everywhere };
    },
  };
}
