// The broker the turn pipeline calls: stored SSO token (or the dev-mode
// source) → OBO token for exact scopes; sign-out; expiry; tenant checks.
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoTenantId } from '../../emulators/entra/seed.js';
import { createDevSsoSource } from '../../src/agent/sso/dev-sso-source.js';
import { SsoTokenStore } from '../../src/agent/sso/sso-token-store.js';
import { createUserTokenBroker } from '../../src/agent/sso/user-token-broker.js';
import { SignInRequiredError } from '../../src/identity/identity-errors.js';
import type { TurnActor } from '../../src/audit/turn-record.js';
import { oboProviderFor, ssoValidatorFor, users } from './identity-harness.js';

describe('user token broker', () => {
  let entra: EntraEmulator;
  beforeEach(async () => {
    entra = await startEntraEmulator();
  });
  afterEach(async () => {
    await entra.close();
  });
  const brokerWith = (devUser?: string) =>
    createUserTokenBroker({
      store: new SsoTokenStore(),
      obo: oboProviderFor(entra),
      validator: ssoValidatorFor(entra),
      allowedTenants: [demoTenantId],
      devSource: devUser ? createDevSsoSource({ tokenUrl: `${entra.url}/_emulator/sso-token`, user: devUser }) : undefined,
    });
  // What the Agents Playground sends: its own fake user and tenant ids.
  const playgroundUser: TurnActor = { userId: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000aa', tenantId: '00000000-0000-0000-0000-000000000001', roles: [] };

  it('asks for sign-in when there is no SSO token and no dev source', async () => {
    await assert.rejects(brokerWith().getUserToken(playgroundUser, ['User.Read']), (err: unknown) => err instanceof SignInRequiredError && err.reason === 'no-sso-token');
  });

  it('in dev mode maps the playground user to the seeded demo user through the Entra emulator', async () => {
    const broker = brokerWith(users.megan);
    assert.deepEqual(await broker.rolesOf(playgroundUser), []);
    await broker.warmUp();
    assert.deepEqual(await broker.rolesOf(playgroundUser), ['User']);
    const token = await broker.getUserToken(playgroundUser, ['Files.Read.All']);
    const claims = decodeJwt(token);
    assert.equal(claims.preferred_username, users.megan);
    assert.equal(claims.scp, 'Files.Read.All');
    // The production path: an SSO token from the emulator, then a real on-behalf-of exchange.
    assert.ok(entra.tokenRequests().some((r) => r.grantType.endsWith('jwt-bearer') && r.outcome === 'issued'));
  });

  it('sign-out forgets the SSO token and cached Graph tokens', async () => {
    const broker = brokerWith();
    const validated = await ssoValidatorFor(entra).validate(await entra.mintUserSsoToken(users.alex));
    const actor: TurnActor = { userId: '29:alex', aadObjectId: validated.oid, tenantId: demoTenantId, roles: [] };
    broker.remember(actor, validated);
    await broker.getUserToken(actor, ['User.Read']);
    // The sign-in is bound to tenant + object id + channel user id: naming only part of it signs nobody out.
    assert.equal((await broker.signOut({ userId: '29:alex', tenantId: demoTenantId })).signedOut, false);
    assert.equal((await broker.signOut(actor)).signedOut, true);
    await assert.rejects(broker.getUserToken(actor, ['User.Read']), SignInRequiredError);
    assert.deepEqual(await broker.rolesOf(actor), []);
    assert.equal((await broker.signOut(actor)).signedOut, false);
  });

  it('does not use an expired SSO token, nor one from another tenant than the activity', async () => {
    const broker = brokerWith();
    const validator = ssoValidatorFor(entra);
    const fresh = await validator.validate(await entra.mintUserSsoToken(users.megan));
    const actor: TurnActor = { userId: '29:megan', aadObjectId: fresh.oid, tenantId: demoTenantId, roles: [] };
    broker.remember(actor, { ...fresh, expiresAt: Date.now() + 1000 });
    await assert.rejects(broker.getUserToken(actor, ['User.Read']), (err: unknown) => err instanceof SignInRequiredError && err.reason === 'sso-token-expired');
    broker.remember(actor, fresh);
    await assert.rejects(broker.getUserToken({ ...actor, tenantId: '99999999-9999-4999-8999-999999999999' }, ['User.Read']), SignInRequiredError);
    assert.ok((await broker.getUserToken(actor, ['User.Read'])).length > 0);
  });

  it('fails clearly when the dev user is not seeded', async () => {
    await assert.rejects(brokerWith('nobody@contoso.example').getUserToken(playgroundUser, ['User.Read']), /seeded user/);
  });
});
