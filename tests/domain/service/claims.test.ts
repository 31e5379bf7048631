import type { Involvement, Principal } from '../../../src/domain';
import { ENGAGEMENT, LEAD, activeInvolvement, completeDescription, harness, rejection, type Harness } from './harness';

/** A second member of the workstream: submits claims the named contact (LEAD) then approves. */
const COLLEAGUE: Principal = {
  id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  name: 'Sam Jones',
  email: 'sam@example.nhs.uk',
  tenantId: 'tenant-1',
};
/** A third member, neither the approver nor in the Engagement team. */
const OTHER: Principal = {
  id: '6b8d0f2c-4e6a-4b7c-9d0e-1f2a3b4c5d6e',
  name: 'Alex Kerr',
  email: 'alex@example.nhs.uk',
  tenantId: 'tenant-1',
};
/** A member of another workstream only. */
const OUTSIDER: Principal = {
  id: '7c9e1a3d-5f7b-4c8d-8e1f-2a3b4c5d6e7f',
  name: 'Robin Hale',
  email: 'robin@example.nhs.uk',
  tenantId: 'tenant-1',
};

async function advertised(h: Harness, workstreamId: number, level: number): Promise<number> {
  const { role } = await h.service.roles.planRole(LEAD, {
    ...completeDescription(workstreamId),
    level,
    paymentAndExpenses: 'Paid at the organisation’s rate; anyone on benefits is offered independent benefits advice first.',
  });
  const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
  const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
  await h.service.roles.approveAdvert(ENGAGEMENT, { roleId: role.id, version: sent.role.version, advertUrl: 'https://example.nhs.uk/r' });
  return role.id;
}

describe('claims for involvement payments and expenses', () => {
  let h: Harness;
  let workstreamId: number;
  let paid: Involvement;
  let unpaid: Involvement;

  async function setUp(settings: Parameters<typeof harness>[1] = {}) {
    h = await harness('2026-01-05', settings);
    const workstream = await h.service.workstreams.create(LEAD, { title: 'Urgent and emergency care' });
    workstreamId = workstream.id;
    for (const person of [COLLEAGUE, OTHER])
      await h.service.members.add(ENGAGEMENT, { workstreamId, userId: person.id, userName: person.name });
    const elsewhere = await h.service.workstreams.create(ENGAGEMENT, { title: 'Maternity' });
    await h.service.members.add(ENGAGEMENT, { workstreamId: elsewhere.id, userId: OUTSIDER.id, userName: OUTSIDER.name });
    paid = await activeInvolvement(h, await advertised(h, workstreamId, 4), 'Jordan Ellis');
    unpaid = await activeInvolvement(h, await advertised(h, workstreamId, 2), 'Casey Morgan');
    h.clock.goTo('2026-03-20');
  }

  afterEach(() => h.store.close());

  const fullDay = (involvement: Involvement, activityDate = '2026-03-02') =>
    h.service.claims.create(COLLEAGUE, {
      involvementId: involvement.id,
      activityDate,
      description: 'Design group workshop',
      dayLength: 'Full day',
      expenses: [
        { kind: 'Mileage', miles: 12.5, receiptHeld: false },
        { kind: 'Parking', amountPence: 450, receiptHeld: true },
      ],
    });

  const submitted = async (involvement: Involvement, activityDate?: string, by: Principal = COLLEAGUE) => {
    const draft = await fullDay(involvement, activityDate);
    return h.service.claims.submit(by, { claimId: draft.id, version: draft.version });
  };

  const claimsNow = () => h.store.find({ list: 'claims' });

  describe('recording', () => {
    beforeEach(() => setUp());

    it('records a draft with the payment and expenses at the organisation’s rates, and who recorded it', async () => {
      const claim = await fullDay(paid);
      expect(claim).toMatchObject({
        status: 'Draft',
        partnerId: paid.partnerId,
        workstreamId,
        paymentPence: 15000,
        expensesPence: 563 + 450,
        paymentDeclined: false,
        recordedBy: 'Sam Jones',
      });
      expect(JSON.parse(claim.expenseLines ?? '')).toEqual([
        { kind: 'Mileage', miles: 12.5, amountPence: 563, receiptHeld: false },
        { kind: 'Parking', miles: null, amountPence: 450, receiptHeld: true },
      ]);
    });

    it('follows the organisation’s own rates', async () => {
      await h.store.close();
      await setUp({ claims: { mileagePencePerMile: 30, halfDayPence: 5000, fullDayPence: 9000, approver: 'named-contact' } });
      expect(await fullDay(paid)).toMatchObject({ paymentPence: 9000, expensesPence: 375 + 450 });
    });

    it('refuses a half or full day for a role whose level is not paid, and writes nothing', async () => {
      const refusal = await rejection(fullDay(unpaid));
      expect(refusal).toMatchObject({ code: 'role-not-paid' });
      expect(refusal.message).toBe(
        "Level 2 roles are not paid under your organisation's rules. Leave out the half or full day and claim the expenses only.",
      );
      expect(await claimsNow()).toEqual([]);
    });

    it('takes expenses alone for an unpaid role', async () => {
      const claim = await h.service.claims.create(LEAD, {
        involvementId: unpaid.id,
        activityDate: '2026-03-02',
        description: 'Patient panel',
        expenses: [{ kind: 'Care costs', amountPence: 2400, receiptHeld: true }],
      });
      expect(claim).toMatchObject({ paymentPence: 0, expensesPence: 2400, dayLength: null });
    });

    it('pays nothing for the day when the partner declines payment, and still pays their expenses', async () => {
      await h.service.claims.setPaymentPreferences(LEAD, { partnerId: paid.partnerId, declinesPayment: true });
      expect(await fullDay(paid)).toMatchObject({ paymentPence: 0, paymentDeclined: true, expensesPence: 1013, dayLength: 'Full day' });
    });

    it('refuses bad input with a message for each field, and writes nothing', async () => {
      const refusal = await rejection(
        h.service.claims.create(LEAD, {
          involvementId: paid.id,
          activityDate: '2 March',
          description: '',
          dayLength: 'Evening',
          expenses: [
            { kind: 'Mileage', amountPence: 500, receiptHeld: false },
            { kind: 'Taxi', amountPence: 900, receiptHeld: true },
          ],
        }),
      );
      expect(refusal.code).toBe('validation');
      expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(
        expect.arrayContaining([
          'activityDate',
          'dayLength',
          'description',
          'expenses.0.amountPence',
          'expenses.0.miles',
          'expenses.1.kind',
        ]),
      );
      expect(refusal.fields?.['expenses.0.miles']).toBe('Expense 1: Mileage needs the number of miles.');
      expect(refusal.fields?.['expenses.1.kind']).toBe(
        'Expense 2: Kind must be one of: Mileage, Parking, Public transport, Care costs, Other.',
      );
      expect(await claimsNow()).toEqual([]);
    });

    it('refuses more expense lines than one claim holds', async () => {
      const line = { kind: 'Parking', amountPence: 100, receiptHeld: true };
      const refusal = await rejection(
        h.service.claims.create(LEAD, {
          involvementId: paid.id,
          activityDate: '2026-03-02',
          description: 'x',
          expenses: Array(21).fill(line),
        }),
      );
      expect(refusal.fields).toEqual({ expenses: 'A claim holds at most 20 expense lines; record the rest as a second claim.' });
    });

    it('refuses an empty claim and an activity in the future', async () => {
      const base = { involvementId: paid.id, description: 'Workshop' };
      expect(await rejection(h.service.claims.create(LEAD, { ...base, activityDate: '2026-03-02' }))).toMatchObject({
        code: 'empty-claim',
        message: 'A claim needs a half or full day of paid involvement, or at least one expense.',
      });
      expect(await rejection(h.service.claims.create(LEAD, { ...base, activityDate: '2026-03-21', dayLength: 'Half day' }))).toMatchObject({
        code: 'date-in-future',
      });
      expect(await claimsNow()).toEqual([]);
    });

    it('keeps claims to the workstream’s members and the Engagement team', async () => {
      const claim = await fullDay(paid);
      expect(
        await rejection(
          h.service.claims.create(OUTSIDER, {
            involvementId: paid.id,
            activityDate: '2026-03-02',
            description: 'x',
            dayLength: 'Half day',
          }),
        ),
      ).toMatchObject({ code: 'no-access' });
      expect(await rejection(h.service.claims.forWorkstream(OUTSIDER, workstreamId))).toMatchObject({ code: 'no-access' });
      expect(await rejection(h.service.claims.submit(OUTSIDER, { claimId: claim.id, version: claim.version }))).toMatchObject({
        code: 'no-access',
      });
      const seen = await h.service.claims.forWorkstream(ENGAGEMENT, workstreamId);
      expect(seen.map((line) => [line.claim.id, line.partnerName, line.lines.length])).toEqual([[claim.id, 'Jordan Ellis', 2]]);
    });

    it('reads one involvement’s claims with the partner’s payment choices and whether the role is paid, for its workstream only', async () => {
      const claim = await fullDay(paid);
      await h.service.claims.setPaymentPreferences(LEAD, {
        partnerId: paid.partnerId,
        declinesPayment: false,
        capPence: 50000,
        capPeriod: 'Month',
      });
      const read = await h.service.claims.forInvolvement(COLLEAGUE, paid.id);
      expect(read.claims.map((line) => [line.claim.id, line.partnerName, line.lines.length])).toEqual([[claim.id, 'Jordan Ellis', 2]]);
      expect(read).toMatchObject({ paidRole: true, preferences: { declinesPayment: false, capPence: 50000, capPeriod: 'Month' } });
      expect(await h.service.claims.forInvolvement(COLLEAGUE, unpaid.id)).toEqual({ claims: [], preferences: null, paidRole: false });
      expect(await rejection(h.service.claims.forInvolvement(OUTSIDER, paid.id))).toMatchObject({ code: 'no-access' });
    });
  });

  describe('approval', () => {
    beforeEach(() => setUp());

    it('goes to the named contact, records who and when at each step, and reaches Approved', async () => {
      const claim = await submitted(paid);
      expect(claim).toMatchObject({
        status: 'Submitted',
        submittedBy: 'Sam Jones',
        submittedAt: '2026-03-20T12:00:00.000Z',
        approverId: LEAD.id,
        approverName: 'Priya Shah',
      });
      h.clock.goTo('2026-03-21');
      const approved = await h.service.claims.approve(LEAD, { claimId: claim.id, version: claim.version });
      expect(approved).toMatchObject({
        status: 'Approved',
        decidedBy: 'Priya Shah',
        decidedAt: '2026-03-21T12:00:00.000Z',
        overCapAgreedBy: null,
      });
    });

    it('never lets the person who submitted a claim approve or reject it, even in the Engagement team', async () => {
      const own = await submitted(paid, undefined, LEAD);
      expect(own.approverId).toBeNull();
      const refusal = await rejection(h.service.claims.approve(LEAD, { claimId: own.id, version: own.version }));
      expect(refusal).toMatchObject({
        code: 'own-claim',
        message: 'You submitted this claim, so someone else must approve or reject it: the Engagement team.',
      });
      const byEngagement = await submitted(paid, '2026-03-03', ENGAGEMENT);
      expect(
        await rejection(h.service.claims.reject(ENGAGEMENT, { claimId: byEngagement.id, version: byEngagement.version, reason: 'x' })),
      ).toMatchObject({
        code: 'own-claim',
      });
      expect((await claimsNow()).map((claim) => claim.status)).toEqual(['Submitted', 'Submitted']);
    });

    it('refuses a member who is not the approver, and lets the Engagement team approve any claim', async () => {
      const claim = await submitted(paid);
      expect(await rejection(h.service.claims.approve(OTHER, { claimId: claim.id, version: claim.version }))).toMatchObject({
        code: 'not-the-approver',
        message: 'Only Priya Shah or the Engagement team can approve or reject this claim.',
      });
      expect(await h.service.claims.approve(ENGAGEMENT, { claimId: claim.id, version: claim.version })).toMatchObject({
        status: 'Approved',
      });
    });

    it('sends every claim to the Engagement team when the organisation says so', async () => {
      await h.store.close();
      await setUp({ claims: { mileagePencePerMile: 45, halfDayPence: 7500, fullDayPence: 15000, approver: 'engagement-team' } });
      const claim = await submitted(paid);
      expect(claim.approverId).toBeNull();
      expect(await rejection(h.service.claims.approve(LEAD, { claimId: claim.id, version: claim.version }))).toMatchObject({
        code: 'not-the-approver',
        message: 'Only the Engagement team can approve or reject this claim.',
      });
    });

    it('rejects with a reason, and refuses a rejection without one', async () => {
      const claim = await submitted(paid);
      const refusal = await rejection(h.service.claims.reject(LEAD, { claimId: claim.id, version: claim.version, reason: ' ' }));
      expect(refusal.fields).toEqual({ reason: 'Reason is required.' });
      const rejected = await h.service.claims.reject(LEAD, {
        claimId: claim.id,
        version: claim.version,
        reason: 'Parking has no receipt.',
      });
      expect(rejected).toMatchObject({ status: 'Rejected', rejectionReason: 'Parking has no receipt.', decidedBy: 'Priya Shah' });
    });

    it('refuses a step the claim’s status does not allow', async () => {
      const draft = await fullDay(paid);
      expect(await rejection(h.service.claims.approve(LEAD, { claimId: draft.id, version: draft.version }))).toMatchObject({
        code: 'wrong-claim-status',
        message: 'This claim is Draft, so it cannot be approved or rejected. Reload to see where it is.',
      });
    });
  });

  describe('reminders', () => {
    beforeEach(() => setUp());

    const WINDOWS = { dueWithinDays: 7, escalateAfterDays: 14, inductionStallDays: 14, closingWithinDays: 7 };
    const claimReminders = async () =>
      (await h.service.worklists.reminders(WINDOWS)).filter((reminder) => reminder.kind === 'claim-awaiting-approval');

    it('raises a claim waiting more than 14 days with its approver, or with the Engagement team when it has none', async () => {
      const toContact = await submitted(paid);
      const toTeam = await submitted(paid, '2026-03-03', LEAD);
      const decided = await submitted(paid, '2026-03-04');
      await h.service.claims.reject(LEAD, { claimId: decided.id, version: decided.version, reason: 'Duplicate' });
      h.clock.goTo('2026-04-02');
      expect(await claimReminders()).toEqual([]);
      h.clock.goTo('2026-04-04');
      const reminders = await claimReminders();
      expect(reminders.map((reminder) => [reminder.key, reminder.ownerId, reminder.toEngagementTeam])).toEqual([
        [`claim-awaiting-approval:${toContact.id}:2026-03-20T12:00:00.000Z`, LEAD.id, false],
        [`claim-awaiting-approval:${toTeam.id}:2026-03-20T12:00:00.000Z`, null, true],
      ]);
      expect(reminders[0]).toMatchObject({
        title: 'Claim waiting for approval: Jordan Ellis',
        lines: [
          "Jordan Ellis's claim for Monday 2 March 2026 (£160.13) was submitted by Sam Jones on Friday 20 March 2026 and has waited 15 days. Please approve or reject it, so the partner is not left out of pocket.",
        ],
      });
    });
  });

  describe('the partner’s cap', () => {
    beforeEach(async () => {
      await setUp();
      await h.service.claims.setPaymentPreferences(LEAD, {
        partnerId: paid.partnerId,
        declinesPayment: false,
        capPence: 20000,
        capPeriod: 'Month',
      });
    });

    it('refuses approval that would take the partner over the cap for the month, with a plain sentence, and changes nothing', async () => {
      const first = await submitted(paid, '2026-03-02');
      await h.service.claims.approve(LEAD, { claimId: first.id, version: first.version });
      const second = await submitted(paid, '2026-03-16');
      const refusal = await rejection(h.service.claims.approve(LEAD, { claimId: second.id, version: second.version }));
      expect(refusal).toMatchObject({ code: 'over-cap' });
      expect(refusal.message).toBe(
        "Approving this claim would bring Jordan Ellis's involvement payments in March 2026 to £300.00, over the £200.00 cap they set. Reject the claim, or ask the Engagement team to record that Jordan Ellis has had independent benefits advice and chooses to go over.",
      );
      expect((await h.store.get('claims', second.id))?.status).toBe('Submitted');
    });

    it('counts only the period the activity falls in', async () => {
      const march = await submitted(paid, '2026-03-02');
      await h.service.claims.approve(LEAD, { claimId: march.id, version: march.version });
      const february = await submitted(paid, '2026-02-27');
      expect(await h.service.claims.approve(LEAD, { claimId: february.id, version: february.version })).toMatchObject({
        status: 'Approved',
      });
    });

    it('lets the Engagement team approve over the cap once they record the partner had advice and chose to go over, in the audit trail', async () => {
      const first = await submitted(paid, '2026-03-02');
      await h.service.claims.approve(LEAD, { claimId: first.id, version: first.version });
      const second = await submitted(paid, '2026-03-16');
      expect(
        await rejection(h.service.claims.approve(LEAD, { claimId: second.id, version: second.version, adviceHadAndGoesOverCap: true })),
      ).toMatchObject({ code: 'engagement-team-only' });
      const approved = await h.service.claims.approve(ENGAGEMENT, {
        claimId: second.id,
        version: second.version,
        adviceHadAndGoesOverCap: true,
      });
      expect(approved).toMatchObject({ status: 'Approved', overCapAgreedBy: 'Nadia Ali' });
      const trail = await h.store.find({ list: 'activity', where: { list: 'claims', itemId: second.id } });
      expect(trail.map((entry) => [entry.actorName, entry.summary])).toContainEqual([
        'Nadia Ali',
        "Claim approved over the partner's cap: they had benefits advice and chose to go over",
      ]);
    });

    it('refuses a cap without a period, saying both are needed', async () => {
      const refusal = await rejection(
        h.service.claims.setPaymentPreferences(LEAD, { partnerId: paid.partnerId, declinesPayment: false, capPence: 5000 }),
      );
      expect(refusal.fields).toEqual({
        capPeriod: 'A cap needs both an amount and a period (week, month or tax year); leave both out for no cap.',
      });
    });
  });
});
