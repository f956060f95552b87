// .ci/run is the pipeline every change goes through; these keep its supply-chain and runtime
// steps from being dropped by accident (the script itself runs only in CI: it runs this suite).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/package-app.js';

const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
const steps = ci.split('\n').filter((l) => !l.trimStart().startsWith('#'));
const has = (pattern: RegExp) => steps.some((l) => pattern.test(l));

describe('.ci/run', () => {
  it('installs from the lockfile only and fails on any error', () => {
    assert.match(ci, /^set -euo pipefail$/m);
    assert.ok(has(/^npm ci\b/), 'npm ci (lockfile integrity)');
    assert.ok(!has(/^npm install\b/), 'never npm install in CI');
  });

  it('writes a CycloneDX SBOM to test-output, scans the tree for secrets, and states why the advisory gate is skipped', () => {
    assert.ok(has(/npm sbom --sbom-format cyclonedx .{0,40}> test-output\/sbom\.cdx\.json/));
    assert.ok(has(/npx tsx scripts\/scan-secrets\.ts/));
    assert.ok(has(/npm run --silent audit:gate/));
    assert.ok(has(/advisory check \(npm audit --omit=dev\) skipped: .{10,200}deployment pipeline/));
  });

  it('lints with ESLint and knip', () => {
    assert.ok(has(/npx eslint\b/));
    assert.ok(has(/npx knip\b/));
  });

  it('runs the test suite on Node 20 and again on Node 22 from the npm package, outside the project node_modules', () => {
    assert.equal(steps.filter((l) => /^\s*(\(.{0,80}\)?)?run_tests "node (20|22)"/.test(l) || /run_tests "node (20|22)"/.test(l)).length, 2);
    assert.ok(has(/npm install --no-save .{0,80}node@22/));
    assert.ok(has(/cd "\$n22\/tool"/), 'node@22 goes into a folder of its own');
    assert.ok(has(/node-gyp.{0,40}rebuild|"\$gyp" rebuild/), 'native addons are rebuilt for Node 22');
    assert.ok(has(/node dist\/index\.js/), 'the built agent is started');
  });
});
