import request from 'supertest';
import { COMPLETE_DESCRIPTION, testApp, TODAY, type TestApp } from './support';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.store.close());

const api = () => request(t.app);

interface Item {
  id: number;
  version: number;
}

/** Plans a complete role, advertises it and logs one partner's interest; returns the ids along the way. */
async function advertisedRoleWithInterest(): Promise<{ workstreamId: number; roleId: number; involvement: Item }> {
  const workstream = await api().post('/api/workstreams').send({ title: 'Cancer care' }).expect(201);
  const planned = await api().post('/api/roles').send({ workstreamId: workstream.body.id, title: 'Patient partner' }).expect(201);
  let role: Item = planned.body.role;
  role = (
    await api()
      .patch(`/api/roles/${role.id}`)
      .send({ version: role.version, ...COMPLETE_DESCRIPTION })
      .expect(200)
  ).body.role;
  role = (await api().post(`/api/roles/${role.id}/ready`).send({ version: role.version }).expect(200)).body.role;
  role = (await api().post(`/api/roles/${role.id}/send-advert`).send({ version: role.version }).expect(200)).body.role;
  await api()
    .post(`/api/roles/${role.id}/approve-advert`)
    .send({ version: role.version, advertUrl: 'https://example.org/opportunities/patient-partner' })
    .expect(200);
  const interest = await api()
    .post('/api/involvements')
    .send({ roleId: role.id, partner: { fullName: 'Samira Patel', preferredName: 'Sam', consentGiven: true, notesConsent: true } })
    .expect(201);
  return { workstreamId: workstream.body.id, roleId: role.id, involvement: interest.body };
}

/** From interest to the start of induction, through the informal chat and the offer. */
async function inInduction(): Promise<{ workstreamId: number; involvement: Item }> {
  const { workstreamId, involvement: interested } = await advertisedRoleWithInterest();
  let involvement = interested;
  const id = involvement.id;
  involvement = (await api().post(`/api/involvements/${id}/acknowledge`).send({ version: involvement.version }).expect(200)).body;
  involvement = (
    await api()
      .post(`/api/involvements/${id}/book-chat`)
      .send({ version: involvement.version, at: '2026-03-02T14:00:00Z', where: 'Teams call', adjustments: 'Captions on' })
      .expect(200)
  ).body;
  involvement = (
    await api().post(`/api/involvements/${id}/hold-chat`).send({ version: involvement.version, notes: 'Keen to start.' }).expect(200)
  ).body;
  involvement = (
    await api().post(`/api/involvements/${id}/offer`).send({ version: involvement.version, reason: 'Knows the service.' }).expect(200)
  ).body;
  involvement = (await api().post(`/api/involvements/${id}/start-induction`).send({ version: involvement.version }).expect(200)).body;
  return { workstreamId, involvement };
}

interface Task extends Item {
  label: string;
  required: boolean;
  done: boolean;
  kind: string;
  involvementId: number;
}

async function checklist(involvementId: number): Promise<Task[]> {
  return (await api().get(`/api/involvements/${involvementId}`).expect(200)).body.checklist;
}

/** Does each item as staff would: ticks it, or for "First one-to-one booked" books the first one-to-one a week on. */
async function tick(tasks: readonly Task[]): Promise<void> {
  for (const task of tasks) {
    if (task.kind === 'One-to-one booked')
      await api().post(`/api/involvements/${task.involvementId}/one-to-ones`).send({ date: '2026-03-09' }).expect(201);
    else await api().post(`/api/induction-tasks/${task.id}/complete`).send({ version: task.version }).expect(200);
  }
}

describe('the tab API over HTTP', () => {
  it('says who the caller is: the local development identity, in the Engagement team so one person can try everything', async () => {
    const response = await api().get('/api/me').expect(200).expect('Content-Type', /json/);
    expect(response.body).toEqual({
      principal: { id: 'local-developer', name: 'Local Developer', email: 'developer@localhost', tenantId: 'local' },
      identity: 'local-development',
      engagementTeam: true,
      workstreamIds: [],
    });
  });

  it('takes a partner from a planned role to an active partner with a one-to-one on the dashboard', async () => {
    const workstream = await api().post('/api/workstreams').send({ title: 'Cancer care', description: 'Follow-up clinics' }).expect(201);
    expect(workstream.body).toMatchObject({ id: expect.any(Number), title: 'Cancer care', version: 1 });
    expect((await api().get('/api/workstreams').expect(200)).body).toEqual([workstream.body]);

    const planned = await api().post('/api/roles').send({ workstreamId: workstream.body.id, title: 'Patient partner' }).expect(201);
    expect(planned.body.role.status).toBe('Draft');
    expect(planned.body.missing).toContain('Purpose');

    const described = await api()
      .patch(`/api/roles/${planned.body.role.id}`)
      .send({ version: planned.body.role.version, ...COMPLETE_DESCRIPTION })
      .expect(200);
    expect(described.body.missing).toEqual([]);
    const roleId = described.body.role.id;

    const ready = await api().post(`/api/roles/${roleId}/ready`).send({ version: described.body.role.version }).expect(200);
    expect(ready.body.role.status).toBe('Ready');
    const sent = await api().post(`/api/roles/${roleId}/send-advert`).send({ version: ready.body.role.version }).expect(200);
    expect(sent.body.role.advertState).toBe('Awaiting approval');
    const approved = await api()
      .post(`/api/roles/${roleId}/approve-advert`)
      .send({ version: sent.body.role.version, advertUrl: 'https://example.org/opportunities/patient-partner' })
      .expect(200);
    expect(approved.body.role).toMatchObject({ status: 'Advertised', advertState: 'Approved', advertDecidedBy: 'Local Developer' });

    const interest = await api()
      .post('/api/involvements')
      .send({ roleId, partner: { fullName: 'Samira Patel', preferredName: 'Sam', consentGiven: true, notesConsent: true } })
      .expect(201);
    expect(interest.body).toMatchObject({ stage: 'Interested', interestDate: TODAY });
    const id = interest.body.id;

    const booked = await api()
      .post(`/api/involvements/${id}/book-chat`)
      .send({ version: interest.body.version, at: '2026-03-02T14:00:00Z', where: 'Teams call' })
      .expect(200);
    expect(booked.body.stage).toBe('Chat booked');
    const held = await api().post(`/api/involvements/${id}/hold-chat`).send({ version: booked.body.version }).expect(200);
    expect(held.body.stage).toBe('Chat held');
    const offered = await api()
      .post(`/api/involvements/${id}/offer`)
      .send({ version: held.body.version, reason: 'Recent experience of the service, and the time the role needs.' })
      .expect(200);
    expect(offered.body.stage).toBe('Offered');
    const inducting = await api().post(`/api/involvements/${id}/start-induction`).send({ version: offered.body.version }).expect(200);
    expect(inducting.body.stage).toBe('Induction');

    const tasks = await checklist(id);
    expect(tasks).toHaveLength(12);
    await tick(tasks.filter((task) => task.required));
    const detail = await api().get(`/api/involvements/${id}`).expect(200);
    expect(detail.body.induction.missingRequired).toEqual([]);
    expect(detail.body.claimsKeptOnErasure).toMatch(
      /^Their claims, if they have any, are kept as financial records, as HMRC requires for six years/,
    );

    const active = await api().post(`/api/involvements/${id}/activate`).send({ version: detail.body.involvement.version }).expect(200);
    expect(active.body).toMatchObject({ stage: 'Active', activeDate: TODAY, nextOneToOneDue: '2026-04-27' });

    const [firstBooked] = detail.body.oneToOnes;
    expect(firstBooked).toMatchObject({ status: 'Booked', date: '2026-03-09' });
    const firstOneToOne = await api()
      .post(`/api/involvements/${id}/one-to-ones/held`)
      .send({ date: TODAY, notes: 'Settling in well.', oneToOneId: firstBooked.id, oneToOneVersion: firstBooked.version })
      .expect(200);
    expect(firstOneToOne.body.oneToOne).toMatchObject({ status: 'Held', date: TODAY, heldBy: 'Local Developer' });
    expect(firstOneToOne.body.involvement).toMatchObject({ lastOneToOneDate: TODAY, nextOneToOneDue: '2026-04-27' });
    const next = await api()
      .post(`/api/involvements/${id}/one-to-ones`)
      .send({ date: '2026-04-27', time: '10:30', where: 'Teams' })
      .expect(201);
    expect(next.body).toMatchObject({ status: 'Booked', date: '2026-04-27' });

    const dashboard = await api().get(`/api/workstreams/${workstream.body.id}/dashboard`).expect(200);
    expect(dashboard.body.stageCounts.Active).toBe(1);
    expect(dashboard.body.rows).toEqual([
      expect.objectContaining({
        involvementId: id,
        roleTitle: 'Patient partner',
        stage: 'Active',
        nextOneToOne: { due: '2026-04-27', state: 'on-track', daysUntilDue: 56 },
        booked: { date: '2026-04-27', time: '10:30' },
        attention: [],
      }),
    ]);
  });

  it('refuses to activate while the confidentiality agreement is unsigned, saying so plainly (422)', async () => {
    const { involvement } = await inInduction();
    const tasks = await checklist(involvement.id);
    await tick(tasks.filter((task) => task.required && task.label !== 'Confidentiality agreement signed'));
    const refused = await api().post(`/api/involvements/${involvement.id}/activate`).send({ version: involvement.version }).expect(422);
    expect(refused.body).toEqual({
      error: {
        code: 'induction-incomplete',
        message: 'Sam cannot become Active: the confidentiality agreement is not signed yet.',
        details: { missing: ['Confidentiality agreement signed'] },
      },
    });
  });

  it('answers 409 when the item changed since the caller read it, and writes nothing', async () => {
    const { roleId } = await advertisedRoleWithInterest();
    const stale = await api().post(`/api/roles/${roleId}/filled`).send({ version: 1 }).expect(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    const dashboardRole = (await api().get('/api/workstreams/1/dashboard').expect(200)).body.roles[0];
    expect(dashboardRole.status).toBe('Advertised');
  });

  it('answers 400 with a message per field when the input is wrong', async () => {
    const workstream = await api().post('/api/workstreams').send({ title: 'Cancer care' }).expect(201);
    const response = await api()
      .post('/api/roles')
      .send({ workstreamId: workstream.body.id, title: '', level: 9, closingDate: '31/03/2026' })
      .expect(400);
    expect(response.body.error.code).toBe('validation');
    expect(response.body.error.fields).toEqual({
      title: 'Role title is required.',
      level: 'Involvement level must be at most 4.',
      closingDate: 'Closing date must be a date like 2026-03-31.',
    });
    expect(response.body.error.message).toMatch(/^Please correct 3 things/);
  });

  it('answers 404 for ids that do not exist', async () => {
    const response = await api().get('/api/involvements/999').expect(404);
    expect(response.body.error).toEqual({ code: 'not-found', message: expect.stringContaining('There is no involvement with id 999') });
    await api().get('/api/workstreams/42/dashboard').expect(404);
    await api().post('/api/roles/7/ready').send({ version: 1 }).expect(404);
    await api().post('/api/induction-tasks/3/complete').send({ version: 1 }).expect(404);
  });

  it('answers 404 for path ids that are not positive whole numbers, without calling the service', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '1e3', '99999999999999999999']) {
      const response = await api().get(`/api/involvements/${id}`).expect(404);
      expect(response.body.error.code).toBe('not-found');
    }
  });

  it('answers 404 JSON for unknown API routes and 405 with Allow for a wrong method', async () => {
    const unknown = await api().get('/api/partners').expect(404).expect('Content-Type', /json/);
    expect(unknown.body.error.code).toBe('not-found');
    const wrongMethod = await api().delete('/api/workstreams').expect(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST');
    expect(wrongMethod.body.error.code).toBe('method-not-allowed');
  });

  it('merges the path id over any id in the body', async () => {
    const { workstreamId } = await advertisedRoleWithInterest();
    const template = await api()
      .put(`/api/workstreams/${workstreamId}/induction-template`)
      .send({ workstreamId: 999, items: [{ label: 'Cancer care briefing', kind: 'Task', required: true }], basedOn: '' })
      .expect(200);
    expect(template.body).toEqual(
      expect.objectContaining({ source: 'workstream', items: [{ label: 'Cancer care briefing', kind: 'Task', required: true }] }),
    );
    expect((await api().get(`/api/workstreams/${workstreamId}/induction-template`).expect(200)).body.revision).toBe(template.body.revision);
  });

  it("replaces the organisation's induction template", async () => {
    const response = await api()
      .put('/api/induction-template')
      .send({ items: [{ label: 'ICS welcome pack', kind: 'Task', required: false }], basedOn: '' })
      .expect(200);
    expect(response.body).toEqual(
      expect.objectContaining({ source: 'organisation', items: [{ label: 'ICS welcome pack', kind: 'Task', required: false }] }),
    );
  });

  it('answers GET on both template paths with the template in force and whose it is', async () => {
    const { workstreamId } = await advertisedRoleWithInterest();
    const before = (await api().get(`/api/workstreams/${workstreamId}/induction-template`).expect(200)).body;
    expect(before.source).toBe('default');
    await api()
      .put('/api/induction-template')
      .send({ items: [{ label: 'ICS welcome pack', kind: 'Task', required: false }], basedOn: '' })
      .expect(200);
    expect((await api().get(`/api/workstreams/${workstreamId}/induction-template`).expect(200)).body).toEqual(
      expect.objectContaining({ source: 'organisation', items: [{ label: 'ICS welcome pack', kind: 'Task', required: false }] }),
    );
    await api()
      .put(`/api/workstreams/${workstreamId}/induction-template`)
      .send({ items: [{ label: 'Cancer care briefing', kind: 'Task', required: true }], basedOn: '' })
      .expect(200);
    expect((await api().get(`/api/workstreams/${workstreamId}/induction-template`).expect(200)).body).toEqual(
      expect.objectContaining({ source: 'workstream', items: [{ label: 'Cancer care briefing', kind: 'Task', required: true }] }),
    );
    expect((await api().get('/api/induction-template').expect(200)).body.source).toBe('organisation');
  });

  it('records the Peer Support Network invitation and answer, and updates details', async () => {
    const { involvement } = await advertisedRoleWithInterest();
    const detail = (await api().get(`/api/involvements/${involvement.id}`).expect(200)).body;
    const partnerId = detail.partner.id;
    const invited = await api()
      .post(`/api/partners/${partnerId}/peer-network/invite`)
      .send({ version: detail.partner.version })
      .expect(200);
    expect(invited.body.peerNetworkStatus).toBe('Invited');
    const joined = await api()
      .post(`/api/partners/${partnerId}/peer-network/answer`)
      .send({ version: invited.body.version, answer: 'Joined' })
      .expect(200);
    expect(joined.body.peerNetworkStatus).toBe('Joined');
    const refused = await api()
      .patch(`/api/partners/${partnerId}`)
      .send({ version: joined.body.version, preferredContact: 'Email' })
      .expect(422);
    expect(refused.body.error.message).toMatch(
      /preferred way to be contacted is Email, but there is no email address for them\. Add an email address, or choose another way\.$/,
    );
    const wrong = await api()
      .patch(`/api/partners/${partnerId}`)
      .send({ version: joined.body.version, email: 'sam at example' })
      .expect(400);
    expect(wrong.body.error.fields).toEqual({ email: 'Email must be an address like name@example.org. Leave it empty if they have none.' });
    const updated = await api()
      .patch(`/api/partners/${partnerId}`)
      .send({ version: joined.body.version, email: 'sam@example.org', preferredContact: 'Email' })
      .expect(200);
    expect(updated.body).toMatchObject({ email: 'sam@example.org', preferredContact: 'Email' });
  });

  it('pauses, resumes, sets the cadence and ends an active involvement; cancels a booked one-to-one', async () => {
    const { involvement } = await inInduction();
    await tick((await checklist(involvement.id)).filter((task) => task.required));
    let current = (await api().get(`/api/involvements/${involvement.id}`).expect(200)).body.involvement;
    const path = `/api/involvements/${involvement.id}`;
    current = (await api().post(`${path}/activate`).send({ version: current.version }).expect(200)).body;
    // The first one-to-one, booked in induction.
    const [booked] = (await api().get(path).expect(200)).body.oneToOnes;
    const cancelled = await api().post(`/api/one-to-ones/${booked.id}/cancel`).send({ version: booked.version }).expect(200);
    expect(cancelled.body.status).toBe('Cancelled');
    current = (await api().post(`${path}/cadence`).send({ version: current.version, cadenceWeeks: 4 }).expect(200)).body;
    expect(current.nextOneToOneDue).toBe('2026-03-30');
    current = (await api().post(`${path}/pause`).send({ version: current.version, reason: 'Caring responsibilities' }).expect(200)).body;
    expect(current.stage).toBe('Paused');
    current = (await api().post(`${path}/resume`).send({ version: current.version }).expect(200)).body;
    expect(current.stage).toBe('Active');
    current = (
      await api().post(`${path}/end`).send({ version: current.version, reason: 'Moved away', exitConversationOffered: true }).expect(200)
    ).body;
    expect(current.stage).toBe('Ended');
  });

  it('sends an advert back, returns a role to Draft and closes it', async () => {
    const workstream = await api().post('/api/workstreams').send({ title: 'Maternity' }).expect(201);
    let role = (
      await api()
        .post('/api/roles')
        .send({ workstreamId: workstream.body.id, title: 'Voices partner', ...COMPLETE_DESCRIPTION })
        .expect(201)
    ).body.role;
    role = (await api().post(`/api/roles/${role.id}/ready`).send({ version: role.version }).expect(200)).body.role;
    role = (await api().post(`/api/roles/${role.id}/send-advert`).send({ version: role.version }).expect(200)).body.role;
    role = (
      await api()
        .post(`/api/roles/${role.id}/send-advert-back`)
        .send({ version: role.version, comment: 'Add the meeting dates.' })
        .expect(200)
    ).body.role;
    expect(role).toMatchObject({ status: 'Ready', advertState: 'Sent back', advertComment: 'Add the meeting dates.' });
    role = (await api().post(`/api/roles/${role.id}/draft`).send({ version: role.version }).expect(200)).body.role;
    expect(role.status).toBe('Draft');
    role = (await api().post(`/api/roles/${role.id}/close`).send({ version: role.version }).expect(200)).body.role;
    expect(role.status).toBe('Closed');
  });

  it("answers the organisation's guidance for logging interest and for the informal chat, as the bot shows it", async () => {
    const interest = await api().get('/api/guidance/interest').expect(200);
    expect(interest.body).toEqual({
      log: expect.stringMatching(/^Only record details the person has agreed/),
      consent: 'They agreed that we may hold these details',
    });
    const guide = await api().get('/api/guidance/informal-chat').expect(200);
    expect(guide.body.questions).toContain('What made you interested in this role?');
    expect(guide.body.adjustments.length).toBeGreaterThan(0);
  });

  it('answers the acknowledgement for someone who showed interest: the message, and an email to write when they have an address', async () => {
    const { involvement } = await advertisedRoleWithInterest();
    const without = await api().get(`/api/involvements/${involvement.id}/acknowledgement`).expect(200);
    expect(without.body.message).toMatch(/^Dear Sam,/);
    expect(without.body.mailto).toBeUndefined();
    expect(without.body.howToSend).toMatch(/^Sam has no email address on record, so copy this message/);
    const partnerId = (await api().get(`/api/involvements/${involvement.id}`).expect(200)).body.partner.id;
    await api().patch(`/api/partners/${partnerId}`).send({ version: 1, email: 'sam@example.org' }).expect(200);
    const withEmail = await api().get(`/api/involvements/${involvement.id}/acknowledgement`).expect(200);
    expect(withEmail.body.mailto).toMatch(/^mailto:sam@example\.org\?subject=/);
  });

  it('records the informal chat with the adjustments agreed in it, replacing those asked for at booking', async () => {
    const { involvement } = await advertisedRoleWithInterest();
    const booked = await api()
      .post(`/api/involvements/${involvement.id}/book-chat`)
      .send({ version: involvement.version, at: '2026-03-04T10:00:00Z', where: 'Teams', adjustments: 'Captions on' })
      .expect(200);
    const held = await api()
      .post(`/api/involvements/${involvement.id}/hold-chat`)
      .send({ version: booked.body.version, adjustments: 'Captions on, large print papers' })
      .expect(200);
    expect(held.body).toMatchObject({ stage: 'Chat held', chatAdjustments: 'Captions on, large print papers' });
  });

  it('marks interest as not progressed with a reason', async () => {
    const { involvement } = await advertisedRoleWithInterest();
    const response = await api()
      .post(`/api/involvements/${involvement.id}/not-progressed`)
      .send({ version: involvement.version, reason: 'Chose a different role' })
      .expect(200);
    expect(response.body).toMatchObject({ stage: 'Not progressed', stageReason: 'Chose a different role' });
  });

  it('reopens an induction item ticked by mistake', async () => {
    const { involvement } = await inInduction();
    const [first] = await checklist(involvement.id);
    const done = (await api().post(`/api/induction-tasks/${first.id}/complete`).send({ version: first.version }).expect(200)).body;
    const reopened = await api().post(`/api/induction-tasks/${first.id}/reopen`).send({ version: done.version }).expect(200);
    expect(reopened.body).toMatchObject({ done: false, doneDate: null });
  });
});

describe('Reviews that come round, over the API', () => {
  async function active(): Promise<{ workstreamId: number; involvement: Item }> {
    const { workstreamId, involvement } = await inInduction();
    await tick((await checklist(involvement.id)).filter((task) => task.required));
    const current = (await api().get(`/api/involvements/${involvement.id}`).expect(200)).body.involvement;
    const activated = await api().post(`/api/involvements/${involvement.id}/activate`).send({ version: current.version }).expect(200);
    return { workstreamId, involvement: activated.body };
  }

  it('reads the reviews, renews the term to a date staff choose, and the agenda shows it coming round', async () => {
    const { workstreamId, involvement } = await active();
    const path = `/api/involvements/${involvement.id}`;
    const reviews = (await api().get(`${path}/reviews`).expect(200)).body;
    expect(reviews).toMatchObject({
      serving: true,
      term: { months: null, endDate: null, renewTo: null },
      access: { dueDate: '2027-03-02', nextIfReviewedToday: '2027-03-02' },
      due: [],
    });
    expect(reviews.agreements.map((item: { signedDate: string }) => item.signedDate)).toEqual([TODAY, TODAY]);
    const noTerm = await api().post(`${path}/renew-term`).send({ version: involvement.version }).expect(422);
    expect(noTerm.body.error.code).toBe('no-term');
    const badDate = await api().post(`${path}/renew-term`).send({ version: involvement.version, termEndDate: '22 March' }).expect(400);
    expect(Object.keys(badDate.body.error.fields)).toEqual(['termEndDate']);
    const renewed = await api().post(`${path}/renew-term`).send({ version: involvement.version, termEndDate: '2026-03-22' }).expect(200);
    expect(renewed.body.termEndDate).toBe('2026-03-22');
    const agenda = (await api().get(`/api/workstreams/${workstreamId}/agenda`).expect(200)).body;
    expect(agenda.reviews).toEqual([
      expect.objectContaining({
        kind: 'term',
        involvementId: involvement.id,
        date: '2026-03-22',
        what: 'Term of office ends',
        daysFromToday: 20,
      }),
    ]);
  });

  it('records agreements re-signed and access needs reviewed; a stale version changes nothing', async () => {
    const { involvement } = await active();
    const path = `/api/involvements/${involvement.id}`;
    const resigned = await api().post(`${path}/reconfirm-agreements`).send({ version: involvement.version }).expect(200);
    expect(resigned.body.agreementsDue).toBe('2027-03-02');
    const stale = await api().post(`${path}/access-review`).send({ version: involvement.version }).expect(409);
    expect(stale.body.error.code).toBe('conflict');
    const reviewed = await api()
      .post(`${path}/access-review`)
      .send({ version: resigned.body.version, nextReviewDate: '2026-09-02' })
      .expect(200);
    expect(reviewed.body).toMatchObject({ accessReviewedDate: TODAY, accessReviewDue: '2026-09-02' });
  });
});
