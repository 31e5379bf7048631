import request from 'supertest';
import { COMPLETE_DESCRIPTION, testApp, type TestApp } from './support';

let t: TestApp;
let roleId: number;
let involvementId: number;

beforeAll(async () => {
  t = testApp();
  const workstream = await request(t.app).post('/api/workstreams').send({ title: 'Cancer care' }).expect(201);
  const planned = await request(t.app)
    .post('/api/roles')
    .send({ workstreamId: workstream.body.id, title: 'Patient partner', ...COMPLETE_DESCRIPTION })
    .expect(201);
  roleId = planned.body.role.id;
  await request(t.app).post(`/api/roles/${roleId}/ready`).send({ version: planned.body.role.version }).expect(200);
  const interest = await request(t.app)
    .post('/api/involvements')
    .send({ roleId, partner: { fullName: 'Alex Smith', consentGiven: true } })
    .expect(201);
  involvementId = interest.body.id;
});
afterAll(() => t.store.close());

type Garbage = [
  description: string,
  method: 'post' | 'put' | 'patch' | 'get',
  path: () => string,
  body: string | undefined,
  contentType?: string,
];

const json = (value: unknown) => JSON.stringify(value);

const GARBAGE: Garbage[] = [
  ['a number where text belongs', 'post', () => '/api/workstreams', json({ title: 123 })],
  ['an array instead of an object', 'post', () => '/api/workstreams', json([{ title: 'Cancer care' }])],
  ['a null body', 'post', () => '/api/workstreams', 'null'],
  ['a bare string body', 'post', () => '/api/workstreams', '"Cancer care"'],
  ['a bare number body', 'post', () => `/api/roles/${roleId}/ready`, '42'],
  ['malformed JSON', 'post', () => '/api/workstreams', '{"title": '],
  ['no body at all', 'post', () => `/api/roles/${roleId}/ready`, undefined],
  ['no body on a create', 'post', () => '/api/involvements', undefined],
  ['a text/plain body', 'post', () => '/api/workstreams', 'title=Cancer care', 'text/plain'],
  ['a form-encoded body', 'post', () => '/api/workstreams', 'title=Cancer+care', 'application/x-www-form-urlencoded'],
  ['an unknown field', 'post', () => '/api/workstreams', json({ title: 'Cancer care', isAdmin: true })],
  ['a __proto__ key', 'post', () => '/api/workstreams', '{"title": "Cancer care", "__proto__": {"isAdmin": true}}'],
  ['an operator object for a value', 'post', () => '/api/workstreams', json({ title: { $ne: '' } })],
  ['a huge string under the body limit', 'post', () => '/api/workstreams', json({ title: 'x'.repeat(90_000) })],
  ['a version as a string', 'post', () => `/api/roles/${roleId}/ready`, json({ version: '1' })],
  ['a fractional version', 'post', () => `/api/roles/${roleId}/ready`, json({ version: 1.5 })],
  ['a negative version', 'post', () => `/api/roles/${roleId}/ready`, json({ version: -3 })],
  ['an enormous version', 'post', () => `/api/roles/${roleId}/ready`, json({ version: 1e300 })],
  ['an id in the body that is not a number', 'post', () => '/api/roles', json({ workstreamId: 'one', title: 'x' })],
  [
    'an id in the body for an item that does not exist',
    'post',
    () => '/api/roles',
    json({ workstreamId: 9_007_199_254_740_991, title: 'x' }),
  ],
  ['an impossible date', 'post', () => `/api/involvements/${involvementId}/acknowledge`, json({ version: 1, date: '2026-02-30' })],
  ['a date in the wrong format', 'post', () => `/api/involvements/${involvementId}/one-to-ones`, json({ date: '02/03/2026' })],
  [
    'a boolean where a date-time belongs',
    'post',
    () => `/api/involvements/${involvementId}/book-chat`,
    json({ version: 1, at: true, where: 'Teams' }),
  ],
  ['a choice that is not on the list', 'patch', () => `/api/roles/${roleId}`, json({ version: 2, location: 'The Moon' })],
  ['a multi-choice given as a string', 'patch', () => `/api/roles/${roleId}`, json({ version: 2, accessibleFormats: 'Braille' })],
  ['partner details as an array', 'post', () => '/api/involvements', json({ roleId: 1, partner: [] })],
  ['consent not given', 'post', () => '/api/involvements', json({ roleId: 1, partner: { fullName: 'Kim', consentGiven: false } })],
  ['template items not a list', 'put', () => '/api/induction-template', json({ items: 'everything' })],
  [
    'too many template items',
    'put',
    () => '/api/induction-template',
    json({ items: Array.from({ length: 500 }, () => ({ label: 'x', kind: 'Task', required: true })) }),
  ],
  [
    'an advert link that is not https',
    'post',
    () => `/api/roles/${roleId}/approve-advert`,
    json({ version: 3, advertUrl: 'javascript:alert(1)' }),
  ],
  ['a peer network answer off the list', 'post', () => '/api/partners/1/peer-network/answer', json({ version: 1, answer: 'Maybe' })],
  [
    'a step that is not allowed yet (Interested to Active)',
    'post',
    () => `/api/involvements/${involvementId}/activate`,
    json({ version: 1 }),
  ],
  ['a stale version', 'post', () => `/api/involvements/${involvementId}/offer`, json({ version: 999 })],
  ['a non-numeric path id', 'post', () => '/api/roles/abc/ready', json({ version: 1 })],
  ['a path id too long to be an id', 'get', () => `/api/involvements/${'9'.repeat(40)}`, undefined],
  ['a broken percent-encoding in the path', 'get', () => '/api/involvements/%E0%A4%A', undefined],
  ['an unknown route', 'post', () => '/api/roles/1/publish', json({ version: 1 })],
];

describe('the tab API refuses garbage with a 4xx, never a 500', () => {
  it.each(GARBAGE)('%s', async (_description, method, path, body, contentType = 'application/json') => {
    let call = request(t.app)[method](path());
    if (body !== undefined) call = call.set('Content-Type', contentType).send(body);
    const response = await call;
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('answers 400 with a plain message for malformed JSON', async () => {
    const response = await request(t.app).post('/api/workstreams').set('Content-Type', 'application/json').send('{oops').expect(400);
    expect(response.body).toEqual({ error: { code: 'malformed-json', message: 'The request body is not valid JSON.' } });
  });

  it('answers 400 when the body is an array', async () => {
    const response = await request(t.app).post('/api/workstreams').send([1, 2, 3]).expect(400);
    expect(response.body.error.code).toBe('not-an-object');
  });

  it('answers 413 JSON for a body over 100 kB', async () => {
    const response = await request(t.app)
      .post('/api/workstreams')
      .send({ title: 'x'.repeat(101 * 1024) })
      .expect(413);
    expect(response.body.error).toEqual({ code: 'too-large', message: expect.stringMatching(/too large/) });
  });

  it('still answers normally after all of that', async () => {
    await request(t.app).get('/api/workstreams').expect(200);
  });
});
