// The Agents Toolkit project files: valid YAML, only actions the toolkit knows with the
// parameters it accepts, every ${{VAR}} resolvable when the action runs, and the runtime
// settings they write named as the agent reads them.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { parseDocument } from 'yaml';
import { placeholderNames, repoRoot } from '../../scripts/package-app.js';
import {
  actionShapes,
  botChannelNames,
  envVarNamePattern,
  knownActions,
  lifecycleStages,
  rootKeys,
  secretEnvVarNamePattern,
  secretOutputs,
  signInAudiences,
  toolkitSchemaUrl,
  toolkitSchemaVersion,
} from './toolkit-actions.js';

type Action = { uses?: unknown; name?: unknown; env?: unknown; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, unknown> };
type ProjectFile = Record<string, unknown> & Partial<Record<(typeof lifecycleStages)[number], Action[]>>;

/** Each project file and the toolkit environment it is used with. */
const projectFiles = [
  { file: 'teamsapp.yml', env: 'dev' },
  { file: 'teamsapp.local.yml', env: 'local' },
  { file: 'teamsapp.testtool.yml', env: 'testtool' },
] as const;

/** Variables the toolkit itself provides or generates, not read from env files. */
const toolkitBuiltIns = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID']);

function read(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

function load(file: string): ProjectFile {
  const doc = parseDocument(read(file), { prettyErrors: true, uniqueKeys: true });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${file} is not valid YAML`);
  assert.deepEqual(doc.warnings.map((e) => e.message), [], `${file} has YAML warnings`);
  return doc.toJS() as ProjectFile;
}

function envKeys(env: string): Set<string> {
  return new Set(Object.keys(parseEnv(read(`env/.env.${env}`))));
}

function stages(project: ProjectFile): Array<[string, Action[]]> {
  return lifecycleStages.filter((s) => project[s] !== undefined).map((s) => [s, project[s]!]);
}

/** Names a bicep template writes back to the env file (its outputs). */
function bicepOutputs(path: string): string[] {
  return [...read(path).matchAll(/^output ([A-Za-z_][A-Za-z0-9_]{0,127}) /gm)].map((m) => m[1]!);
}

function writtenBy(action: Action): string[] {
  const out = Object.values(action.writeToEnvironmentFile ?? {}).map(String);
  if (action.uses === 'arm/deploy') {
    for (const t of (action.with?.templates as Array<{ path: string }>) ?? []) out.push(...bicepOutputs(t.path));
  }
  return out;
}

/** Env var names the agent's settings modules read (keys of the zod objects). */
function settingsNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('-settings.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^\s{2,12}([A-Z][A-Z0-9_]{1,80}):/gm)) names.add(m[1]!);
      }
    }
  };
  walk(join(repoRoot, 'src'));
  return names;
}

/** Read by Azure App Service or a Microsoft SDK directly, not by src/**\/*-settings.ts. */
const platformSettings = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND', 'APPLICATIONINSIGHTS_CONNECTION_STRING']);

describe('toolkit: project files', () => {
  for (const { file, env } of projectFiles) {
    describe(file, () => {
      const project = load(file);

      it(`declares schema ${toolkitSchemaVersion} in both the version key and the editor schema comment`, () => {
        assert.equal(project.version, toolkitSchemaVersion);
        assert.equal(read(file).split('\n')[0], `# yaml-language-server: $schema=${toolkitSchemaUrl}`);
        for (const key of Object.keys(project)) assert.ok(rootKeys.has(key), `unknown top-level key ${key}`);
        assert.ok(existsSync(join(repoRoot, `env/.env.${env}`)), `env/.env.${env} template exists`);
      });

      it('uses only actions of the toolkit schema, with the parameters each accepts', () => {
        for (const [stage, actions] of stages(project)) {
          assert.ok(Array.isArray(actions) && actions.length > 0, `${stage} is a non-empty list`);
          for (const [i, action] of actions.entries()) {
            const where = `${file} ${stage}[${i}]`;
            assert.equal(typeof action.uses, 'string', `${where} has uses`);
            const uses = action.uses as string;
            assert.ok(knownActions.has(uses), `${where}: '${uses}' is not a toolkit action`);
            const shape = actionShapes[uses];
            assert.ok(shape, `${where}: '${uses}' exists, but add its parameters to tests/toolkit/toolkit-actions.ts before using it`);
            const allowedTop = ['uses', 'name', 'env', 'with', ...(shape.write ? ['writeToEnvironmentFile'] : [])];
            for (const key of Object.keys(action)) assert.ok(allowedTop.includes(key), `${where}: unexpected key ${key}`);
            const params = action.with ?? {};
            for (const key of shape.withRequired) assert.ok(key in params, `${where}: with.${key} is required`);
            for (const key of Object.keys(params)) assert.ok([...shape.withRequired, ...shape.withAllowed].includes(key), `${where}: with.${key} is not a parameter of ${uses}`);
            if (shape.write?.mandatory) assert.ok(action.writeToEnvironmentFile, `${where}: writeToEnvironmentFile is required`);
            if (action.writeToEnvironmentFile) {
              const write = action.writeToEnvironmentFile;
              const required = [...shape.write!.required, ...(uses === 'aadApp/create' && params.generateClientSecret === true ? ['clientSecret'] : [])];
              for (const key of required) assert.ok(key in write, `${where}: writeToEnvironmentFile.${key} is required`);
              for (const [key, variable] of Object.entries(write)) {
                assert.ok([...shape.write!.required, ...shape.write!.allowed].includes(key), `${where}: writeToEnvironmentFile.${key} is not an output of ${uses}`);
                assert.match(String(variable), secretOutputs.has(key) ? secretEnvVarNamePattern : envVarNamePattern, `${where}: ${key} must go to ${secretOutputs.has(key) ? 'a SECRET_' : 'an UPPER_SNAKE'} variable`);
              }
            }
            if (uses === 'aadApp/create') {
              assert.equal(typeof params.generateClientSecret, 'boolean');
              assert.ok(signInAudiences.includes(params.signInAudience as string), `${where}: signInAudience`);
            }
            if (uses === 'botFramework/create') {
              for (const channel of (params.channels as Array<{ name: string }>) ?? []) assert.ok(botChannelNames.includes(channel.name), `${where}: channel ${channel.name}`);
            }
            if (uses === 'arm/deploy') {
              for (const t of params.templates as Array<Record<string, unknown>>) {
                for (const key of Object.keys(t)) assert.ok(['deploymentName', 'path', 'parameters'].includes(key), `${where}: templates[].${key}`);
                assert.equal(typeof t.deploymentName, 'string');
              }
            }
            if (uses === 'file/createOrUpdateEnvironmentFile') {
              for (const [name, value] of Object.entries(params.envs as Record<string, unknown>)) {
                assert.match(name, envVarNamePattern);
                assert.ok(['string', 'number', 'boolean'].includes(typeof value), `${where}: envs.${name} is a scalar`);
              }
            }
          }
        }
      });

      it('only references files that exist in the repository', () => {
        const paths: string[] = [];
        for (const [, actions] of stages(project)) {
          for (const action of actions) {
            const w = action.with ?? {};
            for (const key of ['manifestPath', 'ignoreFile']) if (typeof w[key] === 'string') paths.push(w[key] as string);
            for (const t of (w.templates as Array<{ path: string; parameters?: string }>) ?? []) paths.push(t.path, ...(t.parameters ? [t.parameters] : []));
          }
        }
        for (const path of paths) assert.ok(existsSync(join(repoRoot, path)), `${file} references ${path}, which does not exist`);
      });

      it(`resolves every \${{VAR}} from env/.env.${env}, a SECRET_ output or an earlier action's output`, () => {
        const available = new Set([...envKeys(env), ...toolkitBuiltIns]);
        const provisionOutputs = (project.provision ?? []).flatMap(writtenBy);
        for (const [stage, actions] of stages(project)) {
          const known = new Set(stage === 'provision' ? available : [...available, ...provisionOutputs]);
          for (const [i, action] of actions.entries()) {
            const texts = [JSON.stringify(action.with ?? {})];
            // Files whose placeholders the action expands: ARM parameters, Entra app manifest.
            for (const t of (action.with?.templates as Array<{ parameters?: string }>) ?? []) if (t.parameters) texts.push(read(t.parameters));
            if (action.uses === 'aadApp/update') texts.push(read(action.with!.manifestPath as string));
            for (const name of texts.flatMap(placeholderNames)) {
              assert.ok(known.has(name), `${file} ${stage}[${i}] (${String(action.uses)}) uses \${{${name}}} before anything sets it`);
            }
            for (const name of writtenBy(action)) known.add(name);
          }
        }
      });
    });
  }

  it('provision (dev) creates the SSO app, the Teams app and Azure resources before it packages and updates the app', () => {
    const order = (load('teamsapp.yml').provision ?? []).map((a) => a.uses);
    const at = (uses: string) => order.indexOf(uses);
    for (const uses of ['aadApp/create', 'teamsApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']) {
      assert.ok(at(uses) >= 0, `provision has ${uses}`);
    }
    assert.ok(at('aadApp/create') < at('aadApp/update'));
    assert.ok(at('arm/deploy') < at('aadApp/update'), 'the bot id (api://botid-<id>) exists before the Entra app is updated');
    assert.ok(at('arm/deploy') < at('teamsApp/zipAppPackage'));
    assert.ok(at('teamsApp/zipAppPackage') < at('teamsApp/validateAppPackage'));
    assert.ok(at('teamsApp/validateAppPackage') < at('teamsApp/update'));
  });

  it('provision (dev) makes the managed identity a federated credential of the bot app, so Azure holds no secret', () => {
    const provision = load('teamsapp.yml').provision ?? [];
    const botApp = provision.find((a) => a.uses === 'aadApp/create')!;
    assert.equal(botApp.writeToEnvironmentFile?.clientId, 'BOT_ID');
    assert.equal(botApp.with?.generateClientSecret, false);
    assert.ok(!JSON.stringify(load('teamsapp.yml')).includes('SECRET_'), 'no secret variable in the Azure environment');
    const arm = provision.findIndex((a) => a.uses === 'arm/deploy');
    const fic = provision.findIndex((a) => a.uses === 'script' && String(a.with?.run).includes('federated-credential create'));
    assert.ok(fic > arm, 'the credential is added after the identity exists');
    const run = String(provision[fic]!.with!.run);
    assert.match(run, /--id \$\{\{BOT_OBJECT_ID\}\}/);
    assert.match(run, /"subject":"\$\{\{BOT_MANAGED_IDENTITY_PRINCIPAL_ID\}\}"/);
    assert.match(run, /"issuer":"\$\{\{AAD_APP_OAUTH_AUTHORITY\}\}\/v2\.0"/);
    assert.match(run, /"audiences":\["api:\/\/AzureADTokenExchange"\]/);
    const json = run.slice(run.indexOf("'{") + 1, run.lastIndexOf("}'") + 1);
    assert.doesNotThrow(() => JSON.parse(json), 'the credential parameters are valid JSON');
    assert.equal(provision[fic]!.with!.shell, 'bash');
  });

  it('deploy (dev) builds and zip-deploys to the App Service the bicep created; publish submits the package', () => {
    const project = load('teamsapp.yml');
    const deploy = project.deploy ?? [];
    assert.ok(deploy.some((a) => a.uses === 'cli/runNpmCommand' && String(a.with?.args).startsWith('run build')));
    const zipDeploy = deploy.find((a) => a.uses === 'azureAppService/zipDeploy');
    assert.equal(zipDeploy?.with?.resourceId, '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    assert.ok(bicepOutputs('infra/azure.bicep').includes('BOT_AZURE_APP_SERVICE_RESOURCE_ID'));
    const ignored = read(String(zipDeploy?.with?.ignoreFile)).split('\n');
    for (const entry of ['env/', 'tests/', 'emulators/', 'node_modules/', '.localConfigs*']) assert.ok(ignored.includes(entry), `zip deploy leaves out ${entry}`);
    const publish = (project.publish ?? []).map((a) => a.uses);
    assert.equal(publish.at(-1), 'teamsApp/publishAppPackage');
  });

  it('local provision registers the bot at the tunnel endpoint with Teams and Microsoft 365 channels', () => {
    const provision = load('teamsapp.local.yml').provision ?? [];
    const botApp = provision.find((a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_ID');
    assert.equal(botApp?.with?.signInAudience, 'AzureADMyOrg', 'single-tenant bot app');
    assert.equal(botApp?.with?.generateServicePrincipal, true);
    const registration = provision.find((a) => a.uses === 'botFramework/create');
    assert.equal(registration?.with?.botId, '${{BOT_ID}}');
    assert.equal(registration?.with?.messagingEndpoint, '${{BOT_ENDPOINT}}/api/messages');
    assert.deepEqual((registration?.with?.channels as Array<{ name: string }>).map((c) => c.name), ['msteams', 'm365extensions']);
  });

  it('writes runtime settings the agent actually reads, secrets only by reference, to git-ignored files', () => {
    const known = settingsNames();
    for (const { file } of projectFiles) {
      for (const action of load(file).deploy ?? []) {
        if (action.uses !== 'file/createOrUpdateEnvironmentFile') continue;
        const target = String(action.with!.target);
        assert.match(target, /^\.\/\.localConfigs(\.[a-z]{1,20})?$/, `${file} writes runtime settings to ${target}`);
        for (const [name, value] of Object.entries(action.with!.envs as Record<string, unknown>)) {
          assert.ok(known.has(name), `${file}: ${name} is not read by any src/**/*-settings.ts`);
          if (/SECRET|PASSWORD|KEY/.test(name)) assert.match(String(value), /^\$\{\{SECRET_[A-Z0-9_]{1,80}\}\}$/, `${file}: ${name} must come from a SECRET_ variable`);
        }
      }
    }
    const playground = load('teamsapp.testtool.yml').deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with!.envs as Record<string, unknown>;
    assert.equal(playground.AUTH_MODE, 'dev-anonymous');
    assert.equal(playground.HOST, '127.0.0.1', 'anonymous mode only on loopback');
    const local = load('teamsapp.local.yml').deploy!.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!.with!.envs as Record<string, unknown>;
    assert.equal(local.AUTH_MODE, 'entra');
    assert.equal(local.BOT_APP_ID, '${{BOT_ID}}');
  });

  it('App Service settings in infra/azure.bicep are settings the agent reads', () => {
    const known = settingsNames();
    const names = [...read('infra/azure.bicep').matchAll(/\{ name: '([A-Z][A-Z0-9_]{1,80})', value:/g)].map((m) => m[1]!);
    assert.ok(names.length >= 10);
    for (const name of names) assert.ok(known.has(name) || platformSettings.has(name), `infra/azure.bicep sets ${name}, which nothing reads`);
  });
});
