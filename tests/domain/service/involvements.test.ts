import { inductionProgress, type Involvement, type Stage } from '../../../src/domain';
import { PROGRESS_CHECK_ACTOR } from '../../../src/domain/service/induction';
import { ENGAGEMENT, LEAD, advertisedRole, harness, rejection, tickRequired, type Harness } from './harness';

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

  async function interested(partner = MAYA): Promise<Involvement> {
    return h.service.involvements.recordInterest(LEAD, { roleId, partner });
  }

  async function offered(partner = MAYA): Promise<Involvement> {
    let involvement = await interested(partner);
    involvement = await h.service.involvements.bookChat(LEAD, { ...ref(involvement), at: '2026-03-12T10:30:00Z', where: 'Online' });
    involvement = await h.service.involvements.holdChat(LEAD, { ...ref(involvement), notes: 'Keen; asked about expenses.' });
    return h.service.involvements.makeOffer(LEAD, {
      ...ref(involvement),
      reason: 'Recent experience of the service, and the time the role needs.',
    });
  }

  async function inInduction(partner = MAYA): Promise<Involvement> {
    return h.service.involvements.startInduction(LEAD, ref(await offered(partner)));
  }

  /** Ticks the required items but `except`; returns the involvement after, its stored progress (and version) moved on. */
  async function tickAll(involvementId: number, except: string[] = []): Promise<Involvement> {
    await tickRequired(h.service, involvementId, '2026-03-10', except);
    return (await h.service.partnerViews.partnerDetail(LEAD, involvementId)).involvement;
  }

  async function active(): Promise<Involvement> {
    const involvement = await inInduction();
    return h.service.involvements.activate(LEAD, ref(await tickAll(involvement.id)));
  }

  it('logs interest as a new partner with consent, at stage Interested, owned by the role lead', async () => {
    const involvement = await interested();
    expect(involvement).toMatchObject({
      stage: 'Interested',
      roleId,
      workstreamId,
      interestDate: '2026-03-10',
      ownerName: 'Priya Shah',
      cadenceWeeks: 8,
    });
    const partner = await h.store.get('partners', involvement.partnerId);
    expect(partner).toMatchObject({
      fullName: 'Maya Thompson',
      consentGiven: true,
      consentDate: '2026-03-10',
      peerNetworkStatus: 'Not invited',
    });
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
    expect(booked).toMatchObject({
      stage: 'Chat booked',
      chatWhere: 'Community centre, ground floor',
      chatAdjustments: 'Step-free access',
      stageChangedBy: 'Priya Shah',
    });
    const moved = await h.service.involvements.bookChat(LEAD, { ...ref(booked), at: '2026-03-13T14:00:00Z', where: 'Online' });
    expect(moved).toMatchObject({ stage: 'Chat booked', chatAt: '2026-03-13T14:00:00.000Z', chatWhere: 'Online' });
  });

  it('refuses an offer before the chat is held, naming the next step', async () => {
    const involvement = await interested();
    const error = await rejection(
      h.service.involvements.makeOffer(LEAD, {
        ...ref(involvement),
        reason: 'Recent experience of the service, and the time the role needs.',
      }),
    );
    expect(error.code).toBe('stage-not-allowed');
    expect(error.message).toBe(
      'Maya cannot be offered the role while at Interested. From Interested the next step is Chat booked or Not progressed.',
    );
  });

  it('starts induction with the default checklist', async () => {
    const involvement = await inInduction();
    const detail = await h.service.partnerViews.partnerDetail(LEAD, involvement.id);
    expect(detail.involvement.stage).toBe('Induction');
    expect(detail.checklist.map((task) => task.label)).toContain('Confidentiality agreement signed');
    expect(detail.induction).toEqual({ done: 0, total: 12, missingRequired: expect.arrayContaining(['Involvement agreement signed']) });
  });

  it("uses the workstream's own induction template over the organisation's", async () => {
    await h.service.workstreams.setInductionTemplate(ENGAGEMENT, {
      items: [{ label: 'ICS welcome pack', kind: 'Task', required: true }],
      basedOn: '',
    });
    await h.service.workstreams.setInductionTemplate(LEAD, {
      workstreamId,
      basedOn: '',
      items: [
        { label: 'Welcome to urgent care', kind: 'Task', required: true },
        { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
      ],
    });
    const involvement = await inInduction();
    const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, involvement.id);
    expect(checklist.map((task) => task.label)).toEqual(['Welcome to urgent care', 'Confidentiality agreement signed']);
  });

  it('refuses Active while the confidentiality agreement is unsigned', async () => {
    const involvement = await inInduction();
    const ticked = await tickAll(involvement.id, ['Confidentiality agreement signed']);
    const error = await rejection(h.service.involvements.activate(LEAD, ref(ticked)));
    expect(error.code).toBe('induction-incomplete');
    expect(error.message).toBe('Maya cannot become Active: the confidentiality agreement is not signed yet.');
    expect((await h.store.get('involvements', involvement.id))?.stage).toBe('Induction');
  });

  it('records the date an agreement was signed, never in the future', async () => {
    const involvement = await inInduction();
    const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, involvement.id);
    const agreement = checklist.find((task) => task.label === 'Involvement agreement signed');
    if (!agreement) throw new Error('missing agreement');
    const future = await rejection(
      h.service.induction.completeTask(LEAD, { taskId: agreement.id, version: agreement.version, date: '2026-03-11' }),
    );
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
    const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, involvement.id);
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
    const done = await h.service.involvements.notProgress(LEAD, {
      ...ref(involvement),
      reason: 'Not this time; pointed to the survey panel.',
    });
    expect(done.stage).toBe<Stage>('Not progressed');
  });

  it('refuses not progressed for an active partner', async () => {
    const involvement = await active();
    const error = await rejection(h.service.involvements.notProgress(LEAD, { ...ref(involvement), reason: 'x' }));
    expect(error.code).toBe('already-active');
  });

  it('records every stage change in the audit trail', async () => {
    const involvement = await offered();
    const entries = await h.store.find({
      list: 'activity',
      where: { list: 'involvements', itemId: involvement.id },
      orderBy: [{ field: 'at' }],
    });
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

  describe('the induction progress an involvement keeps', () => {
    /** What the dashboard row says, and what counting the checklist itself says. */
    async function bothCounts(involvementId: number) {
      const dashboard = await h.service.partnerViews.dashboard(LEAD, workstreamId);
      const row = dashboard.rows.find((candidate) => candidate.involvementId === involvementId);
      const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, involvementId);
      return { row: row?.induction, counted: inductionProgress(checklist) };
    }

    it('is nothing before induction, and every item still to do when it starts', async () => {
      const interested = await h.service.involvements.recordInterest(LEAD, {
        roleId,
        partner: { ...MAYA, fullName: 'Sam Patel', email: 'sam@example.org' },
      });
      expect(interested).toMatchObject({ inductionDone: null, inductionTotal: null, inductionStillRequired: null });
      const started = await inInduction();
      const { counted } = await bothCounts(started.id);
      expect(started).toMatchObject({
        inductionDone: 0,
        inductionTotal: counted.total,
        inductionStillRequired: counted.missingRequired.join('\n'),
      });
      expect(counted.missingRequired.length).toBeGreaterThan(1);
    });

    it('moves with each tick and untick, in the same commit, and the dashboard shows it', async () => {
      const started = await inInduction();
      const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, started.id);
      const agreement = checklist.find((task) => task.kind === 'Agreement' && task.required);
      const other = checklist.find((task) => task.id !== agreement?.id);
      if (!agreement || !other) throw new Error('The default checklist has an agreement and other items');

      const ticked = await h.service.induction.completeTask(LEAD, { taskId: agreement.id, version: agreement.version });
      await h.service.induction.completeTask(LEAD, { taskId: other.id, version: other.version });
      let counts = await bothCounts(started.id);
      expect(counts.row).toEqual(counts.counted);
      expect(counts.row).toMatchObject({ done: 2 });
      expect(counts.row?.missingRequired).not.toContain(agreement.label);

      await h.service.induction.reopenTask(LEAD, { taskId: agreement.id, version: ticked.version });
      counts = await bothCounts(started.id);
      expect(counts.row).toEqual(counts.counted);
      expect(counts.row).toMatchObject({ done: 1 });
      expect(counts.row?.missingRequired).toContain(agreement.label);

      const audit = await h.store.find({ list: 'activity', where: { list: 'involvements', itemId: started.id } });
      expect(audit.map((entry) => entry.summary)).toEqual(
        expect.arrayContaining([`Induction: 1 of ${counts.counted.total} done`, `Induction: 2 of ${counts.counted.total} done`]),
      );
    });

    it('refuses a tick that would count from a checklist someone else has just changed, and the counts stay true', async () => {
      const started = await inInduction();
      const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, started.id);
      const [first, second] = checklist;
      // Two people press at once: each tick's read of the checklist waits until both have read it.
      const store = h.store;
      const findAll = store.findAll.bind(store);
      const waiting: Array<() => void> = [];
      store.findAll = (async (queries: Parameters<typeof store.findAll>[0]) => {
        const answers = await findAll(queries);
        if (queries.some((query) => query.list === 'inductionTasks' && query.where !== undefined && 'involvementId' in query.where)) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) for (const release of waiting) release();
          });
        }
        return answers;
      }) as typeof store.findAll;
      const outcomes = await Promise.allSettled([
        h.service.induction.completeTask(LEAD, { taskId: first.id, version: first.version }),
        h.service.induction.completeTask(LEAD, { taskId: second.id, version: second.version }),
      ]);
      store.findAll = findAll;
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'conflict' });
      const counts = await bothCounts(started.id);
      expect(counts.row).toEqual(counts.counted);
      expect(counts.row).toMatchObject({ done: 1 });
    });

    it('is changed only during induction', async () => {
      const started = await inInduction();
      const { checklist } = await h.service.partnerViews.partnerDetail(LEAD, started.id);
      const ended = await h.service.involvements.notProgress(LEAD, { ...ref(started), reason: 'Could not commit this year.' });
      const error = await rejection(h.service.induction.completeTask(LEAD, { taskId: checklist[0].id, version: checklist[0].version }));
      expect(error.code).toBe('induction-closed');
      expect((await h.store.get('involvements', ended.id))?.inductionDone).toBe(0);
    });

    describe('recorded as the server starts, where none is stored', () => {
      /** Writes as a version without stored progress would have: the progress columns left as they were. */
      async function forget(involvement: Involvement, values: Partial<Involvement>): Promise<void> {
        const current = await h.store.get('involvements', involvement.id);
        if (!current) throw new Error('missing');
        await h.store.commit([{ op: 'update', list: 'involvements', id: current.id, version: current.version, values }], {
          actor: LEAD,
          at: '2026-03-10T12:00:00.000Z',
        });
      }

      it('counts checklists begun before involvements kept their progress, in induction and after, and leaves alone those that never had one', async () => {
        const inducting = await inInduction();
        const active = await inInduction({ ...MAYA, fullName: 'Ben Okafor', email: 'ben@example.org' });
        await tickRequired(h.service, active.id, '2026-03-10');
        const ticked = (await h.service.partnerViews.partnerDetail(LEAD, active.id)).involvement;
        await h.service.involvements.activate(LEAD, ref(ticked));
        const untouched = await inInduction({ ...MAYA, fullName: 'Cara Li', email: 'cara@example.org' });
        const neverInducted = await h.service.involvements.notProgress(LEAD, {
          ...ref(await interested({ ...MAYA, fullName: 'Dev Shah', email: 'dev@example.org' })),
          reason: 'Could not commit to daytime meetings.',
        });

        await forget(active, { inductionDone: null, inductionTotal: null, inductionStillRequired: null });
        await forget(inducting, { inductionDone: null, inductionTotal: null, inductionStillRequired: null });
        const before = await h.store.get('involvements', untouched.id);

        expect(await h.service.induction.recordMissingProgress()).toBe(2);
        for (const id of [inducting.id, active.id, untouched.id]) {
          const counts = await bothCounts(id);
          expect(counts.row).toEqual(counts.counted);
        }
        expect((await h.store.get('involvements', untouched.id))?.version).toBe(before?.version);
        expect(await h.store.get('involvements', neverInducted.id)).toMatchObject({ version: neverInducted.version, inductionTotal: null });
        const audit = await h.store.find({ list: 'activity', where: { list: 'involvements', itemId: active.id } });
        expect(audit.at(-1)).toMatchObject({ actorName: PROGRESS_CHECK_ACTOR.name, summary: 'Induction progress recorded' });

        expect(await h.service.induction.recordMissingProgress()).toBe(0);
      });
    });
  });
});

describe('who looks after a partner, and who leads a role, can change', () => {
  const SAM = { id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d', name: 'Sam Jones', email: 'sam@example.nhs.uk', tenantId: 'tenant-1' };
  let h: Harness;
  let workstreamId: number;
  let roleId: number;

  beforeEach(async () => {
    h = await harness('2026-03-10');
    ({ workstreamId, roleId } = await advertisedRole(h));
  });
  afterEach(() => h.store.close());

  it('makes another member of the workstream the named contact; the reminders about the partner go to them', async () => {
    await h.service.members.add(LEAD, { workstreamId, userId: SAM.id, userName: SAM.name });
    const maya = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Maya Thompson', consentGiven: true } });
    expect(maya.ownerId).toBe(LEAD.id);
    const moved = await h.service.involvements.reassign(LEAD, { involvementId: maya.id, version: maya.version, ownerId: SAM.id });
    expect(moved).toMatchObject({ ownerId: SAM.id, ownerName: 'Sam Jones' });
    const [entry] = await h.store.find({
      list: 'activity',
      where: { list: 'involvements', itemId: maya.id, summary: 'Named contact changed' },
    });
    expect(entry.actorName).toBe('Priya Shah');
    expect((await h.service.worklists.myPartners(SAM)).map((line) => line.name)).toEqual(['Maya Thompson']);
  });

  it('refuses someone who is not a member of the workstream, saying how to add them, and changes nothing', async () => {
    const maya = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Maya Thompson', consentGiven: true } });
    const refused = await rejection(
      h.service.involvements.reassign(LEAD, { involvementId: maya.id, version: maya.version, ownerId: SAM.id }),
    );
    expect(refused.message).toBe(
      "Only a member of this workstream can be the named contact: they must be able to see the partner's record. Add them on the workstream's People view first, then choose them.",
    );
    expect((await h.store.get('involvements', maya.id))?.ownerId).toBe(LEAD.id);
  });

  it("changes a role's recruiting lead to another member", async () => {
    await h.service.members.add(LEAD, { workstreamId, userId: SAM.id, userName: SAM.name });
    const role = await h.store.get('roles', roleId);
    const { role: moved } = await h.service.roles.reassignLead(LEAD, { roleId, version: role?.version, ownerId: SAM.id });
    expect(moved).toMatchObject({ ownerId: SAM.id, ownerName: 'Sam Jones' });
    const next = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Grace Li', consentGiven: true } });
    expect(next.ownerName).toBe('Sam Jones');
  });
});
