// Archive of the agent's sealed audit segments: a storage account without shared keys or public
// access, a container with a time-based immutability (WORM) policy, and write access for the
// agent's managed identity. Blobs can be created, never changed or deleted before the period
// ends. Reference it from the main template, e.g.
//   module auditArchive 'monitor/audit-archive.bicep' = {
//     name: 'agent-audit-archive'
//     params: { storageAccountName: '${resourceBaseName}audit', location: location, agentPrincipalId: identity.properties.principalId }
//   }
// and give the app AUDIT_ARCHIVE_CONTAINER_URL = auditArchive.outputs.containerUrl and
// AUDIT_ARCHIVE_MANAGED_IDENTITY_CLIENT_ID = the identity's client id.
// The policy deploys unlocked; lock it once verified (az storage container immutability-policy
// lock): a locked policy can only be extended, which is what an audit archive needs.

@minLength(3)
@maxLength(24)
param storageAccountName string

param location string = resourceGroup().location

@description('Principal id of the agent\'s managed identity (gets Storage Blob Data Contributor on the container).')
param agentPrincipalId string

param containerName string = 'audit'

@description('Days each archived segment stays immutable after it is written.')
@minValue(1)
@maxValue(146000)
param immutabilityDays int = 365

var roleStorageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource immutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  parent: container
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: immutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource agentWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(container.id, agentPrincipalId, roleStorageBlobDataContributor)
  scope: container
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleStorageBlobDataContributor)
    principalId: agentPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output containerUrl string = '${account.properties.primaryEndpoints.blob}${containerName}'
