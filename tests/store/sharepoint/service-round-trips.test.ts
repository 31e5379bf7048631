import { createPathwayService, DEFAULT_ONE_TO_ONE_SETTINGS, DEFAULT_ROLE_SETTINGS, type PathwayService } from '../../../src/domain';
import { AccessDeniedError, NotFoundError } from '../../../src/domain/errors';
import type { RecordOf } from '../../../src/domain/schema/lists';
import type { Change, Store } from '../../../src/domain/store';
import { openSqliteStore } from '../../../src/store/sqlite';
import { aContext, anInvolvement, aPartner, aRole, aStaffMember, aTask, aWorkstream, creating } from '../builders';
import { aServiceOn, aStandInForThisFile, rejection } from './support';

const site = aStandInForThisFile();
const LEAD = aStaffMember({ id: 'lead-round-trips', name: 'Asha Lead' });
const OUTSIDER = aStaffMember({ id: 'outsider-round-trips', name: 'Olu Outsider' });
const ENGAGEMENT = aStaffMember({ id: 'engagement-round-trips', name: 'Eve Engagement' });

let service: PathwayService;
let workstream: RecordOf<'workstreams'>;
let involvement: RecordOf<'involvements'>;
let task: RecordOf<'inductionTasks'>;

/** The service on a store, on 10 March 2026. */
function serviceOn(store: Store): PathwayService {
  return aServiceOn(store, '2026-03-10', [ENGAGEMENT.id]);
}

/** A workstream with its lead, one role, and one partner in induction with one checklist item: written to each store alike. */
const SEED: readonly Change[] = [
  creating('workstreams', aWorkstream(), { ref: 'ws' }),
  creating('members', { workstreamId: { ref: 'ws' }, userId: LEAD.id, userName: LEAD.name }),
  creating('roles', aRole({ ref: 'ws' }), { ref: 'role' }),
  creating('partners', aPartner(), { ref: 'partner' }),
  creating(
    'involvements',
    anInvolvement(
      { partnerId: { ref: 'partner' }, roleId: { ref: 'role' }, workstreamId: { ref: 'ws' } },
      { stage: 'Induction', inductionDone: 0, inductionTotal: 1, inductionStillRequired: 'Confidentiality agreement signed' },
    ),
    { ref: 'i' },
  ),
  creating('inductionTasks', aTask({ ref: 'i' }, { ref: 'ws' })),
];

beforeAll(async () => {
  service = serviceOn(site.store);
  const written = await site.store.commit(SEED, aContext());
  workstream = written[0] as RecordOf<'workstreams'>;
  involvement = written[4] as RecordOf<'involvements'>;
  task = written[5] as RecordOf<'inductionTasks'>;
});

/** What the work answered, and the HTTP round trips it took. */
async function counted<T>(work: () => Promise<T>): Promise<{ answer: T; roundTrips: number }> {
  site.standIn.resetCounts();
  const answer = await work();
  return { answer, roundTrips: site.standIn.requests.length };
}

function viewsBy(actorId: string): number {
  return [...site.standIn.list('PPP Activity').items.values()].filter(
    (item) => item.values.PPPAction === 'Viewed' && item.values.PPPActorId === actorId,
  ).length;
}

describe('the service on SharePoint: round trips per view and write, access checked first', () => {
  it('shows a dashboard in one round trip: the reach with the workstream and its lists, each partner read through its involvement', async () => {
    const { answer, roundTrips } = await counted(() => service.partnerViews.dashboard(LEAD, workstream.id));
    expect(answer.rows.map((row) => row.involvementId)).toEqual([involvement.id]);
    expect(roundTrips).toBe(1);
  });

  it('shows the same dashboard as the embedded store holding the same records', async () => {
    const sqlite = openSqliteStore({ path: ':memory:' });
    try {
      const [embeddedWorkstream] = await sqlite.commit(SEED, aContext());
      expect(embeddedWorkstream?.id).toBe(workstream.id);
      const partner = (await site.store.get('partners', involvement.partnerId)) as RecordOf<'partners'>;
      const { answer } = await counted(() => service.partnerViews.dashboard(LEAD, workstream.id));
      expect(answer.rows[0]).toMatchObject({
        name: partner.fullName,
        preferredName: partner.preferredName,
        peerNetworkStatus: partner.peerNetworkStatus,
      });
      expect(await serviceOn(sqlite).partnerViews.dashboard(LEAD, workstream.id)).toEqual(answer);
    } finally {
      await sqlite.close();
    }
  });

  it('shows induction progress on the dashboard from the involvement, without reading any checklist', async () => {
    const { answer } = await counted(() => service.partnerViews.dashboard(LEAD, workstream.id));
    expect(answer.rows[0].induction).toEqual({ done: 0, total: 1, missingRequired: ['Confidentiality agreement signed'] });
    expect(site.standIn.operations.map((operation) => operation.path).filter((path) => path.includes('Induction Tasks'))).toEqual([]);
    expect(site.standIn.operations.map((operation) => operation.path).filter((path) => path.includes('Involvements'))).not.toEqual([]);
  });

  it('shows a partner in three round trips, recording the view beside the read of the partner, role and workstream', async () => {
    const before = viewsBy(LEAD.id);
    const { answer, roundTrips } = await counted(() => service.partnerViews.partnerDetail(LEAD, involvement.id));
    expect(answer.partner.id).toBe(involvement.partnerId);
    expect(answer.checklist.map((item) => item.id)).toEqual([task.id]);
    expect(roundTrips).toBe(3);
    expect(viewsBy(LEAD.id)).toBe(before + 1);
  });

  it('refuses a person outside the workstream after one round trip, recording no view, whether or not the item exists', async () => {
    for (const work of [
      () => service.partnerViews.dashboard(OUTSIDER, workstream.id),
      () => service.partnerViews.dashboard(OUTSIDER, workstream.id + 1000),
      () => service.partnerViews.partnerDetail(OUTSIDER, involvement.id),
      () => service.partnerViews.partnerDetail(OUTSIDER, involvement.id + 1000),
    ]) {
      site.standIn.resetCounts();
      expect(await rejection(work())).toBeInstanceOf(AccessDeniedError);
      expect(site.standIn.requests).toHaveLength(1);
    }
    expect(viewsBy(OUTSIDER.id)).toBe(0);
  });

  it('shows the Engagement overview with the reach checked in its first round trip and the partners never invited read in a second, refusing anyone else after one', async () => {
    const { answer, roundTrips } = await counted(() => service.engagementOverview.overview(ENGAGEMENT));
    expect(answer.workstreams.map((item) => item.id)).toContain(workstream.id);
    expect(answer.peerNetwork.notInvited.map((partner) => partner.partnerId)).toContain(involvement.partnerId);
    expect(roundTrips).toBe(2);
    site.standIn.resetCounts();
    expect(await rejection(service.engagementOverview.overview(LEAD))).toBeInstanceOf(AccessDeniedError);
    expect(site.standIn.requests).toHaveLength(1);
  });

  it('tells the Engagement team that a workstream or involvement does not exist', async () => {
    expect(await rejection(service.partnerViews.dashboard(ENGAGEMENT, workstream.id + 1000))).toBeInstanceOf(NotFoundError);
    expect(await rejection(service.partnerViews.partnerDetail(ENGAGEMENT, involvement.id + 1000))).toBeInstanceOf(NotFoundError);
  });

  it('ticks an induction item in four round trips: the item with the reach, its involvement with its checklist, the checks, the updates of item and progress with their audit entries', async () => {
    const { answer, roundTrips } = await counted(() => service.induction.completeTask(LEAD, { taskId: task.id, version: task.version }));
    expect(answer.done).toBe(true);
    expect(roundTrips).toBe(4);
    expect(await site.store.get('involvements', involvement.id)).toMatchObject({
      inductionDone: 1,
      inductionTotal: 1,
      inductionStillRequired: null,
    });
    const audit = await site.store.find({ list: 'activity', where: { list: 'inductionTasks', itemId: task.id } });
    expect(audit.map((entry) => entry.action)).toEqual(['Created', 'Updated']);
  });

  it('unticks an induction item in three round trips when the caller names its involvement (as a card does): the item, involvement and checklist with the reach; a wrong one costs the fourth', async () => {
    const ticked = (await site.store.get('inductionTasks', task.id)) as RecordOf<'inductionTasks'>;
    const reopened = await counted(() =>
      service.induction.reopenTask(LEAD, { taskId: task.id, version: ticked.version, involvementId: involvement.id }),
    );
    expect(reopened.answer.done).toBe(false);
    expect(reopened.roundTrips).toBe(3);
    expect(await site.store.get('involvements', involvement.id)).toMatchObject({ inductionDone: 0, inductionTotal: 1 });

    const named = await counted(() =>
      service.induction.completeTask(LEAD, { taskId: task.id, version: reopened.answer.version, involvementId: involvement.id + 1000 }),
    );
    expect(named.answer.done).toBe(true);
    expect(named.roundTrips).toBe(4);
    expect(await site.store.get('involvements', involvement.id)).toMatchObject({ inductionDone: 1, inductionTotal: 1 });
  });

  it('runs the Monday reminders in two round trips, whatever the number of named contacts: what is due, then everything it names', async () => {
    const monday = createPathwayService({
      store: site.store,
      clock: { now: () => new Date('2026-03-09T09:00:00Z') },
      settings: { ...DEFAULT_ONE_TO_ONE_SETTINGS, ...DEFAULT_ROLE_SETTINGS, timeZone: 'Europe/London' },
      access: { engagementTeamIds: [ENGAGEMENT.id] },
    });
    const contacts = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => aStaffMember({ id: `contact-${letter}`, name: `Contact ${letter}` }));
    await site.store.commit(
      [
        creating('roles', aRole(workstream.id), { ref: 'role' }),
        ...contacts.flatMap((contact, index) => [
          creating('members', { workstreamId: workstream.id, userId: contact.id, userName: contact.name }),
          creating('partners', aPartner({ fullName: `Partner ${index}` }), { ref: `p${index}` }),
          creating(
            'involvements',
            anInvolvement(
              { partnerId: { ref: `p${index}` }, roleId: { ref: 'role' }, workstreamId: workstream.id },
              { stage: 'Active', ownerId: contact.id, ownerName: contact.name, nextOneToOneDue: '2026-03-12' },
            ),
          ),
        ]),
      ],
      aContext(),
    );
    const { answer, roundTrips } = await counted(() =>
      monday.worklists.reminders({ dueWithinDays: 7, escalateAfterDays: 14, inductionStallDays: 14, closingWithinDays: 7 }),
    );
    const digests = answer.filter((reminder) => reminder.kind === 'weekly-digest');
    expect(digests.map((digest) => digest.ownerId)).toEqual(expect.arrayContaining(contacts.map((contact) => contact.id)));
    expect(answer.filter((reminder) => reminder.kind === 'one-to-one-due')).toHaveLength(contacts.length);
    expect(roundTrips).toBe(2);
  });
});
