import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { parseDocument } from 'yaml';
import {
  ENVIRONMENTS,
  REPO_ROOT,
  SHAREPOINT_ENV_ENTRIES,
  actionsOf,
  declaredVariables,
  readManifest,
  readRepoText,
  readToolkitProject,
  unresolvedPlaceholders,
  type ToolkitAction,
} from './project-files';

/** What an action needs, from the Teams Toolkit v1.7 yaml schema. */
interface ActionRequirements {
  with: string[];
  writeToEnvironmentFile?: string[];
  /** For arm/deploy: what each entry of `with.templates` needs. */
  eachTemplate?: string[];
}

/**
 * The actions these files may use, each with the inputs and outputs the v1.7 schema
 * (OfficeDev/teams-toolkit, packages/fx-core/resource/yaml-schema/v1.7/yaml.schema.json)
 * requires of it. An action missing here is a typo or needs adding here first.
 */
const REQUIREMENTS: Readonly<Record<string, ActionRequirements>> = {
  'teamsApp/create': { with: ['name'], writeToEnvironmentFile: ['teamsAppId'] },
  'aadApp/create': { with: ['name', 'generateClientSecret', 'signInAudience'], writeToEnvironmentFile: ['clientId', 'objectId'] },
  'aadApp/update': { with: ['manifestPath', 'outputFilePath'] },
  'arm/deploy': { with: ['subscriptionId', 'resourceGroupName', 'templates'], eachTemplate: ['path', 'deploymentName'] },
  'azureAppService/zipDeploy': { with: ['artifactFolder', 'resourceId'] },
  'botFramework/create': { with: ['botId', 'name', 'messagingEndpoint'] },
  script: { with: ['run'] },
  'teamsApp/validateManifest': { with: ['manifestPath'] },
  'teamsApp/zipAppPackage': { with: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { with: ['appPackagePath'] },
  'teamsApp/update': { with: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { with: ['appPackagePath'], writeToEnvironmentFile: ['publishedAppId'] },
  'cli/runNpmCommand': { with: ['args'] },
  'file/createOrUpdateEnvironmentFile': { with: ['target', 'envs'] },
};

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** What is wrong with one action, as sentences; empty when it is complete. */
function actionProblems(action: ToolkitAction): string[] {
  if (typeof action.uses !== 'string' || action.uses === '') return ['has no `uses`'];
  const required = REQUIREMENTS[action.uses];
  if (!required) return [`uses unknown action ${action.uses}`];
  const problems = required.with.filter((input) => !isPresent(action.with?.[input])).map((input) => `lacks with.${input}`);
  // The schema's aadApp/create with generateClientSecret: true also requires clientSecret.
  const outputs = [
    ...(required.writeToEnvironmentFile ?? []),
    ...(action.uses === 'aadApp/create' && action.with?.generateClientSecret === true ? ['clientSecret'] : []),
  ];
  for (const output of outputs) {
    if (!isPresent(action.writeToEnvironmentFile?.[output])) problems.push(`lacks writeToEnvironmentFile.${output}`);
  }
  const templates = Array.isArray(action.with?.templates) ? (action.with.templates as Array<Record<string, unknown>>) : [];
  templates.forEach((template, index) => {
    for (const input of required.eachTemplate ?? []) {
      if (!isPresent(template[input])) problems.push(`lacks with.templates[${index}].${input}`);
    }
  });
  // Teams Toolkit encrypts only SECRET_ variables, and keeps them out of the committed env file.
  for (const [output, variable] of Object.entries(action.writeToEnvironmentFile ?? {})) {
    if (/secret|password/i.test(output) && !String(variable).startsWith('SECRET_')) {
      problems.push(`writes ${output} to ${String(variable)}, which does not start with SECRET_`);
    }
  }
  return problems;
}

function problemsIn(fileName: string): string[] {
  return actionsOf(readToolkitProject(fileName)).flatMap(({ where, action }) =>
    actionProblems(action).map((problem) => `${where} ${problem}`),
  );
}

const YAML_FILES = ['teamsapp.yml', 'teamsapp.local.yml'];

describe.each(YAML_FILES)('%s', (fileName) => {
  it('is well-formed yaml', () => {
    const document = parseDocument(readRepoText(fileName));
    expect(document.errors.map((error) => error.message)).toEqual([]);
  });

  it('points editors at the v1.7 schema and declares version v1.7 and the env folder', () => {
    expect(readRepoText(fileName)).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/teams-toolkit\/v1\.7\/yaml\.schema\.json$/m,
    );
    const project = readToolkitProject(fileName);
    expect(project.version).toBe('v1.7');
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('gives every action its required inputs and outputs', () => {
    expect(problemsIn(fileName)).toEqual([]);
  });

  it('provisions the Teams app and the bot, then packages and uploads the manifest', () => {
    const actions = readToolkitProject(fileName).provision ?? [];
    const provisioned = actions.map((action) => action.uses);
    expect(provisioned).toEqual(
      expect.arrayContaining([
        'teamsApp/create',
        'aadApp/create',
        'teamsApp/validateManifest',
        'teamsApp/zipAppPackage',
        'teamsApp/validateAppPackage',
        'teamsApp/update',
      ]),
    );
    expect(provisioned.indexOf('teamsApp/zipAppPackage')).toBeLessThan(provisioned.indexOf('teamsApp/validateAppPackage'));
    expect(provisioned.indexOf('teamsApp/validateAppPackage')).toBeLessThan(provisioned.indexOf('teamsApp/update'));
  });

  it('registers the bot as a single-tenant app, as the server expects', () => {
    const botApp = (readToolkitProject(fileName).provision ?? []).find((action) => action.writeToEnvironmentFile?.clientId === 'BOT_ID');
    expect(botApp?.with?.signInAudience).toBe('AzureADMyOrg');
    expect(botApp?.writeToEnvironmentFile).toMatchObject({ clientSecret: 'SECRET_BOT_PASSWORD', tenantId: 'BOT_TENANT_ID' });
  });

  it('creates or updates the SharePoint lists in deploy, once the code is installed', () => {
    const deploy = readToolkitProject(fileName).deploy ?? [];
    const lists = deploy.findIndex((action) => action.uses === 'script' && action.with?.run === 'npm run provision');
    const install = deploy.findIndex((action) => action.uses === 'cli/runNpmCommand' && /^(ci|install)\b/.test(String(action.with?.args)));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(lists).toBeGreaterThan(install);
    expect(deploy[lists]?.name).toBe('Create or update the SharePoint lists');
  });
});

describe('teamsapp.local.yml', () => {
  const provision = readToolkitProject('teamsapp.local.yml').provision ?? [];

  it('registers the bot on the Bot Framework, pointing at /api/messages on the tunnel, once its Entra app exists', () => {
    const registration = provision.findIndex((action) => action.uses === 'botFramework/create');
    const botApp = provision.findIndex((action) => action.writeToEnvironmentFile?.clientId === 'BOT_ID');
    expect(botApp).toBeGreaterThanOrEqual(0);
    expect(registration).toBeGreaterThan(botApp);
    expect(provision[registration]?.with?.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
  });
});

describe('teamsapp.yml (Azure)', () => {
  const project = readToolkitProject('teamsapp.yml');
  const provision = project.provision ?? [];
  const deploy = project.deploy ?? [];
  const uses = (actions: ToolkitAction[]) => actions.map((action) => action.uses);
  const at = (actions: ToolkitAction[], name: string) => uses(actions).indexOf(name);

  it('creates the Azure resources from infra/azure.bicep and its parameters file, instead of a Bot Framework registration', () => {
    const arm = provision[at(provision, 'arm/deploy')];
    expect(arm?.with?.templates).toEqual([
      { path: './infra/azure.bicep', parameters: './infra/azure.parameters.json', deploymentName: expect.any(String) },
    ]);
    expect(uses(provision)).not.toContain('botFramework/create');
    for (const path of ['infra/azure.bicep', 'infra/azure.parameters.json']) expect(existsSync(join(REPO_ROOT, path))).toBe(true);
  });

  it('deploys Azure once both Entra apps exist, and exposes the tab API once Azure has given it a domain', () => {
    const entraApps = provision.flatMap((action, index) => (action.uses === 'aadApp/create' ? [index] : []));
    expect(entraApps).toHaveLength(2);
    expect(Math.max(...entraApps)).toBeLessThan(at(provision, 'arm/deploy'));
    expect(at(provision, 'arm/deploy')).toBeLessThan(at(provision, 'aadApp/update'));
    expect(at(provision, 'aadApp/update')).toBeLessThan(at(provision, 'teamsApp/zipAppPackage'));
    expect(provision[at(provision, 'aadApp/update')]?.with?.manifestPath).toBe('./aad.manifest.json');
  });

  it('installs, builds, updates the lists and prunes development dependencies before uploading to the web app Azure created', () => {
    const steps = deploy.map((action) => (action.uses === 'cli/runNpmCommand' ? `npm ${String(action.with?.args)}` : String(action.uses)));
    expect(steps).toEqual(['npm ci --no-audit', 'npm run build', 'script', 'npm prune --omit=dev --no-audit', 'azureAppService/zipDeploy']);
    expect(deploy[2]?.env).toEqual({ STORE: 'sharepoint' });
    expect(deploy[4]?.with).toEqual({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
  });

  it('zips the manifest the schema tests validate, with both icons beside it at the sizes Teams requires', () => {
    const zip = provision[at(provision, 'teamsApp/zipAppPackage')];
    expect(zip?.with?.manifestPath).toBe('./appPackage/manifest.json');
    const folder = dirname(String(zip?.with?.manifestPath));
    const icons = (readManifest() as { icons: { color: string; outline: string } }).icons;
    const size = (file: string) => {
      const png = PNG.sync.read(readFileSync(join(REPO_ROOT, folder, file)));
      return [png.width, png.height];
    };
    expect([size(icons.color), size(icons.outline)]).toEqual([
      [192, 192],
      [32, 32],
    ]);
  });

  it('uploads, validates and sends to Teams the same package it zips', () => {
    const zip = provision[at(provision, 'teamsApp/zipAppPackage')];
    for (const name of ['teamsApp/validateAppPackage', 'teamsApp/update']) {
      expect(provision[at(provision, name)]?.with?.appPackagePath).toBe(zip?.with?.outputZipPath);
    }
  });
});

describe.each(ENVIRONMENTS)('the $name environment', ({ name, yamlFile }) => {
  it(`declares or writes every variable ${yamlFile} uses before it is used`, () => {
    expect(unresolvedPlaceholders(readToolkitProject(yamlFile), declaredVariables(name))).toEqual([]);
  });
});

describe('npm run provision, which the deploy step runs', () => {
  it('builds the server and runs the SharePoint provisioning command', () => {
    const scripts = (JSON.parse(readRepoText('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.provision).toBe('npm run build:server && node dist/entry/provision.js');
    expect(existsSync(join(REPO_ROOT, 'src', 'entry', 'provision.ts'))).toBe(true);
  });
});

describe('local debugging', () => {
  const localConfigs = (readToolkitProject('teamsapp.local.yml').deploy ?? []).find(
    (action) => action.uses === 'file/createOrUpdateEnvironmentFile' && action.with?.target === './.localConfigs',
  );

  it('writes the settings the server reads to .localConfigs', () => {
    expect(localConfigs?.with?.envs).toEqual({
      PORT: 3978,
      BOT_ID: '${{BOT_ID}}',
      SECRET_BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      BOT_TENANT_ID: '${{BOT_TENANT_ID}}',
      AAD_APP_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}',
      TAB_DOMAIN: '${{TAB_DOMAIN}}',
      TEAMS_APP_ID: '${{TEAMS_APP_ID}}',
      ...Object.fromEntries(SHAREPOINT_ENV_ENTRIES.map((name) => [name, `\${{${name}}}`])),
    });
  });

  it('keeps .localConfigs out of git, since it holds the bot password', () => {
    expect(readRepoText('.gitignore').split(/\r?\n/)).toContain('.localConfigs');
  });
});

describe('the action checks are live: they refuse', () => {
  it.each<[string, ToolkitAction, string[]]>([
    ['an action without uses', { with: { name: 'x' } }, ['has no `uses`']],
    ['a misspelt action', { uses: 'teamsApp/zipPackage', with: {} }, ['uses unknown action teamsApp/zipPackage']],
    [
      'a zip without its output folder',
      { uses: 'teamsApp/zipAppPackage', with: { manifestPath: './appPackage/manifest.json', outputZipPath: './a.zip' } },
      ['lacks with.outputFolder'],
    ],
    [
      'a bot registration without an endpoint',
      { uses: 'botFramework/create', with: { botId: '${{BOT_ID}}', name: 'bot' } },
      ['lacks with.messagingEndpoint'],
    ],
    [
      'a bot app whose password would land in the committed env file',
      {
        uses: 'aadApp/create',
        with: { name: 'bot', generateClientSecret: true, signInAudience: 'AzureADMyOrg' },
        writeToEnvironmentFile: { clientId: 'BOT_ID', objectId: 'BOT_OBJECT_ID', clientSecret: 'BOT_PASSWORD' },
      },
      ['writes clientSecret to BOT_PASSWORD, which does not start with SECRET_'],
    ],
    [
      'an env file update without envs',
      { uses: 'file/createOrUpdateEnvironmentFile', with: { target: './.localConfigs' } },
      ['lacks with.envs'],
    ],
    [
      'a bot app that generates a secret but writes it nowhere',
      {
        uses: 'aadApp/create',
        with: { name: 'bot', generateClientSecret: true, signInAudience: 'AzureADMyOrg' },
        writeToEnvironmentFile: { clientId: 'BOT_ID', objectId: 'BOT_OBJECT_ID' },
      },
      ['lacks writeToEnvironmentFile.clientSecret'],
    ],
    [
      'an Azure deployment whose template has no deployment name',
      { uses: 'arm/deploy', with: { subscriptionId: 's', resourceGroupName: 'g', templates: [{ path: './infra/azure.bicep' }] } },
      ['lacks with.templates[0].deploymentName'],
    ],
    ['a code upload without the web app', { uses: 'azureAppService/zipDeploy', with: { artifactFolder: '.' } }, ['lacks with.resourceId']],
    [
      'an Entra app update without its output file',
      { uses: 'aadApp/update', with: { manifestPath: './aad.manifest.json' } },
      ['lacks with.outputFilePath'],
    ],
  ])('%s', (_label, action, expected) => {
    expect(actionProblems(action)).toEqual(expected);
  });

  it('a variable used before anything writes it', () => {
    const project = {
      provision: [
        { uses: 'botFramework/create', with: { botId: '${{BOT_ID}}', name: 'bot', messagingEndpoint: 'https://x' } },
        {
          uses: 'aadApp/create',
          with: { name: 'bot', generateClientSecret: true, signInAudience: 'AzureADMyOrg' },
          writeToEnvironmentFile: { clientId: 'BOT_ID', objectId: 'BOT_OBJECT_ID' },
        },
      ],
    };
    expect(unresolvedPlaceholders(project, new Set())).toEqual([
      'provision[0] botFramework/create uses ${{BOT_ID}}, which nothing declares or writes before it',
    ]);
  });
});
