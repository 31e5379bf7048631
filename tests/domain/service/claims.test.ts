import { approversOf, DEFAULT_CLAIM_SETTINGS, type Involvement, type Principal } from '../../../src/domain';
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
      await setUp({ claims: { ...DEFAULT_CLAIM_SETTINGS, mileagePencePerMile: 30, halfDayPence: 5000, fullDayPence: 9000 } });
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
      expect(read).toMatchObject({
        paidRole: true,
        preferences: { declinesPayment: false, capPence: 50000, capPeriod: 'Month' },
        choicesInWords: 'Takes involvement payments. Cap: £500.00 per month.',
      });
      expect(await h.service.claims.forInvolvement(COLLEAGUE, unpaid.id)).toEqual({
        claims: [],
        preferences: null,
        paidRole: false,
        choicesInWords: "Level 2 roles are not paid under your organisation's rules. Only expenses are claimed in it.",
      });
    });

    it('says the partner’s payment choices as true for a role that is not paid: expenses only, and what they chose for paid roles', async () => {
      await h.service.claims.setPaymentPreferences(LEAD, { partnerId: unpaid.partnerId, declinesPayment: false });
      expect((await h.service.claims.forInvolvement(COLLEAGUE, unpaid.id)).choicesInWords).toBe(
        "Level 2 roles are not paid under your organisation's rules. Only expenses are claimed in it. In a paid role they take involvement payments, with no cap.",
      );
      await h.service.claims.setPaymentPreferences(LEAD, {
        partnerId: unpaid.partnerId,
        declinesPayment: true,
        capPence: 120000,
        capPeriod: 'Tax year',
      });
      expect((await h.service.claims.forInvolvement(COLLEAGUE, unpaid.id)).choicesInWords).toBe(
        "Level 2 roles are not paid under your organisation's rules. Only expenses are claimed in it. In a paid role they decline involvement payments, with a cap of £1,200.00 per tax year.",
      );
      expect((await h.service.claims.forInvolvement(COLLEAGUE, paid.id)).choicesInWords).toBe(
        'No choices recorded: paid at the organisation’s rates, with no cap.',
      );
      expect(await rejection(h.service.claims.forInvolvement(OUTSIDER, paid.id))).toMatchObject({ code: 'no-access' });
    });
  });

  describe('changing or withdrawing a draft', () => {
    beforeEach(() => setUp());

    const activityOf = async (claimId: number) =>
      (await h.store.find({ list: 'activity', where: { list: 'claims', itemId: claimId } })).map((entry) => [
        entry.action,
        entry.actorName,
        entry.summary,
      ]);

    it('lets another member of the workstream change a draft, priced and checked as a new claim, and audits it', async () => {
      const draft = await fullDay(paid);
      const changed = await h.service.claims.edit(OTHER, {
        claimId: draft.id,
        version: draft.version,
        dayLength: 'Half day',
        expenses: [{ kind: 'Mileage', miles: 20, receiptHeld: true }],
      });
      expect(changed).toMatchObject({
        status: 'Draft',
        description: 'Design group workshop',
        activityDate: '2026-03-02',
        dayLength: 'Half day',
        paymentPence: 7500,
        expensesPence: 900,
        version: draft.version + 1,
      });
      expect(JSON.parse(changed.expenseLines ?? '')).toEqual([{ kind: 'Mileage', miles: 20, amountPence: 900, receiptHeld: true }]);
      expect(await activityOf(draft.id)).toEqual([
        ['Created', 'Sam Jones', 'Claim recorded'],
        ['Updated', 'Alex Kerr', 'Draft claim changed'],
      ]);
    });

    it('keeps what a change leaves out, and takes the day away when it is set to none', async () => {
      const draft = await fullDay(paid);
      const changed = await h.service.claims.edit(COLLEAGUE, {
        claimId: draft.id,
        version: draft.version,
        description: 'Design group, second session',
        dayLength: null,
      });
      expect(changed).toMatchObject({ description: 'Design group, second session', dayLength: null, paymentPence: 0, expensesPence: 1013 });
      expect(JSON.parse(changed.expenseLines ?? '')).toEqual(JSON.parse(draft.expenseLines ?? ''));
    });

    it('refuses a change by the rules of a new claim, naming each field, and changes nothing', async () => {
      const draft = await fullDay(paid);
      const bad = await rejection(
        h.service.claims.edit(COLLEAGUE, {
          claimId: draft.id,
          version: draft.version,
          activityDate: 'last Tuesday',
          expenses: [{ kind: 'Parking', miles: 3, receiptHeld: true }],
        }),
      );
      expect(bad.code).toBe('validation');
      expect(bad.fields).toMatchObject({
        activityDate: expect.any(String),
        'expenses.0.miles': 'Expense 1: Only mileage is claimed in miles.',
      });
      expect(
        await rejection(h.service.claims.edit(COLLEAGUE, { claimId: draft.id, version: draft.version, activityDate: '2026-03-21' })),
      ).toMatchObject({
        code: 'date-in-future',
      });
      expect(
        await rejection(h.service.claims.edit(COLLEAGUE, { claimId: draft.id, version: draft.version, dayLength: null, expenses: [] })),
      ).toMatchObject({
        code: 'empty-claim',
      });
      expect(await h.store.get('claims', draft.id)).toEqual(draft);
    });

    it('refuses a change made on an earlier version, rather than saving over the other change', async () => {
      const draft = await fullDay(paid);
      await h.service.claims.edit(OTHER, { claimId: draft.id, version: draft.version, description: 'Workshop, morning' });
      expect(
        await rejection(h.service.claims.edit(COLLEAGUE, { claimId: draft.id, version: draft.version, description: 'Workshop' })),
      ).toMatchObject({
        code: 'conflict',
      });
      expect(await rejection(h.service.claims.withdraw(COLLEAGUE, { claimId: draft.id, version: draft.version }))).toMatchObject({
        code: 'conflict',
      });
      expect(await h.store.get('claims', draft.id)).toMatchObject({ description: 'Workshop, morning' });
    });

    it('refuses to change or withdraw a claim once it is submitted, saying what can be done', async () => {
      const claim = await submitted(paid);
      const change = await rejection(h.service.claims.edit(COLLEAGUE, { claimId: claim.id, version: claim.version, description: 'x' }));
      expect(change).toMatchObject({ code: 'claim-not-draft', details: { status: 'Submitted' } });
      expect(change.message).toBe(
        'This claim is Submitted, so it can no longer be changed: only a Draft can. If it is wrong, its approver can reject it with a reason, and a corrected claim can be recorded.',
      );
      expect(await rejection(h.service.claims.withdraw(COLLEAGUE, { claimId: claim.id, version: claim.version }))).toMatchObject({
        code: 'claim-not-draft',
        message: expect.stringContaining('so it can no longer be withdrawn'),
      });
      expect(await h.store.get('claims', claim.id)).toEqual(claim);
    });

    it('withdraws a draft: it is gone from the workstream’s claims, and the audit trail says who withdrew it', async () => {
      const draft = await fullDay(paid);
      await h.service.claims.withdraw(OTHER, { claimId: draft.id, version: draft.version, key: 'withdraw-claim-1' });
      expect(await h.store.get('claims', draft.id)).toBeUndefined();
      expect(await h.service.claims.forWorkstream(LEAD, workstreamId)).toEqual([]);
      expect(await activityOf(draft.id)).toEqual([
        ['Created', 'Sam Jones', 'Claim recorded'],
        ['Deleted', 'Alex Kerr', 'Draft claim withdrawn'],
      ]);
      // The same press again, its answer lost: answered as the first, not refused; without its key, the claim is gone.
      await h.service.claims.withdraw(OTHER, { claimId: draft.id, version: draft.version, key: 'withdraw-claim-1' });
      expect(await rejection(h.service.claims.withdraw(ENGAGEMENT, { claimId: draft.id, version: draft.version }))).toMatchObject({
        code: 'not-found',
      });
    });

    it('keeps changes and withdrawals to the workstream’s members and the Engagement team', async () => {
      const draft = await fullDay(paid);
      const ref = { claimId: draft.id, version: draft.version };
      expect(await rejection(h.service.claims.edit(OUTSIDER, { ...ref, description: 'x' }))).toMatchObject({ code: 'no-access' });
      expect(await rejection(h.service.claims.withdraw(OUTSIDER, ref))).toMatchObject({ code: 'no-access' });
      expect(await h.store.get('claims', draft.id)).toEqual(draft);
      await h.service.claims.withdraw(ENGAGEMENT, ref);
      expect(await h.store.get('claims', draft.id)).toBeUndefined();
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
      await setUp({ claims: { ...DEFAULT_CLAIM_SETTINGS, approver: 'engagement-team' } });
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

  describe('what a claim may hold, before it is recorded', () => {
    beforeEach(() => setUp());

    it('offers a half or full day at the organisation’s rates where the role’s level is paid', async () => {
      expect(await h.service.claims.offerFor(COLLEAGUE, paid.id)).toMatchObject({
        partnerName: 'Jordan Ellis',
        dayLengths: ['Half day', 'Full day'],
        paymentNote: 'A half day is paid £75.00 and a full day £150.00.',
        expensesNote: 'Mileage is claimed in miles, at 45p a mile; other expenses as the amount spent.',
      });
    });

    it('offers no half or full day where the level is not paid, and says so as the refusal would', async () => {
      expect(await h.service.claims.offerFor(COLLEAGUE, unpaid.id)).toMatchObject({
        dayLengths: [],
        paymentNote: "Level 2 roles are not paid under your organisation's rules. Claim the expenses only.",
      });
    });

    it('says a half or full day pays nothing when the partner declines payment', async () => {
      await h.service.claims.setPaymentPreferences(LEAD, { partnerId: paid.partnerId, declinesPayment: true });
      expect((await h.service.claims.offerFor(COLLEAGUE, paid.id)).paymentNote).toBe(
        'They decline involvement payments, so a half or full day is recorded with no payment.',
      );
    });

    it('is refused to someone outside the workstream', async () => {
      expect(await rejection(h.service.claims.offerFor(OUTSIDER, paid.id))).toMatchObject({ code: 'no-access' });
    });

    it('reads one claim with its partner’s name and lines, and says who may decide it once submitted', async () => {
      const claim = await submitted(paid);
      const read = await h.service.claims.one(OTHER, claim.id);
      expect(read).toMatchObject({ partnerName: 'Jordan Ellis', claim: { id: claim.id, status: 'Submitted' } });
      expect(read.lines.map((line) => line.kind)).toEqual(['Mileage', 'Parking']);
      expect(approversOf(read.claim)).toBe('Priya Shah or the Engagement team can approve or reject it.');
      expect(await rejection(h.service.claims.one(OUTSIDER, claim.id))).toMatchObject({ code: 'no-access' });
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
        claimId: toContact.id,
        title: 'Claim waiting for approval: Jordan Ellis',
        lines: [
          "Jordan Ellis's claim for Monday 2 March 2026 (£160.13) was submitted by Sam Jones on Friday 20 March 2026 and has waited 15 days. Please approve or reject it, so the partner is not left out of pocket.",
        ],
      });
    });

    it('waits as many days as the organisation sets before raising a claim', async () => {
      await h.store.close();
      await setUp({ claims: { ...DEFAULT_CLAIM_SETTINGS, approvalReminderDays: 3 } });
      const claim = await submitted(paid);
      h.clock.goTo('2026-03-22');
      expect(await claimReminders()).toEqual([]);
      h.clock.goTo('2026-03-24');
      expect((await claimReminders()).map((reminder) => reminder.key)).toEqual([
        `claim-awaiting-approval:${claim.id}:2026-03-20T12:00:00.000Z`,
      ]);
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
