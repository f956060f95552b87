// Azure resources for secure-teams-agent, deployed by the Agents Toolkit's arm/deploy
// action (m365agents.yml) with infra/azure.parameters.json. Outputs in UPPER_SNAKE case
// are written back to env/.env.<env> by the toolkit.
//
// Security choices: no secret exists anywhere. The bot's single-tenant Entra app
// (BOT_ID, created by the toolkit's aadApp/create) trusts the user-assigned managed
// identity as a federated credential, so the agent signs in as the bot (Bot Framework
// and on-behalf-of) with the identity's token instead of a password. The same identity
// is the only principal allowed to call Azure OpenAI, Content Safety and the approvals
// table, which all have key (local) auth disabled. The web app is HTTPS-only, TLS 1.2+,
// FTP(S) off.

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

@allowed(['F0', 'S1'])
param botServiceSku string = 'F0'

@description('Client id of the bot\'s Entra app (BOT_ID): bot identity, Teams SSO resource and on-behalf-of client.')
param botAppId string

@description('Comma-separated tenant ids allowed to use the agent. Empty: only this tenant.')
param allowedTenantIds string = ''

@description('Create an Azure OpenAI account and a model deployment for the agent.')
param deployAzureOpenAI bool = true

param openAiLocation string = location
param openAiModelName string = 'gpt-4o-mini'
param openAiModelVersion string = '2024-07-18'

@minValue(1)
@description('Deployment capacity in thousands of tokens per minute.')
param openAiCapacity int = 30

@description('Create an Azure AI Content Safety account for the guard engine.')
param deployContentSafety bool = true

@description('Create a storage account with an approvals table (Entra-only access).')
param deployApprovalsTable bool = true

@description('Disable instrumentation-key ingestion in Application Insights (the SDK must then send with an Entra token).')
param appInsightsDisableLocalAuth bool = false

var tenantId = subscription().tenantId
var effectiveAllowedTenants = empty(allowedTenantIds) ? tenantId : allowedTenantIds
var storageAccountName = 'st${uniqueString(resourceGroup().id, resourceBaseName)}'
var approvalsTableName = 'approvals'

// Built-in role definition ids (Azure RBAC).
var roleCognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
var roleCognitiveServicesUser = 'a97b65f3-24c7-4388-baec-2e87135dc908'
var roleStorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var roleMonitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: appInsightsDisableLocalAuth
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

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deployApprovalsTable) {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = if (deployApprovalsTable) {
  parent: storage
  name: 'default'
}

resource approvalsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = if (deployApprovalsTable) {
  parent: tableService
  name: approvalsTableName
}

resource approvalsTableWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (deployApprovalsTable) {
  name: guid(resourceGroup().id, storageAccountName, identity.id, roleStorageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleStorageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

// Runtime settings, named as src/**/*-settings.ts reads them.
var baseAppSettings = [
  // The upload leaves node_modules out (infra/.webappignore); App Service runs `npm install`
  // on Linux so native modules (better-sqlite3) match the server, not the developer's machine.
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
  { name: 'HOST', value: '0.0.0.0' }
  { name: 'AUTH_MODE', value: 'entra' }
  { name: 'BOT_APP_ID', value: botAppId }
  { name: 'BOT_TENANT_ID', value: tenantId }
  // The bot app's federated credential: the agent exchanges this identity's token for the app's.
  { name: 'BOT_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
  { name: 'ALLOWED_TENANT_IDS', value: effectiveAllowedTenants }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
  { name: 'AUDIT_LOG_PATH', value: '/home/data/secure-teams-agent/audit.jsonl' }
]
var openAiSettings = deployAzureOpenAI ? [
  { name: 'MODEL_PROVIDER', value: 'azure-openai' }
  { name: 'AZURE_OPENAI_ENDPOINT', value: 'https://${resourceBaseName}-aoai.openai.azure.com/' }
  { name: 'AZURE_OPENAI_DEPLOYMENT', value: openAiModelName }
] : []
var contentSafetySettings = deployContentSafety ? [
  { name: 'CONTENT_SAFETY_ENDPOINT', value: 'https://${resourceBaseName}-safety.cognitiveservices.azure.com/' }
  { name: 'CONTENT_SAFETY_MANAGED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
] : []
// The approvals table exists ahead of the approvals module (a later issue): when that module
// has its settings, add them here, e.g. its table endpoint from the APPROVALS_TABLE_ENDPOINT output.

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
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm start'
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
output AZURE_OPENAI_ENDPOINT string = deployAzureOpenAI ? 'https://${resourceBaseName}-aoai.openai.azure.com/' : ''
output CONTENT_SAFETY_ENDPOINT string = deployContentSafety ? 'https://${resourceBaseName}-safety.cognitiveservices.azure.com/' : ''
output APPROVALS_TABLE_ENDPOINT string = deployApprovalsTable ? 'https://${storageAccountName}.table.${environment().suffixes.storage}' : ''
