import type { Involvement, Stage } from '../../../src/domain';
import { ENGAGEMENT, LEAD, advertisedRole, harness, rejection, type Harness } from './harness';

const MAYA = { fullName: 'Maya Thompson', preferredName: 'Maya', email: 'maya@example.org', consentGiven: true, notesConsent: true };

describe("a partner's journey through one role", () => {
  let h: Harness;
  let roleId: number;
  let workstreamId: number;

  beforeEach(async () => {
    h = await harness('2026-03-10');
    ({ roleId, workstreamId } = await advertisedRole(h));
  });

  afterEach(() => h.store.close());

  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });

  async function interested(): Promise<Involvement> {
    return h.service.involvements.recordInterest(LEAD, { roleId, partner: MAYA });
  }

  async function offered(): Promise<Involvement> {
    let involvement = await interested();
    involvement = await h.service.involvements.bookChat(LEAD, { ...ref(involvement), at: '2026-03-12T10:30:00Z', where: 'Online' });
    involvement = await h.service.involvements.holdChat(LEAD, { ...ref(involvement), notes: 'Keen; asked about expenses.' });
    return h.service.involvements.makeOffer(LEAD, ref(involvement));
  }

  async function inInduction(): Promise<Involvement> {
    return h.service.involvements.startInduction(LEAD, ref(await offered()));
  }

  async function tickAll(involvementId: number, except: string[] = []): Promise<void> {
    const { checklist } = await h.service.views.partnerDetail(LEAD, involvementId);
    for (const task of checklist.filter((item) => item.required && !except.includes(item.label))) {
      await h.service.induction.completeTask(LEAD, { taskId: task.id, version: task.version });
    }
  }

  async function active(): Promise<Involvement> {
    const involvement = await inInduction();
    await tickAll(involvement.id);
    return h.service.involvements.activate(LEAD, ref(involvement));
  }

  it('logs interest as a new partner with consent, at stage Interested, owned by the role lead', async () => {
    const involvement = await interested();
    expect(involvement).toMatchObject({ stage: 'Interested', roleId, workstreamId, interestDate: '2026-03-10', ownerName: 'Priya Shah', cadenceWeeks: 8 });
    const partner = await h.store.get('partners', involvement.partnerId);
    expect(partner).toMatchObject({ fullName: 'Maya Thompson', consentGiven: true, consentDate: '2026-03-10', peerNetworkStatus: 'Not invited' });
  });

  it('refuses to keep details without consent, and writes nothing', async () => {
    const error = await rejection(h.service.involvements.recordInterest(LEAD, { roleId, partner: { ...MAYA, consentGiven: false } }));
    expect(error.fields).toEqual({ 'partner.consentGiven': 'Consent to hold details must be confirmed before details are saved.' });
    expect(await h.store.find({ list: 'partners' })).toEqual([]);
  });

  it('does not create a second partner when a timed-out request is retried with the same key', async () => {
    const first = await h.service.involvements.recordInterest(LEAD, { roleId, partner: MAYA, key: 'retry-key-0001' });
    const again = await h.service.involvements.recordInterest(LEAD, { roleId, partner: MAYA, key: 'retry-key-0001' });
    expect(again.id).toBe(first.id);
    expect(await h.store.find({ list: 'partners' })).toHaveLength(1);
    expect(await h.store.find({ list: 'involvements' })).toHaveLength(1);
  });

  it('takes interest from a known partner in another role, but not twice in the same one', async () => {
    const first = await interested();
    const error = await rejection(h.service.involvements.recordInterest(LEAD, { roleId, partnerId: first.partnerId }));
    expect(error.code).toBe('already-involved');
    expect(error.message).toBe('Maya is already on the pathway for "Lay member, same-day urgent care design group".');
  });

  it('refuses interest in a role still being planned', async () => {
    const { role } = await h.service.roles.planRole(LEAD, { workstreamId, title: 'Board lay member' });
    const error = await rejection(h.service.involvements.recordInterest(LEAD, { roleId: role.id, partner: MAYA }));
    expect(error.code).toBe('role-not-open');
  });

  it('books the chat with where and adjustments, and can move it', async () => {
    const involvement = await interested();
    const booked = await h.service.involvements.bookChat(LEAD, {
      ...ref(involvement),
      at: '2026-03-12T10:30:00Z',
      where: 'Community centre, ground floor',
      adjustments: 'Step-free access',
    });
    expect(booked).toMatchObject({ stage: 'Chat booked', chatWhere: 'Community centre, ground floor', chatAdjustments: 'Step-free access', stageChangedBy: 'Priya Shah' });
    const moved = await h.service.involvements.bookChat(LEAD, { ...ref(booked), at: '2026-03-13T14:00:00Z', where: 'Online' });
    expect(moved).toMatchObject({ stage: 'Chat booked', chatAt: '2026-03-13T14:00:00.000Z', chatWhere: 'Online' });
  });

  it('refuses an offer before the chat is held, naming the next step', async () => {
    const involvement = await interested();
    const error = await rejection(h.service.involvements.makeOffer(LEAD, ref(involvement)));
    expect(error.code).toBe('stage-not-allowed');
    expect(error.message).toBe('Maya cannot be offered the role while at Interested. From Interested the next step is Chat booked or Not progressed.');
  });

  it('starts induction with the default checklist', async () => {
    const involvement = await inInduction();
    const detail = await h.service.views.partnerDetail(LEAD, involvement.id);
    expect(detail.involvement.stage).toBe('Induction');
    expect(detail.checklist.map((task) => task.label)).toContain('Confidentiality agreement signed');
    expect(detail.induction).toEqual({ done: 0, total: 12, missingRequired: expect.arrayContaining(['Involvement agreement signed']) });
  });

  it("uses the workstream's own induction template over the organisation's", async () => {
    await h.service.workstreams.setInductionTemplate(ENGAGEMENT, { items: [{ label: 'ICS welcome pack', kind: 'Task', required: true }] });
    await h.service.workstreams.setInductionTemplate(LEAD, {
      workstreamId,
      items: [
        { label: 'Welcome to urgent care', kind: 'Task', required: true },
        { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
      ],
    });
    const involvement = await inInduction();
    const { checklist } = await h.service.views.partnerDetail(LEAD, involvement.id);
    expect(checklist.map((task) => task.label)).toEqual(['Welcome to urgent care', 'Confidentiality agreement signed']);
  });

  it('refuses Active while the confidentiality agreement is unsigned', async () => {
    const involvement = await inInduction();
    await tickAll(involvement.id, ['Confidentiality agreement signed']);
    const error = await rejection(h.service.involvements.activate(LEAD, ref(involvement)));
    expect(error.code).toBe('induction-incomplete');
    expect(error.message).toBe('Maya cannot become Active: the confidentiality agreement is not signed yet.');
    expect((await h.store.get('involvements', involvement.id))?.stage).toBe('Induction');
  });

  it('records the date an agreement was signed, never in the future', async () => {
    const involvement = await inInduction();
    const { checklist } = await h.service.views.partnerDetail(LEAD, involvement.id);
    const agreement = checklist.find((task) => task.label === 'Involvement agreement signed');
    if (!agreement) throw new Error('missing agreement');
    const future = await rejection(h.service.induction.completeTask(LEAD, { taskId: agreement.id, version: agreement.version, date: '2026-03-11' }));
    expect(future.code).toBe('date-in-future');
    const signed = await h.service.induction.completeTask(LEAD, { taskId: agreement.id, version: agreement.version, date: '2026-03-09' });
    expect(signed).toMatchObject({ done: true, doneDate: '2026-03-09', doneBy: 'Priya Shah' });
    const reopened = await h.service.induction.reopenTask(LEAD, { taskId: agreement.id, version: signed.version });
    expect(reopened).toMatchObject({ done: false, doneDate: null, doneBy: null });
  });

  it('becomes Active when every required item is done, with the first one-to-one due a cadence later', async () => {
    const involvement = await active();
    expect(involvement).toMatchObject({ stage: 'Active', activeDate: '2026-03-10', nextOneToOneDue: '2026-05-05' });
  });

  it('closes the checklist once the partner is Active', async () => {
    const involvement = await active();
    const { checklist } = await h.service.views.partnerDetail(LEAD, involvement.id);
    const error = await rejection(h.service.induction.reopenTask(LEAD, { taskId: checklist[0].id, version: checklist[0].version }));
    expect(error.code).toBe('induction-closed');
  });

  it('pauses with a reason, resumes, and ends with an exit conversation offered', async () => {
    const involvement = await active();
    const noReason = await rejection(h.service.involvements.pause(LEAD, { ...ref(involvement), reason: '' }));
    expect(noReason.code).toBe('validation');
    const paused = await h.service.involvements.pause(LEAD, { ...ref(involvement), reason: 'Caring for a relative' });
    expect(paused).toMatchObject({ stage: 'Paused', stageReason: 'Caring for a relative', nextOneToOneDue: null });
    const resumed = await h.service.involvements.resume(LEAD, ref(paused));
    expect(resumed).toMatchObject({ stage: 'Active', stageReason: null, nextOneToOneDue: '2026-05-05' });
    const ended = await h.service.involvements.end(LEAD, { ...ref(resumed), reason: 'Moving away', exitConversationOffered: true });
    expect(ended).toMatchObject({ stage: 'Ended', stageReason: 'Moving away', exitConversationOffered: true });
  });

  it.each<[string, () => Promise<Involvement>]>([
    ['Interested', () => interested()],
    ['Offered', () => offered()],
    ['Induction', () => inInduction()],
  ])('marks a partner at %s as not progressed, with a kind reason', async (_stage, reach) => {
    const involvement = await reach();
    const done = await h.service.involvements.notProgress(LEAD, { ...ref(involvement), reason: 'Not this time; pointed to the survey panel.' });
    expect(done.stage).toBe<Stage>('Not progressed');
  });

  it('refuses not progressed for an active partner', async () => {
    const involvement = await active();
    const error = await rejection(h.service.involvements.notProgress(LEAD, { ...ref(involvement), reason: 'x' }));
    expect(error.code).toBe('already-active');
  });

  it('records every stage change in the audit trail', async () => {
    const involvement = await offered();
    const entries = await h.store.find({ list: 'activity', where: { list: 'involvements', itemId: involvement.id }, orderBy: [{ field: 'at' }] });
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Interest logged in role 1',
      'Stage: Interested to Chat booked',
      'Stage: Chat booked to Chat held',
      'Stage: Chat held to Offered',
    ]);
    expect(entries.every((entry) => entry.actorId === 'aad-priya')).toBe(true);
  });

  it('keeps personal notes out of the audit trail', async () => {
    const involvement = await offered();
    const entries = await h.store.find({ list: 'activity', where: { list: 'involvements', itemId: involvement.id } });
    expect(JSON.stringify(entries)).not.toContain('asked about expenses');
    const partnerEntries = await h.store.find({ list: 'activity', where: { list: 'partners' } });
    expect(JSON.stringify(partnerEntries)).not.toContain('Maya Thompson');
    expect(JSON.stringify(partnerEntries)).not.toContain('maya@example.org');
  });
});
