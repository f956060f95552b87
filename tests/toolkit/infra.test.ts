// The Azure and Entra templates the toolkit deploys. Bicep cannot run here, so these tests
// hold the template to the security properties a fork relies on and keep the
// parameters file, the template and the env templates consistent with each other.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { placeholderNames, repoRoot } from '../../scripts/package-app.js';
import { archiveProblems, bicepSecurityProblems, parameterProblems, resourceBlock, resourcesOfType } from './bicep-security.js';
import { createReadTools, readToolDepsFromSettings } from '../../src/tools/read/create-read-tools.js';
import { createActionTools } from '../../src/tools/index.js';
import { graphSettings } from '../../src/graph/graph-settings.js';

const bicep = readFileSync(join(repoRoot, 'infra', 'azure.bicep'), 'utf8');
const archiveBicep = readFileSync(join(repoRoot, 'infra', 'monitor', 'audit-archive.bicep'), 'utf8');
const parameters = JSON.parse(readFileSync(join(repoRoot, 'infra', 'azure.parameters.json'), 'utf8'));
const entraManifest = JSON.parse(readFileSync(join(repoRoot, 'infra', 'entra', 'aad.manifest.json'), 'utf8'));

const block = (symbol: string): string => {
  const text = resourceBlock(bicep, symbol);
  assert.ok(text !== undefined, `resource ${symbol} exists`);
  return text;
};

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
    const outputs = [...bicep.matchAll(/^output (\w{1,80}) string = (.{1,300})$/gm)];
    assert.ok(outputs.length >= 10);
    for (const [, name, value] of outputs) {
      assert.doesNotMatch(name!, /SECRET|KEY|PASSWORD|CONNECTION_STRING/, `output ${name}`);
      assert.doesNotMatch(value!, /ConnectionString|listKeys|secrets\//, `output ${name} hands out a secret`);
    }
  });

  it('App Service: Node 22 LTS on Linux, HTTPS only, TLS 1.2+, FTPS and FTP publishing off, user-assigned identity', () => {
    const web = block('webApp');
    assert.match(web, /linuxFxVersion: 'NODE\|22-lts'/);
    assert.match(web, /httpsOnly: true/);
    assert.match(web, /minTlsVersion: '1\.2'/);
    assert.match(web, /scmMinTlsVersion: '1\.2'/);
    assert.match(web, /ftpsState: 'Disabled'/);
    assert.match(web, /type: 'UserAssigned'/);
    assert.match(web, /healthCheckPath: '\/healthz'/);
    assert.match(block('ftpPublishing'), /name: 'ftp'[\s\S]{0,80}allow: false/);
  });

  it('Azure Bot: single-tenant bot app (BOT_ID) signed in through the managed identity, Teams and Microsoft 365 channels', () => {
    const bot = block('bot');
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
    assert.match(block('teamsChannel'), /channelName: 'MsTeamsChannel'/);
    assert.match(block('m365Channel'), /channelName: 'M365Extensions'/);
  });

  it('Azure OpenAI and Content Safety accept Entra tokens only, and the identity gets exactly the data-plane roles', () => {
    const accounts = resourcesOfType(bicep, 'Microsoft.CognitiveServices/accounts');
    assert.deepEqual(accounts.sort(), ['contentSafety', 'openAi']);
    for (const symbol of accounts) assert.match(block(symbol), /disableLocalAuth: true/, `${symbol} keeps key auth off`);
    assert.match(block('openAi'), /kind: 'OpenAI'/);
    assert.match(block('contentSafety'), /kind: 'ContentSafety'/);
    // Cognitive Services OpenAI User / Cognitive Services User, scoped to each account.
    assert.match(block('openAiUser'), /scope: openAi[\s\S]{0,400}roleCognitiveServicesOpenAIUser/);
    assert.match(block('contentSafetyUser'), /scope: contentSafety[\s\S]{0,400}roleCognitiveServicesUser/);
    assert.match(bicep, /var roleCognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'/);
    assert.match(bicep, /var roleCognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'/);
    for (const symbol of resourcesOfType(bicep, 'Microsoft.Authorization/roleAssignments')) {
      const assignment = block(symbol);
      assert.match(assignment, /principalId: identity\.properties\.principalId/, `${symbol} grants to the managed identity only`);
      assert.match(assignment, /principalType: 'ServicePrincipal'/);
    }
  });

  it('storage: Entra-only state table with Table Data Contributor; the audit archive and the alerts are the infra/monitor modules', () => {
    const storage = block('storage');
    assert.match(storage, /allowSharedKeyAccess: false/);
    assert.match(storage, /allowBlobPublicAccess: false/);
    assert.match(storage, /minimumTlsVersion: 'TLS1_2'/);
    assert.match(block('stateTable'), /parent: tableService/);
    assert.match(bicep, /var stateTableName = 'agentstate'/, 'the table the state store uses by default (STATE_TABLE_NAME)');
    assert.match(block('stateTableWriter'), /roleStorageTableDataContributor/);
    assert.match(bicep, /\{ name: 'STATE_BACKEND', value: 'azure-tables' \}/, 'several instances share state through Azure Tables');
    assert.match(bicep, /^module monitor 'monitor\/monitor\.bicep' = \{[\s\S]{0,200}appInsightsId: appInsights\.id/m);
    assert.match(bicep, /\{ name: 'AUDIT_ARCHIVE_CONTAINER_URL', value: auditArchive\.outputs\.containerUrl \}/);
    assert.match(bicep, /\{ name: 'APPLICATIONINSIGHTS_AUTH', value: 'managed-identity' \}/, 'ingestion with the identity token (local auth is off)');
  });

  it('the plan scales out, Log Analytics retention is a parameter, Key Vault holds only the audit signing key', () => {
    assert.match(block('plan'), /capacity: instanceCount/);
    assert.match(block('logAnalytics'), /retentionInDays: logRetentionDays/);
    assert.match(block('webApp'), /appCommandLine: 'node dist\/index\.js'/, 'App Service runs the build output, no TypeScript loader');
    assert.deepEqual(resourcesOfType(bicep, 'Microsoft.KeyVault/vaults'), ['keyVault']);
    const references = [...bicep.matchAll(/@Microsoft\.KeyVault\(/g)];
    assert.equal(references.length, 1, 'one Key Vault reference');
    assert.match(bicep, /\{ name: 'AUDIT_SIGNING_KEY', value: '@Microsoft\.KeyVault\(SecretUri=\$\{keyVault\.properties\.vaultUri\}secrets\/\$\{auditSigningKeySecret\}\/\)' \}/);
  });

  it('Application Insights sits on a Log Analytics workspace and its connection string reaches the app', () => {
    assert.match(block('appInsights'), /WorkspaceResourceId: logAnalytics\.id/);
    assert.match(bicep, /\{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights\.properties\.ConnectionString \}/);
    assert.match(block('appInsightsPublisher'), /roleMonitoringMetricsPublisher/);
  });
});

describe('infra: security baseline of azure.bicep (static)', () => {
  it('the template meets every check', () => {
    assert.deepEqual(bicepSecurityProblems(bicep), []);
  });

  // Each weakened copy must fail, so a check cannot silently stop matching.
  const weakenings: Array<[string, string, string]> = [
    ['httpsOnly off', 'httpsOnly: true', 'httpsOnly: false'],
    ['httpsOnly removed', '    httpsOnly: true\n', ''],
    ['TLS 1.0 allowed', "      minTlsVersion: '1.2'", "      minTlsVersion: '1.0'"],
    ['SCM TLS 1.1 allowed', "scmMinTlsVersion: '1.2'", "scmMinTlsVersion: '1.1'"],
    ['FTPS on', "ftpsState: 'Disabled'", "ftpsState: 'FtpsOnly'"],
    ['HTTP/2 off', 'http20Enabled: true', 'http20Enabled: false'],
    ['Always On off', 'alwaysOn: true', 'alwaysOn: false'],
    ['health check removed', "      healthCheckPath: '/healthz'\n", ''],
    ['Node 20', "'NODE|22-lts'", "'NODE|20-lts'"],
    ['system-assigned identity instead', "type: 'UserAssigned'", "type: 'SystemAssigned'"],
    ['FTP publishing allowed', 'allow: false', 'allow: true'],
    ['OpenAI keys on', "kind: 'OpenAI'\n  sku: {\n    name: 'S0'\n  }\n  properties: {\n    customSubDomainName: '${resourceBaseName}-aoai'\n    disableLocalAuth: true", "kind: 'OpenAI'\n  sku: {\n    name: 'S0'\n  }\n  properties: {\n    customSubDomainName: '${resourceBaseName}-aoai'\n    disableLocalAuth: false"],
    ['Content Safety keys on', "customSubDomainName: '${resourceBaseName}-safety'\n    disableLocalAuth: true", "customSubDomainName: '${resourceBaseName}-safety'\n    disableLocalAuth: false"],
    ['App Insights key ingestion on', 'DisableLocalAuth: true', 'DisableLocalAuth: false'],
    ['shared keys on', 'allowSharedKeyAccess: false', 'allowSharedKeyAccess: true'],
    ['shared keys default', '    allowSharedKeyAccess: false\n', ''],
    ['storage TLS 1.0', "minimumTlsVersion: 'TLS1_2'", "minimumTlsVersion: 'TLS1_0'"],
    ['public blobs', 'allowBlobPublicAccess: false', 'allowBlobPublicAccess: true'],
    ['audit archive module removed', "module auditArchive '", "module auditArchiveRemoved '"],
    ['archive period not from the parameter', 'immutabilityDays: auditImmutabilityDays', 'immutabilityDays: 1'],
    ['immutability of one day by default', 'param auditImmutabilityDays int = 365', 'param auditImmutabilityDays int = 1'],
    ['OpenAI role removed', 'resource openAiUser ', 'resource openAiUserRemoved '],
    ['table role removed', 'resource stateTableWriter ', 'resource stateTableWriterRemoved '],
    ['Owner granted', "var roleMonitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'", "var roleMonitoringMetricsPublisher = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'"],
    ['role to someone else', 'principalId: identity.properties.principalId\n    principalType', 'principalId: otherPrincipalId\n    principalType'],
    ['Key Vault access policies instead of RBAC', 'enableRbacAuthorization: true', 'enableRbacAuthorization: false'],
    ['purge protection off', 'enablePurgeProtection: true', 'enablePurgeProtection: false'],
    ['Key Vault references with another identity', '    keyVaultReferenceIdentity: identity.id\n', ''],
    ['a key read out', 'value: appInsights.properties.ConnectionString', 'value: storage.listKeys().keys[0].value'],
  ];
  it('the audit archive module keeps its WORM policy, Entra-only account and container-scoped writer', () => {
    assert.deepEqual(archiveProblems(archiveBicep), []);
    const weakened: Array<[string, string]> = [
      ['allowSharedKeyAccess: false', 'allowSharedKeyAccess: true'],
      ["resource immutability '", "resource immutabilityRemoved '"],
      ['immutabilityPeriodSinceCreationInDays: immutabilityDays', 'immutabilityPeriodSinceCreationInDays: 1'],
      ['  scope: container\n', '  scope: account\n'],
      ['principalId: agentPrincipalId', 'principalId: someoneElse'],
    ];
    for (const [from, to] of weakened) {
      assert.ok(archiveBicep.includes(from), from);
      assert.notDeepEqual(archiveProblems(archiveBicep.replace(from, to)), [], `${from} -> ${to} goes unnoticed`);
    }
  });

  it('the parameters file keeps the retention, the immutability period and a paid tier', () => {
    assert.deepEqual(parameterProblems(parameters), []);
    const weaken = (name: string, value: unknown) => parameterProblems({ parameters: { ...parameters.parameters, [name]: { value } } });
    assert.notDeepEqual(weaken('auditImmutabilityDays', 7), []);
    assert.notDeepEqual(weaken('logRetentionDays', 7), []);
    assert.notDeepEqual(weaken('webAppSku', 'F1'), []);
  });

  for (const [what, from, to] of weakenings) {
    it(`fails when weakened: ${what}`, () => {
      assert.ok(bicep.includes(from), `the template contains ${JSON.stringify(from)}`);
      assert.notDeepEqual(bicepSecurityProblems(bicep.replace(from, to)), [], `${what} goes unnoticed`);
    });
  }
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

  // Why each delegated scope: User.Read who_am_i; Files.Read list_recent_files; Files.Read.All
  // search_files and read_file (shared and library files); Sites.Read.All list_site_pages and
  // list_list_items; Mail.Send send_mail; Files.ReadWrite create_sharing_link and delete_file;
  // Calendars.ReadWrite create_event.
  // Mail.ReadBasic (no bodies): finds an approved mail in Sent Items by its idempotency key after an interrupted send.
  const allowedDelegated = ['Calendars.ReadWrite', 'Files.Read', 'Files.Read.All', 'Files.ReadWrite', 'Mail.ReadBasic', 'Mail.Send', 'Sites.Read.All', 'User.Read'];

  it('asks for delegated Graph scopes only, never application permissions, and allows no implicit grant', () => {
    for (const resource of entraManifest.requiredResourceAccess) {
      for (const access of resource.resourceAccess) assert.equal(access.type, 'Scope', `${access.id} must be delegated (an application permission acts without a user)`);
    }
    assert.equal(entraManifest.web.implicitGrantSettings.enableAccessTokenIssuance, false);
    assert.equal(entraManifest.web.implicitGrantSettings.enableIdTokenIssuance, false);
    assert.equal(entraManifest.web.redirectUris.length, 0);
  });

  it('requests exactly the delegated Graph scopes the tools use, nothing beyond the reviewed list', () => {
    assert.deepEqual(entraManifest.requiredResourceAccess.map((r: { resourceAppId: string }) => r.resourceAppId), ['Microsoft Graph']);
    const requested = entraManifest.requiredResourceAccess[0].resourceAccess.map((a: { id: string }) => a.id).sort();
    for (const scope of requested) assert.ok(allowedDelegated.includes(scope), `${scope} is not on the reviewed list`);
    const tools = [...createReadTools(readToolDepsFromSettings(graphSettings.parse({}))), ...createActionTools({ graphBaseUrl: 'https://graph.microsoft.com/v1.0' })];
    const used = [...new Set(tools.flatMap((t) => [...t.scopes, ...(t.reconcileScopes ?? [])]))].sort();
    assert.deepEqual(requested, used, 'the app asks for what the tools request on behalf of the user, no more and no less');
  });

  it('pre-authorizes exactly the Teams and Microsoft 365 / Copilot clients for access_as_user', () => {
    const scopeId = entraManifest.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === 'access_as_user').id;
    const clients = entraManifest.api.preAuthorizedApplications as Array<{ appId: string; delegatedPermissionIds: string[] }>;
    // Teams desktop/mobile, Teams web, Microsoft 365 web, desktop, mobile, Outlook desktop and web (Microsoft's documented SSO client ids).
    const known = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', '4765445b-32c6-49b0-83e6-1d93765276ca', '0ec893e0-5785-4de6-99da-4ed124e5296c', 'd3590ed6-52b3-4102-aeff-aad2292ab01c', 'bc59ab01-8403-45c6-8796-ac3ef710b3e3', '27922004-5251-4030-b22d-91ecd9a37ea4'];
    assert.deepEqual(clients.map((c) => c.appId).sort(), [...known].sort());
    for (const client of clients) assert.deepEqual(client.delegatedPermissionIds, [scopeId]);
    assert.equal(entraManifest.api.oauth2PermissionScopes.length, 1, 'access_as_user is the only exposed scope');
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
