// Production reaches Azure Tables without a key: a TokenCredential (managed
// identity / DefaultAzureCredential) gets an Entra token for Storage. Azurite in
// `--oauth basic` mode over HTTPS checks the token's issuer, audience and lifetime.
import assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { AzureTablesStateStore } from '../../src/state/azure-tables-state-store.js';
import { StateError } from '../../src/state/state-errors.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** Stands in for Entra: issues a token shaped like a Storage access token (Azurite does not check signatures). */
class StorageTokenIssuer implements TokenCredential {
  readonly scopes: string[][] = [];
  constructor(private readonly audience = 'https://storage.azure.com') {}
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push([scopes].flat());
    const now = Math.floor(Date.now() / 1000);
    const claims = { aud: this.audience, iss: 'https://sts.windows.net/00000000-0000-0000-0000-0000000000aa/', iat: now, nbf: now - 60, exp: now + 3600, oid: 'agent-identity' };
    return { token: `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`, expiresOnTimestamp: (now + 3600) * 1000 };
  }
}

describe('Azure Tables state store, keyless (Entra token, HTTPS)', function () {
  this.timeout(40_000);
  let azurite: Azurite;
  before(async () => {
    azurite = await startAzurite({ oauth: true });
  });
  after(async () => azurite?.stop());

  it('writes and reads with a bearer token for the Storage audience, and no account key', async () => {
    const credential = new StorageTokenIssuer();
    const store = new AzureTablesStateStore({ tableName: 'keyless', endpoint: azurite.tableEndpoint, credential });
    const etag = await store.put('canary', 'conversation-1', { canary: 'c-1' }, { ifNoneMatch: '*' });
    assert.deepEqual(await store.get('canary', 'conversation-1'), { value: { canary: 'c-1' }, etag, expiresAt: undefined });
    assert.ok(credential.scopes.length > 0);
    assert.ok(credential.scopes.every((s) => s.length === 1 && s[0] === 'https://storage.azure.com/.default'));
  });

  it('fails with a typed error when the token is refused', async () => {
    const store = new AzureTablesStateStore({ tableName: 'keyless', endpoint: azurite.tableEndpoint, credential: new StorageTokenIssuer('https://vault.azure.net') });
    await assert.rejects(store.get('canary', 'conversation-1'), (err: unknown) => err instanceof StateError && err.code === 'unavailable' && /HTTP 403/.test(err.message));
  });
});
