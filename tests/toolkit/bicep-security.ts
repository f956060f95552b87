// Static security checks of infra/azure.bicep. Bicep cannot compile here, so these read the
// template as text: each check names a property a fork must not remove or weaken. A pure
// function over the text, so the tests can also prove each check fires on a weakened copy.

/** Text of one `resource <symbol> '<type>@<version>' = ... {` block, up to the next top-level declaration. */
export function resourceBlock(bicep: string, symbol: string): string | undefined {
  const start = bicep.search(new RegExp(`^resource ${symbol} '`, 'm'));
  if (start < 0) return undefined;
  const rest = bicep.slice(start + 1);
  const end = rest.search(/^(resource|var|output|param|module|@|\/\/) ?/m);
  return bicep.slice(start, end < 0 ? undefined : start + 1 + end);
}

/** Symbols of the resources of one type, e.g. Microsoft.CognitiveServices/accounts. */
export function resourcesOfType(bicep: string, type: string): string[] {
  return [...bicep.matchAll(new RegExp(`^resource (\\w{1,64}) '${type.replace(/[./]/g, '\\$&')}@`, 'gm'))].map((m) => m[1]!);
}

/** Built-in Azure role definition ids the identity may hold, and nothing broader. */
export const allowedRoles: Readonly<Record<string, string>> = {
  roleCognitiveServicesOpenAIUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
  roleCognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908',
  roleStorageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  roleStorageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  roleMonitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  roleKeyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
};

/** The role assignments the agent needs: symbol → scope and role variable. */
export const requiredRoleAssignments: ReadonlyArray<{ symbol: string; scope: string; role: string }> = [
  { symbol: 'openAiUser', scope: 'openAi', role: 'roleCognitiveServicesOpenAIUser' },
  { symbol: 'contentSafetyUser', scope: 'contentSafety', role: 'roleCognitiveServicesUser' },
  { symbol: 'stateTableWriter', scope: 'storage', role: 'roleStorageTableDataContributor' },
  { symbol: 'appInsightsPublisher', scope: 'appInsights', role: 'roleMonitoringMetricsPublisher' },
  { symbol: 'keyVaultReader', scope: 'keyVault', role: 'roleKeyVaultSecretsUser' },
];

/** Every way the template falls short of the security baseline; empty when it holds. */
export function bicepSecurityProblems(bicep: string): string[] {
  const problems: string[] = [];
  const need = (symbol: string, pattern: RegExp, what: string) => {
    const block = resourceBlock(bicep, symbol);
    if (block === undefined) problems.push(`resource ${symbol} is missing`);
    else if (!pattern.test(block)) problems.push(`${symbol}: ${what}`);
  };

  // App Service
  need('webApp', /^\s{4}httpsOnly: true$/m, 'httpsOnly must be true');
  need('webApp', /^\s{6}minTlsVersion: '1\.[23]'$/m, "minTlsVersion must be '1.2' or '1.3'");
  need('webApp', /^\s{6}scmMinTlsVersion: '1\.[23]'$/m, "scmMinTlsVersion must be '1.2' or '1.3'");
  need('webApp', /^\s{6}ftpsState: 'Disabled'$/m, "ftpsState must be 'Disabled'");
  need('webApp', /^\s{6}http20Enabled: true$/m, 'http20Enabled must be true');
  need('webApp', /^\s{6}alwaysOn: true$/m, 'alwaysOn must be true');
  need('webApp', /^\s{6}healthCheckPath: '\/healthz'$/m, "healthCheckPath must be '/healthz'");
  need('webApp', /^\s{6}linuxFxVersion: 'NODE\|(22|24)-lts'$/m, 'linuxFxVersion must be a supported Node LTS (22 or 24)');
  need('webApp', /identity: \{\s{1,20}type: 'UserAssigned'\s{1,20}userAssignedIdentities: \{\s{1,20}'\$\{identity\.id\}': \{\}/, 'must run as the user-assigned managed identity');
  need('ftpPublishing', /name: 'ftp'\s{1,20}properties: \{\s{1,20}allow: false/, 'FTP publishing credentials must stay disabled');
  need('identity', /'Microsoft\.ManagedIdentity\/userAssignedIdentities@/, 'must be a user-assigned managed identity');

  // Entra-only data planes
  const accounts = resourcesOfType(bicep, 'Microsoft.CognitiveServices/accounts');
  for (const symbol of ['openAi', 'contentSafety']) if (!accounts.includes(symbol)) problems.push(`resource ${symbol} is missing`);
  for (const symbol of accounts) need(symbol, /^\s{4}disableLocalAuth: true$/m, 'disableLocalAuth must be true (keys off)');
  need('appInsights', /^\s{4}DisableLocalAuth: true$/m, 'DisableLocalAuth must be true (no instrumentation-key ingestion)');
  need('appInsights', /^\s{4}WorkspaceResourceId: logAnalytics\.id$/m, 'must be workspace-based');
  need('bot', /^\s{4}msaAppType: 'SingleTenant'$/m, "msaAppType must be 'SingleTenant'");

  // Storage
  need('storage', /^\s{4}allowSharedKeyAccess: false$/m, 'allowSharedKeyAccess must be false');
  need('storage', /^\s{4}minimumTlsVersion: 'TLS1_2'$/m, "minimumTlsVersion must be 'TLS1_2'");
  need('storage', /^\s{4}supportsHttpsTrafficOnly: true$/m, 'supportsHttpsTrafficOnly must be true');
  need('storage', /^\s{4}allowBlobPublicAccess: false$/m, 'allowBlobPublicAccess must be false');
  // The audit archive module: the identity writes, the period comes from auditImmutabilityDays.
  const archive = /^module auditArchive 'monitor\/audit-archive\.bicep' = \{[\s\S]{0,400}?^\}/m.exec(bicep)?.[0];
  if (!archive) problems.push('the audit archive module (monitor/audit-archive.bicep) must be deployed');
  else {
    if (!/^\s{4}agentPrincipalId: identity\.properties\.principalId$/m.test(archive)) problems.push('auditArchive: the managed identity must be the archive writer');
    if (!/^\s{4}immutabilityDays: auditImmutabilityDays$/m.test(archive)) problems.push('auditArchive: the immutability period must come from auditImmutabilityDays');
  }
  const days = /@minValue\((\d{1,6})\)\s{1,10}@maxValue\(\d{1,6}\)\s{1,10}@description\('[^']{1,200}'\)\s{1,10}param auditImmutabilityDays int = (\d{1,6})$/m.exec(bicep);
  if (!days || Number(days[1]) < 1 || Number(days[2]) < 180) problems.push('auditImmutabilityDays must keep a minimum of 1 and a default of at least 180 days');

  // Key Vault: only for the audit signing key; RBAC, purge protection, read through the identity.
  need('keyVault', /^\s{4}enableRbacAuthorization: true$/m, 'enableRbacAuthorization must be true (no access policies)');
  need('keyVault', /^\s{4}enablePurgeProtection: true$/m, 'enablePurgeProtection must be true');
  need('keyVault', /^\s{4}enableSoftDelete: true$/m, 'enableSoftDelete must be true');
  need('webApp', /^\s{4}keyVaultReferenceIdentity: identity\.id$/m, 'Key Vault references must resolve with the user-assigned identity');

  // Role assignments: the needed ones, to the identity, and no broader role anywhere.
  for (const { symbol, scope, role } of requiredRoleAssignments) {
    need(symbol, new RegExp(`^\\s{2}scope: ${scope}$`, 'm'), `must be scoped to ${scope}`);
    need(symbol, new RegExp(`roleDefinitions', ${role}\\)`), `must grant ${role}`);
  }
  for (const symbol of resourcesOfType(bicep, 'Microsoft.Authorization/roleAssignments')) {
    need(symbol, /^\s{4}principalId: identity\.properties\.principalId$/m, 'must grant to the managed identity only');
    need(symbol, /^\s{4}principalType: 'ServicePrincipal'$/m, "principalType must be 'ServicePrincipal'");
  }
  for (const [name, id] of Object.entries(allowedRoles)) {
    const declared = new RegExp(`^var ${name} = '([^']{1,60})'$`, 'm').exec(bicep);
    if (declared && declared[1] !== id) problems.push(`role variable ${name} must be the built-in role ${id}`);
  }
  for (const { role } of requiredRoleAssignments) if (!new RegExp(`^var ${role} = '`, 'm').test(bicep)) problems.push(`role variable ${role} is missing`);
  const roleIds = [...bicep.matchAll(/'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/g)].map((m) => m[1]!);
  for (const id of roleIds) if (!Object.values(allowedRoles).includes(id)) problems.push(`unexpected role or id ${id} (Owner/Contributor-like grants are not allowed)`);

  // No secret may be created, read or handed out.
  if (/@secure\(\)/.test(bicep)) problems.push('a @secure() parameter means a secret; use the managed identity');
  if (/listKeys\(|listCredentials\(|listConnectionStrings\(|primaryKey|AccountKey=/.test(bicep)) problems.push('reads a key out of a service');
  return problems;
}

/** The parameters file can weaken what the template defaults to: retention, immutability, tier. */
export function parameterProblems(parameters: { parameters: Record<string, { value: unknown }> }): string[] {
  const problems: string[] = [];
  const value = (name: string) => parameters.parameters[name]?.value;
  const atLeast = (name: string, min: number) => {
    const v = value(name);
    if (v !== undefined && !(typeof v === 'number' && v >= min)) problems.push(`${name} must be at least ${min}`);
  };
  atLeast('auditImmutabilityDays', 180);
  atLeast('logRetentionDays', 30);
  atLeast('instanceCount', 1);
  const sku = value('webAppSku');
  if (typeof sku === 'string' && /^(F1|D1|FREE|SHARED)$/i.test(sku)) problems.push('webAppSku must be a paid tier (Always On)');
  return problems;
}

/** infra/monitor/audit-archive.bicep: WORM container, Entra-only account, the writer role at container scope only. */
export function archiveProblems(archive: string): string[] {
  const problems: string[] = [];
  const need = (symbol: string, pattern: RegExp, what: string) => {
    const block = resourceBlock(archive, symbol);
    if (block === undefined) problems.push(`audit-archive: resource ${symbol} is missing`);
    else if (!pattern.test(block)) problems.push(`audit-archive ${symbol}: ${what}`);
  };
  need('account', /^\s{4}allowSharedKeyAccess: false$/m, 'allowSharedKeyAccess must be false');
  need('account', /^\s{4}minimumTlsVersion: 'TLS1_2'$/m, "minimumTlsVersion must be 'TLS1_2'");
  need('account', /^\s{4}allowBlobPublicAccess: false$/m, 'allowBlobPublicAccess must be false');
  need('immutability', /^resource immutability 'Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/immutabilityPolicies@[^']{1,40}' = \{\s{1,10}parent: container\s{1,10}name: 'default'/, 'the container needs its time-based immutability policy');
  need('immutability', /^\s{4}immutabilityPeriodSinceCreationInDays: immutabilityDays$/m, 'the period must come from immutabilityDays');
  need('agentWriter', /^\s{2}scope: container$/m, 'the writer role must be scoped to the container');
  need('agentWriter', /^\s{4}principalId: agentPrincipalId$/m, 'the writer must be the agent identity');
  need('agentWriter', /roleDefinitions', roleStorageBlobDataContributor\)/, 'must grant Storage Blob Data Contributor');
  if (!/^var roleStorageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'$/m.test(archive)) problems.push('audit-archive: roleStorageBlobDataContributor must be the built-in role');
  if (/listKeys\(|@secure\(\)/.test(archive)) problems.push('audit-archive reads or takes a secret');
  return problems;
}
