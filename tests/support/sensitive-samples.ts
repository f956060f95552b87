// Values that must never leave the agent in clear under the `redacted` audit
// text policy: an e-mail address, a card number, a token and a password.
import assert from 'node:assert/strict';

export const secrets = {
  email: 'ana.lopez@contoso.co.uk',
  card: '4111 1111 1111 1111',
  token: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
  password: 'hunter2hunter2',
};

export const sensitiveInput = `mail ${secrets.email} my card ${secrets.card} token ${secrets.token} password: ${secrets.password}`;

export function assertNoSecrets(bytes: string, where: string): void {
  for (const [name, value] of Object.entries(secrets)) assert.ok(!bytes.includes(value), `${name} found in ${where}`);
}
