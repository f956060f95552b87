// Azure resources for secure-teams-agent, deployed by the Agents Toolkit's arm/deploy
// action (teamsapp.yml) or `az deployment group create` with infra/azure.parameters.json.
// Outputs in UPPER_SNAKE case are written back to env/.env.<env> by the toolkit.
//
// Security choices: one secret only, the audit checkpoint signing key (Ed25519, it cannot be
// keyless), kept in Key Vault and read by App Service as a Key Vault reference. The bot's
// single-tenant Entra app (BOT_ID, created by the toolkit's aadApp/create) trusts the
// user-assigned managed identity as a federated credential, so the agent signs in as the
// bot (Bot Framework and on-behalf-of) with the identity's token instead of a password.
// The same identity is the only principal allowed to call Azure OpenAI, Content Safety,
// Application Insights ingestion and the storage account, which all have key (local) auth
// disabled. The web app is HTTPS-only, TLS 1.2+, FTP(S) off.
//
// API versions (all GA, from the Azure resource reference):
//   Microsoft.ManagedIdentity/userAssignedIdentities 2023-01-31
//   Microsoft.OperationalInsights/workspaces 2023-09-01, Microsoft.Insights/components 2020-02-02
//   Microsoft.CognitiveServices/accounts(+/deployments) 2024-10-01
//   Microsoft.Storage/storageAccounts (+ table/blob services, tables, containers, immutabilityPolicies) 2023-05-01
//   Microsoft.Web/serverfarms, sites, sites/basicPublishingCredentialsPolicies 2024-04-01
//   Microsoft.BotService/botServices(+/channels) 2022-09-15, Microsoft.Authorization/roleAssignments 2022-04-01
//   Microsoft.KeyVault/vaults 2023-07-01, Microsoft.Insights/actionGroups 2023-01-01; the modules in infra/monitor name their own

@minLength(4)
@maxLength(20)
@description('Base of every resource name: lowercase letters and digits.')
param resourceBaseName string

@description('Region of the regional resources (the Azure Bot is global).')
param location string = resourceGroup().location

@maxLength(42)
@description('Display name of the Azure Bot.')
param botDisplayName string

@description('App Service plan SKU. B1 or higher: Always On needs a paid tier.')
param webAppSku string = 'B1'

@minValue(1)
@maxValue(30)
@description('Instances of the web app (scale-out). More than one is safe: state is in Azure Tables (STATE_BACKEND=azure-tables).')
param instanceCount int = 1

@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

@description('Client id of the bot\'s Entra app (BOT_ID): bot identity, Teams SSO resource and on-behalf-of client.')
param botAppId string

@description('Comma-separated tenant ids allowed to use the agent. Empty: only this tenant.')
param allowedTenantIds string = ''

@description('Comma-separated domains of the tenant (recipients inside it count as internal). Empty: the tool policy file\'s tenantDomains.')
param tenantDomains string = ''

@description('Create an Azure OpenAI account and a model deployment for the agent.')
param deployAzureOpenAI bool = true

param openAiLocation string = location
param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'

@description('Azure OpenAI data-plane API version the agent calls.')
param openAiApiVersion string = '2024-10-21'

@minValue(1)
@description('Deployment capacity in thousands of tokens per minute.')
param openAiCapacity int = 30

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
@description('Redundancy of the state storage (the audit archive is ZRS). ZRS or GZRS where the region offers them.')
param storageSku string = 'Standard_LRS'

@description('Create an Azure AI Content Safety account for the guard engine.')
param deployContentSafety bool = true

@minValue(30)
@maxValue(730)
@description('Days Log Analytics (and so Application Insights) keeps telemetry, including the AgentTurn events.')
param logRetentionDays int = 90

@minValue(1)
@maxValue(146000)
@description('Days each audit blob stays immutable (write once, read many) after it is written.')
param auditImmutabilityDays int = 365

// The alert rules and the audit workbook (infra/monitor/monitor.bicep) notify this address.
@description('E-mail address the audit alert rules (infra/monitor) notify; empty: no action group.')
param alertEmail string = ''

var tenantId = subscription().tenantId
var effectiveAllowedTenants = empty(allowedTenantIds) ? tenantId : allowedTenantIds
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
// One table holds every record instances share (history, canaries, rate limits, exchange
// de-duplication, approvals, the kill switch): src/state, STATE_TABLE_NAME.
var stateTableName = 'agentstate'
var keyVaultName = 'kv${uniqueString(resourceGroup().id, resourceBaseName)}'
// Created by the provision step after arm/deploy (teamsapp.yml, docs/deploy.md), never by the template.
var auditSigningKeySecret = 'audit-signing-key'
var auditArchiveAccountName = 'staudit${uniqueString(resourceGroup().id, resourceBaseName)}'
var openAiEndpoint = 'https://${resourceBaseName}-aoai.openai.azure.com/'
var contentSafetyEndpoint = 'https://${resourceBaseName}-safety.cognitiveservices.azure.com/'
var stateTablesEndpoint = 'https://${storageAccountName}.table.${environment().suffixes.storage}'

// Built-in role definition ids (Azure RBAC).
var roleCognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
var roleCognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'
var roleStorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var roleMonitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var roleKeyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

// Where the audit alerts of infra/monitor go.
resource alertsActionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${resourceBaseName}-alerts'
  location: 'global'
  properties: {
    groupShortName: 'agentalerts'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

// Workspace-based; instrumentation-key ingestion is off, so the exporter must send with an
// Entra token of the managed identity (Monitoring Metrics Publisher below).
resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
    // Workspace-based: the workspace's retentionInDays (logRetentionDays) applies.
  }
}

resource appInsightsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roleMonitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleMonitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployAzureOpenAI) {
  name: '${resourceBaseName}-aoai'
  location: openAiLocation
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: '${resourceBaseName}-aoai'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource openAiDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = if (deployAzureOpenAI) {
  parent: openAi
  name: openAiModelName
  sku: {
    name: 'GlobalStandard'
    capacity: openAiCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: openAiModelName
      version: openAiModelVersion
    }
  }
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployAzureOpenAI) {
  name: guid(resourceGroup().id, '${resourceBaseName}-aoai', identity.id, roleCognitiveServicesOpenAIUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleCognitiveServicesOpenAIUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource contentSafety 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployContentSafety) {
  name: '${resourceBaseName}-safety'
  location: location
  kind: 'ContentSafety'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: '${resourceBaseName}-safety'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource contentSafetyUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployContentSafety) {
  name: guid(resourceGroup().id, '${resourceBaseName}-safety', identity.id, roleCognitiveServicesUser)
  scope: contentSafety
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleCognitiveServicesUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Shared state (Tables). Entra-only: no account key works. The audit archive is its own account
// (module auditArchive below), so no role on this one reaches it.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: stateTableName
}

resource stateTableWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roleStorageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleStorageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The one secret: the audit checkpoint signing key. RBAC only (no access policies), purge
// protection, and the identity may read secrets, nothing else.
resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource keyVaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roleKeyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleKeyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The audit archive: sealed audit segments in a container with a time-based immutability
// (WORM) policy, in a storage account of its own without shared keys; only the managed
// identity may write, at container scope (infra/monitor/audit-archive.bicep).
module auditArchive 'monitor/audit-archive.bicep' = {
  name: 'agent-audit-archive'
  params: {
    storageAccountName: auditArchiveAccountName
    location: location
    agentPrincipalId: identity.properties.principalId
    immutabilityDays: auditImmutabilityDays
  }
}

// Scheduled query alerts over the AgentTurn events and the audit workbook.
module monitor 'monitor/monitor.bicep' = {
  name: 'agent-monitor'
  params: {
    appInsightsId: appInsights.id
    location: location
    actionGroupId: empty(alertEmail) ? '' : alertsActionGroup.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

// Runtime settings, named as src/**/*-settings.ts reads them (tests/toolkit/config-contract.test.ts).
var baseAppSettings = [
  // The upload holds dist/ (built by `npm run build`) without node_modules; App Service
  // installs the production dependencies on Linux, so native modules (better-sqlite3) match
  // the server. The custom command replaces Oryx's default `npm install` + `npm run build`.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
  { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'AUTH_MODE', value: 'entra' }
  { name: 'BOT_APP_ID', value: botAppId }
  { name: 'BOT_TENANT_ID', value: tenantId }
  // The bot app's federated credential: the agent exchanges this identity's token for the app's.
  { name: 'BOT_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
  { name: 'ALLOWED_TENANT_IDS', value: effectiveAllowedTenants }
  { name: 'TENANT_DOMAINS', value: tenantDomains }
  // Where to send; ingestion takes the identity's Entra token only (DisableLocalAuth).
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTH', value: 'managed-identity' }
  { name: 'APPLICATIONINSIGHTS_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
  // /home is the App Service share: the local hash-chained log survives restarts; each
  // instance keeps its own chain there (WEBSITE_INSTANCE_ID, set by App Service).
  { name: 'AUDIT_LOG_DIR', value: '/home/data/secure-teams-agent/audit' }
  { name: 'AUDIT_ARCHIVE_CONTAINER_URL', value: auditArchive.outputs.containerUrl }
  { name: 'AUDIT_ARCHIVE_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
  // Resolved by App Service with keyVaultReferenceIdentity; the value never appears in settings.
  { name: 'AUDIT_SIGNING_KEY', value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${auditSigningKeySecret}/)' }
  { name: 'STATE_BACKEND', value: 'azure-tables' }
  { name: 'STATE_TABLES_ENDPOINT', value: stateTablesEndpoint }
  { name: 'STATE_TABLE_NAME', value: stateTableName }
  { name: 'STATE_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
]
var openAiSettings = deployAzureOpenAI ? [
  { name: 'MODEL_PROVIDER', value: 'azure-openai' }
  { name: 'AZURE_OPENAI_ENDPOINT', value: openAiEndpoint }
  { name: 'AZURE_OPENAI_DEPLOYMENT', value: openAiModelName }
  { name: 'AZURE_OPENAI_API_VERSION', value: openAiApiVersion }
  // Client id of the managed identity the model client signs in with (keyless).
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
] : []
var contentSafetySettings = deployContentSafety ? [
  { name: 'CONTENT_SAFETY_ENDPOINT', value: contentSafetyEndpoint }
  { name: 'CONTENT_SAFETY_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
] : []

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    keyVaultReferenceIdentity: identity.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // Compiled JavaScript: no TypeScript loader at run time.
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(baseAppSettings, openAiSettings, contentSafetySettings)
    }
  }
}

// FTP publishing stays off; deployment goes through the toolkit's zip deploy.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    disableLocalAuth: true
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Lets Microsoft 365 Copilot reach the agent as a custom engine agent.
resource m365Channel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'M365Extensions'
  location: 'global'
  properties: {
    channelName: 'M365Extensions'
  }
}

output BOT_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output BOT_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_OPENAI_ENDPOINT string = deployAzureOpenAI ? openAiEndpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = deployAzureOpenAI ? openAiModelName : ''
output CONTENT_SAFETY_ENDPOINT string = deployContentSafety ? contentSafetyEndpoint : ''
output STATE_TABLES_ENDPOINT string = stateTablesEndpoint
output AUDIT_STORAGE_ACCOUNT_NAME string = auditArchiveAccountName
output AUDIT_VAULT_NAME string = keyVaultName
output LOG_ANALYTICS_WORKSPACE_ID string = logAnalytics.properties.customerId
output APPLICATIONINSIGHTS_RESOURCE_ID string = appInsights.id
