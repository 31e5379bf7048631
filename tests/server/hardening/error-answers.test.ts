import request from 'supertest';
import { testApp, type TestApp } from '../support';

/** A fault as a store might raise it: SQL, a file path and a partner's details in its message. */
const FAULT =
  'SQLITE_IOERR: disk I/O error in /srv/partner-pathway/data/pp.db at SELECT * FROM partners WHERE email = "samira.patel@example.org"';

const INTERNAL = {
  error: {
    code: 'internal',
    message:
      'Something went wrong on the server and the request did not finish. Please try again; if it keeps happening, tell your administrator.',
  },
};

/** Signs in nobody, and answers a second refusal a minute from one address with 429. */
const GUARDED = {
  identity: 'entra',
  rateLimit: { readsPerMinute: 10, writesPerMinute: 10, refusedSignInsPerMinute: 1, proxyHops: 0 },
} as const;

/** What a stack trace or a server path looks like in a body. */
const TRACE = /\n\s+at |\(\/|node_modules|\.[jt]s:\d+/;

let t: TestApp;
let guarded: TestApp;
let workstreamId: number;
let roleId: number;

beforeEach(async () => {
  t = testApp();
  guarded = testApp(GUARDED);
  workstreamId = (await request(t.app).post('/api/workstreams').send({ title: 'Cancer care' }).expect(201)).body.id;
  const role = (await request(t.app).post('/api/roles').send({ workstreamId, title: 'Patient partner' }).expect(201)).body.role;
  roleId = role.id;
});
afterEach(() => Promise.all([t.store.close(), guarded.store.close()]));

function breakTheStore(): void {
  const fail = () => Promise.reject(new Error(FAULT));
  jest.spyOn(t.store, 'find').mockImplementation(fail);
  jest.spyOn(t.store, 'findAll').mockImplementation(fail);
  jest.spyOn(t.store, 'commit').mockImplementation(fail);
}

describe('no stack traces, paths or fault details to clients', () => {
  it.each<[string, 'get' | 'post', () => string]>([
    ['an API read', 'get', () => '/api/workstreams'],
    ['an API view', 'get', () => `/api/workstreams/${workstreamId}/dashboard`],
    ['an API write', 'post', () => '/api/workstreams'],
    ['the partners download', 'get', () => `/api/workstreams/${workstreamId}/partners.csv`],
    ['the invitation download', 'get', () => '/api/one-to-ones/1/invitation.ics'],
  ])('%s whose store fails unexpectedly is answered 500 with the generic sentence only', async (_what, method, path) => {
    breakTheStore();
    const response = await request(t.app)
      [method](path())
      .send(method === 'post' ? { title: 'Maternity' } : undefined);
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual(INTERNAL);
    expect(response.text).not.toMatch(/SQLITE|srv|\.db|samira|stack|Error/);
    expect(response.text).not.toMatch(TRACE);
    expect(response.headers['content-disposition']).toBeUndefined();
  });

  it('logs the fault for the administrator, without the values its message quoted', async () => {
    breakTheStore();
    await request(t.app).get(`/api/workstreams/${workstreamId}/partners.csv`).expect(500);
    const [line] = t.logger.lines.filter((entry) => entry.level === 'error');
    expect(line).toEqual({
      level: 'error',
      message: 'Request failed',
      fields: expect.objectContaining({
        route: '/api/workstreams/:workstreamId/partners.csv',
        error: 'Error',
        errorMessage: expect.stringContaining('SQLITE_IOERR'),
      }),
    });
    expect(JSON.stringify(line)).not.toContain('samira');
  });
});

describe('every client error is answered JSON', () => {
  it.each<[status: number, what: string, send: () => PromiseLike<request.Response>]>([
    [400, 'malformed JSON', () => request(t.app).post('/api/workstreams').set('Content-Type', 'application/json').send('{"title": ')],
    [400, 'a body that is not an object', () => request(t.app).post('/api/workstreams').set('Content-Type', 'application/json').send('[]')],
    [400, 'a value the use case refuses', () => request(t.app).post('/api/workstreams').send({ title: 42 })],
    [400, 'a bot body that is not an activity', () => request(t.app).post('/api/messages').send({ hello: 'bot' })],
    [404, 'an unknown API path', () => request(t.app).get('/api/nothing-here')],
    [404, 'a path id that is not an id', () => request(t.app).get('/api/involvements/abc')],
    [404, 'a download id that is not an id', () => request(t.app).get('/api/workstreams/abc/partners.csv')],
    [404, 'a record that does not exist', () => request(t.app).get('/api/involvements/999999')],
    [404, 'a path outside the API and the tab', () => request(t.app).get('/nowhere')],
    [400, 'a broken percent-encoding', () => request(t.app).get('/api/involvements/%E0%A4%A')],
    [405, 'the wrong method on an API route', () => request(t.app).delete('/api/workstreams')],
    [405, 'the wrong method on a download', () => request(t.app).post(`/api/workstreams/${workstreamId}/partners.csv`)],
    [405, 'the wrong method on the bot endpoint', () => request(t.app).get('/api/messages')],
    [401, 'a caller who is not signed in', () => request(guarded.app).get('/api/me')],
    [409, 'a stale version', () => request(t.app).patch(`/api/roles/${roleId}`).send({ version: 99, title: 'Lay partner' })],
    [
      413,
      'a body too large',
      () =>
        request(t.app)
          .post('/api/workstreams')
          .send({ title: 'x'.repeat(200_000) }),
    ],
    [422, 'a step the rules refuse', () => request(t.app).post(`/api/roles/${roleId}/ready`).send({ version: 1 })],
    [
      429,
      'an address refused sign-in too often',
      async () => {
        await request(guarded.app).get('/api/me').expect(401);
        return request(guarded.app).get('/api/me');
      },
    ],
  ])('%i for %s', async (status, _what, send) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    expect(response.text).not.toMatch(TRACE);
  });
});
