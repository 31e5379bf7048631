import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { SHAREPOINT_VARIABLES } from '../../src/config/sharepoint';
import { REPO_ROOT, SHAREPOINT_ENV_ENTRIES, committedEnvFileNames, parseEnvFile, readRepoText } from './project-files';

/** Value shapes that are credentials whatever the variable is called. */
const SECRET_VALUE_SHAPES: ReadonlyArray<[label: string, pattern: RegExp]> = [
  ['a Microsoft Entra client secret', /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/],
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a storage account key', /AccountKey=[^;\s]+/i],
  ['a shared access signature', /[?&]sig=[^&\s]+/i],
  ['a bearer token', /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
];

/** Variable names that only ever hold secrets, so they must be empty in a committed file. */
const SECRET_NAME = /^SECRET_|PASSWORD|CLIENT_SECRET|ACCOUNT_KEY|CONNECTION_STRING|API_KEY|TOKEN/i;

/** Secrets a committed env file would leak, one sentence each; empty when it is safe. */
function secretFindings(fileName: string, text: string): string[] {
  const findings: string[] = [];
  for (const [name, value] of parseEnvFile(text)) {
    if (SECRET_NAME.test(name) && value !== '') findings.push(`${fileName}: ${name} has a value`);
    for (const [label, pattern] of SECRET_VALUE_SHAPES) {
      if (pattern.test(value)) findings.push(`${fileName}: ${name} looks like ${label}`);
    }
  }
  return findings;
}

describe('the committed env files', () => {
  const fileNames = committedEnvFileNames();

  it('include the dev and local environments and a sample for each secrets file', () => {
    expect(fileNames).toEqual(expect.arrayContaining(['.env.dev', '.env.local', '.env.dev.user.sample', '.env.local.user.sample']));
  });

  it.each(fileNames)('%s parses as NAME=value lines and holds no secret', (fileName) => {
    expect(secretFindings(fileName, readRepoText(`env/${fileName}`))).toEqual([]);
  });

  it.each(['dev', 'local'])('.env.%s names its environment in TEAMSFX_ENV and sets APP_NAME_SUFFIX', (environment) => {
    const variables = parseEnvFile(readRepoText(`env/.env.${environment}`));
    expect(variables.get('TEAMSFX_ENV')).toBe(environment);
    expect(variables.get('APP_NAME_SUFFIX')).not.toBe('');
  });

  it.each(['dev', 'local'])('.env.%s.user.sample shows where the bot password goes', (environment) => {
    const variables = parseEnvFile(readRepoText(`env/.env.${environment}.user.sample`));
    expect([...variables.keys()]).toContain('SECRET_BOT_PASSWORD');
  });

  describe.each(['dev', 'local'])('.env.%s, for the SharePoint store', (environment) => {
    const variables = parseEnvFile(readRepoText(`env/.env.${environment}`));
    // SHAREPOINT_WEB_ORIGIN is the web part's page origin (CORS), not a setting of the SharePoint store.
    const sharePointLike = [...variables.keys()].filter(
      (name) => /SHAREPOINT|^STORE$|^ORGANISATION_|^AZURE_TENANT_ID$/.test(name) && name !== 'SHAREPOINT_WEB_ORIGIN',
    );

    it('declares exactly the settings src/config reads for it, blank, since they are tenant-specific', () => {
      expect(sharePointLike.sort()).toEqual([...SHAREPOINT_ENV_ENTRIES].sort());
      expect(SHAREPOINT_ENV_ENTRIES.map((name) => variables.get(name))).toEqual(SHAREPOINT_ENV_ENTRIES.map(() => ''));
    });

    it('leaves a fresh checkout on the embedded store', () => {
      expect(loadConfig(Object.fromEntries(variables)).store.kind).toBe('sqlite');
    });

    it('configures the SharePoint store once its entries are filled in, needing nothing else', () => {
      const filled = {
        ...Object.fromEntries(variables),
        STORE: 'sharepoint',
        SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/partner-pathway',
        AZURE_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
        SHAREPOINT_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
        SHAREPOINT_CERTIFICATE_PATH: '/etc/partner-pathway/sharepoint.pem',
        ORGANISATION_NAME: 'West Yorkshire ICB',
      };
      expect(Object.keys(filled)).toEqual([...variables.keys()]);
      expect(loadConfig(filled).store).toMatchObject({
        kind: 'sharepoint',
        siteUrl: filled.SHAREPOINT_SITE_URL,
        organisation: 'West Yorkshire ICB',
      });
    });
  });

  it('leave out only the SharePoint settings that are secret or for the local stand-in, and the dev secrets sample names the secret one', () => {
    expect(SHAREPOINT_VARIABLES.filter((name) => !SHAREPOINT_ENV_ENTRIES.includes(name))).toEqual([
      'SHAREPOINT_AUTH',
      'SECRET_SHAREPOINT_CERTIFICATE_PEM',
    ]);
    expect([...parseEnvFile(readRepoText('env/.env.dev.user.sample')).keys()]).toContain('SECRET_SHAREPOINT_CERTIFICATE_PEM');
  });

  it('are the files git tracks, while the real .env.*.user files stay ignored', () => {
    const ignored = (path: string): boolean => {
      const result = spawnSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: REPO_ROOT });
      // Exit status 0 means ignored and 1 not ignored; anything else is git failing.
      if (result.status === 0 || result.status === 1) return result.status === 0;
      throw new Error(`git check-ignore failed for ${path}: ${String(result.error ?? result.stderr)}`);
    };
    expect(fileNames.filter((fileName) => ignored(`env/${fileName}`))).toEqual([]);
    expect(ignored('env/.env.dev.user')).toBe(true);
    expect(ignored('env/.env.local.user')).toBe(true);
  });

  describe('the secret check is live: it flags', () => {
    // Built at run time so that no secret-shaped literal sits in the repository.
    const fakeEntraSecret = ['abc', '8Q~', 'x'.repeat(34)].join('');

    it.each<[string, string, string[]]>([
      ['a SECRET_ variable with a value', 'SECRET_BOT_PASSWORD=hunter2', ['.env.test: SECRET_BOT_PASSWORD has a value']],
      ['a password under another name', 'BOT_PASSWORD="hunter2"', ['.env.test: BOT_PASSWORD has a value']],
      [
        'an Entra secret under an innocent name',
        `NOTES=${fakeEntraSecret}`,
        ['.env.test: NOTES looks like a Microsoft Entra client secret'],
      ],
      [
        'a storage connection string',
        'STORAGE=DefaultEndpointsProtocol=https;AccountName=ppp;AccountKey=abc123==;',
        ['.env.test: STORAGE looks like a storage account key'],
      ],
    ])('%s', (_label, text, expected) => {
      expect(secretFindings('.env.test', text)).toEqual(expected);
    });

    it('a line that is not NAME=value', () => {
      expect(() => secretFindings('.env.test', 'this is not an env line')).toThrow(/Line 1/);
    });
  });
});
