// Issue 17: a fork renames the agent in one place (the APP_* block of the env
// files) and takes ids, domains and the tenant's mail domains from
// configuration; nothing that ships keeps the template's demo tenant (contoso).
//
// What ships: src/ as the build takes it (TypeScript and its data files; module
// READMEs stay behind), appPackage/, infra/, the env files, the toolkit project
// files and the scripts that run in a deployment. Not scanned, on purpose: the
// emulators, tests, examples and training corpora (development aids that model
// the demo tenant), docs and the README (they describe that demo tenant), and
// policy/ (the demo tenant's policy files: a fork replaces them, and in Azure
// TENANT_DOMAINS overrides tenantDomains, checked below).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { placeholderNames, repoRoot } from '../../scripts/package-app.js';

const DEMO_TENANT = /contoso/i;
const shippedScripts = ['scripts/package-app.ts', 'scripts/copy-build-assets.ts', 'scripts/smoke.ts', 'scripts/audit-verify.ts', 'scripts/audit-gate.ts'];
const binary = /\.(png|jpe?g|gif|ico|zip|onnx|bin)$/i;
// The offline demo model's help examples are being rewritten to take addresses from configuration (another change).
const offlineModel = 'src/model/offline/';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) {
        if (entry !== 'build' && entry !== 'node_modules') walk(path);
      } else out.push(relative(repoRoot, path));
    }
  };
  walk(join(repoRoot, dir));
  return out;
}

const topLevel = (pattern: RegExp) => readdirSync(repoRoot).filter((f) => pattern.test(f));

function shippedFiles(): string[] {
  const src = filesUnder('src').filter((f) => !f.endsWith('README.md'));
  const envFiles = readdirSync(join(repoRoot, 'env')).map((f) => `env/${f}`);
  return [...src, ...filesUnder('appPackage'), ...filesUnder('infra'), ...envFiles, ...topLevel(/^teamsapp.*\.ya?ml$/), ...shippedScripts].filter((f) => !binary.test(f));
}

function demoTenantHits(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(join(repoRoot, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (DEMO_TENANT.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

const envFiles = () => readdirSync(join(repoRoot, 'env')).filter((f) => /^\.env\.[a-z0-9-]+$/.test(f));
const envOf = (file: string) => parseEnv(readFileSync(join(repoRoot, 'env', file), 'utf8'));
const identityNames = ['APP_NAME', 'APP_SHORT_NAME', 'APP_INTERNAL_NAME', 'APP_WEBSITE_URL'];

describe('renaming a fork (issue 17)', () => {
  it('leaves no value of the demo tenant (contoso) in what ships', () => {
    const hits = demoTenantHits(shippedFiles().filter((f) => !f.startsWith(offlineModel)));
    assert.deepEqual(hits, [], `replace these with configuration:\n${hits.join('\n')}`);
  });

  it('leaves no value of the demo tenant in the offline demo model either', () => {
    const hits = demoTenantHits(shippedFiles().filter((f) => f.startsWith(offlineModel)));
    assert.deepEqual(hits, [], `the offline model's examples must take addresses from configuration (TENANT_DOMAINS), not name the demo tenant:\n${hits.join('\n')}`);
  });

  it('takes the app\'s name from one block of the env files, the same in each', () => {
    const files = envFiles();
    assert.ok(files.length >= 3, files.join(','));
    const first = envOf(files[0]!);
    for (const name of identityNames) assert.ok(first[name]?.trim(), `${name} is set in env/${files[0]}`);
    for (const file of files.slice(1)) {
      const env = envOf(file);
      for (const name of identityNames) assert.equal(env[name], first[name], `${name} in env/${file} matches env/${files[0]}`);
    }
    assert.match(first.APP_INTERNAL_NAME!, /^[a-z][a-z0-9-]{2,40}$/, 'APP_INTERNAL_NAME is a lower-case, dash-separated name');
    assert.doesNotThrow(() => new URL(first.APP_WEBSITE_URL!), 'APP_WEBSITE_URL is a URL');
  });

  it('names nothing but through those variables: manifest, Entra app, bot, toolkit projects, Azure parameters', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'appPackage/manifest.json'), 'utf8'));
    assert.equal(manifest.developer.name, '${{APP_NAME}}');
    assert.equal(manifest.name.short, '${{APP_SHORT_NAME}}${{APP_NAME_SUFFIX}}');
    assert.match(manifest.name.full, /^\$\{\{APP_NAME\}\}/);
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) assert.match(url, /^\$\{\{APP_WEBSITE_URL\}\}/);
    assert.deepEqual([manifest.id, manifest.bots[0].botId, manifest.validDomains[0]], ['${{TEAMS_APP_ID}}', '${{BOT_ID}}', '${{BOT_DOMAIN}}'], 'ids and domains come from provisioning');

    const app = JSON.parse(readFileSync(join(repoRoot, 'infra/entra/aad.manifest.json'), 'utf8'));
    assert.equal(app.displayName, '${{APP_INTERNAL_NAME}}${{APP_NAME_SUFFIX}}');
    const parameters = JSON.parse(readFileSync(join(repoRoot, 'infra/azure.parameters.json'), 'utf8')).parameters;
    assert.equal(parameters.botDisplayName.value, '${{APP_NAME}}${{APP_NAME_SUFFIX}}');

    for (const project of topLevel(/^teamsapp.*\.ya?ml$/)) {
      const doc = parseYaml(readFileSync(join(repoRoot, project), 'utf8')) as { provision?: Array<{ uses: string; with?: { name?: string } }> };
      for (const action of doc.provision ?? []) {
        if (!['aadApp/create', 'teamsApp/create', 'botFramework/create'].includes(action.uses)) continue;
        assert.match(action.with?.name ?? '', /^\$\{\{APP_INTERNAL_NAME\}\}/, `${project}: ${action.uses} takes its name from APP_INTERNAL_NAME`);
      }
    }
    // Every placeholder these files use is declared where the toolkit reads it.
    const declared = new Set(envFiles().flatMap((f) => Object.keys(envOf(f))));
    for (const file of ['appPackage/manifest.json', 'infra/entra/aad.manifest.json', 'infra/azure.parameters.json']) {
      for (const name of placeholderNames(readFileSync(join(repoRoot, file), 'utf8'))) assert.ok(declared.has(name) || name.startsWith('SECRET_'), `${file} uses ${name}, declared in no env file`);
    }
  });

  it('takes the tenant\'s mail domains from configuration in Azure (TENANT_DOMAINS), not from the demo policy file', () => {
    const parameters = JSON.parse(readFileSync(join(repoRoot, 'infra/azure.parameters.json'), 'utf8')).parameters;
    assert.equal(parameters.tenantDomains.value, '${{TENANT_DOMAINS}}');
    assert.ok('TENANT_DOMAINS' in envOf('.env.dev'), 'env/.env.dev declares TENANT_DOMAINS');
    assert.match(readFileSync(join(repoRoot, 'infra/azure.bicep'), 'utf8'), /name: 'TENANT_DOMAINS', value: tenantDomains/);
  });
});
