import assert from 'node:assert/strict';
import { guardSettings } from '../../src/guard/index.js';

describe('guard settings', () => {
  it('defaults to local guards only', () => {
    const s = guardSettings.parse({});
    assert.equal(s.contentSafety, undefined);
    assert.equal(s.rateLimit.userBurst, 10);
  });

  it('reads the Content Safety endpoint, optional key and allowed hosts', () => {
    const s = guardSettings.parse({ CONTENT_SAFETY_ENDPOINT: 'https://cs.cognitiveservices.azure.com/', CONTENT_SAFETY_TIMEOUT_MS: '900', GUARD_ALLOWED_LINK_HOSTS: 'Contoso.com, fabrikam.com' });
    assert.equal(s.contentSafety?.endpoint, 'https://cs.cognitiveservices.azure.com');
    assert.equal(s.contentSafety?.key, undefined);
    assert.equal(s.contentSafety?.timeoutMs, 900);
    assert.deepEqual(s.allowedLinkHosts, ['contoso.com', 'fabrikam.com']);
  });

  it('explains a bad endpoint without echoing the key', () => {
    const result = guardSettings.safeParse({ CONTENT_SAFETY_ENDPOINT: 'not a url', CONTENT_SAFETY_KEY: 'supersecretvalue' });
    assert.equal(result.success, false);
    const message = JSON.stringify(result.error?.issues);
    assert.match(message, /cognitiveservices/);
    assert.doesNotMatch(message, /supersecretvalue/);
  });
});
