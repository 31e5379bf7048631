import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { testApp, type TestApp } from './support';

const apps: TestApp[] = [];
function app(options: Parameters<typeof testApp>[0] = {}): TestApp {
  const created = testApp(options);
  apps.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(apps.splice(0).map((created) => created.store.close()));
});

describe('GET /healthz', () => {
  it('answers 200 with the store kind, its health and the identity mode', async () => {
    const response = await request(app().app).get('/healthz').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      store: { kind: 'sqlite', ok: true, detail: expect.stringContaining(':memory:') },
      identity: 'local-development',
    });
  });

  it('answers 503 "unavailable" when the store says it is not ok', async () => {
    const unhealthy = app({ health: async () => ({ ok: false, kind: 'sqlite', detail: 'disk I/O error' }) });
    const response = await request(unhealthy.app).get('/healthz').expect(503);
    expect(response.body).toEqual({ status: 'unavailable', store: { kind: 'sqlite', ok: false, detail: 'disk I/O error' }, identity: 'local-development' });
  });
});

describe('server faults', () => {
  it('answers 500 with a generic message and logs the stack to the server log only', async () => {
    const broken = app({
      health: async () => {
        throw new TypeError('Cannot read properties of undefined (reading "ok")');
      },
    });
    const response = await request(broken.app).get('/healthz?name=Sam').expect(500);
    expect(response.body).toEqual({ error: { code: 'internal', message: expect.stringMatching(/^Something went wrong on the server/) } });
    expect(response.text).not.toMatch(/TypeError|reading|at /);
    const errors = broken.logger.lines.filter((line) => line.level === 'error');
    expect(errors).toEqual([
      {
        level: 'error',
        message: 'Request failed',
        fields: expect.objectContaining({ route: '/healthz', error: 'TypeError', stack: expect.stringContaining('TypeError') }),
      },
    ]);
  });

  it('answers 503 when the store has gone away', async () => {
    const closed = app();
    await closed.store.close();
    const response = await request(closed.app).get('/api/workstreams').expect(503);
    expect(response.body.error.code).toBe('store-unavailable');
  });
});

describe('request log', () => {
  it('names the route pattern, method, status and duration, never ids, queries or bodies', async () => {
    const logged = app();
    await request(logged.app).get('/api/involvements/5?partner=Samira').expect(404);
    await request(logged.app).post('/api/workstreams').send({ title: 'Secret Project Sam' }).expect(201);
    const requests = logged.logger.lines.filter((line) => line.message === 'request');
    expect(requests.map((line) => line.fields)).toEqual([
      { method: 'GET', route: '/api/involvements/:involvementId', status: 404, ms: expect.any(Number) },
      { method: 'POST', route: '/api/workstreams', status: 201, ms: expect.any(Number) },
    ]);
    expect(JSON.stringify(logged.logger.lines)).not.toMatch(/Samira|Secret Project/);
  });
});

describe('identity', () => {
  it('refuses the tab API with 401 in Entra mode, because sign-in is not built yet', async () => {
    const entra = app({ identity: 'entra' });
    const response = await request(entra.app).get('/api/me').expect(401);
    expect(response.body.error).toEqual({ code: 'sign-in-not-set-up', message: expect.stringMatching(/^Sign-in with Teams is not set up in this version/) });
    await request(entra.app).post('/api/workstreams').send({ title: 'x' }).expect(401);
    expect((await request(entra.app).get('/healthz').expect(200)).body.identity).toBe('entra');
  });
});

describe('the tab', () => {
  let tabDir: string;
  beforeAll(() => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-tab-'));
    fs.mkdirSync(path.join(tabDir, 'assets'));
    fs.writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><title>Partner Pathway</title><div id="root"></div>');
    fs.writeFileSync(path.join(tabDir, 'assets', 'index-abc123.js'), 'console.log("tab");');
  });
  afterAll(() => fs.rmSync(tabDir, { recursive: true, force: true }));

  it('serves the built index at /tab/', async () => {
    const response = await request(app({ tabDir }).app).get('/tab/').expect(200).expect('Content-Type', /html/);
    expect(response.text).toContain('<div id="root"></div>');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('redirects /tab to /tab/, keeping the query Teams adds', async () => {
    await request(app({ tabDir }).app).get('/tab?theme=dark').expect(301).expect('Location', '/tab/?theme=dark');
  });

  it('serves hashed assets to be cached for good', async () => {
    const response = await request(app({ tabDir }).app).get('/tab/assets/index-abc123.js').expect(200).expect('Content-Type', /javascript/);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it("serves the index for the tab's own routes, and 404 for missing files", async () => {
    const served = app({ tabDir });
    expect((await request(served.app).get('/tab/partners/12').expect(200)).text).toContain('id="root"');
    await request(served.app).get('/tab/assets/missing.js').expect(404);
  });

  it('does not serve files outside the tab folder', async () => {
    const response = await request(app({ tabDir }).app).get('/tab/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.text).not.toContain('root:');
  });

  it('says to run npm run build when the tab has not been built', async () => {
    const response = await request(app().app).get('/tab/').expect(404).expect('Content-Type', /html/);
    expect(response.text).toContain('npm run build');
  });

  it('sends / to the tab', async () => {
    await request(app().app).get('/').expect(302).expect('Location', '/tab/');
  });
});

describe('security headers', () => {
  it.each(['/tab/', '/api/me', '/healthz', '/nowhere'])('are on %s', async (url) => {
    const response = await request(app().app).get(url);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain(
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.microsoft365.com https://*.cloud.microsoft",
    );
    expect(csp).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBeUndefined();
  });

  it('keeps API answers out of caches', async () => {
    const response = await request(app().app).get('/api/workstreams').expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
