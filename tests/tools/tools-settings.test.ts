import assert from 'node:assert/strict';
import { toolsSettings } from '../../src/tools/tools-settings.js';

describe('tools settings', () => {
  it('defaults to the repo policy file and the file\'s tenant domains', () => {
    assert.deepEqual(toolsSettings.parse({}), { policyFile: undefined, tenantDomains: [] });
  });

  it('reads TOOL_POLICY_FILE and lower-cases TENANT_DOMAINS', () => {
    assert.deepEqual(toolsSettings.parse({ TOOL_POLICY_FILE: ' /etc/agent/tool-policy.json ', TENANT_DOMAINS: 'Contoso.com, contoso.onmicrosoft.com' }), {
      policyFile: '/etc/agent/tool-policy.json',
      tenantDomains: ['contoso.com', 'contoso.onmicrosoft.com'],
    });
  });

  it('says how to fix a TENANT_DOMAINS entry that is not a domain, without echoing it', () => {
    const result = toolsSettings.safeParse({ TENANT_DOMAINS: 'contoso.com,not a domain,@x' });
    assert.equal(result.success, false);
    const issue = result.error!.issues[0]!;
    assert.deepEqual(issue.path, ['TENANT_DOMAINS']);
    assert.match(issue.message, /comma-separated domain names like example\.com/);
    assert.match(issue.message, /2 entries are not a domain name/);
    assert.ok(!issue.message.includes('not a domain,'));
  });
});
