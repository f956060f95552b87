// Local development only: the Agents Playground has no Teams SSO, so each
// playground user is mapped to a seeded user of the emulated tenant and the
// SSO token Teams would hand the agent is fetched from the Entra emulator.
// A playground user whose aadObjectId (from the playground's config file) is a
// seeded user's object id becomes that user, so a second playground user can
// act as an approver; anyone else becomes SSO_DEV_USER. Everything after this
// (validation, OBO, Graph) is the production path.
// Enabled only by SSO_DEV_USER, which config accepts only with AUTH_MODE=dev-anonymous.

export interface DevSsoSource {
  readonly user: string;
  /** The token of the seeded user with this object id, else of SSO_DEV_USER. */
  fetchToken(aadObjectId?: string): Promise<string>;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createDevSsoSource(opts: { tokenUrl: string; user: string; fetch?: typeof fetch }): DevSsoSource {
  const doFetch = opts.fetch ?? fetch;
  const request = (user: string) =>
    doFetch(opts.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The dev sign-in counts as one that did MFA, so approvals work with the production MFA default.
      body: JSON.stringify({ user, amr: ['pwd', 'mfa'] }),
      signal: AbortSignal.timeout(10_000),
    });
  return {
    user: opts.user,
    async fetchToken(aadObjectId) {
      let res = aadObjectId && OBJECT_ID.test(aadObjectId) ? await request(aadObjectId) : undefined;
      // Not a seeded user (e.g. the playground's default ids): the configured dev user.
      if (!res || res.status === 400) res = await request(opts.user);
      if (!res.ok) throw new Error(`The Entra emulator refused a dev SSO token (HTTP ${res.status}); is SSO_DEV_USER a seeded user?`);
      const body = (await res.json()) as { access_token?: unknown };
      if (typeof body.access_token !== 'string') throw new Error('The Entra emulator answered without a token.');
      return body.access_token;
    },
  };
}
