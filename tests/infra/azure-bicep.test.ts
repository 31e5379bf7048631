import {
  actionsOf,
  armDeployOutputVariables,
  BUILT_IN_VARIABLES,
  declaredVariables,
  placeholdersIn,
  placeholdersInAction,
  readRepoText,
  readToolkitProject,
  variablesWrittenBy,
} from '../app-package/project-files';
import { objectKeys, readBicep, type BicepResource } from './bicep-reader';
import { configVariables } from './config-variables';

const TEMPLATE = 'infra/azure.bicep';
const PARAMETERS = 'infra/azure.parameters.json';

const bicep = readBicep(readRepoText(TEMPLATE));
const parameters = (JSON.parse(readRepoText(PARAMETERS)) as { parameters: Record<string, { value: unknown }> }).parameters;

function resource(type: string): BicepResource {
  const found = bicep.resources.filter((candidate) => candidate.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

const appSettings = objectKeys(resource('Microsoft.Web/sites/config').body, 'properties');

/** teamsapp.yml's actions in run order, and where arm/deploy sits among them. */
const actions = actionsOf(readToolkitProject('teamsapp.yml')).map(({ action }) => action);
const armDeploy = actions.findIndex((action) => action.uses === 'arm/deploy');

/**
 * What `src/config` reads that the Azure app settings leave out on purpose, each with
 * why. A variable added to `src/config` fails the settings test until it is either
 * set by infra/azure.bicep or named here.
 */
const NOT_SET_IN_AZURE: Readonly<Record<string, string>> = {
  PORT: 'App Service sets it for the container',
  DATABASE_PATH: 'the embedded store only; Azure runs on SharePoint',
  SEED_DEMO: 'demo data is for the embedded store only',
  LOCAL_IDENTITY: 'the local development identity is refused in Azure anyway',
  SHAREPOINT_AUTH: 'only for a local stand-in of SharePoint',
  SHAREPOINT_CERTIFICATE_PATH: 'a file on one machine; in Azure the PEM comes from Key Vault',
  TAB_DIR: 'its default, dist/tab, is where the upload puts the tab',
  GUIDANCE_DIR: 'its default, content/guidance, is where the upload puts the guidance',
  LOG_LEVEL: 'its default, info, suits a hosted server',
  ONE_TO_ONE_CADENCE_WEEKS: 'a pathway default; add it here to change it (a setting changed in the portal is replaced by the next provision)',
  DUE_SOON_DAYS: 'a pathway default, as above',
  RECRUITMENT_LEAD_WEEKS: 'a pathway default, as above',
  PAID_LEVELS: 'a pathway default, as above',
  REMINDER_HOUR: 'a reminder default, as above',
  REMINDER_DUE_WITHIN_DAYS: 'a reminder default, as above',
  REMINDER_ESCALATE_AFTER_DAYS: 'a reminder default, as above',
  REMINDER_INDUCTION_STALL_DAYS: 'a reminder default, as above',
  REMINDER_CLOSING_WITHIN_DAYS: 'a reminder default, as above',
  RATE_LIMIT_READS_PER_MINUTE: 'a rate-limit default, as above',
  RATE_LIMIT_WRITES_PER_MINUTE: 'a rate-limit default, as above',
  RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE: 'a rate-limit default, as above',
  DOC_GUIDE_TO_PPP_URL: 'optional document link; without it the document is named without a link',
  DOC_EXPENSES_POLICY_URL: 'optional document link, as above',
  DOC_CONFIDENTIALITY_AGREEMENT_URL: 'optional document link, as above',
  DOC_INVOLVEMENT_AGREEMENT_URL: 'optional document link, as above',
  DOC_CO_PRODUCTION_FRAMEWORK_URL: 'optional document link, as above',
};

/** App settings that `src/config` does not read, each with who does. */
const READ_ELSEWHERE: Readonly<Record<string, string>> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service deployment: the upload is already built',
};

/**
 * The API version used for each resource type, as Microsoft documents it in the
 * Azure resource reference (learn.microsoft.com/azure/templates/<type>) and uses in
 * its Teams samples (OfficeDev/Microsoft-Teams-Samples infra/*.bicep).
 */
const API_VERSIONS: Readonly<Record<string, string>> = {
  'Microsoft.OperationalInsights/workspaces': '2022-10-01',
  'Microsoft.Insights/components': '2020-02-02',
  'Microsoft.Storage/storageAccounts': '2023-01-01',
  'Microsoft.Storage/storageAccounts/blobServices': '2023-01-01',
  'Microsoft.Storage/storageAccounts/blobServices/containers': '2023-01-01',
  'Microsoft.Web/serverfarms': '2022-09-01',
  'Microsoft.Web/sites': '2022-09-01',
  'Microsoft.Web/sites/config': '2022-09-01',
  'Microsoft.KeyVault/vaults': '2023-07-01',
  'Microsoft.KeyVault/vaults/secrets': '2023-07-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',
  'Microsoft.BotService/botServices': '2022-09-15',
  'Microsoft.BotService/botServices/channels': '2022-09-15',
};

describe('infra/azure.parameters.json', () => {
  it('supplies exactly the parameters infra/azure.bicep declares', () => {
    expect(Object.keys(parameters).sort()).toEqual(bicep.params.map((param) => param.name).sort());
  });

  it('passes secrets (SECRET_*) only to @secure() parameters, and every @secure() parameter a secret', () => {
    const fromSecret = (name: string) => /^\$\{\{SECRET_[A-Z0-9_]+\}\}$/.test(String(parameters[name]?.value));
    expect(bicep.params.filter((param) => param.secure !== fromSecret(param.name)).map((param) => param.name)).toEqual([]);
  });

  it('uses only variables declared in the dev env files or written by an action before arm/deploy', () => {
    const available = new Set([...declaredVariables('dev'), ...actions.slice(0, armDeploy).flatMap(variablesWrittenBy)]);
    expect(placeholdersIn(readRepoText(PARAMETERS)).filter((name) => !available.has(name))).toEqual([]);
  });

  it('is where the Azure deployment in teamsapp.yml takes its parameters from', () => {
    expect(armDeploy).toBeGreaterThanOrEqual(0);
    expect(actions[armDeploy].with?.templates).toEqual([expect.objectContaining({ path: `./${TEMPLATE}`, parameters: `./${PARAMETERS}` })]);
  });
});

describe('infra/azure.bicep outputs', () => {
  it('declares every variable teamsapp.yml reads after arm/deploy that no person or other action provides', () => {
    const readLater = new Set(actions.slice(armDeploy + 1).flatMap(placeholdersInAction));
    for (const file of ['aad.manifest.json', 'appPackage/manifest.json']) for (const name of placeholdersIn(readRepoText(file))) readLater.add(name);
    const providedElsewhere = new Set([
      ...BUILT_IN_VARIABLES,
      ...placeholdersIn(readRepoText(PARAMETERS)),
      ...actions.filter((_action, index) => index !== armDeploy).flatMap(variablesWrittenBy),
    ]);
    const needed = [...readLater].filter((name) => !providedElsewhere.has(name)).sort();
    expect(needed).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']);
    expect(armDeployOutputVariables(TEMPLATE)).toEqual(expect.arrayContaining(needed));
  });

  it('are strings named in UPPER_SNAKE, so Teams Toolkit writes them to env/.env.dev under the same names', () => {
    expect(bicep.outputs.filter((output) => output.type !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(output.name))).toEqual([]);
    expect(armDeployOutputVariables(TEMPLATE)).toEqual(bicep.outputs.map((output) => output.name));
  });

  it('are listed, blank, in the committed env/.env.dev', () => {
    const declared = declaredVariables('dev');
    expect(armDeployOutputVariables(TEMPLATE).filter((name) => !declared.has(name))).toEqual([]);
  });
});

describe('the app settings infra/azure.bicep writes', () => {
  const read = configVariables();

  it('are exactly what src/config reads for a hosted deployment, plus the settings read elsewhere', () => {
    const expected = [...read.filter((name) => !(name in NOT_SET_IN_AZURE)), ...Object.keys(READ_ELSEWHERE)].sort();
    expect([...appSettings].sort()).toEqual(expected);
  });

  it('name no exception that src/config does not read, and nothing read elsewhere that src/config reads', () => {
    expect(Object.keys(NOT_SET_IN_AZURE).filter((name) => !read.includes(name))).toEqual([]);
    expect(Object.keys(READ_ELSEWHERE).filter((name) => read.includes(name))).toEqual([]);
  });

  it('hold every secret as a Key Vault reference, never the value', () => {
    const body = resource('Microsoft.Web/sites/config').body;
    const secretSettings = appSettings.filter((name) => /SECRET|PASSWORD|TOKEN|CONNECTION_STRING|PEM/.test(name) && name !== 'APPLICATIONINSIGHTS_CONNECTION_STRING');
    expect(secretSettings.sort()).toEqual(['BOT_STATE_STORAGE_CONNECTION_STRING', 'REMINDERS_TOKEN', 'RETENTION_TOKEN', 'SECRET_BOT_PASSWORD', 'SECRET_SHAREPOINT_CERTIFICATE_PEM']);
    for (const name of secretSettings) {
      expect(new RegExp(`\\n\\s*${name}: [^\\n]*'@Microsoft\\.KeyVault\\(VaultName=\\$\\{keyVault\\.name\\};SecretName=`).test(body)).toBe(true);
    }
  });

  it('run the app on SharePoint, which several instances can share', () => {
    expect(resource('Microsoft.Web/sites/config').body).toMatch(/\n\s*STORE: 'sharepoint'\n/);
  });
});

describe('the Azure resources', () => {
  it.each(Object.entries(API_VERSIONS))('%s uses API version %s', (type, version) => {
    expect(bicep.resources.filter((candidate) => candidate.type === type).map((found) => found.apiVersion)).toEqual(
      expect.arrayContaining([version]),
    );
  });

  it('use no resource type or API version outside that table', () => {
    expect(bicep.resources.filter((found) => API_VERSIONS[found.type] !== found.apiVersion).map((found) => `${found.type}@${found.apiVersion}`)).toEqual([]);
  });

  it('run the web app on Linux, always on, HTTPS only, TLS 1.2, no FTP, health-checked at /readyz, with its own identity', () => {
    expect(resource('Microsoft.Web/serverfarms').body).toMatch(/\n\s*reserved: true\n/);
    const site = resource('Microsoft.Web/sites').body;
    for (const setting of [/httpsOnly: true/, /alwaysOn: true/, /minTlsVersion: '1\.2'/, /ftpsState: 'Disabled'/, /healthCheckPath: '\/readyz'/, /type: 'SystemAssigned'/, /appCommandLine: 'node dist\/entry\/server\.js'/]) {
      expect(site).toMatch(setting);
    }
    expect(parameters.linuxFxVersion?.value).toBe('NODE|20-lts');
  });

  it('register a single-tenant Azure Bot whose endpoint is /api/messages on the web app, with the Teams channel', () => {
    const bot = resource('Microsoft.BotService/botServices').body;
    expect(bot).toMatch(/msaAppType: 'SingleTenant'/);
    expect(bot).toMatch(/msaAppId: botId\n/);
    expect(bot).toMatch(/msaAppTenantId: botTenantId\n/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(resource('Microsoft.BotService/botServices/channels').body).toMatch(/channelName: 'MsTeamsChannel'/);
  });

  it('keep the storage account HTTPS-only on TLS 1.2 with no public blob access, and a private container for bot state', () => {
    const storage = resource('Microsoft.Storage/storageAccounts').body;
    for (const setting of [/supportsHttpsTrafficOnly: true/, /minimumTlsVersion: 'TLS1_2'/, /allowBlobPublicAccess: false/]) expect(storage).toMatch(setting);
    expect(resource('Microsoft.Storage/storageAccounts/blobServices/containers').body).toMatch(/publicAccess: 'None'/);
  });

  it('send telemetry to a workspace-based Application Insights', () => {
    expect(resource('Microsoft.Insights/components').body).toMatch(/WorkspaceResourceId: logAnalytics\.id/);
  });

  it('let only the web app read the secrets, by role', () => {
    expect(resource('Microsoft.KeyVault/vaults').body).toMatch(/enableRbacAuthorization: true/);
    expect(resource('Microsoft.Authorization/roleAssignments').body).toMatch(/principalId: webApp\.identity\.principalId/);
  });
});
