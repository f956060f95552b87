// One OpenID metadata and key cache serves the inbound channel check and the SSO
// validator. A counting proxy in front of the Entra emulator shows how often the
// metadata and the keys are really downloaded.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEntraEmulator, type EntraEmulator } from '../../emulators/entra/entra-emulator.js';
import { demoBotAppId, demoTenantId } from '../../emulators/entra/seed.js';
import { loadConfig } from '../../src/config.js';
import { createInboundTokenVerifier } from '../../src/host/inbound-auth.js';
import { SsoTokenError } from '../../src/identity/identity-errors.js';
import { createOpenIdKeyCache, OpenIdMetadataError } from '../../src/identity/openid-keys.js';
import { createSsoTokenValidator } from '../../src/identity/sso-token-validator.js';
import { users } from './identity-harness.js';

interface CountingProxy {
  url: string;
  metadataReads: number;
  keyReads: number;
  /** The next n metadata requests answer 503. */
  failNext: number;
  close(): Promise<void>;
}

// Serves the emulator's metadata with jwks_uri pointing back here, and its keys.
async function countingProxy(entra: EntraEmulator): Promise<CountingProxy> {
  const state = { metadataReads: 0, keyReads: 0, failNext: 0 };
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '';
    if (path.endsWith('/openid-configuration')) {
      state.metadataReads++;
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(503).end();
        return;
      }
      const doc = (await (await fetch(`${entra.url}${path}`)).json()) as Record<string, unknown>;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...doc, jwks_uri: `${base}/keys` }));
    } else if (path === '/keys') {
      state.keyReads++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(await (await fetch(entra.jwksUri(demoTenantId))).text());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as CountingProxy;
}

describe('OpenID metadata and key cache', () => {
  let entra: EntraEmulator;
  let proxy: CountingProxy;
  beforeEach(async () => {
    entra = await startEntraEmulator();
    proxy = await countingProxy(entra);
  });
  afterEach(async () => {
    await proxy.close();
    await entra.close();
  });

  const metadataUrl = () => `${proxy.url}/${demoTenantId}/v2.0/.well-known/openid-configuration`;

  it('downloads the tenant metadata and keys once for the channel check and the SSO validator together', async () => {
    const keys = createOpenIdKeyCache();
    const { auth } = loadConfig({ AUTH_MODE: 'entra', BOT_APP_ID: demoBotAppId, BOT_TENANT_ID: demoTenantId, BOT_OPENID_METADATA_URLS: metadataUrl(), BOT_TOKEN_ISSUERS: entra.issuer(demoTenantId) }).host;
    const inbound = createInboundTokenVerifier(auth, keys);
    const sso = createSsoTokenValidator({ authorityHost: proxy.url, allowedTenants: [demoTenantId], audiences: [`api://botid-${demoBotAppId}`], requiredScope: 'access_as_user', keys });
    const botToken = await entra.mintToken({ aud: demoBotAppId, tid: demoTenantId });
    const userToken = await entra.mintUserSsoToken(users.megan);
    await Promise.all([inbound.verify(`Bearer ${botToken}`), inbound.verify(`Bearer ${botToken}`), sso.validate(userToken), sso.validate(userToken)]);
    await inbound.verify(`Bearer ${botToken}`);
    await sso.validate(userToken);
    assert.equal(proxy.metadataReads, 1);
    assert.equal(proxy.keyReads, 1);
  });

  it('does not let forged key ids trigger a download per token (refresh cooldown)', async () => {
    const sso = createSsoTokenValidator({ authorityHost: proxy.url, allowedTenants: [demoTenantId], audiences: [`api://botid-${demoBotAppId}`], requiredScope: 'access_as_user', keys: createOpenIdKeyCache() });
    await sso.validate(await entra.mintUserSsoToken(users.megan));
    for (let i = 0; i < 20; i++) {
      await assert.rejects(sso.validate(await entra.mintUserSsoToken(users.megan, { signWith: 'rogue' })), (err: unknown) => err instanceof SsoTokenError && err.reason === 'signature');
    }
    assert.ok(proxy.keyReads <= 2, `${proxy.keyReads} key downloads`);
  });

  it('forgets a failed metadata download so the next call retries', async () => {
    const keys = createOpenIdKeyCache();
    proxy.failNext = 1;
    await assert.rejects(keys.load(metadataUrl()), OpenIdMetadataError);
    const loaded = await keys.load(metadataUrl());
    assert.equal(loaded.issuer, entra.issuer(demoTenantId));
    assert.equal(proxy.metadataReads, 2);
  });

  it('reads the metadata again once it is older than its lifetime', async () => {
    const keys = createOpenIdKeyCache({ metadataTtlMs: 30 });
    await keys.load(metadataUrl());
    await keys.load(metadataUrl());
    assert.equal(proxy.metadataReads, 1);
    await new Promise((r) => setTimeout(r, 50));
    await keys.load(metadataUrl());
    assert.equal(proxy.metadataReads, 2);
  });
});
