import { ConfigError, loadConfig } from '../../src/config';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const CLIENT = '11111111-2222-3333-4444-555555555555';
const PEM =
  '-----BEGIN PRIVATE KEY-----\\nMIIE...\\n-----END PRIVATE KEY-----\\n-----BEGIN CERTIFICATE-----\\nMIID...\\n-----END CERTIFICATE-----';

const complete = {
  STORE: 'sharepoint',
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/partner-pathway/',
  AZURE_TENANT_ID: TENANT,
  SHAREPOINT_CLIENT_ID: CLIENT,
  SHAREPOINT_CERTIFICATE_PATH: '/etc/partner-pathway/sharepoint.pem',
  ORGANISATION_NAME: 'West Yorkshire ICB',
};

function problemsFor(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('SharePoint settings', () => {
  it('reads the site, the app-only certificate sign-in and the organisation', () => {
    expect(loadConfig(complete).store).toEqual({
      kind: 'sharepoint',
      siteUrl: 'https://contoso.sharepoint.com/sites/partner-pathway',
      signIn: { kind: 'certificate', tenantId: TENANT, clientId: CLIENT, certificate: { path: '/etc/partner-pathway/sharepoint.pem' } },
      organisation: 'West Yorkshire ICB',
    });
  });

  it('takes the certificate as a secret PEM instead of a file, with escaped line breaks as env files write them', () => {
    const { SHAREPOINT_CERTIFICATE_PATH: _path, ...rest } = complete;
    const store = loadConfig({ ...rest, SECRET_SHAREPOINT_CERTIFICATE_PEM: PEM }).store;
    expect(store).toMatchObject({ signIn: { certificate: { pem: expect.stringContaining('-----BEGIN PRIVATE KEY-----\nMIIE') } } });
  });

  it('names every missing SharePoint setting at once', () => {
    const problems = problemsFor({ STORE: 'sharepoint' });
    expect(problems).toHaveLength(5);
    for (const name of ['SHAREPOINT_SITE_URL', 'ORGANISATION_NAME', 'AZURE_TENANT_ID', 'SHAREPOINT_CLIENT_ID', 'certificate']) {
      expect(problems.some((problem) => problem.includes(name))).toBe(true);
    }
  });

  it('refuses a site address that is not https, and both kinds of certificate at once', () => {
    expect(problemsFor({ ...complete, SHAREPOINT_SITE_URL: 'http://contoso.sharepoint.com/sites/pp' })).toEqual([
      expect.stringContaining('SHAREPOINT_SITE_URL: "http://contoso.sharepoint.com/sites/pp" is not an https address'),
    ]);
    expect(problemsFor({ ...complete, SECRET_SHAREPOINT_CERTIFICATE_PEM: PEM })).toEqual([
      expect.stringContaining('are both set: keep one'),
    ]);
  });

  it('allows no sign-in only for a local stand-in of SharePoint on this machine', () => {
    const local = {
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: 'http://127.0.0.1:4010/sites/pathway',
      SHAREPOINT_AUTH: 'none',
      ORGANISATION_NAME: 'Test',
    };
    expect(loadConfig(local).store).toMatchObject({ signIn: { kind: 'none' } });
    expect(problemsFor({ ...complete, SHAREPOINT_AUTH: 'none' })).toEqual([
      expect.stringContaining('SHAREPOINT_AUTH=none is only for a local stand-in'),
    ]);
  });

  it('keeps the local development identity refused on the SharePoint store', () => {
    expect(loadConfig(complete).identity).toBe('entra');
    expect(problemsFor({ ...complete, LOCAL_IDENTITY: 'true' })).toEqual([expect.stringContaining('only for the embedded store')]);
  });

  it('asks for nothing about SharePoint on the embedded store', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'sqlite', databasePath: './data/partner-pathway.db' });
  });
});
