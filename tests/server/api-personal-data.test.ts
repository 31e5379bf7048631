import request from 'supertest';
import type { Involvement, Partner } from '../../src/domain';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { COMPLETE_DESCRIPTION, testApp, type TestApp } from './support';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.store.close());

const api = () => request(t.app);

const SAMIRA = {
  fullName: 'Samira Patel',
  preferredName: 'Sam',
  email: 'samira.patel@example.org',
  phone: '07700 900321',
  consentGiven: true,
};
const NOTES = 'Spoke about living with sickle cell and her hospital stays.';

/** A partner at Chat booked in a new workstream, arranged through the service as the local developer. */
async function chatBooked(): Promise<{ involvement: Involvement; partner: Partner }> {
  const actor = LOCAL_DEVELOPER;
  const workstream = await t.service.workstreams.create(actor, { title: 'Haematology' });
  const planned = await t.service.roles.planRole(actor, { workstreamId: workstream.id, title: 'Patient partner', ...COMPLETE_DESCRIPTION });
  const ready = await t.service.roles.markReady(actor, { roleId: planned.role.id, version: planned.role.version });
  const sent = await t.service.roles.sendAdvert(actor, { roleId: ready.role.id, version: ready.role.version });
  await t.service.roles.approveAdvert(actor, {
    roleId: sent.role.id,
    version: sent.role.version,
    advertUrl: 'https://example.org/opportunities/haematology',
  });
  const interested = await t.service.involvements.recordInterest(actor, { roleId: sent.role.id, partner: SAMIRA });
  const involvement = await t.service.involvements.bookChat(actor, {
    involvementId: interested.id,
    version: interested.version,
    at: '2026-03-04T10:00:00Z',
    where: 'Teams',
  });
  return { involvement, partner: (await t.store.get('partners', involvement.partnerId)) as Partner };
}

describe('consent to notes over HTTP', () => {
  it('refuses chat notes without consent (422, the rule in words), then keeps them once consent is recorded', async () => {
    const { involvement, partner } = await chatBooked();
    const refused = await api()
      .post(`/api/involvements/${involvement.id}/hold-chat`)
      .send({ version: involvement.version, notes: NOTES })
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'notes-consent-needed',
      message: expect.stringMatching(/^Notes about Sam's experience can be kept only with their explicit consent/),
    });

    const consented = await api().post(`/api/partners/${partner.id}/notes-consent`).send({ version: partner.version }).expect(200);
    expect(consented.body).toMatchObject({ notesConsent: true, notesConsentDate: '2026-03-02' });
    const held = await api()
      .post(`/api/involvements/${involvement.id}/hold-chat`)
      .send({ version: involvement.version, notes: NOTES })
      .expect(200);
    expect(held.body.chatNotes).toBe(NOTES);

    const withdrawn = await api()
      .post(`/api/partners/${partner.id}/notes-consent/withdraw`)
      .send({ version: consented.body.version })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ notesConsent: false });
    expect((await t.store.get('involvements', involvement.id))?.chatNotes).toBeNull();
  });

  it('answers a bad consent request with 400 naming the field', async () => {
    const { partner } = await chatBooked();
    const response = await api().post(`/api/partners/${partner.id}/notes-consent`).send({ version: 'one' }).expect(400);
    expect(Object.keys(response.body.error.fields)).toEqual(['version']);
  });
});

describe('subject access downloads', () => {
  it.each([
    ['export.json', 'application/json'],
    ['export.txt', 'text/plain'],
  ])('gives %s as an attachment that is never cached', async (file, type) => {
    const { partner } = await chatBooked();
    const response = await api().get(`/api/partners/${partner.id}/${file}`).expect(200);
    expect(response.headers['content-type']).toContain(type);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="partner-${partner.id}-personal-data.${file.split('.')[1]}"`,
    );
    expect(response.text).toContain('Samira Patel');
    expect(response.text).toContain('Haematology');
  });

  it('holds the partner, their involvements with role and workstream titles, and the audit entries', async () => {
    const { involvement, partner } = await chatBooked();
    const body = (await api().get(`/api/partners/${partner.id}/export.json`).expect(200)).body;
    expect(body.partner).toMatchObject({ id: partner.id, email: 'samira.patel@example.org' });
    expect(body.involvements).toEqual([
      expect.objectContaining({
        roleTitle: 'Patient partner',
        workstreamTitle: 'Haematology',
        involvement: expect.objectContaining({ id: involvement.id }),
      }),
    ]);
    expect(body.auditTrail.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['/api/partners/999/export.json', '/api/partners/abc/export.txt', '/api/partners/0/export.json'])(
    'answers %s with 404 in JSON',
    async (path) => {
      const response = await api().get(path).expect(404);
      expect(response.body.error.code).toBe('not-found');
    },
  );

  it('answers a POST to an export with 405', async () => {
    await api().post('/api/partners/1/export.json').expect(405);
  });
});

describe('erasure over HTTP', () => {
  it('erases the partner, keeps the involvement, and a second erase changes nothing', async () => {
    const { involvement, partner } = await chatBooked();
    const erased = await api().post(`/api/partners/${partner.id}/erase`).send({ version: partner.version }).expect(200);
    expect(erased.body).toMatchObject({
      erasedNow: true,
      involvements: 1,
      partner: { fullName: `Erased partner ${partner.id}`, email: null, phone: null },
    });
    expect(await t.store.get('involvements', involvement.id)).toMatchObject({ stage: 'Chat booked', chatAdjustments: null });
    const again = await api().post(`/api/partners/${partner.id}/erase`).send({ version: partner.version }).expect(200);
    expect(again.body.erasedNow).toBe(false);
    const exported = (await api().get(`/api/partners/${partner.id}/export.txt`).expect(200)).text;
    expect(exported).not.toContain('Samira');
  });

  it('answers an erase without a version with 400, erasing nothing', async () => {
    const { partner } = await chatBooked();
    await api().post(`/api/partners/${partner.id}/erase`).send({}).expect(400);
    expect((await t.store.get('partners', partner.id))?.fullName).toBe('Samira Patel');
  });
});

describe('the log during export and erasure', () => {
  it('holds no personal data', async () => {
    const { involvement, partner } = await chatBooked();
    await api().post(`/api/partners/${partner.id}/notes-consent`).send({ version: partner.version }).expect(200);
    await api().post(`/api/involvements/${involvement.id}/hold-chat`).send({ version: involvement.version, notes: NOTES }).expect(200);
    await api().get(`/api/partners/${partner.id}/export.json`).expect(200);
    await api().get(`/api/partners/${partner.id}/export.txt`).expect(200);
    const current = (await t.store.get('partners', partner.id)) as Partner;
    await api().post(`/api/partners/${partner.id}/erase`).send({ version: current.version }).expect(200);
    await api().post(`/api/partners/${partner.id}/erase`).send({ version: 'stale' }).expect(400);
    const log = JSON.stringify(t.logger.lines);
    expect(t.logger.lines.length).toBeGreaterThan(0);
    for (const value of ['Samira', 'Patel', 'Sam', 'samira.patel@example.org', '07700 900321', 'sickle cell'])
      expect(log).not.toContain(value);
  });
});
