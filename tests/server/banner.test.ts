import { loadConfig } from '../../src/config';
import { startupBanner } from '../../src/server/banner';

const BOT_ID = '11111111-2222-3333-4444-555555555555';

/** A SharePoint store that is a stand-in on this machine, with no sign-in. */
const localStandIn = () =>
  loadConfig({
    STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: 'http://127.0.0.1:4010/sites/pathway',
    SHAREPOINT_AUTH: 'none',
    ORGANISATION_NAME: 'Test',
  });

describe('startupBanner', () => {
  it('says plainly when the local development identity is in use, and only locally', () => {
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config: loadConfig({}), host: '127.0.0.1', demo: { state: 'off' } });
    expect(banner).toContain('Tab:           http://localhost:3978/tab/');
    expect(banner).toContain('no BOT_ID: unauthenticated');
    expect(banner).toContain('LOCAL DEVELOPMENT IDENTITY');
    expect(banner).toContain('For local use only; listening on 127.0.0.1 only.');
    expect(banner).toContain(
      "In chat (npm run playground) you are the Agents Playground's user, Alex Wilber. Both are in the Engagement team here",
    );
  });

  it('names the bot app and Entra sign-in when configured, without the secret', () => {
    const config = loadConfig({ BOT_ID, SECRET_BOT_PASSWORD: 'do-not-print', BOT_TENANT_ID: BOT_ID });
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config, host: 'every interface', demo: { state: 'own-data' } });
    expect(banner).toContain(`app ${BOT_ID}, single tenant`);
    expect(banner).toContain('Identity:      Microsoft Entra');
    expect(banner).not.toContain('LOCAL DEVELOPMENT');
    expect(banner).not.toContain('do-not-print');
  });

  it('says which tab app and tenant sign-in accepts, or that the tab API refuses everyone without one', () => {
    const bot = { BOT_ID, SECRET_BOT_PASSWORD: 's', BOT_TENANT_ID: BOT_ID };
    const signedIn = startupBanner({
      baseUrl: 'https://pathway.example.org',
      config: loadConfig({ ...bot, AAD_APP_CLIENT_ID: BOT_ID }),
      host: 'every interface',
      demo: { state: 'off' },
    });
    expect(signedIn).toContain(`the tab API accepts Teams sign-in tokens for app ${BOT_ID} from tenant ${BOT_ID}.`);
    const botOnly = startupBanner({
      baseUrl: 'https://pathway.example.org',
      config: loadConfig(bot),
      host: 'every interface',
      demo: { state: 'off' },
    });
    expect(botOnly).toContain('no tab sign-in app (AAD_APP_CLIENT_ID) is set, so the tab API answers 401');
  });

  it('names the SharePoint site and says demo data is for the embedded store only', () => {
    const config = loadConfig({
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/partner-pathway',
      AZURE_TENANT_ID: BOT_ID,
      SHAREPOINT_CLIENT_ID: BOT_ID,
      SHAREPOINT_CERTIFICATE_PATH: '/etc/partner-pathway/sharepoint.pem',
      ORGANISATION_NAME: 'West Yorkshire ICB',
    });
    const banner = startupBanner({ baseUrl: 'https://pathway.example.org', config, host: 'every interface', demo: { state: 'off' } });
    expect(banner).toContain(
      'Store:         SharePoint lists on https://contoso.sharepoint.com/sites/partner-pathway (app-only sign-in with a certificate)',
    );
    expect(banner).toContain('Demo data:     none: demo data is for the embedded store only, never put into SharePoint');
    expect(banner).not.toContain('SEED_DEMO');
  });

  it('says when the SharePoint store is a local stand-in without sign-in', () => {
    const config = localStandIn();
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config, host: '127.0.0.1', demo: { state: 'off' } });
    expect(banner).toContain('Store:         SharePoint lists on http://127.0.0.1:4010/sites/pathway (no sign-in: a local stand-in)');
    expect(banner).toContain('Demo data:     none: demo data is for the embedded store only, never put into SharePoint');
  });

  it('says when npm run start:sharepoint-local filled its stand-in with the demo organisation', () => {
    const config = localStandIn();
    const demo = { state: 'seeded', workstreams: 4, roles: 9, partners: 14 } as const;
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config, host: '127.0.0.1', demo });
    expect(banner).toContain(
      'Demo data:     put into this local stand-in just now (4 workstreams, 9 roles, 14 partners) by npm run start:sharepoint-local; the server itself never seeds a SharePoint site',
    );
  });

  it('says where the embedded database is and why it was not seeded', () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never' });
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config, host: '127.0.0.1', demo: { state: 'off' } });
    expect(banner).toContain('Store:         SQLite, in memory (nothing is kept after it stops)');
    expect(banner).toContain('Demo data:     not seeded (SEED_DEMO=never)');
  });
});
