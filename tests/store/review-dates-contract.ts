import { createPathwayService, REVIEW_DATES_ACTOR, type Involvement } from '../../src/domain';
import type { Store } from '../../src/domain/store';
import { ENGAGEMENT, LEAD, SETTINGS, TestClock, activeInvolvement, advertisedRole, type Harness } from '../domain/service/harness';

/** Who made the data look as it did before review dates were kept. */
const BEFORE = { actor: { id: 'before-reviews', name: 'Before reviews', email: '', tenantId: 'tenant-1' }, at: '2026-03-10T12:00:00Z' };

/**
 * Filling in the review dates of partners who became Active before those dates were
 * kept, through the service on a real store: the dates from their history, one
 * audited change each, nothing a person set replaced, nothing filled twice.
 * Registered once per adapter, so both stores keep the same rules.
 */
export function describeReviewDatesFilled(name: string, open: () => Promise<Store>): void {
  describe(`review dates filled in on ${name}`, () => {
    let store: Store;
    let h: Harness;
    let roleId: number;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(() => store.close());

    beforeEach(async () => {
      const clock = new TestClock('2026-03-10');
      h = {
        store,
        clock,
        service: createPathwayService({ store, clock, settings: SETTINGS, access: { engagementTeamIds: [ENGAGEMENT.id] } }),
      };
      ({ roleId } = await advertisedRole(h));
      const role = await store.get('roles', roleId);
      await store.commit([{ op: 'update', list: 'roles', id: roleId, version: role?.version ?? 0, values: { termMonths: 36 } }], BEFORE);
    });

    /** A partner Active since `activeDate`, their agreements signed `signed`, with none of the review dates (as before they were kept). */
    async function activeBeforeReviews(fullName: string, activeDate: string, signed: string): Promise<Involvement> {
      const involvement = await activeInvolvement(h, roleId, fullName);
      const agreements = (await store.find({ list: 'inductionTasks', where: { involvementId: involvement.id } })).filter(
        (task) => task.kind === 'Agreement',
      );
      const current = (await store.get('involvements', involvement.id)) as Involvement;
      await store.commit(
        [
          {
            op: 'update',
            list: 'involvements',
            id: involvement.id,
            version: current.version,
            values: { activeDate, termEndDate: null, agreementsDue: null, accessReviewDue: null },
          },
          ...agreements.map((task) => ({
            op: 'update' as const,
            list: 'inductionTasks' as const,
            id: task.id,
            version: task.version,
            values: { doneDate: signed },
          })),
        ],
        BEFORE,
      );
      return (await store.get('involvements', involvement.id)) as Involvement;
    }

    const entriesBy = async (involvementId: number) =>
      (await store.find({ list: 'activity', where: { list: 'involvements', itemId: involvementId } })).filter(
        (entry) => entry.actorId === REVIEW_DATES_ACTOR.id,
      );

    it('gives each date from the day they became Active and the dates they signed, in one audited change free of their name', async () => {
      const involvement = await activeBeforeReviews('Jordan Ellis', '2025-09-01', '2025-08-20');
      await h.service.reviews.fillMissingReviewDates();
      expect(await store.get('involvements', involvement.id)).toMatchObject({
        termEndDate: '2028-09-01',
        agreementsDue: '2026-08-20',
        accessReviewDue: '2026-09-01',
      });
      const entries = await entriesBy(involvement.id);
      expect(entries.map((entry) => [entry.actorName, entry.action, entry.summary])).toEqual([
        [
          'Reminders run',
          'Updated',
          "Review dates filled in from Active from Monday 1 September 2025, the role's term of 36 months, agreements first signed Wednesday 20 August 2025",
        ],
      ]);
      expect(JSON.parse(entries[0].changes ?? '{}')).toEqual({
        termEndDate: { from: null, to: '2028-09-01' },
        agreementsDue: { from: null, to: '2026-08-20' },
        accessReviewDue: { from: null, to: '2026-09-01' },
      });
      expect(JSON.stringify(entries)).not.toMatch(/Jordan|Ellis/);
    });

    it('run again, fills nothing and audits nothing more', async () => {
      const involvement = await activeBeforeReviews('Sam Okafor', '2025-10-01', '2025-09-28');
      await h.service.reviews.fillMissingReviewDates();
      const filled = (await store.get('involvements', involvement.id)) as Involvement;
      expect(await h.service.reviews.fillMissingReviewDates()).toEqual({ filled: 0, skipped: 0, more: false });
      expect(await store.get('involvements', involvement.id)).toMatchObject({ version: filled.version });
      expect(await entriesBy(involvement.id)).toHaveLength(1);
    });

    it('keeps a date a person set, filling only the others', async () => {
      const involvement = await activeBeforeReviews('Alex Morgan', '2025-09-01', '2025-08-20');
      await h.service.reviews.renewTerm(LEAD, { involvementId: involvement.id, version: involvement.version, termEndDate: '2027-06-30' });
      await h.service.reviews.fillMissingReviewDates();
      expect(await store.get('involvements', involvement.id)).toMatchObject({
        termEndDate: '2027-06-30',
        agreementsDue: '2026-08-20',
        accessReviewDue: '2026-09-01',
      });
    });

    it('fills a batch a run, leaving the rest for the next run', async () => {
      const first = await activeBeforeReviews('Priti Patel', '2025-11-01', '2025-10-30');
      const second = await activeBeforeReviews('Tom Reid', '2025-12-01', '2025-11-30');
      expect(await h.service.reviews.fillMissingReviewDates({ limit: 1 })).toEqual({ filled: 1, skipped: 0, more: true });
      expect(await store.get('involvements', first.id)).toMatchObject({ accessReviewDue: '2026-11-01' });
      expect(await store.get('involvements', second.id)).toMatchObject({ accessReviewDue: null });
      expect(await h.service.reviews.fillMissingReviewDates({ limit: 1 })).toEqual({ filled: 1, skipped: 0, more: false });
      expect(await store.get('involvements', second.id)).toMatchObject({ accessReviewDue: '2026-12-01' });
    });

    it('leaves an involvement that has ended as it is', async () => {
      const involvement = await activeBeforeReviews('Lee Chan', '2025-09-01', '2025-08-20');
      await h.service.involvements.end(LEAD, {
        involvementId: involvement.id,
        version: involvement.version,
        reason: 'Moved away.',
        exitConversationOffered: true,
      });
      await h.service.reviews.fillMissingReviewDates();
      expect(await store.get('involvements', involvement.id)).toMatchObject({ termEndDate: null, accessReviewDue: null });
      expect(await entriesBy(involvement.id)).toEqual([]);
    });
  });
}
