import request from 'supertest';
import type { Involvement } from '../../src/domain';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { COMPLETE_DESCRIPTION, testApp, type TestApp } from './support';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.store.close());

const api = () => request(t.app);
const actor = LOCAL_DEVELOPER;
const CRITERIA = ['Lived experience of blood cancer care', 'Can join a monthly meeting'];

/** A Ready role with two criteria, and `names` each with the informal chat held, arranged through the service. */
async function chatsHeld(...names: string[]): Promise<{ roleId: number; held: Involvement[] }> {
  const workstream = await t.service.workstreams.create(actor, { title: 'Haematology' });
  const planned = await t.service.roles.planRole(actor, {
    workstreamId: workstream.id,
    title: 'Haematology partner',
    ...COMPLETE_DESCRIPTION,
    selectionCriteria: CRITERIA.join('\n'),
  });
  await t.service.roles.markReady(actor, { roleId: planned.role.id, version: planned.role.version });
  const held: Involvement[] = [];
  for (const fullName of names) {
    let involvement = await t.service.involvements.recordInterest(actor, {
      roleId: planned.role.id,
      partner: { fullName, consentGiven: true },
    });
    const ref = () => ({ involvementId: involvement.id, version: involvement.version });
    involvement = await t.service.involvements.bookChat(actor, { ...ref(), at: '2026-03-03T10:00:00Z', where: 'Online' });
    involvement = await t.service.involvements.holdChat(actor, ref());
    held.push(involvement);
  }
  return { roleId: planned.role.id, held };
}

describe('offering and not progressing over HTTP, against the criteria', () => {
  it('offers with each criterion judged and a reason', async () => {
    const { held } = await chatsHeld('Samira Patel');
    const offered = await api()
      .post(`/api/involvements/${held[0].id}/offer`)
      .send({ version: held[0].version, criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' }, reason: 'Strong fit.' })
      .expect(200);
    expect(offered.body).toMatchObject({ stage: 'Offered', offerCriteria: `Met: ${CRITERIA[0]}\nMet: ${CRITERIA[1]}` });
  });

  it('answers 422 with the plain sentence when the reason is missing, and changes nothing', async () => {
    const { held } = await chatsHeld('Samira Patel');
    const refused = await api()
      .post(`/api/involvements/${held[0].id}/offer`)
      .send({ version: held[0].version, criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' } })
      .expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'selection-reason-required',
      message:
        'Please give a reason against the role’s criteria: Samira Patel cannot be offered the role without one. Nothing was changed.',
    });
    expect(await t.store.get('involvements', held[0].id)).toEqual(held[0]);
  });

  it.each([
    ['a verdict not offered', { [CRITERIA[0]]: 'Brilliant', [CRITERIA[1]]: 'Met' }],
    ['criteria that are not an object', ['Met']],
    ['a verdict that is not text', { [CRITERIA[0]]: 3 }],
  ])('answers 400, not 500, for %s, and changes nothing', async (_name, criteria) => {
    const { held } = await chatsHeld('Samira Patel');
    const refused = await api()
      .post(`/api/involvements/${held[0].id}/not-progressed`)
      .send({ version: held[0].version, reason: 'Not this time.', criteria })
      .expect(400);
    expect(Object.keys(refused.body.error.fields as object).every((field) => field.startsWith('criteria'))).toBe(true);
    expect(Object.values(refused.body.error.fields as object).join(' ')).toMatch(/^Selection criteria /);
    expect(await t.store.get('involvements', held[0].id)).toEqual(held[0]);
  });

  it('answers 422 for criteria on a role that has different ones, listing the role’s', async () => {
    const { held } = await chatsHeld('Samira Patel');
    const refused = await api()
      .post(`/api/involvements/${held[0].id}/not-progressed`)
      .send({ version: held[0].version, reason: 'Not this time.', criteria: { Kindness: 'Met' } })
      .expect(422);
    expect(refused.body.error.code).toBe('criterion-unknown');
  });

  it('answers 422, not 500, for criteria over the limits when a role is planned', async () => {
    const workstream = await t.service.workstreams.create(actor, { title: 'Haematology' });
    const refused = await api()
      .post('/api/roles')
      .send({ workstreamId: workstream.id, title: 'Too many', selectionCriteria: Array.from({ length: 13 }, (_, i) => `C${i}`).join('\n') })
      .expect(422);
    expect(refused.body.error.code).toBe('too-many-criteria');
  });
});

describe('the selection summary over HTTP', () => {
  async function decided(): Promise<number> {
    const { roleId, held } = await chatsHeld('Samira Patel', 'Tom Reid', 'Ola Bello');
    await t.service.involvements.makeOffer(actor, {
      involvementId: held[0].id,
      version: held[0].version,
      criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Met' },
      reason: 'Strong fit.',
    });
    await t.service.involvements.notProgress(actor, {
      involvementId: held[1].id,
      version: held[1].version,
      criteria: { [CRITERIA[0]]: 'Met', [CRITERIA[1]]: 'Not met' },
      reason: 'Meetings clash with his work; we will tell him about other roles.',
    });
    return roleId;
  }

  it('lists the roles to choose from, and answers one role’s counts', async () => {
    const roleId = await decided();
    const roles = await api().get('/api/selection').expect(200);
    expect(roles.body).toEqual([{ roleId, title: 'Haematology partner', status: 'Ready', workstreamTitle: 'Haematology' }]);
    const summary = await api().get(`/api/roles/${roleId}/selection`).expect(200);
    expect(summary.body).toMatchObject({ expressedInterest: 3, chattedWith: 3, offered: 1, notProgressed: 1 });
  });

  it('downloads the summary as this exact CSV: counts and verdicts only, no name and no reason', async () => {
    const roleId = await decided();
    const csv = await api().get(`/api/roles/${roleId}/selection.csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('selection-haematology-partner.csv');
    expect(csv.text).toBe(
      [
        '\uFEFFRole,Haematology partner',
        'Expressed interest,3',
        'Had the informal chat,3',
        'Offered the role,1',
        'Not progressed,1',
        'Offered with no criteria to judge against,0',
        'Not progressed with no criteria to judge against,0',
        '',
        'Criterion,Still a criterion,Offered: met,Offered: not met,Offered: not assessed,Not progressed: met,Not progressed: not met,Not progressed: not assessed',
        'Lived experience of blood cancer care,Yes,1,0,0,1,0,0',
        'Can join a monthly meeting,Yes,1,0,0,0,1,0',
        '',
      ].join('\n'),
    );
  });

  it('answers 404, not 500, for a role that does not exist or an id that is not a number', async () => {
    await api().get('/api/roles/9999/selection').expect(404);
    await api().get('/api/roles/abc/selection.csv').expect(404);
  });
});
