import request from 'supertest';
import { testApp, type TestApp } from './support';

const SHAREPOINT = 'https://contoso.sharepoint.com';

let configured: TestApp;
beforeEach(() => {
  configured = testApp({ sharePointWebOrigin: SHAREPOINT });
});
afterEach(() => configured.store.close());

const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-allow-credentials',
  'access-control-max-age',
];

function corsHeadersOf(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => CORS_HEADERS.includes(name)));
}

/** A preflight from `origin` is not answered as one, and neither it nor a call gets a CORS header. */
async function expectNoCors(app: TestApp['app'], origin: string): Promise<void> {
  const preflight = await request(app).options('/api/workstreams').set('Origin', origin).set('Access-Control-Request-Method', 'GET');
  expect(preflight.status).not.toBe(204);
  expect(corsHeadersOf(preflight.headers)).toEqual({});
  const call = await request(app).get('/api/workstreams').set('Origin', origin).expect(200);
  expect(corsHeadersOf(call.headers)).toEqual({});
}

describe('cross-origin calls to the API (SHAREPOINT_WEB_ORIGIN)', () => {
  it('answers the SharePoint site’s preflight: its origin, the API’s methods, the token header, no credentials', async () => {
    const response = await request(configured.app)
      .options('/api/workstreams/1/dashboard')
      .set('Origin', SHAREPOINT)
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization')
      .expect(204);
    expect(corsHeadersOf(response.headers)).toEqual({
      'access-control-allow-origin': SHAREPOINT,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH',
      'access-control-allow-headers': 'Authorization, Content-Type',
      'access-control-max-age': '600',
    });
    expect(response.headers.vary).toMatch(/Origin/);
  });

  it('lets the SharePoint site read what the API answers, with Vary: Origin', async () => {
    const response = await request(configured.app).get('/api/workstreams').set('Origin', SHAREPOINT).expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(SHAREPOINT);
    expect(response.headers.vary).toMatch(/Origin/);
  });

  it('names the SharePoint site on refusals too, so the web part can tell its person why', async () => {
    const response = await request(configured.app).get('/api/workstreams/999/dashboard').set('Origin', SHAREPOINT);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers['access-control-allow-origin']).toBe(SHAREPOINT);
    expect(response.body.error.message).toEqual(expect.any(String));
  });

  it.each([
    'https://evil.example.com',
    'https://contoso.sharepoint.com.evil.example.com',
    'https://contoso-my.sharepoint.com',
    'http://contoso.sharepoint.com',
    'null',
  ])('gives %s no CORS header, on a preflight or a call', async (origin) => {
    await expectNoCors(configured.app, origin);
  });

  it('gives no CORS header at all when no SharePoint origin is configured', async () => {
    const plain = testApp();
    try {
      await expectNoCors(plain.app, SHAREPOINT);
    } finally {
      plain.store.close();
    }
  });

  it('adds nothing outside the API: the tab and the health check stay same-origin', async () => {
    const response = await request(configured.app).get('/healthz').set('Origin', SHAREPOINT).expect(200);
    expect(corsHeadersOf(response.headers)).toEqual({});
  });
});
