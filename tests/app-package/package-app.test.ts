// `npm run package`: the zip a user sideloads into Teams, built from a project folder
// with env files, through the script's CLI and its exported function.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppPackageError, buildAppPackage, repoRoot } from '../../scripts/package-app.js';

const ids = {
  TEAMS_APP_ID: '0f0e0d0c-0b0a-4908-8706-050403020100',
  BOT_ID: '12345678-90ab-4cde-8f01-234567890abc',
};

/** A throwaway project folder: the real manifest and icons, env files given by the test. */
function projectWith(envFiles: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'app-package-'));
  mkdirSync(join(root, 'appPackage'));
  mkdirSync(join(root, 'env'));
  for (const file of ['manifest.json', 'color.png', 'outline.png']) copyFileSync(join(repoRoot, 'appPackage', file), join(root, 'appPackage', file));
  for (const [name, text] of Object.entries(envFiles)) writeFileSync(join(root, 'env', name), text);
  return root;
}

const completeEnv = [
  'TEAMSFX_ENV=test',
  'APP_NAME_SUFFIX=" (test)"',
  'APP_NAME="Secure Teams Agent"',
  'APP_SHORT_NAME="Secure Agent"',
  'APP_WEBSITE_URL=https://www.example.com/secure-teams-agent',
  `TEAMS_APP_ID=${ids.TEAMS_APP_ID}`,
  `BOT_ID=${ids.BOT_ID}`,
  'BOT_DOMAIN=agent.example.org',
].join('\n');

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'package-app.ts'), ...args], { cwd: repoRoot, env: clean, encoding: 'utf8' });
}

describe('app package: npm run package', () => {
  const roots: string[] = [];
  const project = (files: Record<string, string>) => {
    const root = projectWith(files);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('zips the substituted manifest and both icons into appPackage/build/appPackage.<env>.zip', () => {
    const root = project({ '.env.test': completeEnv });
    const result = buildAppPackage({ env: 'test', root });
    assert.equal(result.zipPath, join(root, 'appPackage', 'build', 'appPackage.test.zip'));

    const zip = new AdmZip(result.zipPath);
    assert.deepEqual(zip.getEntries().map((e) => e.entryName).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const text = zip.readAsText('manifest.json');
    assert.ok(!text.includes('${{'));
    const manifest = JSON.parse(text);
    assert.equal(manifest.id, ids.TEAMS_APP_ID);
    assert.equal(manifest.bots[0].botId, ids.BOT_ID);
    assert.equal(manifest.copilotAgents.customEngineAgents[0].id, ids.BOT_ID);
    assert.equal(manifest.webApplicationInfo.id, ids.BOT_ID);
    assert.equal(manifest.webApplicationInfo.resource, `api://botid-${ids.BOT_ID}`);
    assert.equal(manifest.name.short, 'Secure Agent (test)');
    for (const icon of ['color.png', 'outline.png']) {
      assert.ok(zip.readFile(icon)!.equals(readFileSync(join(repoRoot, 'appPackage', icon))), `${icon} is copied byte for byte`);
    }
  });

  it('lets env/.env.<env>.user and the shell override env/.env.<env>, as the toolkit does', () => {
    const root = project({ '.env.test': completeEnv, '.env.test.user': 'APP_NAME_SUFFIX=" (user)"\n' });
    buildAppPackage({ env: 'test', root });
    const zipped = JSON.parse(new AdmZip(join(root, 'appPackage', 'build', 'appPackage.test.zip')).readAsText('manifest.json'));
    assert.equal(zipped.name.short, 'Secure Agent (user)');
    const fromShell = buildAppPackage({ env: 'test', root, overrides: { BOT_DOMAIN: 'shell.example.org', UNRELATED: 'x' } });
    assert.deepEqual((fromShell.manifest as { validDomains: string[] }).validDomains, ['shell.example.org']);
  });

  it('accepts a blank name suffix (production) but not a blank id', () => {
    const root = project({ '.env.prod': completeEnv.replace('APP_NAME_SUFFIX=" (test)"', 'APP_NAME_SUFFIX=') });
    const { manifest } = buildAppPackage({ env: 'prod', root });
    assert.equal((manifest as { name: { short: string } }).name.short, 'Secure Agent');
  });

  it('escapes values so a quote in an env value cannot break or inject into the manifest JSON', () => {
    const root = project({ '.env.test': completeEnv.replace('APP_NAME_SUFFIX=" (test)"', `APP_NAME_SUFFIX=' "q"'`) });
    const { manifest } = buildAppPackage({ env: 'test', root });
    assert.equal((manifest as { name: { short: string } }).name.short, 'Secure Agent "q"');
  });

  it('fails listing every missing or empty variable, and writes no zip', () => {
    const root = project({ '.env.test': 'TEAMS_APP_ID=\nBOT_DOMAIN=agent.example.org\n' });
    assert.throws(
      () => buildAppPackage({ env: 'test', root }),
      (err: unknown) => {
        assert.ok(err instanceof AppPackageError);
        assert.deepEqual([...err.problems].sort(), ['APP_NAME', 'APP_NAME_SUFFIX', 'APP_SHORT_NAME', 'APP_WEBSITE_URL', 'BOT_ID', 'TEAMS_APP_ID']);
        assert.match(err.message, /missing or empty/);
        assert.match(err.message, /missing or empty in env\/\.env\.test/);
        return true;
      },
    );
    assert.equal(existsSync(join(root, 'appPackage', 'build', 'appPackage.test.zip')), false);
  });

  it('refuses a package the schema rejects, naming the field', () => {
    const root = project({ '.env.test': completeEnv.replace(`BOT_ID=${ids.BOT_ID}`, 'BOT_ID=my-bot') });
    assert.throws(() => buildAppPackage({ env: 'test', root }), (err: unknown) => {
      assert.ok(err instanceof AppPackageError);
      assert.ok(err.problems.some((p) => p.startsWith('schema: /bots/0/botId')), err.message);
      return true;
    });
  });

  it('rejects an unknown environment or a bad environment name with a clear message', () => {
    const root = project({ '.env.test': completeEnv });
    assert.throws(() => buildAppPackage({ env: 'staging', root }), /No env\/\.env\.staging file/);
    assert.throws(() => buildAppPackage({ env: '../secrets', root }), /not an environment name/);
  });

  it('CLI: --env/--root build the zip and report where it is', () => {
    const root = project({ '.env.ci': completeEnv });
    const run = runCli(['--env', 'ci', '--root', root]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /appPackage\.ci\.zip \(from env\/\.env\.ci\)/);
    assert.ok(existsSync(join(root, 'appPackage', 'build', 'appPackage.ci.zip')));
  });

  it('CLI: on a fresh clone (env/.env.local not provisioned yet) exits 1 and says which variables to set', () => {
    const run = runCli(['--env', 'local']);
    assert.equal(run.status, 1);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN']) assert.match(run.stderr, new RegExp(`- ${name}\\n`));
    assert.match(run.stderr, /provision/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('CLI: an unknown option prints usage instead of a stack trace', () => {
    const run = runCli(['--environment', 'dev']);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Usage: npm run package/);
  });
});
