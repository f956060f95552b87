// The hosts the agent may send its replies (and so its access token) to.
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';
import { channelServiceHosts, createServiceUrlAllowList } from '../../src/host/service-url-allow-list.js';

describe('host: serviceUrl allow-list', () => {
  const defaults = createServiceUrlAllowList(channelServiceHosts);

  it('allows the Teams and Bot Framework connector hosts of every cloud', () => {
    for (const url of [
      'https://smba.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net/amer/c0a7e5d1-4b2f-4e8a-9c3d-5f6a7b8c9d01/',
      'https://smba.trafficmanager.net/teams/',
      'https://webchat.botframework.com/',
      'https://europe.directline.botframework.com/',
      'https://smba.infra.gcc.teams.microsoft.com/teams',
      'https://smba.infra.gov.teams.microsoft.us/teams',
      'https://SMBA.trafficmanager.net./emea/',
    ]) {
      assert.ok(defaults.allows(url), url);
    }
  });

  it('refuses look-alikes, other tenants of shared namespaces, clear text and odd URLs', () => {
    for (const url of [
      'https://evil.trafficmanager.net/emea/',
      'https://smba.trafficmanager.net.evil.example/',
      'https://botframework.com.evil.example/',
      'https://evilbotframework.com/',
      'http://smba.trafficmanager.net/emea/',
      'https://user:pw@smba.trafficmanager.net/emea/',
      'https://127.0.0.1:3978/',
      'http://localhost:56150/',
      'javascript:alert(1)',
      '//smba.trafficmanager.net/emea/',
      'not a url',
      '',
    ]) {
      assert.ok(!defaults.allows(url), url);
    }
  });

  it('matches a port when an entry names one; allows clear text only to this machine', () => {
    const list = createServiceUrlAllowList(['127.0.0.1:4000', 'localhost']);
    assert.ok(list.allows('http://127.0.0.1:4000/'));
    assert.ok(!list.allows('http://127.0.0.1:4001/'));
    assert.ok(list.allows('http://localhost:56150/_connector'));
    assert.ok(!createServiceUrlAllowList(['connector.example']).allows('http://connector.example/'));
  });

  it('adds the local playground hosts in local development only', () => {
    const dev = loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1' });
    assert.ok(createServiceUrlAllowList(dev.host.serviceUrlHosts).allows('http://localhost:56150/'));
    const prod = loadConfig({ AUTH_MODE: 'entra', BOT_APP_ID: 'a', BOT_TENANT_ID: 't' });
    assert.ok(!createServiceUrlAllowList(prod.host.serviceUrlHosts).allows('http://localhost:56150/'));
    assert.ok(createServiceUrlAllowList(prod.host.serviceUrlHosts).allows('https://smba.trafficmanager.net/emea/'));
  });

  it('refuses a configured entry that is not a host, or that opens a whole top-level domain', () => {
    for (const entry of ['https://smba.trafficmanager.net/', '*.net', 'smba.trafficmanager.net/emea']) {
      assert.throws(
        () => loadConfig({ AUTH_MODE: 'dev-anonymous', HOST: '127.0.0.1', BOT_SERVICE_URL_HOSTS: entry }),
        (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.includes('BOT_SERVICE_URL_HOSTS')),
        entry,
      );
    }
  });
});
