import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('refuses to start in entra mode without the bot identity, listing every problem with a fix', () => {
    try {
      loadConfig({ PORT: 'eighty', MAX_BODY_BYTES: '-1' });
      assert.fail('expected a ConfigError');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      const text = err.message;
      for (const expected of ['PORT', 'MAX_BODY_BYTES', 'BOT_APP_ID', 'BOT_TENANT_ID', 'AUTH_MODE=dev-anonymous']) assert.ok(text.includes(expected), `mentions ${expected}`);
      assert.ok(err.problems.length >= 4);
    }
  });

  it('allows anonymous local development only on a loopback address', () => {
    assert.throws(() => loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '0.0.0.0' }), /only runs on a loopback address/);
    assert.throws(() => loadConfig({ AUTH_MODE: 'dev-anonymous' }), /loopback/);
    const config = loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' });
    assert.equal(config.host.authMode, 'dev-anonymous');
  });

  it('never echoes a secret value in its errors', () => {
    const secret = 'Sup3rSecretValue-0123456789';
    try {
      loadConfig({ BOT_CLIENT_SECRET: secret, PORT: 'x' });
      assert.fail('expected a ConfigError');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      assert.ok(!err.message.includes(secret));
    }
  });

  it('derives the tenant allow-list and trusted issuers from the home tenant', () => {
    const config = loadConfig({ BOT_APP_ID: 'app', BOT_TENANT_ID: 'tenant-1' });
    assert.deepEqual(config.host.auth.allowedTenants, ['tenant-1']);
    assert.ok(config.host.auth.issuers.includes('https://login.microsoftonline.com/tenant-1/v2.0'));
    assert.ok(config.host.auth.issuers.includes('https://api.botframework.com'));
    assert.equal(config.host.authMode, 'entra');
  });
});
