// On-behalf-of through @azure/identity against the Entra emulator: exact
// scopes per call, a per-user cache, sign-out, certificate credentials and
// clear errors.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoBotAppSecret } from '../../emulators/entra/seed.js';
import { OnBehalfOfTokenProvider } from '../../src/identity/obo-token-provider.js';
import { ConsentRequiredError, OboExchangeError, SignInRequiredError } from '../../src/identity/identity-errors.js';
import { captureLogs, oboProviderFor, users } from './identity-harness.js';
import { selfSignedClientCertificate } from '../support/client-certificate.js';

describe('on-behalf-of token provider', () => {
  let entra: EntraEmulator;
  beforeEach(async () => {
    entra = await startEntraEmulator();
  });
  afterEach(async () => {
    await entra.close();
  });
  const oboRequests = () => entra.tokenRequests().filter((r) => r.grantType.endsWith('jwt-bearer'));

  it('asks Entra for exactly the scopes of the call and returns a Graph token for the user', async () => {
    const obo = oboProviderFor(entra);
    const sso = await entra.mintUserSsoToken(users.megan);
    const token = await obo.getToken('megan', sso, ['Files.Read']);
    const claims = decodeJwt(token.token);
    assert.equal(claims.scp, 'Files.Read');
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.oid, decodeJwt(sso).oid);
    assert.deepEqual(oboRequests().map((r) => r.scopes), [['Files.Read']]);
  });

  it('caches per user and scope set, and sign-out forgets the user', async () => {
    const obo = oboProviderFor(entra);
    const megan = await entra.mintUserSsoToken(users.megan);
    const alex = await entra.mintUserSsoToken(users.alex);
    const a = await obo.getToken('megan', megan, ['User.Read']);
    const b = await obo.getToken('megan', megan, ['User.Read']);
    assert.equal(a.token, b.token);
    assert.equal(oboRequests().length, 1);
    await obo.getToken('megan', megan, ['Sites.Read.All']);
    const alexToken = await obo.getToken('alex', alex, ['User.Read']);
    assert.notEqual(decodeJwt(alexToken.token).oid, decodeJwt(a.token).oid);
    assert.equal(oboRequests().length, 3);
    assert.ok(obo.signOut('megan'));
    assert.deepEqual(obo.cachedScopeSets('megan'), []);
    await obo.getToken('megan', megan, ['User.Read']);
    assert.equal(oboRequests().length, 4);
  });

  it('renews a cached token that is about to expire', async () => {
    entra.setAccessTokenLifetime(120);
    const obo = oboProviderFor(entra, undefined, { refreshMarginSec: 300 });
    const sso = await entra.mintUserSsoToken(users.megan);
    await obo.getToken('megan', sso, ['User.Read']);
    await obo.getToken('megan', sso, ['User.Read']);
    assert.equal(oboRequests().length, 2);
  });

  it('never asks for .default or malformed scopes', async () => {
    const obo = oboProviderFor(entra);
    const sso = await entra.mintUserSsoToken(users.megan);
    for (const scopes of [['.default'], ['https://graph.microsoft.com/.default'], [], ['User.Read offline_access'], ['../x']]) {
      await assert.rejects(obo.getToken('megan', sso, scopes), OboExchangeError);
    }
    assert.equal(oboRequests().length, 0);
  });

  it('reports missing consent as ConsentRequiredError naming the scope', async () => {
    const obo = oboProviderFor(entra);
    const sso = await entra.mintUserSsoToken(users.lee);
    await assert.rejects(obo.getToken('lee', sso, ['Mail.Send']), (err: unknown) => err instanceof ConsentRequiredError && err.scopes.includes('Mail.Send'));
    assert.equal((await obo.getToken('lee', sso, ['User.Read'])).token.length > 0, true);
  });

  it('asks for sign-in again when the SSO token has expired', async () => {
    const obo = oboProviderFor(entra);
    const sso = await entra.mintUserSsoToken(users.megan, { expiresInSec: -600 });
    await assert.rejects(obo.getToken('megan', sso, ['User.Read']), SignInRequiredError);
  });

  it('turns a wrong client secret or an unreachable authority into a friendly OboExchangeError without secrets', async () => {
    const secret = 'wrong-secret-value-1234567890';
    const { lines } = await captureLogs(async () => {
      const wrong = oboProviderFor(entra, { kind: 'secret', clientSecret: secret });
      await assert.rejects(wrong.getToken('megan', await entra.mintUserSsoToken(users.megan), ['User.Read']), (err: unknown) => err instanceof OboExchangeError && !err.message.includes(secret) && /on your behalf/.test(err.message));
    });
    assert.ok(lines.some((l) => l.includes('on-behalf-of exchange failed')));
    assert.ok(lines.every((l) => !l.includes(secret)));
    const url = entra.url;
    const sso = await entra.mintUserSsoToken(users.megan);
    await entra.close();
    const dead = new OnBehalfOfTokenProvider({ tenantId: 'c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01', clientId: demoBotAppId, authorityHost: url, credential: { kind: 'secret', clientSecret: demoBotAppSecret } });
    await assert.rejects(dead.getToken('megan', sso, ['User.Read']), OboExchangeError);
    entra = await startEntraEmulator();
  });

  it('fails clearly when no client credential is configured', async () => {
    const obo = oboProviderFor(entra, { kind: 'none' });
    await assert.rejects(obo.getToken('megan', await entra.mintUserSsoToken(users.megan), ['User.Read']), (err: unknown) => err instanceof OboExchangeError && err.code === 'no-client-credential');
  });

  it('authenticates the app with a certificate, in one PEM file or as separate certificate and key files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'obo-cert-'));
    const { certPem, keyPem } = selfSignedClientCertificate('secure-teams-agent');
    writeFileSync(join(dir, 'both.pem'), keyPem + certPem);
    writeFileSync(join(dir, 'cert.pem'), certPem);
    writeFileSync(join(dir, 'key.pem'), keyPem);
    entra.addClientCertificate(demoBotAppId, certPem);
    const sso = await entra.mintUserSsoToken(users.megan);
    const one = oboProviderFor(entra, { kind: 'certificate', certificatePath: join(dir, 'both.pem') });
    assert.equal(decodeJwt((await one.getToken('megan', sso, ['User.Read'])).token).azpacr, '2');
    const split = oboProviderFor(entra, { kind: 'certificate-and-key', certificatePath: join(dir, 'cert.pem'), privateKeyPath: join(dir, 'key.pem') });
    assert.equal(decodeJwt((await split.getToken('megan', sso, ['Files.Read'])).token).azpacr, '2');
  });

  it('writes no token, assertion or secret into any log line', async () => {
    const sso = await entra.mintUserSsoToken(users.megan);
    const { result, lines } = await captureLogs(async () => {
      const obo = oboProviderFor(entra);
      const t = await obo.getToken('megan', sso, ['User.Read']);
      await obo.getToken('lee', await entra.mintUserSsoToken(users.lee), ['Mail.Send']).catch(() => undefined);
      return t.token;
    });
    assert.ok(lines.length >= 2, `the provider logs its exchanges: ${lines.length}`);
    for (const line of lines) {
      for (const secretish of [sso, result, demoBotAppSecret, sso.split('.')[2]!, result.split('.')[2]!]) assert.ok(!line.includes(secretish), `log line leaks a credential: ${line.slice(0, 120)}`);
    }
  });
});
