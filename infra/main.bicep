// RyesVP Jobs on Azure: Flex Consumption function app with the Durable Task Azure Storage provider.
// Local modules only (public registry modules cannot be restored from the build machines).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used in resource names and tags.')
param environmentName string

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Task hub name for the Durable Task Azure Storage provider (letters and digits).')
param taskHubName string = 'RyesVP'

@description('NCRONTAB schedule of the daily refresh, in UTC (Flex Consumption ignores WEBSITE_TIME_ZONE).')
param dailyRefreshSchedule string = '0 0 8 * * *'

@description('NCRONTAB schedule of the run-history purge, in UTC.')
param retentionSchedule string = '0 30 9 * * *'

@description('Venues scraped at once by one run.')
@minValue(1)
@maxValue(32)
param scrapeParallelism int = 4

@description('Maximum instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the durable group (orchestrations, activities, entities).')
@minValue(0)
param durableAlwaysReady int = 1

@description('Object id of a user or group allowed to set the Key Vault secrets (optional).')
param operatorPrincipalId string = ''

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  application: 'ryesvp-jobs'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-ryesvp-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stryesvp${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'deploy-${resourceToken}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-ryesvp-${resourceToken}'
    applicationInsightsName: 'appi-ryesvp-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: 'kv-ryesvp-${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    operatorPrincipalId: operatorPrincipalId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: 'asp-ryesvp-${resourceToken}'
    appName: 'func-ryesvp-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    taskHubName: taskHubName
    dailyRefreshSchedule: dailyRefreshSchedule
    retentionSchedule: retentionSchedule
    scrapeParallelism: scrapeParallelism
    maximumInstanceCount: maximumInstanceCount
    durableAlwaysReady: durableAlwaysReady
  }
  dependsOn: [
    roles
  ]
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_URI string = functionApp.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_TASK_HUB_NAME string = taskHubName
