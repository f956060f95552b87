// What App Service runs: `npm run build` compiles src/ to dist/ and copies the data files
// the code reads beside itself; the zip deploy ships dist/ and policy/ without sources,
// tests or node_modules. (.ci/run builds and starts dist/index.js for real.)
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../../scripts/package-app.js';
import { buildAssets, copyBuildAssets } from '../../scripts/copy-build-assets.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

/** Files src/ opens relative to its own module: `new URL('<path>', import.meta.url)`, not code imports. */
function dataFilesReadBySrc(): Array<{ from: string; target: string }> {
  const out: Array<{ from: string; target: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/new URL\('(\.{1,2}\/[^']{1,200})', import\.meta\.url\)/g)) {
          out.push({ from: relative(join(repoRoot, 'src'), path), target: m[1]! });
        }
      }
    }
  };
  walk(join(repoRoot, 'src'));
  return out;
}

describe('build: dist/ for App Service', () => {
  it('npm run build compiles src/ alone into dist/ (dist/index.js) and copies the assets; npm start still runs the sources', () => {
    const pkg = JSON.parse(read('package.json'));
    assert.equal(pkg.scripts.build, 'tsc -p tsconfig.build.json && tsx scripts/copy-build-assets.ts');
    assert.equal(pkg.scripts['start:dist'], 'node dist/index.js');
    assert.match(pkg.scripts.start, /src\/index\.ts/);
    const build = JSON.parse(read('tsconfig.build.json'));
    assert.equal(build.compilerOptions.rootDir, 'src');
    assert.equal(build.compilerOptions.outDir, 'dist');
    assert.deepEqual(build.include, ['src']);
    assert.ok(!('tsx' in pkg.dependencies), 'tsx is a development tool: the deployed agent runs compiled JavaScript');
    assert.ok('tsx' in pkg.devDependencies);
  });

  it('every data file src/ reads beside its code is a build asset, found at the same place under dist/', () => {
    const assets = new Set(buildAssets());
    const files = dataFilesReadBySrc();
    assert.ok(files.length >= 5, 'system prompt, word clusters and detector weights are found');
    const out = mkdtempSync(join(tmpdir(), 'build-assets-'));
    try {
      copyBuildAssets(out);
      for (const { from, target } of files) {
        const resolved = relative(join(repoRoot, 'src'), join(repoRoot, 'src', from, '..', target));
        if (resolved.startsWith('..')) {
          // Outside src/ (policy/): shipped as it is, at the same place relative to dist/.
          assert.ok(existsSync(join(repoRoot, resolved.replace(/^\.\.\//, ''))), `${from} reads ${target}, which does not exist`);
          assert.ok(resolved.startsWith('../policy/'), `${from} reads ${target} outside src/ and policy/`);
          continue;
        }
        assert.ok(assets.has(resolved), `${from} reads ${target}: add it to the build assets`);
        assert.equal(readFileSync(join(out, resolved), 'utf8'), readFileSync(join(repoRoot, 'src', resolved), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the zip deploy ships dist/ and policy/ without sources, tests, dev tools or node_modules', () => {
    const ignored = read('infra/.webappignore').split('\n').filter((l) => l && !l.startsWith('#'));
    for (const entry of ['node_modules/', 'src/', 'tests/', 'emulators/', 'bench/', 'scripts/', 'env/', '.localConfigs*', '.local/', 'appPackage/']) assert.ok(ignored.includes(entry), `zip deploy leaves out ${entry}`);
    for (const kept of ['dist/', 'policy/', 'package.json', 'package-lock.json']) assert.ok(!ignored.some((e) => e === kept || kept.startsWith(e)), `${kept} ships`);
    const bicep = read('infra/azure.bicep');
    assert.match(bicep, /appCommandLine: 'node dist\/index\.js'/);
    assert.match(bicep, /\{ name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev [^']{0,60}' \}/, 'App Service installs production dependencies only');
  });

  it('deploy (dev): npm ci, the advisory gate, the build, then the zip deploy, in that order', () => {
    const deploy = (parseYaml(read('teamsapp.yml')).deploy as Array<{ uses: string; with?: Record<string, unknown> }>).map((a) => `${a.uses} ${String(a.with?.args ?? '')}`.trim());
    const at = (prefix: string) => deploy.findIndex((d) => d.startsWith(prefix));
    assert.ok(at('cli/runNpmCommand ci ') === 0, 'npm ci: the lockfile, nothing else');
    assert.ok(at('cli/runNpmCommand run --silent audit:gate') > at('cli/runNpmCommand ci '));
    assert.ok(at('cli/runNpmCommand run build') > at('cli/runNpmCommand run --silent audit:gate'));
    assert.ok(at('azureAppService/zipDeploy') > at('cli/runNpmCommand run build'));
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    for (const step of deploy) {
      const run = /^cli\/runNpmCommand run (?:--silent )?([a-z:-]{1,40})/.exec(step);
      if (run) assert.ok(run[1]! in scripts, `teamsapp.yml runs npm run ${run[1]}, which package.json does not define`);
    }
  });
});
