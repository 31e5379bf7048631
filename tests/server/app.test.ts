import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
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
    expect(response.body).toEqual({
      status: 'unavailable',
      store: { kind: 'sqlite', ok: false, detail: 'disk I/O error' },
      identity: 'local-development',
    });
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
  it('refuses the tab API with 401 in Entra mode with no sign-in app configured', async () => {
    const entra = app({ identity: 'entra' });
    const response = await request(entra.app).get('/api/me').expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body.error).toEqual({
      code: 'sign-in-not-set-up',
      message: expect.stringMatching(/^Sign-in with Teams is not set up on this server/),
    });
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
    const response = await request(app({ tabDir }).app)
      .get('/tab/assets/index-abc123.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
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

describe('the content security policy', () => {
  const directive = (csp: string, name: string): string[] =>
    (
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([first]) => first === name) ?? []
    ).slice(1);

  it('lets only Teams, Outlook and the Microsoft 365 app frame the tab', async () => {
    const response = await request(app().app).get('/tab/');
    expect(directive(response.headers['content-security-policy'], 'frame-ancestors')).toEqual([
      "'self'",
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.office.com',
      'https://*.microsoft365.com',
      'https://*.cloud.microsoft',
      'https://outlook.office365.com',
      'https://outlook-sdf.office365.com',
    ]);
  });

  it("lets the tab fetch its own API and teams-js's list of Teams hosts, and nothing else", async () => {
    const response = await request(app().app).get('/tab/');
    expect(directive(response.headers['content-security-policy'], 'connect-src')).toEqual([
      "'self'",
      'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json',
    ]);
  });
});

describe('GET /api/bot', () => {
  const BOT = { appId: '6f1b2a3c-0000-4000-8000-00000000b0d1', password: 'secret', tenantId: '0f1b2a3c-0000-4000-8000-0000000000aa' };

  it("tells the tab the bot's id, for a link to chat with it, and never its secret", async () => {
    const withBot = testApp({ bot: undefined, botCredentials: BOT });
    apps.push(withBot);
    const response = await request(withBot.app).get('/api/bot').expect(200);
    expect(response.body).toEqual({ botId: BOT.appId });
    expect(response.text).not.toContain('secret');
  });

  it('says null when no bot is registered', async () => {
    const response = await request(app().app).get('/api/bot').expect(200);
    expect(response.body).toEqual({ botId: null });
  });
});

describe('compression', () => {
  /** The raw bytes and headers of a GET, without the decoding supertest would do. */
  async function rawGet(
    server: http.Server,
    url: string,
    acceptEncoding: string,
  ): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      http
        .get({ port, path: url, headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  }

  async function listening(created: TestApp): Promise<http.Server> {
    const server = http.createServer(created.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  }

  it('gzips a large JSON answer when asked, and it decodes to exactly the plain answer', async () => {
    const created = app();
    for (let index = 0; index < 40; index += 1) {
      await request(created.app)
        .post('/api/workstreams')
        .send({ title: `Workstream ${index}`, description: 'Partners shaping services for people who use them. '.repeat(4) })
        .expect(201);
    }
    const server = await listening(created);
    try {
      const plain = await rawGet(server, '/api/workstreams', 'identity');
      const gzipped = await rawGet(server, '/api/workstreams', 'gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['content-type']).toMatch(/^application\/json/);
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
      expect(zlib.gunzipSync(gzipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    } finally {
      server.close();
    }
  });

  it("never encodes the bot's answers", async () => {
    const big = JSON.stringify({ type: 'invokeResponse', value: 'x'.repeat(10_000) });
    const created = app({
      bot: async (_req, res) => {
        res.status(200).type('json').send(big);
      },
    });
    const response = await request(created.app)
      .post('/api/messages')
      .set('Accept-Encoding', 'gzip')
      .send({
        type: 'message',
        serviceUrl: 'https://smba.example.net/',
        conversation: { id: 'c' },
        from: { id: 'u' },
        recipient: { id: 'b' },
      })
      .expect(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text).toBe(big);
  });
});
