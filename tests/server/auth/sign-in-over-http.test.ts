import request from 'supertest';
import { testApp, type TestApp } from '../support';
import {
  OTHER_TENANT,
  TENANT,
  USER_OID,
  mint,
  signInSettings,
  signingKey,
  startEntraStandIn,
  teamsClaims,
  unsigned,
  webPartClaims,
  type EntraStandIn,
  type SigningKey,
} from './entra-stand-in';

let entra: EntraStandIn;
let key: SigningKey;
let signedIn: TestApp;

beforeAll(async () => {
  key = await signingKey('key-1');
  entra = await startEntraStandIn([key]);
});
afterAll(() => entra.close());
beforeEach(() => {
  signedIn = testApp({ identity: 'entra', signIn: signInSettings(entra.keysUrl) });
});
afterEach(() => signedIn.store.close());

const REFUSED = { error: { code: 'not-signed-in', message: 'Your sign-in could not be checked. Close and reopen the tab.' } };

async function tokenCases(): Promise<Array<[string, string | undefined]>> {
  const stranger = await signingKey('key-1');
  return [
    ['no Authorization header', undefined],
    ['a scheme other than Bearer', `Basic ${Buffer.from('jo:secret').toString('base64')}`],
    ['a malformed token', 'Bearer not.a.token'],
    ['an unsigned token (alg none)', `Bearer ${unsigned()}`],
    ['a bad signature', `Bearer ${await mint(stranger)}`],
    ['another audience', `Bearer ${await mint(key, teamsClaims({ aud: '11111111-2222-3333-4444-555555555555' }))}`],
    ['another issuer', `Bearer ${await mint(key, teamsClaims({ iss: `https://sts.windows.net/${OTHER_TENANT}/` }))}`],
    ['a tenant not allowed', `Bearer ${await mint(key, teamsClaims({ tid: OTHER_TENANT }))}`],
    ['an expired token', `Bearer ${await mint(key, teamsClaims({ exp: Math.floor(Date.now() / 1000) - 3600 }))}`],
    ['no access_as_user scope', `Bearer ${await mint(key, teamsClaims({ scp: 'User.Read' }))}`],
  ];
}

describe('the tab API with Teams sign-in', () => {
  it('knows the caller from a valid Teams token', async () => {
    const response = await request(signedIn.app)
      .get('/api/me')
      .set('Authorization', `Bearer ${await mint(key)}`)
      .expect(200);
    expect(response.body).toEqual({
      principal: { id: USER_OID, name: 'Jo Bloggs', email: 'jo.bloggs@example.org', tenantId: TENANT },
      identity: 'entra',
      engagementTeam: false,
      workstreamIds: [],
    });
  });

  it("keeps a signed-in member of one workstream out of another's, however the URL is edited (403, nothing shown)", async () => {
    const jo = `Bearer ${await mint(key)}`;
    const sam = `Bearer ${await mint(key, teamsClaims({ oid: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', name: 'Sam Jones' }))}`;
    const own = await request(signedIn.app).post('/api/workstreams').set('Authorization', jo).send({ title: 'Maternity' }).expect(201);
    const other = await request(signedIn.app).post('/api/workstreams').set('Authorization', sam).send({ title: 'Diabetes' }).expect(201);
    expect(
      (await request(signedIn.app).get('/api/workstreams').set('Authorization', jo).expect(200)).body.map(
        (item: { title: string }) => item.title,
      ),
    ).toEqual(['Maternity']);
    await request(signedIn.app).get(`/api/workstreams/${own.body.id}/dashboard`).set('Authorization', jo).expect(200);
    for (const path of [
      `/api/workstreams/${other.body.id}/dashboard`,
      `/api/workstreams/${other.body.id}/agenda`,
      `/api/workstreams/${other.body.id}/partners.csv`,
      '/api/overview',
    ]) {
      const refused = await request(signedIn.app).get(path).set('Authorization', jo).expect(403);
      expect(refused.body.error.code).toBe('no-access');
      expect(JSON.stringify(refused.body)).not.toContain('Diabetes');
    }
    await request(signedIn.app)
      .post('/api/roles')
      .set('Authorization', jo)
      .send({ workstreamId: other.body.id, title: 'Sneaked in' })
      .expect(403);
    expect(await signedIn.store.find({ list: 'roles' })).toEqual([]);
  });

  it("lets the web part on the SharePoint site read the person's workstreams with its own token, across origins", async () => {
    const sharePoint = 'https://contoso.sharepoint.com';
    const server = testApp({ identity: 'entra', signIn: signInSettings(entra.keysUrl), sharePointWebOrigin: sharePoint });
    try {
      const authorization = `Bearer ${await mint(key, webPartClaims())}`;
      await request(server.app).post('/api/workstreams').set('Authorization', authorization).send({ title: 'Maternity' }).expect(201);
      await request(server.app)
        .options('/api/workstreams')
        .set('Origin', sharePoint)
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'authorization')
        .expect(204);
      const read = await request(server.app)
        .get('/api/workstreams')
        .set('Origin', sharePoint)
        .set('Authorization', authorization)
        .expect(200);
      expect(read.headers['access-control-allow-origin']).toBe(sharePoint);
      expect(read.body.map((workstream: { title: string }) => workstream.title)).toEqual(['Maternity']);
    } finally {
      server.store.close();
    }
  });

  it('records the signed-in person as the author of what they change', async () => {
    await request(signedIn.app)
      .post('/api/workstreams')
      .set('Authorization', `Bearer ${await mint(key)}`)
      .send({ title: 'Maternity' })
      .expect(201);
    const activity = await signedIn.store.find({ list: 'activity', top: 10 });
    expect(JSON.stringify(activity)).toContain(USER_OID);
  });

  it('refuses every unproven caller alike: 401, WWW-Authenticate: Bearer, one general sentence, nothing stored', async () => {
    for (const [name, authorization] of await tokenCases()) {
      const post = request(signedIn.app).post('/api/workstreams').send({ title: 'Smuggled' });
      const get = request(signedIn.app).get('/api/workstreams/1/partners.csv');
      for (const call of [post, get]) {
        const response = await (authorization ? call.set('Authorization', authorization) : call);
        expect({ name, status: response.status, challenge: response.headers['www-authenticate'], body: response.body }).toEqual({
          name,
          status: 401,
          challenge: 'Bearer',
          body: REFUSED,
        });
      }
    }
    expect(await signedIn.store.find({ list: 'workstreams', top: 10 })).toEqual([]);
  });

  it('logs why a token was refused, but never the token or who it names', async () => {
    const token = await mint(key, teamsClaims({ scp: 'User.Read' }));
    await request(signedIn.app).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(signedIn.logger.lines).toContainEqual({ level: 'warn', message: 'Sign-in refused', fields: { reason: 'scope' } });
    const logged = JSON.stringify(signedIn.logger.lines);
    for (const secret of [token, token.split('.')[1], token.split('.')[2], USER_OID, 'Jo Bloggs', 'jo.bloggs'])
      expect(logged).not.toContain(secret);
  });

  it('answers 503 when the published keys cannot be fetched, without blaming the caller', async () => {
    const gone = await startEntraStandIn([]);
    await gone.close();
    const unreachable = testApp({ identity: 'entra', signIn: signInSettings(gone.keysUrl) });
    try {
      const response = await request(unreachable.app)
        .get('/api/me')
        .set('Authorization', `Bearer ${await mint(key)}`)
        .expect(503);
      expect(response.body.error.code).toBe('sign-in-unavailable');
      expect(unreachable.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'Sign-in keys unavailable' }));
    } finally {
      unreachable.store.close();
    }
  });
});
