import fs from 'node:fs';
import request from 'supertest';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import {
  mint,
  signingKey,
  signInSettings,
  startEntraStandIn,
  teamsClaims,
  type EntraStandIn,
  type SigningKey,
} from './auth/entra-stand-in';
import { COMPLETE_DESCRIPTION, TEST_GUIDANCE, testApp, type TestApp } from './support';

let entra: EntraStandIn;
let key: SigningKey;
let t: TestApp;
/** Jo, who starts the workstream and so is its member. */
let jo: string;
/** Sam, signed in but in no workstream. */
let sam: string;
/** Someone in the Engagement team, who is no member of the workstream. */
let engagement: string;

beforeAll(async () => {
  key = await signingKey('key-1');
  entra = await startEntraStandIn([key]);
  jo = `Bearer ${await mint(key)}`;
  sam = `Bearer ${await mint(key, teamsClaims({ oid: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f', name: 'Sam Jones' }))}`;
  engagement = `Bearer ${await mint(key, teamsClaims({ oid: LOCAL_DEVELOPER.id, name: 'Nadia Ali' }))}`;
});
afterAll(() => entra.close());
beforeEach(() => {
  t = testApp({ identity: 'entra', signIn: signInSettings(entra.keysUrl) });
});
afterEach(() => t.store.close());

const as = (who: string) => ({
  get: (path: string) => request(t.app).get(path).set('Authorization', who),
  post: (path: string) => request(t.app).post(path).set('Authorization', who),
  patch: (path: string) => request(t.app).patch(path).set('Authorization', who),
});

/** Jo's workstream with a Draft role, planned with a title, a start date six weeks away and a paid level. */
async function draftRole(): Promise<{ id: number; version: number }> {
  const workstream = await as(jo).post('/api/workstreams').send({ title: 'Maternity' }).expect(201);
  const planned = await as(jo)
    .post('/api/roles')
    .send({ workstreamId: workstream.body.id, title: 'Maternity voices partner', startDate: '2026-04-13', level: 4 })
    .expect(201);
  return planned.body.role;
}

/** {@link draftRole} with the whole role description filled in. */
async function describedRole(): Promise<{ id: number }> {
  const role = await draftRole();
  await as(jo)
    .patch(`/api/roles/${role.id}`)
    .send({ version: role.version, ...COMPLETE_DESCRIPTION })
    .expect(200);
  return role;
}

/** The text of one section of a guidance file in the repository. */
function guidanceSection(topic: string, section: string): string {
  const text = fs.readFileSync(`content/guidance/${topic}.md`, 'utf8');
  return text
    .split(/^## /m)
    .find((part) => part.startsWith(`${section}\n`))!
    .slice(section.length + 1)
    .trim();
}

describe('GET /api/roles/:roleId', () => {
  it('answers a member with the role, what it still needs before Ready, the planning warnings and the steps open to it', async () => {
    const role = await draftRole();
    const answer = await as(jo).get(`/api/roles/${role.id}`).expect(200);
    expect(answer.body.role).toMatchObject({ id: role.id, version: role.version, title: 'Maternity voices partner', status: 'Draft' });
    // The title, start date and level were given; the rest of the description is still needed, in form order.
    expect(answer.body.missing).toHaveLength(10);
    expect(answer.body.missing.slice(0, 2)).toEqual(['Purpose', 'What the partner will do']);
    expect(answer.body.missing).not.toContain('Involvement level');
    expect(answer.body.warnings).toEqual([
      expect.stringContaining('The start date is 6 weeks away'),
      expect.stringContaining('Level 4 roles are paid'),
    ]);
    expect(answer.body.actions).toMatchObject({ edit: true, markReady: true, sendAdvert: false, markFilled: false, close: true });
    expect(answer.body.advertNote).toBe('');
  });

  it('answers the Engagement team, who see every workstream', async () => {
    const role = await draftRole();
    await as(engagement).get(`/api/roles/${role.id}`).expect(200);
  });

  it('refuses someone outside the workstream, showing nothing of the role', async () => {
    const role = await draftRole();
    const refused = await as(sam).get(`/api/roles/${role.id}`).expect(403);
    expect(refused.body.error.code).toBe('no-access');
    expect(JSON.stringify(refused.body)).not.toContain('Maternity voices partner');
    await as(sam).get(`/api/roles/${role.id}/advert.txt`).expect(403);
    await as(sam).get(`/api/roles/${role.id}/advert.html`).expect(403);
  });

  it('answers the Engagement team 404 for a role that does not exist, and anyone 404 for an id that is not one', async () => {
    await draftRole();
    expect((await as(engagement).get('/api/roles/999').expect(404)).body.error.code).toBe('not-found');
    await as(engagement).get('/api/roles/999/advert.txt').expect(404);
    await as(engagement).get('/api/roles/999/advert.html').expect(404);
    await as(jo).get('/api/roles/first').expect(404);
  });

  it('answers a member asking for a role that does not exist as for another workstream’s, so no one learns which ids exist', async () => {
    await draftRole();
    expect((await as(jo).get('/api/roles/999').expect(403)).body.error.code).toBe('no-access');
  });

  it('says the advert waits for the Engagement team once it is sent, and that it can no longer be sent', async () => {
    let role = await draftRole();
    role = (
      await as(jo)
        .post(`/api/roles/${role.id}/ready`)
        .send({ version: role.version, ...COMPLETE_DESCRIPTION })
        .expect(200)
    ).body.role;
    await as(jo).post(`/api/roles/${role.id}/send-advert`).send({ version: role.version }).expect(200);
    const answer = await as(jo).get(`/api/roles/${role.id}`).expect(200);
    expect(answer.body.role).toMatchObject({ status: 'Ready', advertState: 'Awaiting approval' });
    expect(answer.body.advertNote).toBe('The advert is waiting for the Engagement team to approve it.');
    expect(answer.body.actions).toMatchObject({ edit: true, sendAdvert: false, backToDraft: true, decideAdvert: false });
  });
});

describe('PATCH /api/roles/:roleId with the version read', () => {
  it('refuses an edit made from a stale read plainly, and keeps what was saved in between', async () => {
    const role = await draftRole();
    await as(jo).patch(`/api/roles/${role.id}`).send({ version: role.version, purpose: 'Saved first.' }).expect(200);
    const stale = await as(jo).patch(`/api/roles/${role.id}`).send({ version: role.version, purpose: 'Saved second.' }).expect(409);
    expect(stale.body.error.message).toBe(
      'This role was changed by someone else since you opened it. Reload to see the latest, then try again.',
    );
    expect((await as(jo).get(`/api/roles/${role.id}`).expect(200)).body.role.purpose).toBe('Saved first.');
  });
});

describe('GET /api/role-description', () => {
  it('gives every field of the role description with the guidance for it from the organisation’s guidance files', async () => {
    const form = (await as(sam).get('/api/role-description').expect(200)).body;
    expect(form.intro).toBe(guidanceSection('role-description', 'intro'));
    expect(form.fields).toHaveLength(16);
    // The same text the bot's role card shows beside each field, read by the same guidance reader.
    for (const field of form.fields as Array<{ id: string; help: string }>) {
      expect(field.help).not.toBe('');
      expect(field.help).toBe(TEST_GUIDANCE.text('role-description', field.id));
    }
    expect(form.fields[3]).toEqual({
      id: 'timeCommitment',
      label: 'Time commitment',
      kind: 'text',
      multiline: false,
      maxLength: 255,
      choices: [],
      multiSelect: false,
      required: false,
      help: guidanceSection('role-description', 'timecommitment'),
    });
    expect(form.fields[0]).toMatchObject({ id: 'title', required: true });
    expect(form.fields.find((field: { id: string }) => field.id === 'accessibleFormats')).toMatchObject({
      kind: 'choice',
      multiSelect: true,
      choices: expect.arrayContaining(['Easy read']),
    });
  });
});

describe('GET /api/roles/:roleId/advert.txt', () => {
  it('downloads the advert as text for the opportunities pages, named for the role', async () => {
    const role = await describedRole();
    const file = await as(jo).get(`/api/roles/${role.id}/advert.txt`).expect(200);
    expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="advert-maternity-voices-partner.txt"');
    expect(file.text).toMatch(/^Maternity voices partner\n\nWhy this role matters\nBring lived experience/);
    expect(file.text).toContain('Contact Jo Bloggs, jo.bloggs@example.org by Thursday 30 April 2026.');
    expect(file.text).toBe((await as(jo).get(`/api/roles/${role.id}`).expect(200)).body.advert);
  });
});

describe('GET /api/roles/:roleId/advert.html', () => {
  it('downloads the advert as a page for the opportunities pages, named for the role, that may run and load nothing', async () => {
    const role = await describedRole();
    const file = await as(jo).get(`/api/roles/${role.id}/advert.html`).expect(200);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="advert-maternity-voices-partner.html"');
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
    expect(file.text).toContain('<html lang="en-GB">');
    expect(file.text).toContain('<h1>Maternity voices partner</h1>\n<h2>Why this role matters</h2>\n<p>Bring lived experience');
    expect(file.text).toContain('<p>Contact Jo Bloggs, jo.bloggs@example.org by Thursday 30 April 2026.');
  });

  it('escapes markup typed into the role, so the page shows it as text', async () => {
    const role = await draftRole();
    await as(jo)
      .patch(`/api/roles/${role.id}`)
      .send({ version: role.version, title: 'Partner <script>alert(1)</script>', purpose: 'Shape "care" & <b>services</b>' })
      .expect(200);
    const file = await as(jo).get(`/api/roles/${role.id}/advert.html`).expect(200);
    expect(file.text).not.toMatch(/<script|<b>/);
    expect(file.text).toContain('<h1>Partner &#60;script&#62;alert(1)&#60;/script&#62;</h1>');
    expect(file.text).toContain('<p>Shape &#34;care&#34; &#38; &#60;b&#62;services&#60;/b&#62;</p>');
  });
});
