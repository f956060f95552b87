// The Azure and Entra templates the toolkit deploys. Bicep cannot run here, so these tests
// hold the template to the security properties a fork relies on and keep the
// parameters file, the template and the env templates consistent with each other.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholderNames, repoRoot } from '../../scripts/package-app.js';

const bicep = readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(join(repoRoot, 'infra', 'azure.parameters.json'), 'utf8'));
const entraManifest = JSON.parse(readFileSync(join(repoRoot, 'infra', 'entra', 'aad.manifest.json'), 'utf8'));

/** Text of one `resource <symbol> '<type>@<version>' = ... {` block, up to the next top-level declaration. */
function resourceBlock(symbol: string): string {
  const start = bicep.search(new RegExp(`^resource ${symbol} '`, 'm'));
  assert.ok(start >= 0, `resource ${symbol} exists`);
  const rest = bicep.slice(start + 1);
  const end = rest.search(/^(resource|var|output|param|\/\/) /m);
  return bicep.slice(start, end < 0 ? undefined : start + 1 + end);
}

function resourcesOfType(type: string): string[] {
  return [...bicep.matchAll(new RegExp(`^resource (\\w{1,64}) '${type.replace(/[./]/g, '\\$&')}@`, 'gm'))].map((m) => m[1]!);
}

function declaredParams(): Map<string, { hasDefault: boolean }> {
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of bicep.matchAll(/^param (\w{1,64}) (\w{1,16})( = .{1,200})?$/gm)) params.set(m[1]!, { hasDefault: m[3] !== undefined });
  return params;
}

describe('infra: azure.bicep and azure.parameters.json', () => {
  it('the parameters file is an ARM deployment parameters document for parameters the template declares', () => {
    assert.equal(parameters.$schema, 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#');
    assert.equal(parameters.contentVersion, '1.0.0.0');
    const declared = declaredParams();
    for (const name of Object.keys(parameters.parameters)) assert.ok(declared.has(name), `azure.parameters.json sets ${name}, which azure.bicep does not declare`);
    for (const [name, { hasDefault }] of declared) {
      if (!hasDefault) assert.ok(name in parameters.parameters, `azure.bicep needs ${name} but azure.parameters.json does not set it`);
    }
  });

  it('every placeholder in the parameters file is declared in env/.env.dev or is a secret the provision writes', () => {
    const dev = Object.keys(parseEnv(readFileSync(join(repoRoot, 'env', '.env.dev'), 'utf8')));
    for (const name of placeholderNames(JSON.stringify(parameters))) {
      assert.ok(dev.includes(name) || name.startsWith('SECRET_'), `${name} is neither in env/.env.dev nor a SECRET_ output`);
    }
  });

  it('holds no secret: no secure parameter, no key read out of a service, nothing secret in outputs', () => {
    assert.doesNotMatch(bicep, /@secure\(\)/);
    assert.doesNotMatch(bicep, /listKeys\(|listCredentials\(|primaryKey/);
    assert.doesNotMatch(bicep.split('\n').filter((l) => l.startsWith('output ')).join('\n'), /[Ss]ecret|[Kk]ey|[Pp]assword|ConnectionString/);
  });

  it('App Service: Node 22 LTS on Linux, HTTPS only, TLS 1.2+, FTPS and FTP publishing off, user-assigned identity', () => {
    const web = resourceBlock('webApp');
    assert.match(web, /linuxFxVersion: 'NODE\|22-lts'/);
    assert.match(web, /httpsOnly: true/);
    assert.match(web, /minTlsVersion: '1\.2'/);
    assert.match(web, /scmMinTlsVersion: '1\.2'/);
    assert.match(web, /ftpsState: 'Disabled'/);
    assert.match(web, /type: 'UserAssigned'/);
    assert.match(web, /healthCheckPath: '\/healthz'/);
    assert.match(resourceBlock('ftpPublishing'), /name: 'ftp'[\s\S]{0,80}allow: false/);
  });

  it('Azure Bot: single-tenant bot app (BOT_ID) signed in through the managed identity, Teams and Microsoft 365 channels', () => {
    const bot = resourceBlock('bot');
    assert.match(bot, /kind: 'azurebot'/);
    assert.match(bot, /msaAppType: 'SingleTenant'/);
    assert.match(bot, /msaAppId: botAppId/);
    assert.match(bot, /msaAppTenantId: tenantId/);
    assert.equal(parameters.parameters.botAppId.value, '${{BOT_ID}}');
    // The agent uses this identity as the bot app's federated credential (src/agent FICClientId, src/identity OBO).
    assert.match(bicep, /\{ name: 'BOT_APP_ID', value: botAppId \}/);
    assert.match(bicep, /\{ name: 'BOT_MANAGED_IDENTITY_CLIENT_ID', value: identity\.properties\.clientId \}/);
    assert.match(bicep, /^output BOT_MANAGED_IDENTITY_PRINCIPAL_ID string = identity\.properties\.principalId$/m);
    assert.match(bot, /endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    assert.match(resourceBlock('teamsChannel'), /channelName: 'MsTeamsChannel'/);
    assert.match(resourceBlock('m365Channel'), /channelName: 'M365Extensions'/);
  });

  it('Azure OpenAI and Content Safety accept Entra tokens only, and the identity gets exactly the data-plane roles', () => {
    const accounts = resourcesOfType('Microsoft.CognitiveServices/accounts');
    assert.deepEqual(accounts.sort(), ['contentSafety', 'openAi']);
    for (const symbol of accounts) assert.match(resourceBlock(symbol), /disableLocalAuth: true/, `${symbol} keeps key auth off`);
    assert.match(resourceBlock('openAi'), /kind: 'OpenAI'/);
    assert.match(resourceBlock('contentSafety'), /kind: 'ContentSafety'/);
    // Cognitive Services OpenAI User / Cognitive Services User, scoped to each account.
    assert.match(resourceBlock('openAiUser'), /scope: openAi[\s\S]{0,400}roleCognitiveServicesOpenAIUser/);
    assert.match(resourceBlock('contentSafetyUser'), /scope: contentSafety[\s\S]{0,400}roleCognitiveServicesUser/);
    assert.match(bicep, /var roleCognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'/);
    assert.match(bicep, /var roleCognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'/);
    for (const symbol of resourcesOfType('Microsoft.Authorization/roleAssignments')) {
      const block = resourceBlock(symbol);
      assert.match(block, /principalId: identity\.properties\.principalId/, `${symbol} grants to the managed identity only`);
      assert.match(block, /principalType: 'ServicePrincipal'/);
    }
  });

  it('approvals table: storage without shared keys or public blobs, Table Data Contributor for the identity', () => {
    const storage = resourceBlock('storage');
    assert.match(storage, /allowSharedKeyAccess: false/);
    assert.match(storage, /allowBlobPublicAccess: false/);
    assert.match(storage, /minimumTlsVersion: 'TLS1_2'/);
    assert.match(storage, /supportsHttpsTrafficOnly: true/);
    assert.match(resourceBlock('approvalsTable'), /parent: tableService/);
    assert.match(resourceBlock('approvalsTableWriter'), /roleStorageTableDataContributor/);
    assert.match(bicep, /var roleStorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
  });

  it('Application Insights sits on a Log Analytics workspace and its connection string reaches the app', () => {
    assert.match(resourceBlock('appInsights'), /WorkspaceResourceId: logAnalytics\.id/);
    assert.match(bicep, /\{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights\.properties\.ConnectionString \}/);
    assert.match(resourceBlock('appInsightsPublisher'), /roleMonitoringMetricsPublisher/);
  });
});

describe('infra: Entra app manifest (infra/entra/aad.manifest.json)', () => {
  it('is the bot app: exposes access_as_user at api://botid-<bot id>, pre-authorizes the Teams and Microsoft 365 clients', () => {
    assert.equal(entraManifest.appId, '${{BOT_ID}}');
    assert.equal(entraManifest.id, '${{BOT_OBJECT_ID}}');
    assert.equal(entraManifest.signInAudience, 'AzureADMyOrg');
    assert.deepEqual(entraManifest.identifierUris, ['api://botid-${{BOT_ID}}']);
    assert.equal(entraManifest.api.requestedAccessTokenVersion, 2);
    const scope = entraManifest.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'access_as_user');
    assert.equal(scope?.type, 'User');
    const clients = entraManifest.api.preAuthorizedApplications.map((p: { appId: string }) => p.appId);
    for (const teams of ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']) assert.ok(clients.includes(teams), `Teams client ${teams}`);
  });

  it('declares the app roles User, Approver, Auditor and Admin for users', () => {
    const roles = entraManifest.appRoles as Array<{ id: string; value: string; allowedMemberTypes: string[]; isEnabled: boolean }>;
    assert.deepEqual(roles.map((r) => r.value).sort(), ['Admin', 'Approver', 'Auditor', 'User']);
    assert.equal(new Set(roles.map((r) => r.id)).size, roles.length, 'role ids are unique');
    for (const role of roles) {
      assert.match(role.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual(role.allowedMemberTypes, ['User']);
      assert.equal(role.isEnabled, true);
    }
  });

  it('asks for delegated Graph scopes only, never application permissions, and allows no implicit grant', () => {
    for (const resource of entraManifest.requiredResourceAccess) {
      for (const access of resource.resourceAccess) assert.equal(access.type, 'Scope', `${access.id} must be delegated`);
    }
    assert.equal(entraManifest.web.implicitGrantSettings.enableAccessTokenIssuance, false);
    assert.equal(entraManifest.web.implicitGrantSettings.enableIdTokenIssuance, false);
  });
});

describe('env templates', () => {
  const envDir = join(repoRoot, 'env');
  const files = readdirSync(envDir).filter((f) => f.startsWith('.env.'));

  it('committed env files hold no secret values', () => {
    for (const file of files) {
      const values = parseEnv(readFileSync(join(envDir, file), 'utf8'));
      for (const [name, value] of Object.entries(values)) {
        if (/SECRET|PASSWORD|_KEY$/.test(name)) assert.equal(value, '', `env/${file}: ${name} must stay empty in the repository`);
      }
    }
  });

  it('git ignores the files where the toolkit and the agent keep secrets', () => {
    for (const path of ['env/.env.local.user', 'env/.env.dev.user', '.localConfigs', '.localConfigs.testtool', 'appPackage/build/appPackage.local.zip']) {
      // check-ignore exits 0 when the path is ignored; it reads, never changes, the repository.
      assert.doesNotThrow(() => execFileSync('git', ['check-ignore', '-q', path], { cwd: repoRoot }), `${path} is not git-ignored`);
    }
    assert.throws(() => execFileSync('git', ['check-ignore', '-q', 'env/.env.local.user.example'], { cwd: repoRoot }), 'the .user.example templates are committed');
  });
});
