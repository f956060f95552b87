// Local development only: the Agents Playground has no Teams SSO, so the
// playground user is mapped to a seeded user of the emulated tenant and the
// SSO token Teams would hand the agent is fetched from the Entra emulator.
// Everything after this (validation, OBO, Graph) is the production path.
// Enabled only by SSO_DEV_USER, which config accepts only with AUTH_MODE=dev-anonymous.

export interface DevSsoSource {
  readonly user: string;
  fetchToken(): Promise<string>;
}

export function createDevSsoSource(opts: { tokenUrl: string; user: string; fetch?: typeof fetch }): DevSsoSource {
  const doFetch = opts.fetch ?? fetch;
  return {
    user: opts.user,
    async fetchToken() {
      const res = await doFetch(opts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: opts.user }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`The Entra emulator refused a dev SSO token (HTTP ${res.status}); is SSO_DEV_USER a seeded user?`);
      const body = (await res.json()) as { access_token?: unknown };
      if (typeof body.access_token !== 'string') throw new Error('The Entra emulator answered without a token.');
      return body.access_token;
    },
  };
}
