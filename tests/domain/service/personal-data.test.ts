import { AccessDeniedError, RETENTION_ACTOR, exportSummary, type Involvement, type Partner, type Principal } from '../../../src/domain';
import { ENGAGEMENT, LEAD, activeInvolvement, advertisedRole, harness, rejection, type Harness } from './harness';

const OTHER: Principal = { id: 'aad-tom', name: 'Tom Reid', email: 'tom.reid@example.nhs.uk', tenantId: 'tenant-1' };
const MAYA = { fullName: 'Maya Thompson', preferredName: 'Maya', email: 'maya@example.org', phone: '07700 900123', consentGiven: true };

describe("a partner's personal data", () => {
  let h: Harness;
  let roleId: number;

  beforeEach(async () => {
    h = await harness('2026-03-10');
    ({ roleId } = await advertisedRole(h));
    await h.service.workstreams.create(OTHER, { title: 'Diabetes' });
  });

  afterEach(() => h.store.close());

  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });
  const partnerRef = (partner: Partner) => ({ partnerId: partner.id, version: partner.version });
  const partnerOf = async (involvement: Involvement) => (await h.store.get('partners', involvement.partnerId)) as Partner;

  async function chatBooked(partner: object = MAYA): Promise<Involvement> {
    const involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner });
    return h.service.involvements.bookChat(LEAD, {
      ...ref(involvement),
      at: '2026-03-12T10:30:00Z',
      where: 'Online',
      adjustments: 'Captions on',
    });
  }

  async function activeWithNotes(): Promise<{ involvement: Involvement; partner: Partner }> {
    const involvement = await activeInvolvement(h, roleId, 'Maya Thompson');
    const held = await h.service.oneToOnes.recordHeld(LEAD, {
      involvementId: involvement.id,
      date: '2026-03-10',
      notes: 'Talked about her diabetes and the clinic.',
    });
    return { involvement: held.involvement, partner: await partnerOf(involvement) };
  }

  describe('consent to notes about lived experience', () => {
    it('refuses chat notes until the partner consents, naming what to do, and writes nothing', async () => {
      const booked = await chatBooked();
      const error = await rejection(h.service.involvements.holdChat(LEAD, { ...ref(booked), notes: 'Lives with long COVID.' }));
      expect(error.code).toBe('notes-consent-needed');
      expect(error.message).toBe(
        "Notes about Maya's experience can be kept only with their explicit consent. Record their consent first, or leave the notes out.",
      );
      expect(await h.store.get('involvements', booked.id)).toMatchObject({
        stage: 'Chat booked',
        chatNotes: null,
        version: booked.version,
      });
    });

    it('holds the chat without notes when there is no consent', async () => {
      const booked = await chatBooked();
      const held = await h.service.involvements.holdChat(LEAD, { ...ref(booked), notes: '  ' });
      expect(held.stage).toBe('Chat held');
      expect(held.chatNotes?.trim() ?? '').toBe('');
    });

    it('refuses one-to-one notes until the partner consents', async () => {
      const active = await activeInvolvement(h, roleId, 'Jo Bloggs');
      await h.service.personalData.withdrawNotesConsent(LEAD, partnerRef(await partnerOf(active)));
      const error = await rejection(
        h.service.oneToOnes.recordHeld(LEAD, { involvementId: active.id, date: '2026-03-10', notes: 'Talked about her care.' }),
      );
      expect(error.code).toBe('notes-consent-needed');
      expect(await h.store.find({ list: 'oneToOnes', where: { involvementId: active.id, status: 'Held' } })).toEqual([]);
    });

    it('keeps notes once consent is recorded, with its date', async () => {
      const booked = await chatBooked();
      const partner = await h.service.personalData.recordNotesConsent(LEAD, { ...partnerRef(await partnerOf(booked)), date: '2026-03-09' });
      expect(partner).toMatchObject({ notesConsent: true, notesConsentDate: '2026-03-09', consentGiven: true });
      const held = await h.service.involvements.holdChat(LEAD, { ...ref(booked), notes: 'Lives with long COVID.' });
      expect(held.chatNotes).toBe('Lives with long COVID.');
    });

    it('records consent to notes at interest, when the person gives it then, dated today', async () => {
      const involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { ...MAYA, notesConsent: true } });
      expect(await partnerOf(involvement)).toMatchObject({ notesConsent: true, notesConsentDate: '2026-03-10' });
    });

    it('blanks every note the consent covered when it is withdrawn, in one commit, and says so without the notes', async () => {
      const { involvement, partner } = await activeWithNotes();
      const withdrawn = await h.service.personalData.withdrawNotesConsent(LEAD, partnerRef(partner));
      expect(withdrawn).toMatchObject({ notesConsent: false, notesConsentDate: null });
      expect(await h.store.get('involvements', involvement.id)).toMatchObject({ chatNotes: null });
      const [oneToOne] = await h.store.find({ list: 'oneToOnes', where: { involvementId: involvement.id, status: 'Held' } });
      expect(oneToOne.notes).toBeNull();
      const entries = await h.store.find({ list: 'activity', where: { list: 'oneToOnes', itemId: oneToOne.id } });
      expect(entries.at(-1)).toMatchObject({
        summary: 'Notes removed: consent withdrawn',
        changes: JSON.stringify({ notes: { changed: true } }),
      });
      expect(JSON.stringify(entries)).not.toContain('diabetes');
    });

    it('refuses consent changes from a member of another workstream', async () => {
      const booked = await chatBooked();
      const partner = await partnerOf(booked);
      expect(await rejection(h.service.personalData.recordNotesConsent(OTHER, partnerRef(partner)))).toBeInstanceOf(AccessDeniedError);
      expect(await rejection(h.service.personalData.withdrawNotesConsent(OTHER, partnerRef(partner)))).toBeInstanceOf(AccessDeniedError);
      expect(await partnerOf(booked)).toMatchObject({ notesConsent: false, version: partner.version });
    });

    it('names the fields at fault in a bad request', async () => {
      const error = await rejection(h.service.personalData.recordNotesConsent(LEAD, { partnerId: 'x', version: 1, date: '2026-13-01' }));
      expect(error.code).toBe('validation');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(['date', 'partnerId']);
    });
  });

  /** A claim for care costs, rejected with a reason, and the partner's payment preferences. */
  async function withClaim(involvement: Involvement): Promise<void> {
    const claim = await h.service.claims.create(LEAD, {
      involvementId: involvement.id,
      activityDate: '2026-03-09',
      description: 'Design group, care for her mother',
      expenses: [{ kind: 'Care costs', amountPence: 3000, receiptHeld: true }],
    });
    const submitted = await h.service.claims.submit(LEAD, { claimId: claim.id, version: claim.version });
    await h.service.claims.reject(ENGAGEMENT, {
      claimId: claim.id,
      version: submitted.version,
      reason: 'Her mother’s carer invoice missing',
    });
    await h.service.claims.setPaymentPreferences(LEAD, { partnerId: involvement.partnerId, declinesPayment: true });
  }

  describe('a copy of everything held (subject access)', () => {
    it('includes their claims and payment preferences, with the audit entries about them', async () => {
      const { involvement, partner } = await activeWithNotes();
      await withClaim(involvement);
      const exported = await h.service.personalData.export(ENGAGEMENT, partner.id);
      expect(exported.paymentPreferences).toMatchObject({ declinesPayment: true });
      expect(exported.involvements[0].claims).toEqual([
        expect.objectContaining({ description: 'Design group, care for her mother', status: 'Rejected', expensesPence: 3000 }),
      ]);
      expect(new Set(exported.auditTrail.map((entry) => entry.list))).toEqual(
        new Set(['partners', 'involvements', 'inductionTasks', 'oneToOnes', 'claims', 'paymentPreferences']),
      );
      const text = exportSummary(exported);
      expect(text).toContain('Your choices about payment\n  Declines payment: yes');
      expect(text).toContain('  Claim for 2026-03-09:\n    Status: Rejected');
    });

    it('writes each expense line of a claim in words, not as stored data', async () => {
      const { involvement, partner } = await activeWithNotes();
      await h.service.claims.create(LEAD, {
        involvementId: involvement.id,
        activityDate: '2026-03-10',
        description: 'Design group',
        expenses: [
          { kind: 'Mileage', miles: 12, receiptHeld: false },
          { kind: 'Parking', amountPence: 450, receiptHeld: true },
          { kind: 'Mileage', miles: 1, receiptHeld: true },
        ],
      });
      const text = exportSummary(await h.service.personalData.export(ENGAGEMENT, partner.id));
      expect(text).toContain(
        [
          '    Expenses:',
          '      - Mileage: 12 miles, £5.40, no receipt',
          '      - Parking: £4.50, receipt held',
          '      - Mileage: 1 mile, £0.45, receipt held',
        ].join('\n'),
      );
      expect(text).not.toContain('Expense lines');
      expect(text).not.toContain('amountPence');
    });

    it('gives the partner, each involvement with its role and workstream, induction items, one-to-ones and their audit entries', async () => {
      const { involvement, partner } = await activeWithNotes();
      const exported = await h.service.personalData.export(ENGAGEMENT, partner.id);
      expect(exported.partner).toMatchObject({ fullName: 'Maya Thompson', notesConsent: true });
      expect(exported.exportedBy).toBe('Nadia Ali');
      expect(exported.involvements).toHaveLength(1);
      const [item] = exported.involvements;
      expect(item).toMatchObject({
        roleTitle: 'Lay member, same-day urgent care design group',
        workstreamTitle: 'Urgent and emergency care',
      });
      expect(item.involvement.id).toBe(involvement.id);
      expect(item.inductionItems.length).toBeGreaterThan(5);
      // The one held, and the first one booked in induction (cancelled by the test's set-up).
      expect(item.oneToOnes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ status: 'Held', notes: 'Talked about her diabetes and the clinic.' }),
          expect.objectContaining({ status: 'Cancelled' }),
        ]),
      );
      const lists = new Set(exported.auditTrail.map((entry) => entry.list));
      expect(lists).toEqual(new Set(['partners', 'involvements', 'inductionTasks', 'oneToOnes']));
    });

    it('reads as plain English', async () => {
      const { partner } = await activeWithNotes();
      const text = exportSummary(await h.service.personalData.export(ENGAGEMENT, partner.id));
      expect(text).toContain('What Partner Pathway holds about Maya Thompson');
      expect(text).toContain('  Full name: Maya Thompson');
      expect(text).toContain('Role: "Lay member, same-day urgent care design group" (Urgent and emergency care)');
      expect(text).toContain('  Stage: Active');
      expect(text).toContain('One-to-one on 2026-03-10:');
      expect(text).toContain('Notes: Talked about her diabetes and the clinic.');
      expect(text).toMatch(/Who has viewed or changed these records \(\d+ entries\)/);
    });

    it('writes the reviews that come round in words: the term, each agreement signed and when re-confirmed, the access needs review', async () => {
      const { involvement, partner } = await activeWithNotes();
      const renewed = await h.service.reviews.renewTerm(LEAD, { ...ref(involvement), termEndDate: '2029-03-10' });
      await h.service.reviews.reviewAccessNeeds(LEAD, { ...ref(renewed), nextReviewDate: '2026-09-10' });
      const text = exportSummary(await h.service.personalData.export(ENGAGEMENT, partner.id));
      expect(text).toContain(
        [
          '  Reviews that come round:',
          '    - Term of office: ends Saturday 10 March 2029',
          '    - Agreements: Confidentiality agreement signed (Tuesday 10 March 2026); Involvement agreement signed (Tuesday 10 March 2026); to be re-confirmed by Wednesday 10 March 2027',
          '    - Access needs and adjustments: last reviewed Tuesday 10 March 2026; next review due Thursday 10 September 2026',
        ].join('\n'),
      );
      expect(text).not.toContain('Term of office ends: 2029');
      expect(text).not.toContain('Access needs review due: 2026');
    });

    it('records the export in the audit trail, free of personal data', async () => {
      const { partner } = await activeWithNotes();
      await h.service.personalData.export(ENGAGEMENT, partner.id);
      const [entry] = await h.store.find({ list: 'activity', where: { list: 'partners', itemId: partner.id, action: 'Exported' } });
      expect(entry).toMatchObject({ actorName: 'Nadia Ali', summary: 'Personal data exported (subject access)', changes: null });
    });

    it("is for the Engagement team only, even for the partner's own workstream", async () => {
      const { partner } = await activeWithNotes();
      const error = await rejection(h.service.personalData.export(LEAD, partner.id));
      expect(error).toBeInstanceOf(AccessDeniedError);
      expect(error.message).toMatch(/^Only the Engagement team can export a person's data\./);
      expect(await rejection(h.service.personalData.export(OTHER, partner.id))).toBeInstanceOf(AccessDeniedError);
    });

    it('answers not found for a partner who does not exist', async () => {
      expect((await rejection(h.service.personalData.export(ENGAGEMENT, 999))).code).toBe('not-found');
    });
  });

  describe('erasure', () => {
    it('blanks every personal field of the partner, their involvements and one-to-ones, keeping stages, dates and counts', async () => {
      const { involvement, partner } = await activeWithNotes();
      const erasure = await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      // Two one-to-ones: the first, booked in induction and cancelled by the set-up, and the one held.
      expect(erasure).toMatchObject({ erasedNow: true, involvements: 1, oneToOnes: 2 });
      expect(erasure.partner).toMatchObject({
        fullName: `Erased partner ${partner.id}`,
        preferredName: null,
        email: null,
        phone: null,
        postalAddress: null,
        accessNeeds: null,
        notesConsent: false,
        erasedDate: '2026-03-10',
      });
      expect(await h.store.get('involvements', involvement.id)).toMatchObject({
        stage: 'Active',
        activeDate: involvement.activeDate,
        chatAdjustments: null,
        chatNotes: null,
        stageReason: null,
      });
      const [oneToOne] = await h.store.find({ list: 'oneToOnes', where: { involvementId: involvement.id, status: 'Held' } });
      expect(oneToOne).toMatchObject({ status: 'Held', date: '2026-03-10', notes: null });
      const dashboard = await h.service.partnerViews.dashboard(LEAD, involvement.workstreamId);
      expect(dashboard.stageCounts.Active).toBe(1);
    });

    it('keeps claims as financial records without identity or description, removes payment preferences, and says so', async () => {
      const { involvement, partner } = await activeWithNotes();
      await withClaim(involvement);
      const erasure = await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      expect(erasure).toMatchObject({
        claimsKept: 1,
        kept: '1 claim was kept as financial records, as HMRC requires for six years: dates, amounts and who approved and paid them, with no name and no description of the activity.',
      });
      const [claim] = await h.store.find({ list: 'claims', where: { partnerId: partner.id } });
      expect(claim).toMatchObject({
        description: 'Details erased',
        rejectionReason: null,
        activityDate: '2026-03-09',
        expensesPence: 3000,
        status: 'Rejected',
        decidedBy: 'Nadia Ali',
      });
      expect(await h.store.find({ list: 'paymentPreferences', where: { partnerId: partner.id } })).toEqual([]);
      const trail = JSON.stringify(await h.store.find({ list: 'activity', where: { list: 'claims', itemId: claim.id } }));
      expect(trail).toContain('Personal data erased; financial record kept');
      for (const value of ['mother', 'Maya']) expect(trail).not.toContain(value);
    });

    it('records the erasure in the audit trail without the erased data', async () => {
      const { partner } = await activeWithNotes();
      await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      const entries = await h.store.find({ list: 'activity', where: { summary: 'Personal data erased' } });
      expect(entries.map((entry) => entry.list).sort()).toEqual(['involvements', 'oneToOnes', 'oneToOnes', 'partners']);
      const trail = JSON.stringify(await h.store.find({ list: 'activity', where: { actorId: [LEAD.id, ENGAGEMENT.id] } }));
      for (const value of ['Maya', 'Thompson', 'diabetes', 'maya@example.org']) expect(trail).not.toContain(value);
    });

    it('is idempotent: erasing again writes nothing', async () => {
      const { partner } = await activeWithNotes();
      const first = await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      const before = await h.store.find({ list: 'activity', where: { list: 'partners', itemId: partner.id } });
      const again = await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      expect(again).toMatchObject({ erasedNow: false, partner: { version: first.partner.version } });
      expect(await h.store.find({ list: 'activity', where: { list: 'partners', itemId: partner.id } })).toHaveLength(before.length);
    });

    it('refuses a stale version, erasing nothing', async () => {
      const { partner } = await activeWithNotes();
      await h.service.partners.updateDetails(LEAD, { ...partnerRef(partner), phone: '07700 900999' });
      expect((await rejection(h.service.personalData.erase(ENGAGEMENT, partnerRef(partner)))).code).toBe('conflict');
      expect(await partnerOf({ partnerId: partner.id } as Involvement)).toMatchObject({ fullName: 'Maya Thompson', erasedDate: null });
    });

    it('refuses to record anything new about an erased partner, saying to record them afresh', async () => {
      const { partner } = await activeWithNotes();
      const { partner: erased } = await h.service.personalData.erase(ENGAGEMENT, partnerRef(partner));
      const refusals = await Promise.all([
        rejection(h.service.partners.updateDetails(LEAD, { ...partnerRef(erased), email: 'back@example.org' })),
        rejection(h.service.personalData.recordNotesConsent(LEAD, partnerRef(erased))),
        rejection(h.service.involvements.recordInterest(LEAD, { roleId, partnerId: erased.id })),
      ]);
      expect(refusals.map((error) => error.code)).toEqual(['partner-erased', 'partner-erased', 'partner-erased']);
      expect(refusals[0].message).toBe(
        `The personal data of Erased partner ${partner.id} was erased on 2026-03-10, so nothing more can be recorded about them. If they come back, record them as a new partner, with their consent.`,
      );
      expect(await h.store.get('partners', partner.id)).toEqual(erased);
    });

    it('is for the Engagement team only', async () => {
      const { partner } = await activeWithNotes();
      const error = await rejection(h.service.personalData.erase(LEAD, partnerRef(partner)));
      expect(error.message).toMatch(/^Only the Engagement team can erase a person's data\./);
      expect(await rejection(h.service.personalData.erase(OTHER, partnerRef(partner)))).toBeInstanceOf(AccessDeniedError);
      expect(await partnerOf({ partnerId: partner.id } as Involvement)).toMatchObject({ fullName: 'Maya Thompson' });
    });
  });

  describe('viewing a record', () => {
    it('records who viewed the partner, free of personal data', async () => {
      const involvement = await chatBooked();
      await h.service.partnerViews.partnerDetail(LEAD, involvement.id);
      const entries = await h.store.find({
        list: 'activity',
        where: { list: 'partners', itemId: involvement.partnerId, action: 'Viewed' },
      });
      expect(entries).toEqual([expect.objectContaining({ actorId: LEAD.id, summary: 'Partner record viewed', changes: null })]);
    });

    it('records nothing when the view is refused', async () => {
      const involvement = await chatBooked();
      await rejection(h.service.partnerViews.partnerDetail(OTHER, involvement.id));
      expect(await h.store.find({ list: 'activity', where: { action: 'Viewed' } })).toEqual([]);
    });
  });

  describe('the retention schedule', () => {
    async function ended(fullName: string, on: string): Promise<Involvement> {
      h.clock.goTo(on);
      const involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName, consentGiven: true } });
      return h.service.involvements.notProgress(LEAD, { ...ref(involvement), reason: 'Chose another role' });
    }

    it('erases partners whose every involvement closed more than the retention period ago', async () => {
      const old = await ended('Old Partner', '2019-01-10');
      const recent = await ended('Recent Partner', '2025-01-10');
      h.clock.goTo('2026-03-10');
      const current = await h.service.involvements.recordInterest(LEAD, { roleId, partnerId: old.partnerId });
      expect(await h.service.personalData.applyRetention(RETENTION_ACTOR)).toBe(0);

      await h.service.involvements.notProgress(LEAD, { ...ref(current), reason: 'Moved away' });
      h.clock.goTo('2032-03-11');
      expect(await h.service.personalData.applyRetention(RETENTION_ACTOR)).toBe(2);
      expect((await h.store.get('partners', old.partnerId))?.fullName).toBe(`Erased partner ${old.partnerId}`);
      expect((await h.store.get('partners', recent.partnerId))?.fullName).toBe(`Erased partner ${recent.partnerId}`);
      const [entry] = await h.store.find({
        list: 'activity',
        where: { list: 'partners', itemId: old.partnerId, summary: 'Personal data erased' },
      });
      expect(entry).toMatchObject({ actorId: 'partner-pathway-retention', actorName: 'Retention schedule' });
      expect(await h.service.personalData.applyRetention(RETENTION_ACTOR)).toBe(0);
    });

    it('keeps a partner until the whole period has passed, and follows RETENTION_MONTHS', async () => {
      const involvement = await ended('Short Stay', '2026-01-05');
      h.clock.goTo('2032-01-05');
      expect(await h.service.personalData.applyRetention(RETENTION_ACTOR)).toBe(0);
      const short = await harness('2026-01-05', { retentionMonths: 1 });
      try {
        const { roleId: shortRole } = await advertisedRole(short);
        const first = await short.service.involvements.recordInterest(LEAD, {
          roleId: shortRole,
          partner: { fullName: 'Short Stay', consentGiven: true },
        });
        await short.service.involvements.notProgress(LEAD, { ...ref(first), reason: 'Not now' });
        short.clock.goTo('2026-02-06');
        expect(await short.service.personalData.applyRetention(RETENTION_ACTOR)).toBe(1);
      } finally {
        await short.store.close();
      }
      expect((await h.store.get('partners', involvement.partnerId))?.fullName).toBe('Short Stay');
    });

    it("deletes an erased partner's claims six years after the end of the financial year of their last step, audited without personal data", async () => {
      const { involvement, partner } = await activeWithNotes();
      await withClaim(involvement);
      const [rejected] = await h.store.find({ list: 'claims', where: { partnerId: partner.id } });
      const paidLater = await h.service.claims.create(LEAD, {
        involvementId: involvement.id,
        activityDate: '2026-03-09',
        description: 'Design group, taxi home',
        expenses: [{ kind: 'Other', amountPence: 1800, receiptHeld: true }],
      });
      const submitted = await h.service.claims.submit(LEAD, { claimId: paidLater.id, version: paidLater.version });
      h.clock.goTo('2026-04-02');
      await h.service.claims.approve(ENGAGEMENT, { claimId: paidLater.id, version: submitted.version });
      await h.service.claims.financeExport(ENGAGEMENT, { from: '2026-03-01', to: '2026-03-31' });
      const stays = await activeInvolvement(h, roleId, 'Ravi Kumar');
      const notErased = await h.service.claims.create(LEAD, {
        involvementId: stays.id,
        activityDate: '2026-03-09',
        description: 'Design group',
        expenses: [{ kind: 'Parking', amountPence: 300, receiptHeld: false }],
      });
      await h.service.personalData.erase(ENGAGEMENT, partnerRef(await partnerOf(involvement)));
      const claimIds = async () => (await h.store.find({ list: 'claims' })).map((claim) => claim.id).sort((a, b) => a - b);

      // Rejected in the financial year to 31 March 2026: kept to 31 March 2032, deleted the day after.
      h.clock.goTo('2032-03-31');
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBe(0);
      h.clock.goTo('2032-04-01');
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBe(1);
      expect(await claimIds()).toEqual([paidLater.id, notErased.id]);
      const trail = await h.store.find({ list: 'activity', where: { list: 'claims', itemId: rejected.id, action: 'Deleted' } });
      expect(trail).toEqual([
        expect.objectContaining({
          actorName: 'Retention schedule',
          summary: 'Financial record deleted: six years after the end of its financial year',
        }),
      ]);
      for (const value of ['Maya', 'mother', 'Thompson']) expect(JSON.stringify(trail)).not.toContain(value);

      // Paid on 2 April 2026, in the next financial year: kept to 31 March 2033. A partner not erased keeps theirs.
      h.clock.goTo('2033-03-31');
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBe(0);
      h.clock.goTo('2033-04-01');
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBe(1);
      expect(await claimIds()).toEqual([notErased.id]);
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBe(0);
    });

    it('may be run by the Engagement team, and by no one else', async () => {
      expect(await h.service.personalData.applyRetention(ENGAGEMENT)).toBe(0);
      expect(await rejection(h.service.personalData.applyRetention(LEAD))).toBeInstanceOf(AccessDeniedError);
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(ENGAGEMENT)).toBe(0);
      expect(await rejection(h.service.personalData.deleteErasedClaimsAfterSixYears(LEAD))).toBeInstanceOf(AccessDeniedError);
    });
  });
});
