/**
 * F5 in VS Code with Teams Toolkit: the local lifecycle sets up the tab's sign-in as
 * the Azure one does, the server is handed what it needs to check the tokens, and the
 * launch configuration runs only tasks and npm scripts that exist.
 */
import { loadConfig } from '../../src/config';
import { startupBanner } from '../../src/server/banner';
import {
  ENVIRONMENTS,
  parseEnvFile,
  readManifest,
  readRepoText,
  readToolkitProject,
  substitutePlaceholders,
  variablesWrittenBy,
  type ToolkitAction,
} from './project-files';

interface VsCodeTask {
  label?: string;
  type?: string;
  command?: string;
  args?: Record<string, unknown>;
  dependsOn?: string | string[];
  problemMatcher?: unknown;
}

interface LaunchFile {
  configurations?: Array<{ name?: string; url?: string; preLaunchTask?: string }>;
  compounds?: Array<{ name?: string; configurations?: string[]; preLaunchTask?: string }>;
}

const readJson = <T>(path: string): T => JSON.parse(readRepoText(path)) as T;
const scripts = readJson<{ scripts: Record<string, string> }>('package.json').scripts;

/** What in a launch file names a task or configuration that is not there, one sentence each. */
function launchProblems(launch: LaunchFile, tasks: readonly VsCodeTask[]): string[] {
  const labels = new Set(tasks.map((task) => task.label));
  const configurations = new Set((launch.configurations ?? []).map((configuration) => configuration.name));
  const problems: string[] = [];
  for (const entry of [...(launch.configurations ?? []), ...(launch.compounds ?? [])]) {
    if (entry.preLaunchTask !== undefined && !labels.has(entry.preLaunchTask)) {
      problems.push(`${String(entry.name)} runs task "${entry.preLaunchTask}", which tasks.json does not define`);
    }
  }
  for (const compound of launch.compounds ?? []) {
    for (const name of compound.configurations ?? []) {
      if (!configurations.has(name)) problems.push(`${String(compound.name)} starts "${name}", which launch.json does not define`);
    }
  }
  return problems;
}

/** The Teams Toolkit task commands (https://aka.ms/teamsfx-tasks) these tasks may use. */
const TEAMSFX_COMMANDS = ['debug-check-prerequisites', 'debug-start-local-tunnel', 'provision', 'deploy'];

/** What in a tasks file names a task, npm script or Teams Toolkit command that does not exist, one sentence each. */
function taskProblems(tasks: readonly VsCodeTask[], npmScripts: Readonly<Record<string, string>>): string[] {
  const labels = new Set(tasks.map((task) => task.label));
  const problems: string[] = [];
  for (const task of tasks) {
    const dependsOn = task.dependsOn === undefined ? [] : [task.dependsOn].flat();
    for (const label of dependsOn) {
      if (!labels.has(label)) problems.push(`${String(task.label)} depends on "${label}", which tasks.json does not define`);
    }
    for (const [, script] of (task.command ?? '').matchAll(/\bnpm run ([\w:-]+)/g)) {
      if (!(script in npmScripts)) problems.push(`${String(task.label)} runs npm script "${script}", which package.json does not define`);
    }
    if (task.type === 'teamsfx' && !TEAMSFX_COMMANDS.includes(String(task.command))) {
      problems.push(`${String(task.label)} uses unknown Teams Toolkit command ${String(task.command)}`);
    }
  }
  return problems;
}

const tasks = readJson<{ tasks: VsCodeTask[] }>('.vscode/tasks.json').tasks;
const launch = readJson<LaunchFile>('.vscode/launch.json');
const task = (label: string) => tasks.find((candidate) => candidate.label === label);

describe.each(ENVIRONMENTS)("the tab's sign-in in the $name environment ($yamlFile)", ({ yamlFile }) => {
  const provision = readToolkitProject(yamlFile).provision ?? [];
  const tabApp = provision.findIndex(
    (action) => action.uses === 'aadApp/create' && action.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID',
  );
  const update = provision.findIndex((action) => action.uses === 'aadApp/update');
  const writes = (name: string) => provision.findIndex((action) => variablesWrittenBy(action).includes(name));

  it('creates the Entra app without a secret, single tenant, and writes the ids the Entra manifest names', () => {
    expect(provision[tabApp]?.with).toMatchObject({ generateClientSecret: false, signInAudience: 'AzureADMyOrg' });
    expect(provision[tabApp]?.writeToEnvironmentFile).toMatchObject({ clientId: 'AAD_APP_CLIENT_ID', objectId: 'AAD_APP_OBJECT_ID' });
    const entra = readJson<{ id: string; appId: string }>('aad.manifest.json');
    expect([entra.id, entra.appId]).toEqual(['${{AAD_APP_OBJECT_ID}}', '${{AAD_APP_CLIENT_ID}}']);
  });

  it('then updates it from aad.manifest.json once TAB_DOMAIN is known, before the app package is zipped', () => {
    expect(provision[update]?.with).toEqual({
      manifestPath: './aad.manifest.json',
      outputFilePath: './build/aad.manifest.${{TEAMSFX_ENV}}.json',
    });
    expect(tabApp).toBeGreaterThanOrEqual(0);
    expect(update).toBeGreaterThan(tabApp);
    expect(update).toBeGreaterThan(writes('TAB_DOMAIN'));
    expect(update).toBeLessThan(provision.findIndex((action) => action.uses === 'teamsApp/zipAppPackage'));
  });

  it('exposes access_as_user, pre-authorised for the Teams clients, at the URI the Teams manifest asks tokens for', () => {
    const entra = readJson<{
      identifierUris: string[];
      oauth2Permissions: Array<{ value: string; id: string }>;
      preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
    }>('aad.manifest.json');
    const scope = entra.oauth2Permissions.find((permission) => permission.value === 'access_as_user');
    expect(scope).toBeDefined();
    // The Teams desktop and mobile clients, and Teams on the web.
    expect(entra.preAuthorizedApplications).toEqual(
      expect.arrayContaining(
        ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'].map((appId) => ({
          appId,
          permissionIds: [scope?.id],
        })),
      ),
    );
    const teams = readManifest() as { webApplicationInfo: { id: string; resource: string } };
    expect(entra.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(teams.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: entra.identifierUris[0] });
  });
});

describe('the local environment hands the server its sign-in settings', () => {
  const deploy = readToolkitProject('teamsapp.local.yml').deploy ?? [];
  const localConfigs = deploy.find((action: ToolkitAction) => action.uses === 'file/createOrUpdateEnvironmentFile');

  it('in the file npm run dev:teamsfx reads', () => {
    const target = String(localConfigs?.with?.target).replace(/^\.\//, '');
    expect(scripts['dev:teamsfx']).toContain(`--env-file=${target}`);
  });

  it('so that, filled in as provision leaves it, the server checks Teams tokens for the tab app on the tunnel host', () => {
    const rendered = substitutePlaceholders(
      Object.entries(localConfigs?.with?.envs ?? {})
        .map(([name, value]) => `${name}=${String(value)}`)
        .join('\n'),
      {
        ...Object.fromEntries([...parseEnvFile(readRepoText('env/.env.local'))].map(([name]) => [name, ''])),
        BOT_ID: '11111111-1111-1111-1111-111111111111',
        SECRET_BOT_PASSWORD: 'a-password',
        BOT_TENANT_ID: 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa',
        AAD_APP_CLIENT_ID: '22222222-2222-2222-2222-222222222222',
        TAB_DOMAIN: 'abc123-3978.uks1.devtunnels.ms',
        TEAMS_APP_ID: '33333333-3333-3333-3333-333333333333',
      },
    );
    const env = Object.fromEntries([...parseEnvFile(rendered)].filter(([, value]) => value !== ''));
    expect(loadConfig(env).signIn).toEqual({
      clientId: '22222222-2222-2222-2222-222222222222',
      audiences: ['22222222-2222-2222-2222-222222222222', 'api://abc123-3978.uks1.devtunnels.ms/22222222-2222-2222-2222-222222222222'],
      allowedTenantIds: ['aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa'],
      keysUrl: 'https://login.microsoftonline.com/aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa/discovery/v2.0/keys',
    });
  });
});

describe('F5 in VS Code (.vscode/launch.json and tasks.json)', () => {
  it('references only tasks, configurations, npm scripts and Teams Toolkit commands that exist', () => {
    expect(launchProblems(launch, tasks)).toEqual([]);
    expect(taskProblems(tasks, scripts)).toEqual([]);
  });

  it('opens the local Teams app in Edge and in Chrome after starting it locally', () => {
    const compounds = launch.compounds ?? [];
    expect(compounds.map((compound) => compound.name)).toEqual(['Debug in Teams (Edge)', 'Debug in Teams (Chrome)']);
    for (const compound of compounds) {
      expect(compound.preLaunchTask).toBe('Start Teams App Locally');
      for (const name of compound.configurations ?? []) {
        const url = launch.configurations?.find((configuration) => configuration.name === name)?.url;
        expect(url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/app\/\$\{\{local:TEAMS_APP_ID\}\}\?installAppPackage=true/);
      }
    }
  });

  it('checks prerequisites, starts the tunnel, provisions and deploys the local environment, then starts the app, in that order', () => {
    expect(task('Start Teams App Locally')).toMatchObject({
      dependsOn: ['Validate prerequisites', 'Start local tunnel', 'Provision', 'Deploy', 'Start application'],
      dependsOrder: 'sequence',
    });
    expect([task('Provision')?.args, task('Deploy')?.args]).toEqual([{ env: 'local' }, { env: 'local' }]);
    expect(task('Start application')?.command).toBe('npm run dev:teamsfx');
  });

  it('tunnels the port the server listens on and writes the address where teamsapp.local.yml reads it', () => {
    const ports = task('Start local tunnel')?.args?.ports as Array<{ portNumber: number; writeToEnvironmentFile: Record<string, string> }>;
    const envs = (readToolkitProject('teamsapp.local.yml').deploy ?? []).find(
      (action) => action.uses === 'file/createOrUpdateEnvironmentFile',
    )?.with?.envs as Record<string, unknown>;
    expect(ports).toEqual([
      expect.objectContaining({ portNumber: envs.PORT, writeToEnvironmentFile: { endpoint: 'BOT_ENDPOINT', domain: 'BOT_DOMAIN' } }),
    ]);
    expect(task('Validate prerequisites')?.args?.portOccupancy).toEqual([envs.PORT]);
  });

  it('waits for the line the server prints once it is listening', () => {
    const matcher = task('Start application')?.problemMatcher as { background: { endsPattern: string } };
    const banner = startupBanner({
      baseUrl: 'http://localhost:3978',
      config: loadConfig({}),
      host: 'every interface',
      demo: { state: 'off' },
    });
    expect(banner.split('\n').some((line) => new RegExp(matcher.background.endsPattern).test(line))).toBe(true);
  });
});

describe('the F5 checks are live: they refuse', () => {
  it('a launch configuration whose task or configuration is missing', () => {
    expect(
      launchProblems({ compounds: [{ name: 'Debug', configurations: ['Launch'], preLaunchTask: 'Start' }] }, [{ label: 'Begin' }]),
    ).toEqual(['Debug runs task "Start", which tasks.json does not define', 'Debug starts "Launch", which launch.json does not define']);
  });

  it('a task depending on a missing task, running a missing npm script or an unknown Teams Toolkit command', () => {
    expect(
      taskProblems(
        [
          { label: 'All', dependsOn: ['Run', 'Tunnel'] },
          { label: 'Run', command: 'npm run build && npm run dev:local' },
          { label: 'Tunnel', type: 'teamsfx', command: 'debug-start-ngrok' },
        ],
        { build: 'tsc' },
      ),
    ).toEqual([
      'Run runs npm script "dev:local", which package.json does not define',
      'Tunnel uses unknown Teams Toolkit command debug-start-ngrok',
    ]);
    expect(taskProblems([{ label: 'All', dependsOn: 'Missing' }], {})).toEqual([
      'All depends on "Missing", which tasks.json does not define',
    ]);
  });
});
