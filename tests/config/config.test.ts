import { ConfigError, loadConfig } from '../../src/config';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TAB_APP = '99999999-8888-7777-6666-555555555555';
const SHAREPOINT = {
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/partner-pathway',
  AZURE_TENANT_ID: TENANT,
  SHAREPOINT_CLIENT_ID: BOT_ID,
  SHAREPOINT_CERTIFICATE_PATH: '/etc/partner-pathway/sharepoint.pem',
  ORGANISATION_NAME: 'West Yorkshire ICB',
};

function problemsFor(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts with no variables at all: embedded store, demo data, local identity, UK settings', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      store: { kind: 'sqlite', databasePath: './data/partner-pathway.db' },
      botState: { kind: 'sqlite', path: './data/partner-pathway.db' },
      seedDemo: 'auto',
      pathway: {
        timeZone: 'Europe/London',
        defaultCadenceWeeks: 8,
        dueSoonDays: 14,
        recruitmentLeadWeeks: 8,
        paidLevels: [4],
        retentionMonths: 72,
        monitoringMinCount: 5,
        claims: { mileagePencePerMile: 45, halfDayPence: 7500, fullDayPence: 15000, approver: 'named-contact', approvalReminderDays: 14 },
        reviews: { termReminderWeeks: 8, agreementMonths: 12, accessReviewMonths: 12 },
      },
      bot: undefined,
      botSettings: {
        guidanceDir: 'content/guidance',
        engagementChannelId: undefined,
        documents: {},
        reminders: {
          schedule: true,
          hour: 9,
          dueWithinDays: 7,
          escalateAfterDays: 14,
          inductionStallDays: 14,
          closingWithinDays: 7,
          triggerToken: undefined,
        },
      },
      signIn: undefined,
      teamsAppId: undefined,
      engagementTeamIds: [],
      identity: 'local-development',
      tabDir: 'dist/tab',
      logLevel: 'info',
      rateLimit: { readsPerMinute: 300, writesPerMinute: 60, refusedSignInsPerMinute: 60, proxyHops: 0 },
      retention: { schedule: true, triggerToken: undefined },
      sharePointWebOrigin: undefined,
      opportunitiesFeed: false,
    });
  });

  describe('the SharePoint web part origin', () => {
    it.each([
      ['https://contoso.sharepoint.com', 'https://contoso.sharepoint.com'],
      ['https://Contoso.SharePoint.com/', 'https://contoso.sharepoint.com'],
      ['https://intranet.example.org:8443', 'https://intranet.example.org:8443'],
    ])('reads %s as the origin %s', (value, origin) => {
      expect(loadConfig({ SHAREPOINT_WEB_ORIGIN: value }).sharePointWebOrigin).toBe(origin);
    });

    it.each([
      'contoso.sharepoint.com',
      'http://contoso.sharepoint.com',
      'https://contoso.sharepoint.com/sites/maternity',
      'https://contoso.sharepoint.com?x=1',
      'https://contoso.sharepoint.com/#top',
      'https://jo@contoso.sharepoint.com',
      '*',
    ])('refuses %s, saying what an origin is', (value) => {
      expect(problemsFor({ SHAREPOINT_WEB_ORIGIN: value }).problems).toEqual([
        `SHAREPOINT_WEB_ORIGIN: "${value}" is not a web origin. Set the scheme and host of the SharePoint site whose pages show the web part, such as https://contoso.sharepoint.com (https, no path), or leave it unset.`,
      ]);
    });
  });

  it('runs the retention schedule unless RETENTION_SCHEDULE=off, and takes a long RETENTION_TOKEN', () => {
    expect(loadConfig({ RETENTION_SCHEDULE: 'off', RETENTION_TOKEN: 'x'.repeat(24) }).retention).toEqual({
      schedule: false,
      triggerToken: 'x'.repeat(24),
    });
    expect(problemsFor({ RETENTION_SCHEDULE: 'sometimes', RETENTION_TOKEN: 'short' }).problems).toEqual([
      'RETENTION_SCHEDULE: "sometimes" is not on or off. Leave it unset (on) so the server erases personal data when the retention period ends, or set off only when a scheduler calls POST /api/retention/run.',
      'RETENTION_TOKEN: use at least 24 random characters, or leave it unset.',
    ]);
  });

  it('serves the opportunities feed only with OPPORTUNITIES_FEED=on, and says what else to set', () => {
    expect(loadConfig({ OPPORTUNITIES_FEED: 'on' }).opportunitiesFeed).toBe(true);
    expect(loadConfig({ OPPORTUNITIES_FEED: 'off' }).opportunitiesFeed).toBe(false);
    expect(problemsFor({ OPPORTUNITIES_FEED: 'yes' }).problems).toEqual([
      'OPPORTUNITIES_FEED: "yes" is not on or off. Set on to publish the Advertised roles at /feed/opportunities.json and /feed/opportunities.rss, or leave it unset (off).',
    ]);
  });

  it('reads the rate limits and the proxies before the server', () => {
    const config = loadConfig({
      RATE_LIMIT_READS_PER_MINUTE: '600',
      RATE_LIMIT_WRITES_PER_MINUTE: '120',
      RATE_LIMIT_REFUSED_SIGN_INS_PER_MINUTE: '20',
      TRUST_PROXY_HOPS: '1',
    });
    expect(config.rateLimit).toEqual({ readsPerMinute: 600, writesPerMinute: 120, refusedSignInsPerMinute: 20, proxyHops: 1 });
  });

  it('refuses rate limits that are not whole numbers in range, naming each', () => {
    const error = problemsFor({ RATE_LIMIT_READS_PER_MINUTE: '0', RATE_LIMIT_WRITES_PER_MINUTE: 'lots', TRUST_PROXY_HOPS: '-1' });
    expect(error.problems).toEqual([
      'RATE_LIMIT_READS_PER_MINUTE: "0" is not a number of requests. Set a whole number from 1 to 100000, or leave it unset for 300.',
      'RATE_LIMIT_WRITES_PER_MINUTE: "lots" is not a number of requests. Set a whole number from 1 to 100000, or leave it unset for 60.',
      'TRUST_PROXY_HOPS: "-1" is not a number of proxies. Set a whole number from 0 to 10, or leave it unset for 0.',
    ]);
  });

  it('treats blank variables, as Teams Toolkit writes them, as unset', () => {
    expect(loadConfig({ PORT: '', BOT_ID: '  ', AAD_APP_CLIENT_ID: '' })).toMatchObject({
      port: 3978,
      identity: 'local-development',
      bot: undefined,
    });
  });

  it('reads every setting it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_PATH: '/var/lib/pp/pp.db',
      SEED_DEMO: 'never',
      TIME_ZONE: 'Europe/Dublin',
      ONE_TO_ONE_CADENCE_WEEKS: '6',
      DUE_SOON_DAYS: '7',
      RECRUITMENT_LEAD_WEEKS: '12',
      PAID_LEVELS: '4, 3,3',
      RETENTION_MONTHS: '84',
      MONITORING_MIN_COUNT: '10',
      TAB_DIR: '/srv/tab',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      store: { kind: 'sqlite', databasePath: '/var/lib/pp/pp.db' },
      seedDemo: 'never',
      pathway: {
        timeZone: 'Europe/Dublin',
        defaultCadenceWeeks: 6,
        dueSoonDays: 7,
        recruitmentLeadWeeks: 12,
        paidLevels: [3, 4],
        retentionMonths: 84,
        monitoringMinCount: 10,
      },
      tabDir: '/srv/tab',
      logLevel: 'warn',
    });
  });

  it('refuses a retention period that is not a whole number of months, saying what to set', () => {
    expect(() => loadConfig({ RETENTION_MONTHS: '6 years' })).toThrow(
      'RETENTION_MONTHS: "6 years" is not a number of months. Set a whole number from 1 to 1200, or leave it unset for 72.',
    );
  });

  it('refuses an equality monitoring threshold under 3, where a count would point at one or two people', () => {
    expect(() => loadConfig({ MONITORING_MIN_COUNT: '1' })).toThrow(
      'MONITORING_MIN_COUNT: "1" is not a number of forms. Set a whole number from 3 to 100, or leave it unset for 5.',
    );
  });

  it('takes the organisation’s claim rates and approver', () => {
    const config = loadConfig({
      CLAIM_MILEAGE_PENCE: '30',
      CLAIM_HALF_DAY_PENCE: '5000',
      CLAIM_FULL_DAY_PENCE: '10000',
      CLAIM_APPROVER: 'engagement-team',
      CLAIM_APPROVAL_REMINDER_DAYS: '7',
    });
    expect(config.pathway.claims).toEqual({
      mileagePencePerMile: 30,
      halfDayPence: 5000,
      fullDayPence: 10000,
      approver: 'engagement-team',
      approvalReminderDays: 7,
    });
  });

  it('refuses a claim approval wait that is not a whole number of days from 1 to 365, saying what to set', () => {
    for (const value of ['0', 'two weeks', '366'])
      expect(() => loadConfig({ CLAIM_APPROVAL_REMINDER_DAYS: value })).toThrow(
        `CLAIM_APPROVAL_REMINDER_DAYS: "${value}" is not a number of days. Set a whole number from 1 to 365, or leave it unset for 14.`,
      );
  });

  it('keeps the review periods at 8 weeks, a year and 12 months unless the organisation sets its own', () => {
    expect(loadConfig({}).pathway.reviews).toEqual({ termReminderWeeks: 8, agreementMonths: 12, accessReviewMonths: 12 });
    const config = loadConfig({ REVIEW_TERM_REMINDER_WEEKS: '12', REVIEW_AGREEMENT_MONTHS: '24', REVIEW_ACCESS_NEEDS_MONTHS: '6' });
    expect(config.pathway.reviews).toEqual({ termReminderWeeks: 12, agreementMonths: 24, accessReviewMonths: 6 });
  });

  it('refuses review periods out of range, naming each setting and what to set, all together', () => {
    expect(() =>
      loadConfig({ REVIEW_TERM_REMINDER_WEEKS: '0', REVIEW_AGREEMENT_MONTHS: 'yearly', REVIEW_ACCESS_NEEDS_MONTHS: '61' }),
    ).toThrow(
      [
        'REVIEW_TERM_REMINDER_WEEKS: "0" is not a number of weeks. Set a whole number from 1 to 52, or leave it unset for 8.',
        'REVIEW_AGREEMENT_MONTHS: "yearly" is not a number of months. Set a whole number from 1 to 60, or leave it unset for 12.',
        'REVIEW_ACCESS_NEEDS_MONTHS: "61" is not a number of months. Set a whole number from 1 to 60, or leave it unset for 12.',
      ].join('\n  - '),
    );
  });

  it('refuses a claim approver it does not know, saying what to set', () => {
    expect(() => loadConfig({ CLAIM_APPROVER: 'anyone' })).toThrow(
      'CLAIM_APPROVER: "anyone" is not who approves claims. Set named-contact',
    );
  });

  it('accepts PAID_LEVELS=none for an organisation that pays no level', () => {
    expect(loadConfig({ PAID_LEVELS: 'none' }).pathway.paidLevels).toEqual([]);
  });

  it('reports every bad variable in one error, each with what to do', () => {
    const error = problemsFor({ PORT: 'abc', TIME_ZONE: 'Mars/Base', PAID_LEVELS: '7' });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toContain('3 settings need fixing');
    expect(error.message).toContain('PORT: "abc" is not a port number. Set a whole number from 1 to 65535');
    expect(error.message).toContain('TIME_ZONE: "Mars/Base" is not a time zone. Set an IANA time zone name such as Europe/London');
    expect(error.message).toContain('PAID_LEVELS: "7" is not a list of involvement levels');
  });

  it.each([
    ['PORT', '70000'],
    ['STORE', 'postgres'],
    ['SEED_DEMO', 'always'],
    ['ONE_TO_ONE_CADENCE_WEEKS', '0'],
    ['DUE_SOON_DAYS', '-1'],
    ['RECRUITMENT_LEAD_WEEKS', 'eight'],
    ['PAID_LEVELS', '4,,3'],
    ['CLAIM_MILEAGE_PENCE', '0.45'],
    ['CLAIM_FULL_DAY_PENCE', '£150'],
    ['LOCAL_IDENTITY', 'yes please'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%s and names it', (name, value) => {
    const error = problemsFor({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`^${name}`));
  });

  it('refuses a BOT_ID that is not a GUID', () => {
    const error = problemsFor({ BOT_ID: 'not-a-guid', SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT });
    expect(error.problems).toEqual([expect.stringMatching(/^BOT_ID: "not-a-guid" is not a GUID/)]);
  });

  it('never repeats the bot secret in its message', () => {
    const error = problemsFor({ BOT_ID, SECRET_BOT_PASSWORD: 'hunter2-secret', PORT: 'x' });
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('asks for the bot secret and tenant when BOT_ID is set without them', () => {
    const error = problemsFor({ BOT_ID });
    expect(error.problems).toEqual([
      expect.stringMatching(/^SECRET_BOT_PASSWORD is missing/),
      expect.stringMatching(/^BOT_TENANT_ID is missing/),
    ]);
  });

  it('builds single-tenant bot credentials from BOT_ID, SECRET_BOT_PASSWORD and BOT_TENANT_ID', () => {
    const config = loadConfig({ BOT_ID, SECRET_BOT_PASSWORD: 's3cret', BOT_TENANT_ID: TENANT });
    expect(config.bot).toEqual({ appId: BOT_ID, password: 's3cret', tenantId: TENANT });
  });

  describe('bot state', () => {
    const CONNECTION =
      'DefaultEndpointsProtocol=https;AccountName=ppstate;AccountKey=c2VjcmV0LWtleS1ub3QtcmVhbA==;EndpointSuffix=core.windows.net';

    it('is in the pathway database without a storage account', () => {
      expect(loadConfig({ DATABASE_PATH: '/var/lib/pp/pp.db' }).botState).toEqual({ kind: 'sqlite', path: '/var/lib/pp/pp.db' });
    });

    it('is in a SQLite file of its own on the SharePoint store without a storage account, as before', () => {
      expect(loadConfig({ STORE: 'sharepoint', ...SHAREPOINT }).botState).toEqual({ kind: 'sqlite', path: './data/bot-state.db' });
    });

    it('is in the bot-state container of the storage account given, shared by every instance', () => {
      expect(loadConfig({ STORE: 'sharepoint', ...SHAREPOINT, BOT_STATE_STORAGE_CONNECTION_STRING: CONNECTION }).botState).toEqual({
        kind: 'blob',
        connectionString: CONNECTION,
        container: 'bot-state',
      });
      expect(
        loadConfig({ BOT_STATE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', BOT_STATE_CONTAINER: 'pp-state-2' }).botState,
      ).toMatchObject({ container: 'pp-state-2' });
    });

    it('refuses a connection string that names no account key or signature, without repeating it', () => {
      const error = problemsFor({ BOT_STATE_STORAGE_CONNECTION_STRING: 'AccountName=ppstate;NotAKey=hush-hush' });
      expect(error.problems).toEqual([
        expect.stringMatching(
          /^BOT_STATE_STORAGE_CONNECTION_STRING is not a storage account connection string\. Copy one from the storage account's Access keys/,
        ),
      ]);
      expect(error.message).not.toContain('hush-hush');
    });

    it('says when App Service left the Key Vault reference unresolved', () => {
      const error = problemsFor({
        BOT_STATE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(VaultName=pp-kv;SecretName=bot-state-storage-connection-string)',
      });
      expect(error.problems).toEqual([
        expect.stringContaining(
          "App Service could not read the secret. Check that the web app's managed identity may read the vault's secrets",
        ),
      ]);
    });

    it('refuses a container name Azure Storage would refuse, and a container with no storage account, in one error', () => {
      const error = problemsFor({ BOT_STATE_CONTAINER: 'Bot_State' });
      expect(error.problems).toEqual([
        'BOT_STATE_CONTAINER: "Bot_State" is not a blob container name. Use 3 to 63 lower-case letters, digits and single hyphens (not at either end), or leave it unset for bot-state.',
        'BOT_STATE_STORAGE_CONNECTION_STRING is missing: BOT_STATE_CONTAINER is set, so the bot state needs the storage account it is in. Set its connection string, or unset BOT_STATE_CONTAINER to keep the bot state in SQLite.',
      ]);
    });
  });

  describe('identity mode', () => {
    it('is the local development identity on the embedded store with no Entra app', () => {
      expect(loadConfig({ STORE: 'sqlite' }).identity).toBe('local-development');
    });

    it('is Entra as soon as the bot has an app', () => {
      expect(loadConfig({ BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT }).identity).toBe('entra');
    });

    it('is Entra as soon as the tab has a sign-on app', () => {
      const config = loadConfig({ AAD_APP_CLIENT_ID: TAB_APP, ALLOWED_TENANT_IDS: TENANT });
      expect(config.identity).toBe('entra');
      expect(config.signIn?.clientId).toBe(TAB_APP);
    });

    it('reads the Engagement team as Entra object ids separated by commas, and names a bad one', () => {
      expect(loadConfig({ ENGAGEMENT_TEAM_IDS: ` ${BOT_ID}, ${TAB_APP},${BOT_ID} ` }).engagementTeamIds).toEqual([BOT_ID, TAB_APP]);
      expect(problemsFor({ ENGAGEMENT_TEAM_IDS: `${BOT_ID}, nadia@example.nhs.uk` }).problems).toEqual([
        expect.stringContaining('ENGAGEMENT_TEAM_IDS: "'),
      ]);
    });

    it('reads the Teams app id for deep links, and names it when it is not a GUID', () => {
      expect(loadConfig({ TEAMS_APP_ID: TAB_APP }).teamsAppId).toBe(TAB_APP);
      expect(problemsFor({ TEAMS_APP_ID: 'partner-pathway' }).problems).toEqual([
        expect.stringContaining('TEAMS_APP_ID: "partner-pathway" is not a GUID'),
      ]);
    });

    it('is Entra on the SharePoint store', () => {
      expect(loadConfig({ STORE: 'sharepoint', ...SHAREPOINT })).toMatchObject({ identity: 'entra', store: { kind: 'sharepoint' } });
    });

    it('can be turned off locally with LOCAL_IDENTITY=false', () => {
      expect(loadConfig({ LOCAL_IDENTITY: 'false' }).identity).toBe('entra');
    });

    it('allows LOCAL_IDENTITY=true where it applies', () => {
      expect(loadConfig({ LOCAL_IDENTITY: 'true' }).identity).toBe('local-development');
    });

    it.each([
      ['with BOT_ID', { BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT }],
      ['with AAD_APP_CLIENT_ID', { AAD_APP_CLIENT_ID: TAB_APP, ALLOWED_TENANT_IDS: TENANT }],
      ['with STORE=sharepoint', { STORE: 'sharepoint', ...SHAREPOINT }],
    ])('refuses LOCAL_IDENTITY=true %s', (_case, env) => {
      const error = problemsFor({ ...env, LOCAL_IDENTITY: 'true' });
      expect(error.problems).toEqual([
        expect.stringContaining('the local development identity is only for the embedded store or a local stand-in of SharePoint'),
      ]);
    });

    it('is the local development identity on a local stand-in of SharePoint (SHAREPOINT_AUTH=none, http://localhost only)', () => {
      const local = {
        STORE: 'sharepoint',
        SHAREPOINT_SITE_URL: 'http://localhost:4321/sites/pathway',
        SHAREPOINT_AUTH: 'none',
        ORGANISATION_NAME: 'Local',
      };
      expect(loadConfig(local)).toMatchObject({ identity: 'local-development', store: { kind: 'sharepoint', signIn: { kind: 'none' } } });
      expect(loadConfig({ ...local, AAD_APP_CLIENT_ID: TAB_APP, ALLOWED_TENANT_IDS: TENANT }).identity).toBe('entra');
      expect(problemsFor({ ...local, SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/pathway' }).problems).toEqual([
        expect.stringContaining('SHAREPOINT_AUTH=none is only for a local stand-in of SharePoint at http://localhost'),
      ]);
    });
  });

  describe('sign-in for the tab', () => {
    it("checks tokens for the tab app, from the bot tenant by default, against that tenant's published keys", () => {
      expect(loadConfig({ AAD_APP_CLIENT_ID: TAB_APP, BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT }).signIn).toEqual({
        clientId: TAB_APP,
        audiences: [TAB_APP],
        allowedTenantIds: [TENANT],
        keysUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      });
    });

    it('also accepts the Application ID URI api://<TAB_DOMAIN>/<client id> as audience', () => {
      const config = loadConfig({ AAD_APP_CLIENT_ID: TAB_APP, ALLOWED_TENANT_IDS: TENANT, TAB_DOMAIN: 'Pathway.Example.org' });
      expect(config.signIn?.audiences).toEqual([TAB_APP, `api://pathway.example.org/${TAB_APP}`]);
    });

    it('takes the SharePoint tenant (AZURE_TENANT_ID) when there is no bot', () => {
      expect(loadConfig({ STORE: 'sharepoint', ...SHAREPOINT, AAD_APP_CLIENT_ID: TAB_APP }).signIn?.allowedTenantIds).toEqual([TENANT]);
    });

    it('allows the tenants in ALLOWED_TENANT_IDS instead, fetching keys from the common endpoint for more than one', () => {
      const other = '12345678-90ab-cdef-1234-567890abcdef';
      const config = loadConfig({
        AAD_APP_CLIENT_ID: TAB_APP,
        BOT_ID,
        SECRET_BOT_PASSWORD: 's',
        BOT_TENANT_ID: TENANT,
        ALLOWED_TENANT_IDS: `${other.toUpperCase()}, ${TENANT},${other}`,
      });
      expect(config.signIn).toMatchObject({
        allowedTenantIds: [other, TENANT],
        keysUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      });
    });

    it('refuses to start with a sign-in app but no tenant to allow', () => {
      expect(problemsFor({ AAD_APP_CLIENT_ID: TAB_APP }).problems).toEqual([
        expect.stringMatching(/^ALLOWED_TENANT_IDS is missing: AAD_APP_CLIENT_ID is set/),
      ]);
    });

    it.each([
      ['AAD_APP_CLIENT_ID', '1234'],
      ['ALLOWED_TENANT_IDS', 'contoso.onmicrosoft.com'],
      ['ALLOWED_TENANT_IDS', `${TENANT},`],
      ['TAB_DOMAIN', 'https://pathway.example.org'],
      ['TAB_DOMAIN', 'pathway.example.org/tab'],
    ])('refuses %s=%s and names it', (name, value) => {
      expect(
        problemsFor({ AAD_APP_CLIENT_ID: TAB_APP, BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT, [name]: value }).problems,
      ).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
    });

    it('is absent without a sign-in app: Entra mode then refuses every tab API call', () => {
      expect(loadConfig({ BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: TENANT }).signIn).toBeUndefined();
    });
  });

  it('reads process.env when given nothing', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4001';
    try {
      expect(loadConfig().port).toBe(4001);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });
});
