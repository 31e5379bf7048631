import { loadConfig } from '../../src/config';
import { startupBanner } from '../../src/server/banner';

const BOT_ID = '11111111-2222-3333-4444-555555555555';

describe('startupBanner', () => {
  it('says plainly when the local development identity is in use, and only locally', () => {
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config: loadConfig({}), host: '127.0.0.1', demo: { state: 'off' } });
    expect(banner).toContain('Tab:           http://localhost:3978/tab/');
    expect(banner).toContain('no BOT_ID: unauthenticated');
    expect(banner).toContain('LOCAL DEVELOPMENT IDENTITY');
    expect(banner).toContain('For local use only; listening on 127.0.0.1 only.');
  });

  it('names the bot app and Entra sign-in when configured, without the secret', () => {
    const config = loadConfig({ BOT_ID, SECRET_BOT_PASSWORD: 'do-not-print', BOT_TENANT_ID: BOT_ID });
    const banner = startupBanner({ baseUrl: 'http://localhost:3978', config, host: 'every interface', demo: { state: 'own-data' } });
    expect(banner).toContain(`app ${BOT_ID}, single tenant`);
    expect(banner).toContain('Identity:      Microsoft Entra');
    expect(banner).not.toContain('LOCAL DEVELOPMENT');
    expect(banner).not.toContain('do-not-print');
  });
});
