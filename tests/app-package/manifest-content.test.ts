import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILT_IN_VARIABLES,
  ENVIRONMENTS,
  REPO_ROOT,
  actionsOf,
  parseEnvFile,
  placeholdersIn,
  readManifest,
  readRepoText,
  readToolkitProject,
  variablesWrittenBy,
} from './project-files';

interface BotCommandList {
  scopes: string[];
  commands: Array<{ title: string; description: string }>;
}

interface ManifestParts {
  id: string;
  name: { short: string };
  accentColor: string;
  icons: { color: string; outline: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists?: BotCommandList[] }>;
  configurableTabs: Array<{ configurationUrl: string; canUpdateConfiguration?: boolean; scopes: string[] }>;
  staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string; scopes: string[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

const manifest = readManifest() as unknown as ManifestParts;

/** The commands a scope offers, in the order Teams lists them. */
function commandTitlesFor(scope: string): string[] {
  return (manifest.bots[0].commandLists ?? [])
    .filter((list) => list.scopes.includes(scope))
    .flatMap((list) => list.commands.map((command) => command.title));
}

/**
 * Variables with a value by the time Teams Toolkit renders the manifest in `environment`:
 * those its env file sets to something, plus those written by actions that run before
 * the first action reading the manifest.
 */
function variablesSetBeforeManifestRendered(environment: string, yamlFile: string): Set<string> {
  const set = new Set(BUILT_IN_VARIABLES);
  for (const [name, value] of parseEnvFile(readRepoText(`env/.env.${environment}`))) {
    if (value !== '') set.add(name);
  }
  for (const { action } of actionsOf(readToolkitProject(yamlFile))) {
    if (action.with?.manifestPath !== undefined) return set;
    for (const name of variablesWrittenBy(action)) set.add(name);
  }
  throw new Error(`${yamlFile} never reads the manifest`);
}

describe('the Teams app manifest', () => {
  it('identifies the app and its bot by the ids Teams Toolkit creates', () => {
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots.map((bot) => bot.botId)).toEqual(['${{BOT_ID}}']);
    expect(manifest.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}',
    });
  });

  it('is named Partner Pathway, with the environment suffix so test installs stand out', () => {
    expect(manifest.name.short).toBe('Partner Pathway${{APP_NAME_SUFFIX}}');
  });

  it('uses NHS blue as its accent colour', () => {
    expect(manifest.accentColor.toUpperCase()).toBe('#005EB8');
  });

  it('points at icon files that exist in the package folder', () => {
    for (const icon of [manifest.icons.color, manifest.icons.outline]) {
      expect(existsSync(join(REPO_ROOT, 'appPackage', icon))).toBe(true);
    }
  });

  describe('bot', () => {
    it('can be talked to 1:1, in a team channel and in a group chat', () => {
      expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    });

    it.each(['personal', 'groupChat'])('offers help, my partners, due this week, plan a role, adverts and ask in %s scope', (scope) => {
      expect(commandTitlesFor(scope)).toEqual(['help', 'my partners', 'due this week', 'plan a role', 'adverts', 'ask']);
    });

    it('offers send reminders only in team scope, where the Engagement team has its channel', () => {
      expect(commandTitlesFor('team')).toEqual(['help', 'my partners', 'due this week', 'plan a role', 'adverts', 'ask', 'send reminders']);
    });

    it('describes every command', () => {
      const descriptions = (manifest.bots[0].commandLists ?? []).flatMap((list) => list.commands.map((command) => command.description));
      expect(descriptions.filter((description) => description.trim() === '')).toEqual([]);
    });
  });

  describe('channel tab', () => {
    it('is configurable in a team, and reconfigurable later', () => {
      expect(manifest.configurableTabs).toHaveLength(1);
      const [tab] = manifest.configurableTabs;
      expect(tab.configurationUrl).toBe('${{TAB_ENDPOINT}}/tab/config.html');
      expect(tab.canUpdateConfiguration).toBe(true);
      expect(tab.scopes).toContain('team');
    });
  });

  describe('personal tab', () => {
    it('is the Engagement overview', () => {
      const overview = manifest.staticTabs.find((tab) => tab.name === 'Engagement overview');
      expect(overview).toMatchObject({
        contentUrl: '${{TAB_ENDPOINT}}/tab/index.html?view=engagement',
        scopes: ['personal'],
      });
    });

    it('keeps the chat with the bot next to it', () => {
      expect(manifest.staticTabs.map((tab) => tab.entityId)).toContain('conversations');
    });
  });

  it('serves every tab page from TAB_ENDPOINT, whose domain is a valid domain', () => {
    const tabUrls = [
      ...manifest.configurableTabs.map((tab) => tab.configurationUrl),
      ...manifest.staticTabs.flatMap((tab) => (tab.contentUrl === undefined ? [] : [tab.contentUrl])),
    ];
    expect(tabUrls.filter((url) => !url.startsWith('${{TAB_ENDPOINT}}/'))).toEqual([]);
    expect(manifest.validDomains).toContain('${{TAB_DOMAIN}}');
  });

  describe.each(ENVIRONMENTS)('in the $name environment', ({ name, yamlFile }) => {
    it(`has every placeholder set before ${yamlFile} renders it`, () => {
      const available = variablesSetBeforeManifestRendered(name, yamlFile);
      const used = placeholdersIn(readRepoText('appPackage/manifest.json'));
      expect(used.filter((variable) => !available.has(variable))).toEqual([]);
    });
  });

  it('would fail the placeholder check for a variable nobody sets', () => {
    const available = variablesSetBeforeManifestRendered('local', 'teamsapp.local.yml');
    const used = placeholdersIn('{"id": "${{TEAMS_APP_ID}}", "x": "${{NOBODY_SETS_THIS}}"}');
    expect(used.filter((variable) => !available.has(variable))).toEqual(['NOBODY_SETS_THIS']);
  });
});
