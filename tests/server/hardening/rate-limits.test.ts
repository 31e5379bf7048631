import { MemoryStore, type Options, type Store } from 'express-rate-limit';
import request from 'supertest';
import { loadConfig, type RateLimitSettings } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/entry/server';
import type { RateLimitName, RateLimitStoreFactory } from '../../../src/server/rate-limit';
import {
  mint,
  signInSettings,
  signingKey,
  startEntraStandIn,
  teamsClaims,
  TENANT,
  type EntraStandIn,
  type SigningKey,
} from '../auth/entra-stand-in';
import { recordingLogger, testApp, type TestApp } from '../support';

const LIMITED = { error: { code: 'rate-limited', message: 'You are going a little fast. Wait a minute and try again.' } };
const LIMITS: RateLimitSettings = { readsPerMinute: 3, writesPerMinute: 2, refusedSignInsPerMinute: 2, proxyHops: 0 };
const COLLEAGUE_OID = '3c9e5b1a-7d2f-4e8a-b6c4-0f1e2d3c4b5a';

let entra: EntraStandIn;
let key: SigningKey;
let jo: string;
let colleague: string;
let t: TestApp;

beforeAll(async () => {
  key = await signingKey('key-1');
  entra = await startEntraStandIn([key]);
  jo = `Bearer ${await mint(key)}`;
  colleague = `Bearer ${await mint(key, teamsClaims({ oid: COLLEAGUE_OID, name: 'Sam Colleague', preferred_username: 'sam@example.org' }))}`;
});
afterAll(() => entra.close());
afterEach(() => t.store.close());

function signedInApp(overrides: Partial<RateLimitSettings> = {}, rateLimitStore?: RateLimitStoreFactory): TestApp {
  t = testApp({ identity: 'entra', signIn: signInSettings(entra.keysUrl), rateLimit: { ...LIMITS, ...overrides }, rateLimitStore });
  return t;
}

/** A request with no sign-in, as forwarded by a proxy for the client at `address`. */
function fromAddress({ app }: TestApp): (address: string) => () => request.Test {
  return (address) => () => request(app).get('/api/workstreams').set('X-Forwarded-For', address);
}

async function times(count: number, call: () => request.Test): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await call()).status);
  return statuses;
}

describe('per-person rate limits on the tab API', () => {
  it('serves readsPerMinute reads a minute to a person, then answers 429 JSON with Retry-After and RateLimit headers', async () => {
    const { app } = signedInApp();
    expect(await times(3, () => request(app).get('/api/workstreams').set('Authorization', jo))).toEqual([200, 200, 200]);
    const limited = await request(app).get('/api/workstreams').set('Authorization', jo).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/json/);
    expect(limited.body).toEqual(LIMITED);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.headers['ratelimit']).toMatch(/"reads"; r=0; t=\d+/);
    expect(limited.headers['ratelimit-policy']).toMatch(/"reads"; q=3; w=60/);
  });

  it('counts each person on their own: a colleague is served while Jo waits', async () => {
    const { app } = signedInApp();
    await times(4, () => request(app).get('/api/workstreams').set('Authorization', jo));
    await request(app).get('/api/workstreams').set('Authorization', jo).expect(429);
    await request(app).get('/api/workstreams').set('Authorization', colleague).expect(200);
  });

  it('gives writes their own, lower limit; a limited write changes nothing and reads still go', async () => {
    const { app, store } = signedInApp();
    const create = (title: string) => request(app).post('/api/workstreams').set('Authorization', jo).send({ title });
    expect((await create('Cancer care')).status).toBe(201);
    expect((await create('Maternity')).status).toBe(201);
    const limited = await create('Mental health');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(LIMITED);
    expect((await store.find({ list: 'workstreams' })).map((row) => row.title)).toEqual(['Cancer care', 'Maternity']);
    await request(app).get('/api/workstreams').set('Authorization', jo).expect(200);
  });

  it('counts downloads as reads', async () => {
    const { app } = signedInApp({ readsPerMinute: 1 });
    const workstream = await request(app).post('/api/workstreams').set('Authorization', jo).send({ title: 'Cancer care' }).expect(201);
    await request(app).get(`/api/workstreams/${workstream.body.id}/partners.csv`).set('Authorization', jo).expect(200);
    const limited = await request(app).get(`/api/workstreams/${workstream.body.id}/partners.csv`).set('Authorization', jo).expect(429);
    expect(limited.body).toEqual(LIMITED);
  });

  it('logs a limited request by limit, method and route only: no person, address or token', async () => {
    const { app, logger } = signedInApp({ writesPerMinute: 1 });
    await times(2, () => request(app).post('/api/workstreams').set('Authorization', jo).send({ title: 'Cancer care' }));
    expect(logger.lines.filter((line) => line.message === 'Rate limited')).toEqual([
      { level: 'warn', message: 'Rate limited', fields: { limit: 'writes', method: 'POST', route: '/api/workstreams' } },
    ]);
    const logged = JSON.stringify(logger.lines);
    for (const personal of ['6a1f0c2e', 'Jo Bloggs', 'jo.bloggs', '127.0.0.1', jo.slice(7, 40)]) expect(logged).not.toContain(personal);
  });

  it('keeps its counts in the store it is given, so instances sharing a store share the limit', async () => {
    const shared = sharedStores();
    const first = signedInApp({}, shared.factory);
    const second = testApp({ identity: 'entra', signIn: signInSettings(entra.keysUrl), rateLimit: LIMITS, rateLimitStore: shared.factory });
    try {
      await times(3, () => request(first.app).get('/api/workstreams').set('Authorization', jo));
      await request(second.app).get('/api/workstreams').set('Authorization', jo).expect(429);
    } finally {
      second.store.close();
      shared.shutdown();
    }
  });
});

describe('refused sign-ins, counted per client address', () => {
  it('answers an address refused more than refusedSignInsPerMinute times with 429, counting refusals only', async () => {
    const { app } = signedInApp({ readsPerMinute: 100 });
    expect(await times(4, () => request(app).get('/api/workstreams').set('Authorization', jo))).toEqual([200, 200, 200, 200]);
    expect(await times(3, () => request(app).get('/api/workstreams').set('Authorization', 'Bearer forged'))).toEqual([401, 401, 429]);
    const limited = await request(app).get('/api/workstreams').expect(429);
    expect(limited.body).toEqual(LIMITED);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('behind a proxy (TRUST_PROXY_HOPS), counts each client address from X-Forwarded-For', async () => {
    const from = fromAddress(signedInApp({ proxyHops: 1 }));
    expect(await times(3, from('203.0.113.7'))).toEqual([401, 401, 429]);
    expect(await times(2, from('198.51.100.23'))).toEqual([401, 401]);
  });

  it('without TRUST_PROXY_HOPS, trusts no X-Forwarded-For: a client cannot dodge the count by naming another address', async () => {
    const from = fromAddress(signedInApp());
    expect([...(await times(2, from('203.0.113.7'))), ...(await times(1, from('198.51.100.23')))]).toEqual([401, 401, 429]);
  });
});

describe('what is not rate limited', () => {
  it('never limits the bot endpoint (Teams retries) or the health check', async () => {
    // With its credentials, as a bot in Entra mode without them refuses every activity.
    const botCredentials = { appId: '11111111-2222-3333-4444-555555555555', password: 'not-a-real-secret', tenantId: TENANT };
    t = testApp({
      identity: 'entra',
      signIn: signInSettings(entra.keysUrl),
      rateLimit: { ...LIMITS, readsPerMinute: 1, writesPerMinute: 1, refusedSignInsPerMinute: 1 },
      botCredentials,
    });
    const { app } = t;
    const activity = {
      type: 'message',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      conversation: { id: 'c' },
      from: { id: 'u' },
      recipient: { id: 'b' },
    };
    expect(await times(5, () => request(app).post('/api/messages').send(activity))).toEqual([200, 200, 200, 200, 200]);
    expect(await times(5, () => request(app).get('/healthz'))).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('the rate limits over real HTTP, from the settings', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      SEED_DEMO: 'never',
      RATE_LIMIT_READS_PER_MINUTE: '2',
      RATE_LIMIT_WRITES_PER_MINUTE: '1',
      REMINDERS: 'off',
    });
    server = await startServer({ ...config, port: 0 }, { logger: recordingLogger() });
  });
  afterAll(() => server.close());

  it('limits reads and writes as configured, and leaves the bot endpoint alone', async () => {
    const get = () => fetch(`${server.url}/api/me`);
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect([(await get()).status, (await get()).status]).toEqual([200, 200]);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual(LIMITED);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await post('/api/workstreams', { title: 'Cancer care' })).status).toBe(201);
    expect((await post('/api/workstreams', { title: 'Maternity' })).status).toBe(429);
    for (let i = 0; i < 3; i += 1) expect((await post('/api/messages', {})).status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

/** One MemoryStore per limit, shared by every app given the factory: what a shared (Redis, Azure) store does across instances. */
function sharedStores(): { factory: RateLimitStoreFactory; shutdown: () => void } {
  const stores = new Map<RateLimitName, MemoryStore>();
  const factory: RateLimitStoreFactory = (name) => {
    let store = stores.get(name);
    if (!store) {
      store = new MemoryStore();
      store.init({ windowMs: 60_000 } as Options);
      stores.set(name, store);
    }
    const counts = store;
    const view: Store = {
      increment: (k) => counts.increment(k),
      decrement: (k) => counts.decrement(k),
      resetKey: (k) => counts.resetKey(k),
    };
    return view;
  };
  return { factory, shutdown: () => stores.forEach((store) => store.shutdown()) };
}
