// Reading a resource's claims challenge (WWW-Authenticate, Entra's format):
// only insufficient_claims with a base64 JSON object counts; hostile headers
// are refused quickly.
import assert from 'node:assert/strict';
import { claimsFromChallenge } from '../../src/identity/claims-challenge.js';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const request = { access_token: { acrs: { essential: true, value: 'cp1' } } };

describe('claims challenge header', () => {
  it('returns the decoded claims request of an insufficient_claims challenge', () => {
    const header = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${b64(request)}"`;
    assert.deepEqual(JSON.parse(claimsFromChallenge(header)!), request);
    // Entra's documented example, padding and all.
    assert.deepEqual(JSON.parse(claimsFromChallenge('Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsiYWNycyI6eyJlc3NlbnRpYWwiOnRydWUsInZhbHVlIjoiY3AxIn19fQ=="')!), request);
  });

  it('ignores other challenges, other errors and claims that are not a JSON object', () => {
    for (const header of [
      undefined,
      null,
      '',
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      `Bearer error="invalid_token", claims="${b64(request)}"`,
      `Basic error="insufficient_claims", claims="${b64(request)}"`,
      `Bearer error="insufficient_claims", claims="${b64('not json')}"`,
      `Bearer error="insufficient_claims", claims="${b64([1, 2])}"`,
      'Bearer error="insufficient_claims", claims="%%%"',
    ]) {
      assert.equal(claimsFromChallenge(header), undefined, String(header));
    }
  });

  it('refuses oversized and adversarial headers in linear time', () => {
    const started = Date.now();
    assert.equal(claimsFromChallenge(`Bearer ${'a="'.repeat(3000)}`), undefined);
    assert.equal(claimsFromChallenge(`Bearer error="insufficient_claims", claims="${'A'.repeat(7000)}"`), undefined);
    assert.equal(claimsFromChallenge(`Bearer ${'x'.repeat(20_000)}`), undefined);
    assert.ok(Date.now() - started < 200);
  });
});
