using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'ryesvp')
param location = readEnvironmentVariable('AZURE_LOCATION', 'southcentralus')
param taskHubName = 'RyesVP'
param dailyRefreshSchedule = '0 0 8 * * *'
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
