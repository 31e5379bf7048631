// Partner Pathway in Azure: one App Service web app (bot at /api/messages, tab at
// /tab, tab API under /api) behind a single-tenant Azure Bot with the Teams channel,
// its secrets in Key Vault, a Storage account for shared bot state, and Application
// Insights. `teamsapp provision` deploys this file with azure.parameters.json
// (arm/deploy); `teamsapp deploy` uploads the code to the web app.

@minLength(4)
@maxLength(20)
@description('Names the web app, its plan, the bot and the monitoring resources.')
param resourceBaseName string

@description('The App Service plan size. B1 and up keep the app always on; S1 and up can scale out.')
param appServicePlanSku string

@minValue(1)
@description('How many instances run the app.')
param instanceCount int

@description('The runtime stack, as App Service on Linux names it.')
param linuxFxVersion string

@description('The bot\'s single-tenant Entra app (client) id.')
param botId string

@secure()
@description('The bot\'s client secret; kept in Key Vault, never in an app setting.')
param botPassword string

@description('The directory (tenant) id of the bot\'s Entra app.')
param botTenantId string

@description('The bot\'s name in Azure.')
param botDisplayName string

@description('The tab\'s single sign-on Entra app (client) id.')
param tabAppClientId string

@description('Directory (tenant) ids, comma-separated, whose people may use the app; blank means the bot\'s tenant.')
param allowedTenantIds string

@description('The Teams app id, for deep links into the app.')
param teamsAppId string

@description('The SharePoint site that holds the lists.')
param sharePointSiteUrl string

@description('The directory (tenant) id of the Entra app that reads the SharePoint site.')
param sharePointTenantId string

@description('The Entra app (client) id granted Sites.Selected on the site.')
param sharePointClientId string

@secure()
@description('That app\'s certificate and private key, PEM; kept in Key Vault.')
param sharePointCertificatePem string

@description('The organisation, named in the User-Agent of every SharePoint request.')
param organisationName string

@description('Entra object ids, comma-separated, of people always in the Engagement team.')
param engagementTeamIds string

@description('The Engagement team\'s Teams channel id; blank until the app is added to it.')
param engagementChannelId string

@description('The SharePoint site origin (https://contoso.sharepoint.com) whose pages show the Partner Pathway web part; blank allows no cross-origin call.')
param sharePointWebOrigin string

@description('on or off: whether the server sends reminders on its own schedule; blank means on.')
param reminders string

@secure()
@description('The bearer token a scheduler sends to POST /api/reminders/run; blank turns that door off.')
param remindersToken string

@description('The organisation\'s IANA time zone; blank means Europe/London.')
param timeZone string

@description('Months after a partner\'s last involvement ends before their personal data is erased; blank means 72.')
param retentionMonths string

@description('on or off: whether the server applies the retention schedule itself, once a day; blank means on.')
param retentionSchedule string

@description('Equality monitoring counts under this are never shown; blank means 5.')
param monitoringMinCount string

@description('Claims: pence a mile for mileage; blank means 45.')
param claimMileagePence string

@description('Claims: pence for a paid half day; blank means 7500.')
param claimHalfDayPence string

@description('Claims: pence for a paid full day; blank means 15000.')
param claimFullDayPence string

@description('Who approves claims: named-contact or engagement-team; blank means named-contact.')
param claimApprover string

@description('Claims: days a submitted claim waits before its approver is reminded; blank means 14.')
param claimApprovalReminderDays string

@description('Reviews: weeks before a term of office ends that its reminder comes; blank means 8.')
param reviewTermReminderWeeks string

@description('Reviews: months a signed agreement stands before it is re-confirmed; blank means 12.')
param reviewAgreementMonths string

@description('Reviews: months after access needs were recorded or reviewed that they are reviewed again; blank means 12.')
param reviewAccessNeedsMonths string

@description('on or off: whether the public opportunities feed (/feed/opportunities.json and .rss) is served; blank means off.')
param opportunitiesFeed string

@secure()
@description('The bearer token a scheduler sends to POST /api/retention/run; blank turns that door off.')
param retentionToken string

// Everything but the Azure Bot, which is global, goes where the resource group is.
var location = resourceGroup().location
var webAppName = resourceBaseName
var storageAccountName = take('st${uniqueString(resourceGroup().id, resourceBaseName)}', 24)
var keyVaultName = take('kv-${uniqueString(resourceGroup().id, resourceBaseName)}', 24)
var botStateContainerName = 'bot-state'
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
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
  }
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storageAccount
  name: 'default'
}

resource botStateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobService
  name: botStateContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource appServicePlan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: appServicePlan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      // package.json's start script builds first; the deployed code is already built.
      appCommandLine: 'node dist/entry/server.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // Readiness, not liveness: an instance that cannot reach SharePoint or the bot state leaves the load balancer.
      healthCheckPath: '/readyz'
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, webApp.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botPassword)) {
  parent: keyVault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

resource sharePointCertificateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sharePointCertificatePem)) {
  parent: keyVault
  name: 'sharepoint-certificate-pem'
  properties: {
    value: sharePointCertificatePem
    contentType: 'application/x-pem-file'
  }
}

resource remindersTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(remindersToken)) {
  parent: keyVault
  name: 'reminders-token'
  properties: {
    value: remindersToken
  }
}

resource retentionTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(retentionToken)) {
  parent: keyVault
  name: 'retention-token'
  properties: {
    value: retentionToken
  }
}

resource botStateConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-state-storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storageAccount.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storageAccount.listKeys().keys[0].value}'
  }
}

// Secrets live in Key Vault; their settings hold references the platform resolves with
// the web app's managed identity. An empty secret gets no vault entry and an empty
// setting, which the server reads as unset. The settings are written after the vault,
// its secrets and the role assignment, so the restart that writing them causes finds
// every reference resolvable.
resource appSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  dependsOn: [
    webAppReadsSecrets
    botPasswordSecret
    sharePointCertificateSecret
    remindersTokenSecret
    retentionTokenSecret
    botStateConnectionSecret
  ]
  properties: {
    // The deployment uploads built code and production dependencies; nothing to build there.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    BOT_ID: botId
    SECRET_BOT_PASSWORD: empty(botPassword) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=bot-password)'
    BOT_TENANT_ID: botTenantId
    AAD_APP_CLIENT_ID: tabAppClientId
    TAB_DOMAIN: webApp.properties.defaultHostName
    ALLOWED_TENANT_IDS: allowedTenantIds
    TEAMS_APP_ID: teamsAppId
    // Several instances share one truth only through SharePoint, never a local file.
    STORE: 'sharepoint'
    SHAREPOINT_SITE_URL: sharePointSiteUrl
    AZURE_TENANT_ID: sharePointTenantId
    SHAREPOINT_CLIENT_ID: sharePointClientId
    SECRET_SHAREPOINT_CERTIFICATE_PEM: empty(sharePointCertificatePem) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=sharepoint-certificate-pem)'
    ORGANISATION_NAME: organisationName
    ENGAGEMENT_TEAM_IDS: engagementTeamIds
    ENGAGEMENT_CHANNEL_ID: engagementChannelId
    SHAREPOINT_WEB_ORIGIN: sharePointWebOrigin
    REMINDERS: reminders
    REMINDERS_TOKEN: empty(remindersToken) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=reminders-token)'
    TIME_ZONE: timeZone
    RETENTION_MONTHS: retentionMonths
    RETENTION_SCHEDULE: retentionSchedule
    MONITORING_MIN_COUNT: monitoringMinCount
    CLAIM_MILEAGE_PENCE: claimMileagePence
    CLAIM_HALF_DAY_PENCE: claimHalfDayPence
    CLAIM_FULL_DAY_PENCE: claimFullDayPence
    CLAIM_APPROVER: claimApprover
    CLAIM_APPROVAL_REMINDER_DAYS: claimApprovalReminderDays
    REVIEW_TERM_REMINDER_WEEKS: reviewTermReminderWeeks
    REVIEW_AGREEMENT_MONTHS: reviewAgreementMonths
    REVIEW_ACCESS_NEEDS_MONTHS: reviewAccessNeedsMonths
    OPPORTUNITIES_FEED: opportunitiesFeed
    RETENTION_TOKEN: empty(retentionToken) ? '' : '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=retention-token)'
    // App Service's front end is one reverse proxy, so the client's address is the
    // last X-Forwarded-For entry; rate limits per address need it.
    TRUST_PROXY_HOPS: '1'
    // The shared bot state and the reminders lease: every instance serves every conversation.
    BOT_STATE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botStateConnectionSecret.name})'
    BOT_STATE_CONTAINER: botStateContainer.name
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  }
}

resource azureBot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botId
    msaAppTenantId: botTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: azureBot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Teams Toolkit writes each output to env/.env.<environment> under its name in upper case.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
