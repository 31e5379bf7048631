import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  createPathwayService,
  LISTS,
  PREFER_NOT_TO_SAY,
  type Involvement,
  type ListName,
  type PathwayService,
  type Principal,
  type Store,
} from '../../../src/domain';
import { openSqliteStore } from '../../../src/store/sqlite';
import { aProvisionedStandIn, aStoreOn } from '../../store/sharepoint/support';
import { advertisedRole, ENGAGEMENT, LEAD, rejection, SETTINGS, TestClock, type Harness } from './harness';

const OTHER: Principal = { id: 'aad-tom', name: 'Tom Reid', email: 'tom.reid@example.nhs.uk', tenantId: 'tenant-1' };

/** A store to test on, and everything it holds as stored: each list's rows (the audit trail included) and, on SharePoint, earlier versions. */
interface StoreUnderTest {
  readonly store: Store;
  /** Every stored row of every list, straight from the store's own storage (SQLite's tables, the SharePoint stand-in's items). */
  readonly raw: () => Promise<unknown>;
  readonly stop: () => Promise<void>;
}

const STORES: ReadonlyArray<readonly [string, () => Promise<StoreUnderTest>]> = [
  [
    'SQLite',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'monitoring-'));
      const path = join(folder, 'pathway.db');
      const store = openSqliteStore({ path });
      return {
        store,
        raw: async () => {
          const db = new Database(path, { readonly: true });
          const tables = Object.fromEntries(
            (Object.keys(LISTS) as ListName[]).map((list) => [list, db.prepare(`SELECT * FROM "${list}"`).all()]),
          );
          db.close();
          return tables;
        },
        stop: async () => {
          await store.close();
          rmSync(folder, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'SharePoint (stand-in)',
    async () => {
      const standIn = await aProvisionedStandIn();
      const store = aStoreOn(standIn);
      return {
        store,
        raw: async () =>
          Object.fromEntries(
            (Object.keys(LISTS) as ListName[]).map((list) => [
              list,
              [...standIn.list(LISTS[list].title).items.values()].map(({ values, history }) => ({ values, history })),
            ]),
          ),
        stop: async () => {
          await store.close();
          await standIn.stop();
        },
      };
    },
  ],
];

/** The store with a `stop` that does its work the first time only. */
function stoppedOnce(under: StoreUnderTest): StoreUnderTest {
  let stopping: Promise<void> | undefined;
  return { ...under, stop: () => (stopping ??= under.stop()) };
}

const ANSWERS = [
  { ageBand: '25 to 34', sex: 'Female', ethnicity: 'Black, Black British, Black Welsh, Caribbean or African: Caribbean', carer: 'No' },
  { ageBand: '65 to 74', sex: 'Male', disability: 'Yes, limited a lot', religion: 'Muslim' },
  { ageBand: PREFER_NOT_TO_SAY, sexualOrientation: 'Bisexual', genderIdentity: 'No' },
  { ageBand: '45 to 54', sex: 'Female', ethnicity: 'White: Roma', carer: 'Yes, 50 or more hours a week' },
];

describe.each(STORES)('equality monitoring on %s', (_name, open) => {
  let under: StoreUnderTest;
  let h: Harness;
  let workstreamId: number;
  let roleId: number;

  async function start(today = '2026-11-10', settings = {}): Promise<void> {
    under = stoppedOnce(await open());
    // The role is advertised in March (its closing date is in April); the forms come later.
    const clock = new TestClock('2026-03-10');
    const service = createPathwayService({
      store: under.store,
      clock,
      settings: { ...SETTINGS, ...settings },
      access: { engagementTeamIds: [ENGAGEMENT.id] },
    });
    h = { store: under.store, clock, service };
    ({ workstreamId, roleId } = await advertisedRole(h));
    clock.goTo(today);
  }

  afterEach(() => under.stop());

  const interested = (fullName: string, service: PathwayService = h.service): Promise<Involvement> =>
    service.involvements.recordInterest(LEAD, { roleId, partner: { fullName, consentGiven: true } });
  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });

  describe('the form', () => {
    beforeEach(() => start());

    it('offers every question with Prefer not to say, and no postcode until the organisation gives its decile table', async () => {
      const involvement = await interested('Maya Thompson');
      const form = await h.service.equalityMonitoring.form(LEAD, involvement.id);
      expect(form).toMatchObject({
        involvementId: involvement.id,
        version: involvement.version,
        state: 'Not yet offered',
        asksPostcode: false,
      });
      expect(form.questions.map((question) => question.key)).not.toContain('deprivationDecile');
      for (const question of form.questions) expect(question.answers.at(-1)).toBe(PREFER_NOT_TO_SAY);
      expect(form.guidance.join(' ')).toContain('nobody, the Engagement team included, can see whose answers are whose');
    });

    it('records on the involvement only that the form was answered, and adds the answers to the counts for the workstream and quarter', async () => {
      const involvement = await interested('Maya Thompson');
      const answered = await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...ANSWERS[0] });
      expect(answered).toMatchObject({ id: involvement.id, monitoring: 'Answered', version: involvement.version + 1 });
      const [tally] = await h.store.find({ list: 'monitoringTallies' });
      expect(tally).toMatchObject({ workstreamId, quarter: '2026-Q4', responses: 1, declined: 0 });
      const counts = JSON.parse(tally.counts) as Record<string, Record<string, number>>;
      expect(counts.ethnicity['Black, Black British, Black Welsh, Caribbean or African: Caribbean']).toBe(1);
      expect(counts.religion['Not answered']).toBe(1);
      expect((await h.service.equalityMonitoring.form(LEAD, involvement.id)).state).toBe('Answered');
    });

    it('offers the form once: after an answer or a refusal, neither can be sent again, and nothing changes', async () => {
      const first = await interested('Maya Thompson');
      const answered = await h.service.equalityMonitoring.submit(LEAD, { ...ref(first) });
      for (const again of [
        h.service.equalityMonitoring.submit(LEAD, { ...ref(answered), ...ANSWERS[1] }),
        h.service.equalityMonitoring.decline(LEAD, ref(answered)),
      ]) {
        const error = await rejection(again);
        expect(error.code).toBe('monitoring-done');
        expect(error.message).toBe(
          'The equality monitoring form for this involvement was already answered. It is offered once, and the answers cannot be seen or changed.',
        );
      }
      const second = await interested('Sam Okafor');
      const declined = await h.service.equalityMonitoring.decline(LEAD, ref(second));
      expect(declined.monitoring).toBe('Declined');
      expect((await rejection(h.service.equalityMonitoring.submit(LEAD, { ...ref(declined) }))).message).toContain('already declined');
      const [tally] = await h.store.find({ list: 'monitoringTallies' });
      expect(tally).toMatchObject({ responses: 1, declined: 1 });
    });

    it("is among the partner's next actions until it is answered or declined, for the bot and the tab alike", async () => {
      const answering = await interested('Samira Patel');
      const declining = await interested('Tom Reid');
      const offered = async (involvement: Involvement) =>
        (await h.service.partnerViews.partnerDetail(LEAD, involvement.id)).actions.fillMonitoring;
      expect([await offered(answering), await offered(declining)]).toEqual([true, true]);
      await h.service.equalityMonitoring.submit(LEAD, { ...ref(answering) });
      await h.service.equalityMonitoring.decline(LEAD, { ...ref(declining) });
      expect([await offered(answering), await offered(declining)]).toEqual([false, false]);
    });

    it('answers a repeat of the same submission with the involvement as saved, counting the form once', async () => {
      const involvement = await interested('Maya Thompson');
      const input = { ...ref(involvement), key: 'monitoring-press-1', ...ANSWERS[0] };
      await h.service.equalityMonitoring.submit(LEAD, input);
      expect(await h.service.equalityMonitoring.submit(LEAD, input)).toMatchObject({ monitoring: 'Answered' });
      expect((await h.store.find({ list: 'monitoringTallies' }))[0].responses).toBe(1);
    });

    it('refuses an answer the form does not offer, and a stale version, changing nothing', async () => {
      const involvement = await interested('Maya Thompson');
      const wrong = await rejection(h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), sex: 'Unknown', shoeSize: '9' }));
      expect(wrong.code).toBe('validation');
      expect(wrong.fields).toMatchObject({ sex: 'Sex must be one of: Female, Male, Prefer not to say.' });
      expect(wrong.message).toContain('shoeSize cannot be set here.');
      const stale = await rejection(h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), version: 99 }));
      expect(stale.code).toBe('conflict');
      expect(await h.store.get('involvements', involvement.id)).toMatchObject({ version: involvement.version, monitoring: null });
      expect(await h.store.find({ list: 'monitoringTallies' })).toEqual([]);
    });

    it('refuses staff outside the workstream', async () => {
      const involvement = await interested('Maya Thompson');
      expect((await rejection(h.service.equalityMonitoring.form(OTHER, involvement.id))).code).toBe('no-access');
      expect((await rejection(h.service.equalityMonitoring.submit(OTHER, { ...ref(involvement) }))).code).toBe('no-access');
    });

    it('counts forms sent for several partners of a workstream at the same moment, none lost', async () => {
      const involvements = await Promise.all(['A One', 'B Two', 'C Three', 'D Four'].map((name) => interested(name)));
      await Promise.all(
        involvements.map((involvement, index) => h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...ANSWERS[index] })),
      );
      const tallies = await h.store.find({ list: 'monitoringTallies' });
      expect(tallies).toHaveLength(1);
      expect(tallies[0].responses).toBe(4);
      expect(JSON.parse(tallies[0].counts).ageBand).toMatchObject({ '25 to 34': 1, '65 to 74': 1, [PREFER_NOT_TO_SAY]: 1, '45 to 54': 1 });
    });
  });

  describe('the deprivation decile', () => {
    beforeEach(() => start());

    const DECILES = 'outward code,decile\nLS6,3\nLS7,8';

    it('is asked once the Engagement team gives its table, and keeps the decile only, never the postcode', async () => {
      const involvement = await interested('Maya Thompson');
      const refused = await rejection(h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), postcode: 'LS6 9QX' }));
      expect(refused.code).toBe('deprivation-off');
      expect(await h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: DECILES })).toEqual({
        kind: 'Postcode deciles',
        lines: 2,
      });
      expect((await h.service.equalityMonitoring.form(LEAD, involvement.id)).asksPostcode).toBe(true);
      const unknown = await rejection(h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), postcode: 'M1 1AA' }));
      expect(unknown.message).toBe(
        "That postcode district is not in the organisation's table of deciles. Leave it out, or ask the Engagement team to add the district to the table.",
      );
      expect(unknown.message).not.toContain('M1');
      await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), postcode: 'ls6 9qx' });
      const [tally] = await h.store.find({ list: 'monitoringTallies' });
      expect(JSON.parse(tally.counts).deprivationDecile['3']).toBe(1);
      const stored = (await under.raw()) as Record<ListName, unknown>;
      expect(JSON.stringify(stored)).not.toMatch(/9QX/i);
      // The district is in the organisation's table (and the audit of its upload), nowhere else.
      for (const list of ['partners', 'involvements', 'monitoringTallies'] as const)
        expect(JSON.stringify(stored[list])).not.toContain('LS6');
    });

    it('is turned off again by removing the table, and only the Engagement team can set it', async () => {
      expect((await rejection(h.service.equalityMonitoring.setPostcodeDeciles(LEAD, { csv: DECILES }))).code).toBe('no-access');
      await h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: DECILES });
      expect(await h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: null })).toEqual({
        kind: 'Postcode deciles',
        lines: 0,
      });
      expect(await h.store.find({ list: 'monitoringReferences' })).toEqual([]);
    });

    it('refuses a table with a bad line, keeping the one before', async () => {
      await h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: DECILES });
      const error = await rejection(h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: 'outward code,decile\nLS6,11' }));
      expect(error.message).toBe('The postcode decile table was not saved. Line 2: the decile "11" is not a whole number from 1 to 10.');
      expect((await h.store.find({ list: 'monitoringReferences' }))[0].csv).toBe(DECILES);
    });
  });

  describe('the representativeness view', () => {
    const POPULATION = 'question,answer,percent\nsex,Female,51\nsex,Male,49';

    async function answered(count: number, answers: Record<string, string>): Promise<void> {
      for (let index = 0; index < count; index += 1) {
        const involvement = await interested(`Partner ${index} ${JSON.stringify(answers)}`);
        await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...answers });
      }
    }

    it('is for the Engagement team only', async () => {
      await start();
      expect((await rejection(h.service.equalityMonitoring.representativeness(LEAD))).message).toContain(
        'Only the Engagement team can see the equality monitoring counts.',
      );
    });

    it("counts a quarter's forms once it has ended, shows no count under the threshold, and sets the system beside the population", async () => {
      await start('2026-08-10');
      await h.service.equalityMonitoring.setPopulationProfile(ENGAGEMENT, { csv: POPULATION });
      await answered(6, { sex: 'Female' });
      await answered(2, { sex: 'Male' });
      const during = await h.service.equalityMonitoring.representativeness(ENGAGEMENT);
      expect(during).toMatchObject({ quarter: '2026-Q3', system: { counted: null, waiting: 8 }, populationGiven: true });
      h.clock.goTo('2026-10-01');
      const after = await h.service.equalityMonitoring.representativeness(ENGAGEMENT);
      expect(after.system).toEqual({ counted: 8, waiting: 0, declined: 0, acrossEdge: 0 });
      const sex = after.questions.find((question) => question.key === 'sex');
      expect(sex?.rows.find((row) => row.answer === 'Female')).toMatchObject({
        population: 51,
        system: { count: 6, percent: 75, gap: 24 },
        workstreams: [{ count: 6, percent: 75, gap: 24 }],
      });
      // 2 men is under 5; "Prefer not to say" (0) is hidden too, so the 2 cannot be worked out from the 8.
      for (const answer of ['Male', PREFER_NOT_TO_SAY, 'Not answered'])
        expect(sex?.rows.find((row) => row.answer === answer)?.system).toEqual({ count: null, percent: null, gap: null });
      expect(after.notes[0]).toBe(
        'Counts under 5 are never shown, nor any count that could be worked out from those that are; a workstream with fewer than 5 forms counted shows none.',
      );
    });

    it('uses the threshold the organisation sets', async () => {
      await start('2026-08-10', { monitoringMinCount: 10 });
      await answered(8, { sex: 'Female' });
      h.clock.goTo('2026-10-01');
      expect((await h.service.equalityMonitoring.representativeness(ENGAGEMENT)).system).toMatchObject({ counted: null, waiting: 8 });
    });

    it('counts a period of quarters, or a year, only in whole batches: a quarter too small on its own is left out and said to be', async () => {
      await start('2026-02-10');
      await answered(6, { sex: 'Female' });
      h.clock.goTo('2026-05-10');
      await answered(3, { sex: 'Male' });
      h.clock.goTo('2026-08-10');
      await answered(2, { sex: 'Male' });
      h.clock.goTo('2026-11-10');
      // Batches: Q1 (6 forms), then Q2 and Q3 together (5).
      const view = (period: object) => h.service.equalityMonitoring.representativeness(ENGAGEMENT, period);
      const year = await view({ from: '2026-Q1', to: '2026-Q4' });
      expect(year).toMatchObject({
        period: { from: '2026-Q1', to: '2026-Q4', title: 'From 2026-Q1 to 2026-Q4' },
        quarters: ['2026-Q1', '2026-Q2', '2026-Q3'],
        system: { counted: 11, acrossEdge: 0 },
      });
      expect(await view({ from: '2026-Q1', to: '2026-Q2' })).toMatchObject({ system: { counted: 6, acrossEdge: 3 + 2 } });
      // Q1 and Q2 less Q1 alone would be Q2's 3 forms: Q2 is never counted without Q3.
      expect(await view({ from: '2026-Q2', to: '2026-Q2' })).toMatchObject({ system: { counted: null, acrossEdge: 5 } });
      expect(await view({ from: '2026-Q2' })).toMatchObject({ system: { counted: 5, acrossEdge: 0 } });
    });

    it('refuses a period that is not made of quarters, or ends before it starts, naming the field', async () => {
      await start();
      const notAQuarter = await rejection(h.service.equalityMonitoring.representativeness(ENGAGEMENT, { from: '2026-13' }));
      expect(notAQuarter).toMatchObject({
        code: 'validation',
        fields: { from: 'Give a quarter as the year and the quarter, such as 2026-Q1.' },
      });
      const backwards = await rejection(h.service.equalityMonitoring.representativeness(ENGAGEMENT, { from: '2026-Q3', to: '2026-Q1' }));
      expect(backwards).toMatchObject({ fields: { to: 'The period must start no later than it ends.' } });
    });

    it('says which tables are loaded now, how many lines each holds and when it was saved', async () => {
      await start();
      const loaded = async () =>
        (await h.service.equalityMonitoring.representativeness(ENGAGEMENT)).tables.map((table) => [table.kind, table.loaded]);
      expect(await loaded()).toEqual([
        ['Population profile', null],
        ['Postcode deciles', null],
      ]);
      await h.service.equalityMonitoring.setPopulationProfile(ENGAGEMENT, { csv: POPULATION });
      await h.service.equalityMonitoring.setPostcodeDeciles(ENGAGEMENT, { csv: 'outward code,decile\nLS6,3\nLS1,2\nLS2,9' });
      const savedAt = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/);
      expect(await loaded()).toEqual([
        ['Population profile', { lines: 2, savedAt }],
        ['Postcode deciles', { lines: 3, savedAt }],
      ]);
    });

    it('refuses a population profile with a bad line, naming it', async () => {
      await start();
      const error = await rejection(
        h.service.equalityMonitoring.setPopulationProfile(ENGAGEMENT, { csv: 'question,answer,percent\nsex,Female,fifty' }),
      );
      expect(error.message).toBe('The population profile was not saved. Line 2: the percent "fifty" is not a number from 0 to 100.');
      expect(await h.store.find({ list: 'monitoringReferences' })).toEqual([]);
    });
  });

  describe('anonymity', () => {
    it('records in the audit trail that a form was answered and that the counts changed, never the answers or a row of them', async () => {
      await start();
      const involvement = await interested('Maya Thompson');
      await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...ANSWERS[0] });
      const trail = await h.store.find({ list: 'activity', where: { list: ['involvements', 'monitoringTallies'], action: 'Updated' } });
      expect(trail.map(({ list, summary, changes }) => ({ list, summary, changes: JSON.parse(changes ?? '{}') }))).toEqual([
        { list: 'involvements', summary: 'Equality monitoring answered', changes: { monitoring: { from: null, to: 'Answered' } } },
        {
          list: 'monitoringTallies',
          summary: 'Equality monitoring counts for 2026-Q4',
          changes: { responses: { from: 0, to: 1 }, counts: { changed: true } },
        },
      ]);
    });

    it("leaves the anonymous counts as they were when a partner's personal data is erased", async () => {
      await start();
      const involvement = await interested('Maya Thompson');
      await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...ANSWERS[0] });
      const [before] = await h.store.find({ list: 'monitoringTallies' });
      const partner = await h.store.get('partners', involvement.partnerId);
      await h.service.personalData.erase(ENGAGEMENT, { partnerId: involvement.partnerId, version: partner?.version });
      expect(await h.store.find({ list: 'monitoringTallies' })).toEqual([before]);
    });

    /**
     * Everything stored once the partners named have answered, in that order, partner
     * i giving `answers[assignment[i]]`. Keys of created items and of actions are
     * random UUIDs drawn whatever is answered, so they are left out.
     */
    async function storedAfter(order: readonly number[], assignment: readonly number[]): Promise<unknown> {
      await start();
      const involvements: Involvement[] = [];
      for (const name of ['Ada', 'Bo', 'Cy', 'Di']) involvements.push(await interested(name));
      for (const partner of order) {
        const involvement = involvements[partner];
        await h.service.equalityMonitoring.submit(LEAD, { ...ref(involvement), ...ANSWERS[assignment[partner]] });
        h.clock.set(new Date(h.clock.now().getTime() + 60_000).toISOString());
      }
      const raw = await under.raw();
      await under.stop();
      return JSON.parse(JSON.stringify(raw), (name, value: unknown) =>
        ['key', 'operation', 'PPPKey', 'PPPOperation'].includes(name) ? '(random)' : value,
      );
    }

    it.each([
      ['in the order they registered', [0, 1, 2, 3]],
      ['in another order', [2, 0, 3, 1]],
    ])(
      'stores exactly the same rows, audit trail and versions whichever partner gave which answers (forms sent %s)',
      async (_order, order) => {
        const worlds = [
          [0, 1, 2, 3],
          [1, 0, 3, 2],
          [3, 2, 1, 0],
        ];
        const stored: unknown[] = [];
        for (const assignment of worlds) stored.push(await storedAfter(order, assignment));
        expect(JSON.stringify(stored[0])).toContain('White: Roma');
        for (const other of stored.slice(1)) expect(other).toEqual(stored[0]);
      },
    );
  });
});
