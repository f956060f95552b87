import assert from 'node:assert/strict';
import { findSensitiveData } from '../../../src/guard/dlp/find-sensitive-data.js';
import { decodeObfuscation } from '../../../src/guard/normalize/decode-obfuscation.js';
import { normalizeText } from '../../../src/guard/normalize/normalize-text.js';

function find(text: string): Array<{ type: string; value: string }> {
  const n = normalizeText(text);
  return findSensitiveData(n, decodeObfuscation(n)).map((f) => ({ type: f.type, value: text.slice(f.start, f.end) }));
}
const typesIn = (text: string) => find(text).map((f) => f.type);

describe('findSensitiveData: personal data', () => {
  it('finds e-mail addresses', () => {
    assert.deepEqual(find('write to ana.lopez+hr@contoso.co.uk today'), [{ type: 'EMAIL_ADDRESS', value: 'ana.lopez+hr@contoso.co.uk' }]);
    assert.deepEqual(typesIn('the @mention and user@localhost'), []);
  });

  it('finds international and national phone formats', () => {
    for (const phone of ['+44 20 7946 0958', '+1-415-555-0132', '(425) 555-0199', '030 901820 55', '+33 1 42 68 53 00', '06.12.34.56.78', '4155550132', '+46 (0)8 123 456 78']) {
      assert.deepEqual(typesIn(`call ${phone} please`), ['PHONE_NUMBER'], phone);
    }
  });

  it('does not take dates, years, prices, versions or decimals for phones', () => {
    for (const text of ['on 2025-03-01 at noon', 'from 1990-2000', 'costs $1 000 000', 'pi is 3.14159265', 'build 20250301', 'release 1.2.3.4 is out', 'score 19.14 (128 runs)', 'ISBN 978-3-16-148410-0', 'Redmond, WA 98052-6399']) {
      assert.deepEqual(typesIn(text), [], text);
    }
  });

  it('finds payment cards only when the Luhn check passes', () => {
    assert.deepEqual(find('card 4111 1111 1111 1111 ok'), [{ type: 'CREDIT_CARD', value: '4111 1111 1111 1111' }]);
    assert.deepEqual(typesIn('card 4111-1111-1111-1112 ok'), []);
    assert.deepEqual(typesIn('order 378282246310005'), ['CREDIT_CARD']);
  });

  it('finds IBANs only when mod-97 passes, in either case and with spaces', () => {
    assert.deepEqual(typesIn('pay GB82 WEST 1234 5698 7654 32 now'), ['IBAN_CODE']);
    assert.deepEqual(typesIn('pay de89370400440532013000 now'), ['IBAN_CODE']);
    assert.deepEqual(typesIn('pay GB82 WEST 1234 5698 7654 33 now'), []);
  });

  it('finds US SSNs with valid area/group/serial, and bare ones only with context', () => {
    assert.deepEqual(typesIn('ssn 536-22-8726'), ['US_SSN']);
    assert.deepEqual(typesIn('id 666-22-8726 and 000-12-3456 and 536-00-8726'), []);
    assert.deepEqual(typesIn('my SSN is 536228726'), ['US_SSN']);
    assert.deepEqual(typesIn('ticket 536228726'), []);
  });

  it('finds UK National Insurance numbers', () => {
    assert.deepEqual(typesIn('NI number AB 12 34 56 C'), ['UK_NINO']);
    assert.deepEqual(typesIn('code GB123456A'), []);
  });

  it('finds IPv4 and IPv6 addresses but not version numbers or times', () => {
    assert.deepEqual(typesIn('host 192.168.10.20 down'), ['IP_ADDRESS']);
    assert.deepEqual(typesIn('host 2001:db8::8a2e:370:7334 down'), ['IP_ADDRESS']);
    assert.deepEqual(typesIn('version 10.0.0.1 and 999.1.1.1 at 10:30:45'), []);
  });

  it('finds dates of birth only next to a birth cue', () => {
    assert.deepEqual(find('she was born on 12/03/1985 in Leeds'), [{ type: 'DATE_OF_BIRTH', value: '12/03/1985' }]);
    assert.deepEqual(typesIn('the invoice of 12/03/1985 is paid'), []);
  });

  it('finds names after titles and cues, and street addresses', () => {
    assert.deepEqual(find('My name is Ingrid Bergström.'), [{ type: 'PERSON', value: 'Ingrid Bergström' }]);
    assert.deepEqual(find('Ask Dr. Patel'), [{ type: 'PERSON', value: 'Patel' }]);
    assert.deepEqual(find('I am happy today'), []);
    assert.deepEqual(typesIn('ship to 221 Baker Street, Apt 4 please'), ['STREET_ADDRESS']);
    assert.deepEqual(typesIn('we met in Hauptstraße 12'), ['STREET_ADDRESS']);
    assert.deepEqual(typesIn('we read chapter 12 on Windows 11'), []);
  });
});

describe('findSensitiveData: secrets', () => {
  const storageKey = `${'Ab3+'.repeat(21)}xY==`;
  const cases: Array<[string, string]> = [
    ['AZURE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${storageKey};EndpointSuffix=core.windows.net`],
    ['AZURE_STORAGE_KEY', storageKey],
    ['AZURE_SAS_TOKEN', 'https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2026-01-01T00:00:00Z&sig=abcdEFGHijklMNOPqrst%2Buvwx%3D'],
    ['AWS_ACCESS_KEY', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS_SECRET_KEY', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['GITHUB_TOKEN', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB'],
    ['SLACK_TOKEN', 'xoxb-123456789012-1234567890123-abcdefghijklmnop'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['PRIVATE_KEY', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'],
    ['URL_PASSWORD', 'postgres://admin:Tr0ub4dor@db.internal:5432/app'],
    ['PASSWORD', 'password: hunter2hunter2'],
  ];
  for (const [type, secret] of cases) {
    it(`finds ${type}`, () => {
      assert.ok(typesIn(`here it is: ${secret} done`).includes(type), type);
    });
  }

  it('ignores near misses: prose about passwords, short tokens, unsigned URLs', () => {
    assert.deepEqual(typesIn('Reset your password in the portal.'), []);
    assert.deepEqual(typesIn('Your password is expired, the password: required'), []);
    assert.deepEqual(typesIn('ghp_short and xoxb- and AKIA123'), []);
    assert.deepEqual(typesIn('https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r'), []);
  });

  it('finds data hidden in base64 and maps it to the encoded token', () => {
    const token = Buffer.from('key AKIAIOSFODNN7EXAMPLE').toString('base64');
    assert.deepEqual(find(`config ${token} end`), [{ type: 'AWS_ACCESS_KEY', value: token }]);
  });

  it('finds data split by zero-width characters or written in fullwidth, with raw offsets', () => {
    assert.deepEqual(find('card 4111\u200b1111\u200b1111\u200b1111!'), [{ type: 'CREDIT_CARD', value: '4111\u200b1111\u200b1111\u200b1111' }]);
    assert.deepEqual(find('mail ｊｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ'), [{ type: 'EMAIL_ADDRESS', value: 'ｊｏｅ＠ｅｘａｍｐｌｅ．ｃｏｍ' }]);
  });

  it('reports one finding per region: a card is not also a phone', () => {
    assert.deepEqual(typesIn('4111111111111111'), ['CREDIT_CARD']);
  });
});
