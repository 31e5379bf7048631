import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logging/logger';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from '../../../src/server/security-headers';

let server: RunningServer;
beforeAll(async () => {
  const config = loadConfig({
    DATABASE_PATH: ':memory:',
    SEED_DEMO: 'never',
    TAB_DIR: '/nonexistent/partner-pathway-tab',
    RATE_LIMIT_WRITES_PER_MINUTE: '1',
    REMINDERS: 'off',
  });
  server = await startServer({ ...config, port: 0 }, { logger: silentLogger });
  // Uses up the write limit, so the 429 below is a real one.
  await fetch(`${server.url}/api/workstreams`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"title":"Cancer care"}',
  });
});
afterAll(() => server.close());

describe('security headers on every answer, over real HTTP', () => {
  it.each<[number, string, string, RequestInit]>([
    [404, 'the tab', '/tab/', {}],
    [200, 'the health check', '/healthz', {}],
    [200, 'an API read', '/api/me', {}],
    [200, 'a download', '/api/workstreams/1/partners.csv', {}],
    [400, 'the bot endpoint', '/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
    [405, 'the reminders trigger', '/api/reminders/run', { method: 'GET' }],
    [
      413,
      'a body too large',
      '/api/messages',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(300_000) }) },
    ],
    [
      429,
      'a rate-limited write',
      '/api/workstreams',
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":"Maternity"}' },
    ],
    [404, 'a path that is nothing', '/nowhere', {}],
  ])('%i: %s', async (status, _what, path, init) => {
    const response = await fetch(`${server.url}${path}`, init);
    expect(response.status).toBe(status);
    // The policy's directives (frame-ancestors only Microsoft's tab hosts) are pinned in app.test.ts; here, that every answer has it.
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
