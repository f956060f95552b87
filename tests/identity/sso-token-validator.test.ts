// The SSO token Teams hands the agent is only used after every check passes.
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoTenantId, otherTenantId } from '../../emulators/entra/seed.js';
import { SsoTokenError } from '../../src/identity/identity-errors.js';
import { createOpenIdKeyCache, JWT_CLOCK_SKEW_SECONDS } from '../../src/identity/openid-keys.js';
import { createSsoTokenValidator, type SsoTokenValidator } from '../../src/identity/sso-token-validator.js';
import { ssoValidatorFor, users } from './identity-harness.js';

const rejectsWith = (promise: Promise<unknown>, reason: SsoTokenError['reason']) =>
  assert.rejects(promise, (err: unknown) => err instanceof SsoTokenError && err.reason === reason);

describe('SSO token validation', () => {
  let entra: EntraEmulator;
  let validator: SsoTokenValidator;
  // A fresh emulator per test: one test rotates the keys.
  beforeEach(async () => {
    entra = await startEntraEmulator();
    validator = ssoValidatorFor(entra);
  });
  afterEach(async () => {
    await entra.close();
  });

  it('accepts a Teams SSO token of an allowed tenant and reads the user, scopes and app roles', async () => {
    const v = await validator.validate(await entra.mintUserSsoToken(users.miriam));
    assert.equal(v.tenantId, demoTenantId);
    assert.equal(v.upn, users.miriam);
    assert.deepEqual(v.scopes, ['access_as_user']);
    assert.deepEqual(v.roles, ['User', 'Approver']);
    assert.ok(v.expiresAt > Date.now());
  });

  it('accepts the app id itself as audience', async () => {
    const v = await validator.validate(await entra.mintUserSsoToken(users.megan, { audience: demoBotAppId }));
    assert.equal(v.upn, users.megan);
  });

  it('rejects a token for another audience', async () => {
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { audience: 'api://botid-someone-else' })), 'audience');
  });

  it('rejects a token from another tenant, even one signed by the same authority', async () => {
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.eve)), 'tenant');
    // Claiming the allowed tenant while issued by another one fails on the issuer.
    const forged = await entra.mintToken({ aud: `api://botid-${demoBotAppId}`, tid: demoTenantId, oid: 'x', scp: 'access_as_user', ver: '2.0' }, { issuer: entra.issuer(otherTenantId) });
    await rejectsWith(validator.validate(forged), 'issuer');
  });

  it('rejects an expired token and one not valid yet', async () => {
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { expiresInSec: -600 })), 'expired');
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { notBeforeSec: 600 })), 'not-yet-valid');
  });

  it('tolerates the clock skew the inbound channel check tolerates, and no more', async () => {
    const within = JWT_CLOCK_SKEW_SECONDS - 60;
    const beyond = JWT_CLOCK_SKEW_SECONDS + 60;
    assert.equal((await validator.validate(await entra.mintUserSsoToken(users.megan, { expiresInSec: -within }))).upn, users.megan);
    assert.equal((await validator.validate(await entra.mintUserSsoToken(users.megan, { notBeforeSec: within }))).upn, users.megan);
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { expiresInSec: -beyond })), 'expired');
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { notBeforeSec: beyond })), 'not-yet-valid');
  });

  it('rejects a bad signature: a key not in the JWKS, and a tampered payload', async () => {
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { signWith: 'rogue' })), 'signature');
    const [h, p, s] = (await entra.mintUserSsoToken(users.megan)).split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.roles = ['Admin'];
    await rejectsWith(validator.validate(`${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`), 'signature');
  });

  it('rejects an unsigned token (alg none) and an HMAC token', async () => {
    const claims = { aud: `api://botid-${demoBotAppId}`, tid: demoTenantId, oid: 'x', scp: 'access_as_user', ver: '2.0', iss: entra.issuer(demoTenantId), exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) };
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await assert.rejects(validator.validate(none), SsoTokenError);
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-of-enough-length!'));
    await rejectsWith(validator.validate(hmac), 'signature');
  });

  it('keeps accepting tokens signed before a key rotation (previous key stays in the JWKS)', async () => {
    // No download cool-down here, so the new key is fetched as soon as a token names it.
    const keys = createOpenIdKeyCache({ keyRefreshCooldownMs: 0 });
    const validator = createSsoTokenValidator({ authorityHost: entra.url, allowedTenants: [demoTenantId], audiences: [demoBotAppId, `api://botid-${demoBotAppId}`], requiredScope: 'access_as_user', keys });
    const before = await entra.mintUserSsoToken(users.megan);
    await validator.validate(before);
    entra.rotateKeys();
    const after = await entra.mintUserSsoToken(users.megan);
    assert.equal((await validator.validate(after)).upn, users.megan);
    assert.equal((await validator.validate(before)).upn, users.megan);
  });

  it('requires the access_as_user scope and an Entra v2 token', async () => {
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { scopes: ['Files.Read'] })), 'scope');
    await rejectsWith(validator.validate(await entra.mintUserSsoToken(users.megan, { version: '1.0' })), 'issuer');
  });

  it('rejects empty, huge, binary and malformed input with a clear error', async () => {
    for (const bad of ['', 'x'.repeat(20_000), '\u0000\u0001\u0002', 'not.a.jwt', 'eyJhbGciOiJSUzI1NiJ9.e30']) {
      await assert.rejects(validator.validate(bad), (err: unknown) => err instanceof SsoTokenError && (err.reason === 'malformed' || err.reason === 'tenant'));
    }
  });
});
