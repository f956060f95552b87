// The configuration contract: the variables the code reads (the zod sections, through
// settingNames()), the App Service settings of infra/azure.bicep, the runtime settings the
// toolkit project files write, the env templates and the README's configuration table agree.
// No setting read by code and set or documented nowhere; no setting set and read nowhere.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { placeholderNames, repoRoot } from '../../scripts/package-app.js';
import { loadConfig, settingNames } from '../../src/config.js';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const codeNames = new Set(settingNames());

/** Read by App Service (Oryx) or by a Microsoft SDK straight from the environment, not by src/. */
const platformSettings: Readonly<Record<string, string>> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: build the zip on the server',
  CUSTOM_BUILD_COMMAND: 'App Service (Oryx): install production dependencies only',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'Application Insights / Azure Monitor SDK',
};

/** Toolkit variables with a meaning of their own (not placeholders of our files). */
const toolkitVariables: Readonly<Record<string, string>> = {
  TEAMSFX_ENV: 'the toolkit environment name',
  TEAMSAPPTESTER_PORT: 'port of the Agents Playground',
};

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (keep(entry)) out.push(path);
    }
  };
  walk(join(repoRoot, dir));
  return out;
}

/** `{ name: 'X', value: <expression> }` entries of the web app's settings. */
function bicepAppSettings(): Array<{ name: string; value: string }> {
  return [...read('infra/azure.bicep').matchAll(/\{ name: '([A-Z][A-Z0-9_]{1,80})', value: ([^}\n]{1,200}) \}/g)].map((m) => ({ name: m[1]!, value: m[2]!.trim() }));
}

/** A plausible value for a Bicep expression: literals, vars and param defaults resolved, interpolations filled. */
function sampleValue(expression: string, bicep: string, seen = 0): string {
  const fill = (s: string) => s.replace(/\$\{[^}]{1,100}\}/g, 'x1');
  const literal = /^'([^']{0,300})'$/.exec(expression);
  if (literal) return fill(literal[1]!);
  if (/^[A-Za-z]\w{0,80}$/.test(expression) && seen < 5) {
    const declared = new RegExp(`^(?:var ${expression} =|param ${expression} \\w{1,10} =) (.{1,300})$`, 'm').exec(bicep);
    if (declared) return sampleValue(declared[1]!.trim(), bicep, seen + 1);
  }
  if (/ConnectionString$/.test(expression)) return 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-1.in.applicationinsights.azure.com/';
  if (/(Url|Endpoint)$/.test(expression)) return 'https://x1.blob.core.windows.net/audit';
  // Ids (client ids, tenant ids) and anything computed at deployment.
  return '11111111-2222-4333-8444-555555555555';
}

type ToolkitAction = { uses: string; with?: { envs?: Record<string, unknown> }; writeToEnvironmentFile?: Record<string, unknown> };

function projectFiles(): string[] {
  return readdirSync(repoRoot).filter((f) => /^teamsapp(\.[a-z]{1,20})?\.yml$/.test(f));
}

function toolkitActions(file: string): ToolkitAction[] {
  const project = parseYaml(read(file)) as Record<string, ToolkitAction[] | undefined>;
  return ['provision', 'deploy', 'publish'].flatMap((stage) => project[stage] ?? []);
}

/** Runtime settings the toolkit project files write for `npm run dev:teams*` (file/createOrUpdateEnvironmentFile). */
function toolkitRuntimeSettings(): Array<{ file: string; envs: Record<string, unknown> }> {
  return projectFiles().flatMap((file) => toolkitActions(file).filter((a) => a.uses === 'file/createOrUpdateEnvironmentFile').map((a) => ({ file, envs: a.with?.envs ?? {} })));
}

/** Variable names in the first column of the README's configuration table. */
function readmeSettings(): Set<string> {
  const text = read('README.md');
  const section = text.slice(text.indexOf('\n## Configuration'), text.indexOf('\n## ', text.indexOf('\n## Configuration') + 5));
  const names = new Set<string>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const first = line.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]{1,80})`/g)) names.add(m[1]!);
  }
  return names;
}

describe('configuration contract: code, infra/azure.bicep, toolkit files, env templates, README', () => {
  it('settingNames() lists every variable src/ reads, also outside the settings sections', () => {
    assert.ok(codeNames.size >= 60, 'the sections are found');
    for (const path of filesUnder('src', (f) => f.endsWith('.ts') && !f.endsWith('-settings.ts'))) {
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]{1,80})|\[['"]([A-Z][A-Z0-9_]{1,80})['"]\])/g)) {
        const name = m[1] ?? m[2]!;
        assert.ok(codeNames.has(name), `${relative(repoRoot, path)} reads ${name}, which settingNames() does not list`);
      }
    }
  });

  it('every setting the code reads is documented in the README configuration table, and every documented one is read', () => {
    const documented = readmeSettings();
    for (const name of codeNames) assert.ok(documented.has(name), `${name} is read by the code but set and documented nowhere: add it to README.md ## Configuration`);
    for (const name of documented) assert.ok(codeNames.has(name), `README.md documents ${name}, which no code reads`);
  });

  it('every App Service setting in infra/azure.bicep is read by the agent or by the platform', () => {
    const settings = bicepAppSettings();
    assert.ok(settings.length >= 15, 'the app settings are found');
    assert.equal(new Set(settings.map((s) => s.name)).size, settings.length, 'no setting is set twice');
    for (const { name } of settings) assert.ok(codeNames.has(name) || name in platformSettings, `infra/azure.bicep sets ${name}, which nothing reads`);
  });

  it('the App Service settings pass the config schema as deployed (with and without the optional services)', () => {
    const bicep = read('infra/azure.bicep');
    const all = Object.fromEntries(bicepAppSettings().map(({ name, value }) => [name, sampleValue(value, bicep)]));
    const config = loadConfig({ ...all });
    assert.equal(config.host.authMode, 'entra');
    assert.equal(config.state.backend, 'azure-tables');
    assert.equal(config.model.provider, 'azure-openai');
    assert.ok(config.guard.contentSafety, 'Content Safety is configured');
    assert.ok(config.model.azure?.managedIdentityClientId, 'the model client signs in with the managed identity');
    assert.ok(config.host.auth.managedIdentityClientId, 'the bot signs in through the federated credential, no secret');
    assert.ok(config.state.managedIdentityClientId);
    // deployAzureOpenAI / deployContentSafety = false leave their settings out: still a valid configuration.
    const optional = /^(MODEL_PROVIDER|AZURE_OPENAI_\w{1,40}|AZURE_CLIENT_ID|CONTENT_SAFETY_\w{1,40})$/;
    const minimal = Object.fromEntries(Object.entries(all).filter(([name]) => !optional.test(name)));
    assert.equal(loadConfig(minimal).model.provider, 'offline');
  });

  it('the runtime settings the toolkit writes are read by the agent and pass the config schema', () => {
    const written = toolkitRuntimeSettings();
    assert.ok(written.length >= 2);
    for (const { file, envs } of written) {
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(envs)) {
        assert.ok(codeNames.has(name), `${file} writes ${name}, which the agent does not read`);
        env[name] = String(value).replace(/\$\{\{([A-Z0-9_]{1,80})\}\}/g, (_, v: string) => (v.endsWith('AUTHORITY_HOST') ? 'https://login.microsoftonline.com' : '11111111-2222-4333-8444-555555555555'));
      }
      assert.doesNotThrow(() => loadConfig(env), `${file}: the settings it writes form a valid configuration`);
    }
  });

  it('every variable in an env template is read by the agent, consumed by a toolkit file, written by provision, or used by an operator procedure in docs/', () => {
    const toolkitTexts = [
      ...projectFiles(),
      'infra/azure.parameters.json',
      'infra/entra/aad.manifest.json',
      'appPackage/manifest.json',
    ].map(read);
    const consumed = new Set(toolkitTexts.flatMap(placeholderNames));
    // Written by a toolkit action, which reads it back on the next run (e.g. TEAMS_APP_ID, M365_TITLE_ID).
    const actionOutputs = new Set(projectFiles().flatMap((file) => toolkitActions(file).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}).map(String))));
    const bicepOutputs = new Set([...read('infra/azure.bicep').matchAll(/^output ([A-Z][A-Z0-9_]{1,80}) /gm)].map((m) => m[1]!));
    const docs = readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => read(`docs/${f}`)).join('\n');
    for (const file of readdirSync(join(repoRoot, 'env')).filter((f) => f.startsWith('.env.'))) {
      for (const name of Object.keys(parseEnv(read(`env/${file}`)))) {
        if (name.startsWith('SECRET_')) continue; // secrets the toolkit writes; checked in infra.test.ts
        const used = codeNames.has(name) || consumed.has(name) || actionOutputs.has(name) || name in toolkitVariables || (bicepOutputs.has(name) && docs.includes(name));
        assert.ok(used, `env/${file} sets ${name}, which nothing reads (not the agent, no toolkit file, no procedure in docs/)`);
      }
    }
  });

  it('every Bicep output written to env/.env.dev is declared there', () => {
    const dev = new Set(Object.keys(parseEnv(read('env/.env.dev'))));
    for (const m of read('infra/azure.bicep').matchAll(/^output ([A-Z][A-Z0-9_]{1,80}) /gm)) assert.ok(dev.has(m[1]!), `env/.env.dev lacks ${m[1]}`);
  });
});
