param planName string
param appName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string

@secure()
param applicationInsightsConnectionString string
param keyVaultName string
param taskHubName string
param dailyRefreshSchedule string
param retentionSchedule string
param scrapeParallelism int
param maximumInstanceCount int
param durableAlwaysReady int

// Secrets live in Key Vault; the app reads them through Key Vault references (setting name → secret name).
var secretSettings = {
  CRON_SECRET: 'cron-secret'
  DATABASE_URL: 'database-url'
  DIRECT_URL: 'direct-url'
  OPENAI_API_KEY: 'openai-api-key'
  GOOGLE_API_KEY: 'google-api-key'
  SPOTIFY_CLIENT_ID: 'spotify-client-id'
  SPOTIFY_CLIENT_SECRET: 'spotify-client-secret'
  TICKETMASTER_API_KEY: 'ticketmaster-api-key'
  ALERT_WEBHOOK_URL: 'alert-webhook-url'
  BROWSER_WS_ENDPOINT: 'browser-ws-endpoint'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'jobs' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
        // Keep the durable group warm so a timer-started run does not wait for a cold start.
        alwaysReady: [
          {
            name: 'durable'
            instanceCount: durableAlwaysReady
          }
        ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union({
      // Identity-based connection for the host and the Durable Task Azure Storage provider (blob, queue, table).
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      TaskHubName: taskHubName
      DailyRefreshSchedule: dailyRefreshSchedule
      RetentionSchedule: retentionSchedule
      Pipeline__ScrapeParallelism: string(scrapeParallelism)
    }, toObject(items(secretSettings), s => s.key, s => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${s.value})'))
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
