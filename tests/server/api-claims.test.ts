import request from 'supertest';
import type { Claim, Involvement, Principal } from '../../src/domain';
import { LOCAL_DEVELOPER } from '../../src/server/principal';
import { COMPLETE_DESCRIPTION, testApp, type TestApp } from './support';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.store.close());

const api = () => request(t.app);

/** A member of the workstream who submits claims for the local developer (in the Engagement team) to approve. */
const COLLEAGUE: Principal = {
  id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  name: 'Sam Jones',
  email: 'sam@example.nhs.uk',
  tenantId: 'local',
};

/** A workstream with a paid (level 4) role and two partners interested in it. */
async function arrange(): Promise<{ workstreamId: number; samira: Involvement; tom: Involvement }> {
  const actor = LOCAL_DEVELOPER;
  const workstream = await t.service.workstreams.create(actor, { title: 'Cancer care' });
  await t.service.members.add(actor, { workstreamId: workstream.id, userId: COLLEAGUE.id, userName: COLLEAGUE.name });
  const planned = await t.service.roles.planRole(actor, { workstreamId: workstream.id, title: 'Patient partner', ...COMPLETE_DESCRIPTION });
  const ready = await t.service.roles.markReady(actor, { roleId: planned.role.id, version: planned.role.version });
  const sent = await t.service.roles.sendAdvert(actor, { roleId: ready.role.id, version: ready.role.version });
  await t.service.roles.approveAdvert(actor, { roleId: sent.role.id, version: sent.role.version, advertUrl: 'https://example.org/cancer' });
  const interested = (fullName: string) =>
    t.service.involvements.recordInterest(COLLEAGUE, { roleId: sent.role.id, partner: { fullName, consentGiven: true } });
  return { workstreamId: workstream.id, samira: await interested('Samira Patel'), tom: await interested("Tom O'Neill") };
}

/** A claim recorded and submitted by the colleague, as the tab would. */
async function submitted(involvement: Involvement, body: Record<string, unknown>): Promise<Claim> {
  const draft = await t.service.claims.create(COLLEAGUE, { involvementId: involvement.id, ...body });
  return t.service.claims.submit(COLLEAGUE, { claimId: draft.id, version: draft.version });
}

async function approved(involvement: Involvement, body: Record<string, unknown>): Promise<Claim> {
  const claim = await submitted(involvement, body);
  const answer = await api().post(`/api/claims/${claim.id}/approve`).send({ version: claim.version }).expect(200);
  return answer.body as Claim;
}

describe('claims over HTTP', () => {
  it('records, submits and lists a claim; refuses the submitter’s own approval with the rule in words', async () => {
    const { workstreamId, samira } = await arrange();
    const created = await api()
      .post(`/api/involvements/${samira.id}/claims`)
      .send({
        activityDate: '2026-02-10',
        description: 'Design group',
        dayLength: 'Half day',
        expenses: [{ kind: 'Public transport', amountPence: 640, receiptHeld: true }],
      })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'Draft', paymentPence: 7500, expensesPence: 640, recordedBy: 'Local Developer' });
    const sent = await api().post(`/api/claims/${created.body.id}/submit`).send({ version: created.body.version }).expect(200);
    expect(sent.body).toMatchObject({ status: 'Submitted', submittedBy: 'Local Developer' });
    const refused = await api().post(`/api/claims/${created.body.id}/approve`).send({ version: sent.body.version }).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'own-claim',
      message: 'You submitted this claim, so someone else must approve or reject it: the Engagement team.',
    });
    const listed = await api().get(`/api/workstreams/${workstreamId}/claims`).expect(200);
    expect(listed.body).toEqual([
      {
        claim: expect.objectContaining({ id: created.body.id, status: 'Submitted' }),
        partnerName: 'Samira Patel',
        lines: [{ kind: 'Public transport', miles: null, amountPence: 640, receiptHeld: true }],
      },
    ]);
    const ofPartner = await api().get(`/api/involvements/${samira.id}/claims`).expect(200);
    expect(ofPartner.body).toMatchObject({ claims: listed.body, preferences: null, paidRole: expect.any(Boolean) });
  });

  it('answers bad input 400 with each field, and writes nothing', async () => {
    const { samira } = await arrange();
    const answer = await api()
      .post(`/api/involvements/${samira.id}/claims`)
      .send({
        activityDate: '2026-02-10',
        description: 'Design group',
        expenses: [{ kind: 'Parking', amountPence: 4.5 }, { kind: 'Mileage', receiptHeld: false }, 'taxi'],
      })
      .expect(400);
    expect(answer.body.error.fields).toEqual({
      'expenses.0.amountPence': 'Expense 1: Amount must be a whole number of pence, such as 450 for £4.50.',
      'expenses.0.receiptHeld': 'Expense 1: Say whether a receipt is held (yes or no).',
      'expenses.1.miles': 'Expense 2: Mileage needs the number of miles.',
      'expenses.2': 'Expense 3: An expense has a kind, miles or an amount, and whether a receipt is held; nothing else.',
    });
    expect(await t.store.find({ list: 'claims' })).toEqual([]);
  });

  it('changes a draft (PATCH), refusing bad input (400) and a stale version (409) and writing nothing for either', async () => {
    const { samira } = await arrange();
    const draft = await t.service.claims.create(COLLEAGUE, {
      involvementId: samira.id,
      activityDate: '2026-02-10',
      description: 'Design group',
      expenses: [{ kind: 'Parking', amountPence: 450, receiptHeld: true }],
    });
    const bad = await api()
      .patch(`/api/claims/${draft.id}`)
      .send({ version: draft.version, dayLength: 'Evening', expenses: [{ kind: 'Mileage', receiptHeld: true }], status: 'Paid' })
      .expect(400);
    expect(bad.body.error.code).toBe('validation');
    expect(bad.body.error.fields).toMatchObject({
      dayLength: expect.any(String),
      'expenses.0.miles': 'Expense 1: Mileage needs the number of miles.',
    });
    expect(await t.store.get('claims', draft.id)).toEqual(draft);
    const changed = await api()
      .patch(`/api/claims/${draft.id}`)
      .send({ version: draft.version, dayLength: 'Half day', expenses: [{ kind: 'Mileage', miles: 10, receiptHeld: false }] })
      .expect(200);
    expect(changed.body).toMatchObject({ status: 'Draft', paymentPence: 7500, expensesPence: 450, version: draft.version + 1 });
    const stale = await api().patch(`/api/claims/${draft.id}`).send({ version: draft.version, description: 'Workshop' }).expect(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(await t.store.get('claims', draft.id)).toMatchObject({ description: 'Design group' });
    await api().patch('/api/claims/first').send({ version: 1 }).expect(404);
  });

  it('a change to the values a draft already holds (PATCH) answers the claim as it is and writes nothing: same version, no audit entry', async () => {
    const { samira } = await arrange();
    const values = {
      activityDate: '2026-02-10',
      description: 'Design group',
      dayLength: 'Half day',
      expenses: [
        { kind: 'Parking', amountPence: 450, receiptHeld: true },
        { kind: 'Mileage', miles: 12.5, receiptHeld: false },
      ],
    };
    const draft = await t.service.claims.create(COLLEAGUE, { involvementId: samira.id, ...values });
    const trail = () => t.store.find({ list: 'activity', where: { list: 'claims', itemId: draft.id } });
    const before = await trail();

    const same = await api()
      .patch(`/api/claims/${draft.id}`)
      .send({ version: draft.version, ...values })
      .expect(200);
    expect(same.body).toEqual(draft);
    await api().patch(`/api/claims/${draft.id}`).send({ version: draft.version }).expect(200);

    expect(await t.store.get('claims', draft.id)).toEqual(draft);
    expect(await trail()).toEqual(before);
  });

  it('withdraws a draft, refuses a submitted claim in words (422) and a stale version (409), and answers 404 once it is gone', async () => {
    const { samira } = await arrange();
    const draft = await t.service.claims.create(COLLEAGUE, {
      involvementId: samira.id,
      activityDate: '2026-02-10',
      description: 'Design group',
      dayLength: 'Full day',
    });
    const changed = await t.service.claims.edit(COLLEAGUE, { claimId: draft.id, version: draft.version, dayLength: 'Half day' });
    expect((await api().post(`/api/claims/${draft.id}/withdraw`).send({ version: draft.version }).expect(409)).body.error.code).toBe(
      'conflict',
    );
    await api().post(`/api/claims/${draft.id}/withdraw`).send({ version: changed.version }).expect(200);
    expect(await t.store.get('claims', draft.id)).toBeUndefined();
    const gone = await api().post(`/api/claims/${draft.id}/withdraw`).send({ version: changed.version }).expect(404);
    expect(gone.body.error.code).toBe('not-found');
    const sent = await submitted(samira, { activityDate: '2026-02-11', description: 'Panel', dayLength: 'Half day' });
    const refused = await api().post(`/api/claims/${sent.id}/withdraw`).send({ version: sent.version }).expect(422);
    expect(refused.body.error).toMatchObject({ code: 'claim-not-draft', details: { status: 'Submitted' } });
    expect(refused.body.error.message).toMatch(/^This claim is Submitted, so it can no longer be withdrawn: only a Draft can\./);
    expect((await api().post(`/api/claims/${sent.id}/withdraw`).send({ version: 'latest' }).expect(400)).body.error.fields).toHaveProperty(
      'version',
    );
    expect(await t.store.get('claims', sent.id)).toEqual(sent);
  });

  it('refuses approval over the partner’s cap (422), and the Engagement team can go over once advice is recorded', async () => {
    const { samira } = await arrange();
    await api()
      .put(`/api/partners/${samira.partnerId}/payment-preferences`)
      .send({ declinesPayment: false, capPence: 10000, capPeriod: 'Month' })
      .expect(200);
    const claim = await submitted(samira, { activityDate: '2026-02-10', description: 'Design group', dayLength: 'Full day' });
    const refused = await api().post(`/api/claims/${claim.id}/approve`).send({ version: claim.version }).expect(422);
    expect(refused.body.error.message).toMatch(
      /^Approving this claim would bring Samira Patel's involvement payments in February 2026 to £150.00/,
    );
    const over = await api()
      .post(`/api/claims/${claim.id}/approve`)
      .send({ version: claim.version, adviceHadAndGoesOverCap: true })
      .expect(200);
    expect(over.body).toMatchObject({ status: 'Approved', overCapAgreedBy: 'Local Developer' });
  });

  it('exports the approved claims of a period to finance as CSV, payments apart from expenses, and marks them Paid', async () => {
    const { samira, tom } = await arrange();
    const a = await approved(samira, {
      activityDate: '2026-02-10',
      description: 'Design group',
      dayLength: 'Full day',
      expenses: [
        { kind: 'Mileage', miles: 12.5, receiptHeld: false },
        { kind: 'Parking', amountPence: 450, receiptHeld: true },
      ],
    });
    const b = await approved(tom, {
      activityDate: '2026-02-20',
      description: 'Workshop, then a "site visit"',
      expenses: [{ kind: 'Care costs', amountPence: 2400, receiptHeld: true }],
    });
    const later = await approved(samira, { activityDate: '2026-03-01', description: 'Panel', dayLength: 'Half day' });
    const waiting = await submitted(tom, { activityDate: '2026-02-25', description: 'Panel', dayLength: 'Half day' });

    const answer = await api().post('/api/claims/finance-export').send({ from: '2026-02-01', to: '2026-02-28' }).expect(200);
    const at = '2026-03-02T10:00:00.000Z';
    expect(answer.body).toEqual({
      fileName: 'claims-2026-02-01-to-2026-02-28.csv',
      claimsPaid: 2,
      paymentsPence: 15000,
      expensesPence: 563 + 450 + 2400,
      csv:
        'Type,Claim,Partner,Partner id,Activity date,What it was,Half or full day,Expense,Miles,Receipt held,Amount (GBP),Approved by,Approved at\r\n' +
        `Involvement payment,${a.id},Samira Patel,${samira.partnerId},2026-02-10,Design group,Full day,,,,150.00,Local Developer,${at}\r\n` +
        `Expense,${a.id},Samira Patel,${samira.partnerId},2026-02-10,Design group,,Mileage,12.5,no,5.63,Local Developer,${at}\r\n` +
        `Expense,${a.id},Samira Patel,${samira.partnerId},2026-02-10,Design group,,Parking,,yes,4.50,Local Developer,${at}\r\n` +
        `Expense,${b.id},Tom O'Neill,${tom.partnerId},2026-02-20,"Workshop, then a ""site visit""",,Care costs,,yes,24.00,Local Developer,${at}\r\n`,
    });
    const status = async (claim: Claim) => (await t.store.get('claims', claim.id))?.status;
    expect([await status(a), await status(b), await status(later), await status(waiting)]).toEqual([
      'Paid',
      'Paid',
      'Approved',
      'Submitted',
    ]);
    expect(await t.store.get('claims', a.id)).toMatchObject({ paidBy: 'Local Developer', paidAt: at });
    const trail = await t.store.find({ list: 'activity', where: { list: 'claims', itemId: a.id } });
    expect(trail.at(-1)).toMatchObject({
      actorName: 'Local Developer',
      summary: 'Claim exported to finance for 2026-02-01 to 2026-02-28 and marked Paid',
    });

    const again = await api().post('/api/claims/finance-export').send({ from: '2026-02-01', to: '2026-02-28' }).expect(200);
    expect(again.body).toMatchObject({ claimsPaid: 0, csv: expect.stringMatching(/^Type,Claim,[^\n]*\r\n$/) });
  });

  it('keeps the finance export to the Engagement team and refuses a period that ends before it starts', async () => {
    const bad = await api().post('/api/claims/finance-export').send({ from: '2026-02-28', to: '2026-02-01' }).expect(400);
    expect(bad.body.error.fields).toEqual({ to: 'The period must end on or after the day it starts.' });
    const outsider = await t.service.claims
      .financeExport(COLLEAGUE, { from: '2026-02-01', to: '2026-02-28' })
      .catch((error: Error) => error);
    expect(outsider).toMatchObject({
      code: 'no-access',
      message: expect.stringMatching(/^Only the Engagement team can export claims to finance\./),
    });
  });
});
