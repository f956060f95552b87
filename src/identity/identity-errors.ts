// Typed identity errors. Their messages are safe to show a user: they carry
// no token, no secret and no raw identity-provider response.

/** No usable SSO token for the user: the agent must send a sign-in card. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(readonly reason: 'no-sso-token' | 'sso-token-expired' | 'signed-out' | 'interaction-required' = 'no-sso-token') {
    super('Sign-in required: the agent has no valid single sign-on token for this user.');
  }
}

/**
 * A resource (Graph) refused the user's token with a claims challenge (conditional access,
 * continuous access evaluation). `claims` is the decoded claims request (JSON) to hand to Entra.
 */
export class ClaimsChallengeError extends Error {
  override readonly name = 'ClaimsChallengeError';
  constructor(readonly claims: string) {
    super('Microsoft 365 asks for a fresh sign-in that meets your organisation’s access policy.');
  }
}

/** The user (or an admin) has not consented to a scope the agent asked for. */
export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
  constructor(readonly scopes: string[]) {
    super(`Consent required for ${scopes.join(', ')}: you or your administrator have not allowed the agent to use this permission yet.`);
  }
}

/** The on-behalf-of exchange failed for another reason (network, configuration, revoked token). */
export class OboExchangeError extends Error {
  override readonly name = 'OboExchangeError';
  constructor(
    readonly code: string,
    readonly correlationId?: string,
  ) {
    super(`Could not get access to Microsoft 365 on your behalf (${code}).`);
  }
}

/** A token that failed validation; `reason` says which check. */
export class SsoTokenError extends Error {
  override readonly name = 'SsoTokenError';
  constructor(readonly reason: 'malformed' | 'tenant' | 'signature' | 'issuer' | 'audience' | 'expired' | 'not-yet-valid' | 'scope' | 'version' | 'discovery') {
    super(`The single sign-on token was rejected (${reason}).`);
  }
}

/** The actor lacks an app role the action needs. */
export class RoleRequiredError extends Error {
  override readonly name = 'RoleRequiredError';
  constructor(
    readonly role: string,
    readonly action: string,
  ) {
    super(`You need the ${role} role to ${action}. Ask your administrator to assign it to you in the agent's enterprise application.`);
  }
}

/** A tenant that is not on the allow-list. */
export class TenantNotAllowedError extends Error {
  override readonly name = 'TenantNotAllowedError';
  constructor() {
    super('This agent is not available to your organisation.');
  }
}
