import request from 'supertest';
import { loadConfig } from '../../../src/config';
import { startServer, type RunningServer } from '../../../src/entry/server';
import { startChannelStandIn, type ChannelStandIn } from '../../bot/channel-stand-in';
import { mint, signInSettings, signingKey, startEntraStandIn, teamsClaims, USER_OID } from '../auth/entra-stand-in';
import { COMPLETE_DESCRIPTION, fixedClock, recordingLogger, testApp, TODAY, type LogLine } from '../support';

/** A partner's details as a member of staff types them, each distinctive enough to find in a log. */
const PARTNER = {
  fullName: 'Samira Okonkwo-Patel',
  preferredName: 'Samsi',
  email: 'samira.okp@example.org',
  phone: '07700 900461',
  postalAddress: '14 Larkspur Close, Leeds LS6 2QT',
  accessNeeds: 'Uses a wheelchair; documents in large print please',
};
const CHAT_ADJUSTMENTS = 'Step-free room and a BSL interpreter';
const CHAT_NOTES = 'Spoke about living with type 1 diabetes since childhood';
const ONE_TO_ONE_NOTES = 'Finding meetings tiring during chemotherapy';
const NEW_PHONE = '07700 900987';
const STAFF = { name: 'Jo Bloggs', email: 'jo.bloggs@example.org', oid: USER_OID };
const BOT_USER = { id: '29:teams-user-jo', name: STAFF.name, aadObjectId: STAFF.oid };
const REMINDERS_TOKEN = 'reminders-token-9f8e7d6c5b4a3f2e1d0c';
const BOT_PASSWORD = 'bot-client-secret-Zq8~x1y2z3';

/** Everything the server wrote anywhere it writes: its logger, and the console botbuilder reports on. */
const written: string[] = [];
const record = (lines: readonly LogLine[]) => written.push(...lines.map((line) => JSON.stringify(line)));
let consoleSpies: jest.SpyInstance[];

beforeAll(() => {
  consoleSpies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(
        args
          .map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg)))
          .join(' '),
      );
    }),
  );
});
afterAll(() => consoleSpies.forEach((spy) => spy.mockRestore()));
beforeEach(() => {
  written.length = 0;
});

function expectNothingPersonalOrSecret(secrets: readonly string[]): void {
  const everything = written.join('\n').toLowerCase();
  const personal = [
    ...Object.values(PARTNER),
    'okonkwo',
    'larkspur',
    '900461',
    CHAT_ADJUSTMENTS,
    'interpreter',
    CHAT_NOTES,
    'diabetes',
    ONE_TO_ONE_NOTES,
    'chemotherapy',
    NEW_PHONE,
    STAFF.name,
    STAFF.email,
    STAFF.oid,
  ];
  for (const value of [...personal, ...secrets])
    expect({ value, found: everything.includes(value.toLowerCase()) }).toEqual({ value, found: false });
}

describe('logs over a realistic day: the tab API, refusals, a failure, the bot and the reminders trigger', () => {
  let channel: ChannelStandIn;
  let server: RunningServer;
  const logger = recordingLogger();

  beforeAll(async () => {
    channel = await startChannelStandIn();
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', REMINDERS: 'off', REMINDERS_TOKEN });
    server = await startServer({ ...config, port: 0 }, { logger, clock: fixedClock });
  });
  afterAll(async () => {
    await server.close();
    await channel.close();
  });

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  }

  function activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `activity-${Math.random()}`,
      serviceUrl: channel.url,
      channelId: 'msteams',
      from: BOT_USER,
      conversation: { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: 'tenant' },
      recipient: { id: '28:partner-pathway-bot', name: 'Partner Pathway' },
      ...extra,
    };
  }

  it('holds no partner details, notes, staff names or secrets in any line', async () => {
    const workstream = await call('POST', '/api/workstreams', { title: 'Cancer care' });
    expect(workstream.status).toBe(201);
    const planned = await call('POST', '/api/roles', {
      workstreamId: workstream.body.id,
      title: 'Patient partner',
      ...COMPLETE_DESCRIPTION,
      contact: `${STAFF.name}, ${STAFF.email}`,
    });
    let role = planned.body.role;
    role = (await call('POST', `/api/roles/${role.id}/ready`, { version: role.version })).body.role;
    role = (await call('POST', `/api/roles/${role.id}/send-advert`, { version: role.version })).body.role;
    role = (
      await call('POST', `/api/roles/${role.id}/approve-advert`, {
        version: role.version,
        advertUrl: 'https://example.org/opportunities/patient-partner',
      })
    ).body.role;
    expect(role.status).toBe('Advertised');

    const interest = await call('POST', '/api/involvements', {
      roleId: role.id,
      partner: { ...PARTNER, consentGiven: true, notesConsent: true },
    });
    expect(interest.status).toBe(201);
    let involvement = interest.body;
    const id = involvement.id;
    involvement = (await call('POST', `/api/involvements/${id}/acknowledge`, { version: involvement.version })).body;
    involvement = (
      await call('POST', `/api/involvements/${id}/book-chat`, {
        version: involvement.version,
        at: `${TODAY}T14:00:00Z`,
        where: 'Teams call',
        adjustments: CHAT_ADJUSTMENTS,
      })
    ).body;
    involvement = (await call('POST', `/api/involvements/${id}/hold-chat`, { version: involvement.version, notes: CHAT_NOTES })).body;
    involvement = (await call('POST', `/api/involvements/${id}/offer`, { version: involvement.version, reason: 'Knows the service.' }))
      .body;
    involvement = (await call('POST', `/api/involvements/${id}/start-induction`, { version: involvement.version })).body;
    expect(involvement.stage).toBe('Induction');
    expect((await call('POST', `/api/involvements/${id}/one-to-ones/held`, { date: TODAY, notes: ONE_TO_ONE_NOTES })).status).toBe(200);
    const detail = await call('GET', `/api/involvements/${id}`);
    expect(JSON.stringify(detail.body)).toContain(PARTNER.accessNeeds);
    const partner = detail.body.partner;
    expect((await call('PATCH', `/api/partners/${partner.id}`, { version: partner.version, phone: NEW_PHONE })).status).toBe(200);
    expect((await call('GET', `/api/workstreams/${workstream.body.id}/partners.csv`)).body).toContain(PARTNER.fullName);

    // Refused: a rule naming the partner, a stale version, values that do not validate, an unknown id.
    expect((await call('POST', `/api/involvements/${id}/activate`, { version: involvement.version })).status).toBe(422);
    expect((await call('PATCH', `/api/partners/${partner.id}`, { version: partner.version, phone: PARTNER.phone })).status).toBe(409);
    expect(
      (
        await call('PATCH', `/api/partners/${partner.id}`, {
          version: partner.version + 1,
          email: `${PARTNER.fullName} <${PARTNER.email}>`.repeat(20),
        })
      ).status,
    ).toBe(400);
    expect((await call('GET', '/api/involvements/999999')).status).toBe(404);

    // A failure whose message quotes the partner, as a store's can.
    jest
      .spyOn(server.store, 'findAll')
      .mockRejectedValueOnce(new Error(`constraint failed for "${PARTNER.fullName}" <${PARTNER.email}> ${PARTNER.phone}`));
    expect((await call('GET', `/api/involvements/${id}`)).status).toBe(500);

    // The bot: a message carrying personal details, a card opened on the partner, a reply the channel refuses.
    expect(
      (
        await call(
          'POST',
          '/api/messages',
          activity({ type: 'message', text: `${PARTNER.fullName} ${PARTNER.email} ${PARTNER.phone} ${CHAT_NOTES}` }),
        )
      ).status,
    ).toBe(200);
    expect((await call('POST', '/api/messages', activity({ type: 'message', text: 'help' }))).status).toBe(200);
    channel.rejectNext();
    expect(
      (await call('POST', '/api/messages', activity({ type: 'message', text: `tell me about ${PARTNER.fullName}` }))).status,
    ).toBeLessThan(600);

    // The reminders trigger, with the wrong token and the right one.
    expect((await call('POST', '/api/reminders/run', undefined, { Authorization: `Bearer ${REMINDERS_TOKEN}x` })).status).toBe(401);
    expect((await call('POST', '/api/reminders/run', undefined, { Authorization: `Bearer ${REMINDERS_TOKEN}` })).status).toBe(200);

    record(logger.lines);
    const statuses = logger.lines.filter((line) => line.message === 'request').map((line) => line.fields.status);
    expect(statuses).toEqual(expect.arrayContaining([200, 201, 400, 401, 404, 409, 422, 500]));
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'Request failed' }));
    expectNothingPersonalOrSecret([REMINDERS_TOKEN]);
  });
});

describe('logs of signed-in traffic', () => {
  it('hold neither the Teams tokens, valid or refused, nor whom they name', async () => {
    const key = await signingKey('key-1');
    const entra = await startEntraStandIn([key]);
    const t = testApp({
      identity: 'entra',
      signIn: signInSettings(entra.keysUrl),
      rateLimit: { readsPerMinute: 2, writesPerMinute: 1, refusedSignInsPerMinute: 2, proxyHops: 0 },
    });
    try {
      const claims = { name: STAFF.name, preferred_username: STAFF.email, oid: STAFF.oid };
      const valid = await mint(key, teamsClaims(claims));
      const expired = await mint(key, teamsClaims({ ...claims, exp: Math.floor(Date.now() / 1000) - 600 }));
      const otherAudience = await mint(key, teamsClaims({ ...claims, aud: '11111111-2222-3333-4444-555555555555' }));
      const as = (token: string) => ({ Authorization: `Bearer ${token}` });
      await request(t.app).get('/api/me').set(as(valid)).expect(200);
      await request(t.app).post('/api/workstreams').set(as(valid)).send({ title: 'Cancer care' }).expect(201);
      await request(t.app).post('/api/workstreams').set(as(valid)).send({ title: 'Maternity' }).expect(429);
      await request(t.app).get('/api/me').set(as(expired)).expect(401);
      await request(t.app).get('/api/me').set(as(otherAudience)).expect(401);
      await request(t.app).get('/api/me').set(as(valid)).expect(429);
      record(t.logger.lines);
      expect(t.logger.lines.map((line) => line.message)).toEqual(expect.arrayContaining(['Sign-in refused', 'Rate limited']));
      expectNothingPersonalOrSecret([valid, expired, otherAudience, valid.split('.')[1], valid.split('.')[2]]);
    } finally {
      await t.store.close();
      await entra.close();
    }
  });
});

describe('logs of the bot endpoint with its Entra app', () => {
  it('hold neither the bot secret nor the bearer tokens sent to it', async () => {
    const BOT_ID = '11111111-2222-3333-4444-555555555555';
    const TENANT = '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b';
    const logger = recordingLogger();
    const config = loadConfig({
      BOT_ID,
      SECRET_BOT_PASSWORD: BOT_PASSWORD,
      BOT_TENANT_ID: TENANT,
      DATABASE_PATH: ':memory:',
      SEED_DEMO: 'never',
      REMINDERS: 'off',
    });
    const server = await startServer({ ...config, port: 0 }, { logger });
    const forged = 'eyJhbGciOiJub25lIn0.eyJhcHBpZCI6ImF0dGFja2VyIn0.';
    try {
      for (const authorization of [undefined, `Bearer ${forged}`, `Bearer ${BOT_PASSWORD}`]) {
        const response = await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
          body: JSON.stringify({
            type: 'message',
            text: PARTNER.fullName,
            serviceUrl: 'http://127.0.0.1:9/',
            conversation: { id: 'c' },
            from: BOT_USER,
            recipient: { id: `28:${BOT_ID}` },
          }),
        });
        expect(response.status).toBe(401);
      }
    } finally {
      await server.close();
    }
    record(logger.lines);
    expectNothingPersonalOrSecret([BOT_PASSWORD, forged]);
  });
});
