// The Entra emulator must behave like Entra for the clients we use (jose
// validators, MSAL through @azure/identity), over real HTTPS.
// Run with the dev CA: npx tsx scripts/with-dev-ca.ts mocha 'tests/emulators/entra*.test.ts'
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientSecretCredential, OnBehalfOfCredential, AuthenticationRequiredError } from '@azure/identity';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret, demoTenantId, otherTenantId } from '../../emulators/entra/seed.js';
import { selfSignedClientCertificate } from '../support/client-certificate.js';

const megan = 'megan@contoso.example';
// Spread so the option passes the constructor overloads (it is accepted at runtime: AuthorityValidationOptions).
const noDiscovery = { disableInstanceDiscovery: true };

describe('Entra emulator', () => {
  let entra: EntraEmulator;
  beforeEach(async () => {
    entra = await startEntraEmulator();
  });
  afterEach(async () => {
    await entra.close();
  });

  const postToken = async (tenant: string, form: Record<string, string>) => {
    const res = await fetch(`${entra.url}/${tenant}/oauth2/v2.0/token`, { method: 'POST', body: new URLSearchParams(form) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const oboForm = (assertion: string, scope: string) => ({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    client_id: demoBotAppId,
    client_secret: demoBotAppSecret,
    assertion,
    requested_token_use: 'on_behalf_of',
    scope,
  });

  it('publishes OpenID discovery whose JWKS verifies the tokens it mints', async () => {
    const config = (await (await fetch(entra.openIdConfigurationUrl(demoTenantId))).json()) as Record<string, string>;
    assert.equal(config.issuer, entra.issuer(demoTenantId));
    assert.equal(config.jwks_uri, entra.jwksUri(demoTenantId));
    assert.equal(config.token_endpoint, `${entra.url}/${demoTenantId}/oauth2/v2.0/token`);
    const token = await entra.mintUserSsoToken(megan);
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(config.jwks_uri!)), { issuer: config.issuer, audience: `api://botid-${demoBotAppId}` });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.equal(payload.tid, demoTenantId);
    assert.equal(payload.scp, 'access_as_user');
    assert.deepEqual(payload.roles, ['User']);
    assert.equal(payload.preferred_username, megan);
  });

  it('keeps the previous key published after a rotation and never publishes the rogue key', async () => {
    const before = await entra.mintToken({ aud: 'x' });
    entra.rotateKeys();
    const after = await entra.mintToken({ aud: 'x' });
    const rogue = await entra.mintToken({ aud: 'x' }, { signWith: 'rogue' });
    const jwks = (await (await fetch(entra.jwksUri(demoTenantId))).json()) as { keys: Array<{ kid: string }> };
    const kids = jwks.keys.map((k) => k.kid);
    assert.ok(kids.includes(decodeProtectedHeader(before).kid!));
    assert.ok(kids.includes(decodeProtectedHeader(after).kid!));
    assert.notEqual(decodeProtectedHeader(before).kid, decodeProtectedHeader(after).kid);
    assert.ok(!kids.includes(decodeProtectedHeader(rogue).kid!));
    const keySet = createRemoteJWKSet(new URL(entra.jwksUri(demoTenantId)));
    await jwtVerify(before, keySet);
    await assert.rejects(jwtVerify(rogue, keySet));
  });

  it('mints expired and not-yet-valid tokens on request', async () => {
    const keySet = createRemoteJWKSet(new URL(entra.jwksUri(demoTenantId)));
    await assert.rejects(jwtVerify(await entra.mintUserSsoToken(megan, { expiresInSec: -120 }), keySet), /exp/);
    await assert.rejects(jwtVerify(await entra.mintUserSsoToken(megan, { notBeforeSec: 600 }), keySet), /nbf/);
  });

  it('exchanges an SSO token on behalf of the user through OnBehalfOfCredential (client secret)', async () => {
    const sso = await entra.mintUserSsoToken(megan);
    const credential = new OnBehalfOfCredential({ tenantId: demoTenantId, clientId: demoBotAppId, clientSecret: demoBotAppSecret, userAssertionToken: sso, authorityHost: entra.url, ...noDiscovery });
    const token = await credential.getToken(['https://graph.microsoft.com/Files.Read']);
    const claims = decodeJwt(token.token);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.scp, 'Files.Read');
    assert.equal(claims.tid, demoTenantId);
    assert.equal(claims.azp, demoBotAppId);
    assert.equal(claims.oid, decodeJwt(sso).oid);
    await jwtVerify(token.token, createRemoteJWKSet(new URL(entra.jwksUri(demoTenantId))), { issuer: entra.issuer(demoTenantId) });
    const last = entra.tokenRequests().at(-1)!;
    assert.deepEqual(last.scopes, ['Files.Read']);
    assert.equal(last.outcome, 'issued');
  });

  it('accepts a client certificate (client_assertion) registered on the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entra-cert-'));
    const { certPem, keyPem } = selfSignedClientCertificate('bot-client');
    writeFileSync(join(dir, 'app.pem'), keyPem + certPem);
    entra.addClientCertificate(demoBotAppId, certPem);
    const credential = new OnBehalfOfCredential({ tenantId: demoTenantId, clientId: demoBotAppId, certificatePath: join(dir, 'app.pem'), userAssertionToken: await entra.mintUserSsoToken(megan), authorityHost: entra.url, ...noDiscovery });
    const token = await credential.getToken(['https://graph.microsoft.com/User.Read']);
    assert.equal(decodeJwt(token.token).azpacr, '2');
  });

  it('rejects a certificate that is not registered on the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entra-cert-'));
    const { certPem, keyPem } = selfSignedClientCertificate('bot-client');
    writeFileSync(join(dir, 'app.pem'), keyPem + certPem);
    const credential = new OnBehalfOfCredential({ tenantId: demoTenantId, clientId: demoBotAppId, certificatePath: join(dir, 'app.pem'), userAssertionToken: await entra.mintUserSsoToken(megan), authorityHost: entra.url, ...noDiscovery });
    await assert.rejects(credential.getToken(['https://graph.microsoft.com/User.Read']), /700027/);
  });

  it('answers consent_required (AADSTS65001) in Entra\'s error shape when the user has not consented', async () => {
    const lee = await entra.mintUserSsoToken('lee@contoso.example');
    const { status, body } = await postToken(demoTenantId, oboForm(lee, 'https://graph.microsoft.com/Mail.Send offline_access openid profile'));
    assert.equal(status, 400);
    assert.equal(body.error, 'invalid_grant');
    assert.equal(body.suberror, 'consent_required');
    assert.deepEqual(body.error_codes, [65001]);
    assert.match(String(body.error_description), /^AADSTS65001: /);
    for (const field of ['timestamp', 'trace_id', 'correlation_id', 'error_uri']) assert.ok(body[field], field);

    const credential = new OnBehalfOfCredential({ tenantId: demoTenantId, clientId: demoBotAppId, clientSecret: demoBotAppSecret, userAssertionToken: lee, authorityHost: entra.url, ...noDiscovery });
    await assert.rejects(credential.getToken(['https://graph.microsoft.com/Mail.Send']), (err: unknown) => err instanceof AuthenticationRequiredError && /AADSTS65001/.test(err.message));

    entra.grantConsent('lee@contoso.example', ['Mail.Send']);
    assert.equal((await postToken(demoTenantId, oboForm(lee, 'https://graph.microsoft.com/Mail.Send'))).status, 200);
  });

  it('honours a claims request on on-behalf-of: an authentication context the user has not met needs a step-up (AADSTS50076 + claims)', async () => {
    const claims = JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' }, xms_cc: { values: ['cp1'] } } });
    const plain = await postToken(demoTenantId, { ...oboForm(await entra.mintUserSsoToken(megan), 'User.Read'), claims });
    assert.equal(plain.status, 400);
    assert.equal(plain.body.error, 'invalid_grant');
    assert.equal(plain.body.suberror, 'basic_action');
    assert.deepEqual(plain.body.error_codes, [50076]);
    assert.deepEqual(JSON.parse(String(plain.body.claims)), { access_token: { acrs: { essential: true, values: ['c1'] } } });
    assert.deepEqual(entra.tokenRequests().at(-1)!.authContexts, ['c1']);
    assert.equal((await postToken(demoTenantId, { ...oboForm(await entra.mintUserSsoToken(megan), 'User.Read'), claims: 'not json' })).status, 400);

    // A sign-in that met c1 (e.g. with MFA): the token is issued and carries the context and the capability.
    const steppedUp = await entra.mintUserSsoToken(megan, { acrs: ['c1'] });
    const issued = await postToken(demoTenantId, { ...oboForm(steppedUp, 'User.Read'), claims });
    assert.equal(issued.status, 200);
    const token = decodeJwt(String(issued.body.access_token));
    assert.deepEqual(token.acrs, ['c1']);
    assert.deepEqual(token.xms_cc, ['cp1']);

    // A sign-in that did MFA (amr mfa) meets c1, whose policy requires MFA: the token is issued with acrs c1.
    const withMfa = await postToken(demoTenantId, { ...oboForm(await entra.mintUserSsoToken(megan, { amr: ['pwd', 'mfa'] }), 'User.Read'), claims });
    assert.equal(withMfa.status, 200);
    assert.deepEqual(decodeJwt(String(withMfa.body.access_token)).acrs, ['c1']);

    // MSAL (through @azure/identity) sends the claims and classifies the step-up as interaction required.
    const credential = new OnBehalfOfCredential({ tenantId: demoTenantId, clientId: demoBotAppId, clientSecret: demoBotAppSecret, userAssertionToken: await entra.mintUserSsoToken(megan), authorityHost: entra.url, ...noDiscovery });
    await assert.rejects(credential.getToken(['https://graph.microsoft.com/User.Read'], { claims: JSON.stringify({ access_token: { acrs: { essential: true, value: 'c1' } } }) }), (err: unknown) => err instanceof AuthenticationRequiredError && /AADSTS50076/.test(err.message));
  });

  it('rejects on-behalf-of for an expired assertion, a foreign audience and a rogue signature', async () => {
    const expired = await postToken(demoTenantId, oboForm(await entra.mintUserSsoToken(megan, { expiresInSec: -600 }), 'User.Read'));
    assert.deepEqual([expired.status, expired.body.error_codes], [400, [500133]]);
    const foreign = await postToken(demoTenantId, oboForm(await entra.mintUserSsoToken(megan, { audience: 'api://someone-else' }), 'User.Read'));
    assert.deepEqual([foreign.status, foreign.body.error], [400, 'invalid_grant']);
    const rogue = await postToken(demoTenantId, oboForm(await entra.mintUserSsoToken(megan, { signWith: 'rogue' }), 'User.Read'));
    assert.deepEqual([rogue.status, rogue.body.error], [400, 'invalid_grant']);
  });

  it('knows the bot only in its own tenant (single-tenant app)', async () => {
    const eve = await entra.mintUserSsoToken('eve@fabrikam.example');
    const inOther = await postToken(otherTenantId, oboForm(eve, 'User.Read'));
    assert.deepEqual([inOther.status, inOther.body.error, inOther.body.error_codes], [400, 'unauthorized_client', [700016]]);
    const crossTenant = await postToken(demoTenantId, oboForm(eve, 'User.Read'));
    assert.deepEqual([crossTenant.status, crossTenant.body.error], [400, 'invalid_grant']);
    const unknown = await postToken('00000000-0000-0000-0000-00000000beef', oboForm(eve, 'User.Read'));
    assert.deepEqual(unknown.body.error_codes, [90002]);
  });

  it('rejects a wrong client secret without echoing it', async () => {
    const form = { ...oboForm(await entra.mintUserSsoToken(megan), 'User.Read'), client_secret: 'not-the-secret-123' };
    const { status, body } = await postToken(demoTenantId, form);
    assert.equal(status, 401);
    assert.equal(body.error, 'invalid_client');
    assert.ok(!JSON.stringify(body).includes('not-the-secret-123'));
  });

  it('issues app-only tokens for client_credentials with .default only', async () => {
    const credential = new ClientSecretCredential(demoTenantId, demoBotAppId, demoBotAppSecret, { authorityHost: entra.url, ...noDiscovery });
    const token = await credential.getToken('https://graph.microsoft.com/.default');
    const claims = decodeJwt(token.token);
    assert.equal(claims.idtyp, 'app');
    assert.equal(claims.scp, undefined);
    const bad = await postToken(demoTenantId, { grant_type: 'client_credentials', client_id: demoBotAppId, client_secret: demoBotAppSecret, scope: 'User.Read' });
    assert.equal(bad.body.error, 'invalid_scope');
  });
});
