// The secret scan .ci/run runs over the tree (scripts/scan-secrets.ts): it finds a credential
// in any file git would track, names file, line and rule but never the value, and lets only
// the reviewed fixture files through.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanText, scanTree } from '../../scripts/scan-secrets.js';

// Built at run time so this file itself holds no credential-shaped string.
const fakeGithubToken = ['ghp', '_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');

describe('secret scan (scripts/scan-secrets.ts)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'secret-scan-'));
    execFileSync('git', ['init', '-q'], { cwd: root });
    mkdirSync(join(root, 'security'));
    mkdirSync(join(root, 'fixtures'));
    writeFileSync(join(root, '.gitignore'), 'ignored.txt\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const allow = (entries: Array<{ path: string; reason: string }>) => writeFileSync(join(root, 'security', 'secret-scan-allowlist.json'), JSON.stringify({ entries }));

  it('reports a token in a file git would track, by line and rule, without its value', () => {
    allow([]);
    writeFileSync(join(root, 'config.js'), `// settings\nexport const token = '${fakeGithubToken}';\n`);
    writeFileSync(join(root, 'ignored.txt'), fakeGithubToken);
    const { findings } = scanTree(root);
    assert.deepEqual(findings, [{ path: 'config.js', line: 2, rule: 'secret.github.token' }]);
    assert.ok(!JSON.stringify(findings).includes(fakeGithubToken));
  });

  it('lets allow-listed fixture files through and counts them', () => {
    allow([{ path: 'fixtures/', reason: 'fake credentials for detector tests' }]);
    writeFileSync(join(root, 'fixtures', 'sample.txt'), fakeGithubToken);
    const result = scanTree(root);
    assert.deepEqual(result.findings, []);
    assert.equal(result.allowed, 1);
  });

  it('does not flag source code that names where a key comes from, but flags a literal password', () => {
    assert.deepEqual(scanText('a.ts', 'const client = new Client({ apiKey: opts.apiKey });'), []);
    assert.equal(scanText('a.env', ['pass', 'word=Winter2026!x'].join('')).length, 1);
  });
});
