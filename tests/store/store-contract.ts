import { ConflictError, NotFoundError, RefusedError, ValidationError } from '../../src/domain/errors';
import type { Fields, ListName, RecordOf } from '../../src/domain/schema/lists';
import type { AnyQuery, Change, CommitContext, Query, Store } from '../../src/domain/store';
import {
  aContext,
  aKey,
  aClaim,
  aOneToOne,
  aPartner,
  aRole,
  aStaffMember,
  aTask,
  aTemplateItem,
  anInvolvement,
  aWorkstream,
  creating,
  deleting,
  unique,
  updating,
  type CreateValues,
} from './builders';

/** What a rejected promise rejected with (a test fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** The `changes` of an audit entry, parsed. */
function changesOf(entry: RecordOf<'activity'>): Record<string, unknown> {
  return JSON.parse(entry.changes ?? 'null') as Record<string, unknown>;
}

/**
 * Registers the behaviour every {@link Store} adapter must show, through the port
 * only. `open` is called once per block; tests never assume an empty store (each
 * makes its own workstream and filters by it), so a shared SharePoint site can run
 * them too. The store is closed after each block.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store contract`, () => {
    let store: Store;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store.close();
    });

    async function createOne<L extends ListName>(
      list: L,
      values: CreateValues<L>,
      context: CommitContext = aContext(),
    ): Promise<RecordOf<L>> {
      const [item] = await store.commit([creating(list, values) as Change], context);
      return item as unknown as RecordOf<L>;
    }

    /** A workstream with one role, one partner and their involvement, made in one commit. */
    async function aPathway(): Promise<{
      workstream: RecordOf<'workstreams'>;
      role: RecordOf<'roles'>;
      partner: RecordOf<'partners'>;
      involvement: RecordOf<'involvements'>;
    }> {
      const [workstream, role, partner, involvement] = await store.commit(
        [
          creating('workstreams', aWorkstream(), { ref: 'ws' }),
          creating('roles', aRole({ ref: 'ws' }), { ref: 'role' }),
          creating('partners', aPartner(), { ref: 'partner' }),
          creating('involvements', anInvolvement({ partnerId: { ref: 'partner' }, roleId: { ref: 'role' }, workstreamId: { ref: 'ws' } })),
        ],
        aContext(),
      );
      return {
        workstream: workstream as RecordOf<'workstreams'>,
        role: role as RecordOf<'roles'>,
        partner: partner as RecordOf<'partners'>,
        involvement: involvement as RecordOf<'involvements'>,
      };
    }

    async function auditOf(list: ListName, itemId: number): Promise<Array<RecordOf<'activity'>>> {
      return store.find({ list: 'activity', where: { list, itemId }, orderBy: [{ field: 'at' }] });
    }

    async function rolesOf(workstreamId: number, query: Omit<Query<'roles'>, 'list'> = {}): Promise<Array<RecordOf<'roles'>>> {
      return store.find({ ...query, list: 'roles', where: { workstreamId, ...query.where } });
    }

    describe('creating and reading items', () => {
      const at = '2026-03-02T10:30:00.000Z';

      function stored<L extends ListName>(values: Fields<L>, key: string) {
        return { ...values, id: expect.any(Number), key, version: 1, created: at, modified: at };
      }

      it('reads back a workstream exactly as created, with id, key, version 1 and created and modified at the commit time', async () => {
        const values = aWorkstream();
        const key = aKey();
        const [created] = await store.commit([creating('workstreams', values, { key })], aContext({ at }));
        expect(created).toEqual(stored(values, key));
        expect(await store.get('workstreams', (created as RecordOf<'workstreams'>).id)).toEqual(created);
      });

      it('reads back a role with every column filled, including a multi-choice and an instant', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const values = aRole(workstream.id, {
          status: 'Advertised',
          advertState: 'Approved',
          advertUrl: 'https://www.example.nhs.uk/get-involved/diabetes-partner',
          advertComment: 'Approved for the opportunities page.',
          advertDecidedBy: 'Tom Whitfield',
          advertDecidedAt: '2026-03-05T16:45:00.000Z',
        });
        const key = aKey();
        const [created] = await store.commit([creating('roles', values, { key })], aContext({ at }));
        expect(created).toEqual(stored(values as Fields<'roles'>, key));
        expect(await store.get('roles', (created as RecordOf<'roles'>).id)).toEqual(created);
      });

      it('reads back a role’s selection criteria and an involvement’s judgement against them at the offer and at Not progressed', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const roleValues = aRole(workstream.id, { selectionCriteria: 'Lived experience of diabetes care\nCan join a monthly meeting' });
        const role = await createOne('roles', roleValues);
        expect(role.selectionCriteria).toBe('Lived experience of diabetes care\nCan join a monthly meeting');
        const partner = await createOne('partners', aPartner());
        const values = anInvolvement(
          { partnerId: partner.id, roleId: role.id, workstreamId: workstream.id },
          {
            stage: 'Not progressed',
            offeredDate: '2026-03-12',
            offerCriteria: 'Met: Lived experience of diabetes care\nNot assessed: Can join a monthly meeting',
            offerReason: 'Strong lived experience.',
            notProgressedCriteria: 'Met: Lived experience of diabetes care\nNot met: Can join a monthly meeting',
            notProgressedFrom: 'Offered',
            stageReason: 'The meeting day no longer works for them.',
          },
        );
        const key = aKey();
        const [created] = await store.commit([creating('involvements', values, { key })], aContext({ at }));
        expect(created).toEqual(stored(values as Fields<'involvements'>, key));
        expect(await store.get('involvements', (created as RecordOf<'involvements'>).id)).toEqual(created);
        expect(await store.find({ list: 'involvements', where: { notProgressedFrom: 'Offered' } })).toEqual([created]);
      });

      it('reads back a partner, an involvement, an induction task, a template item and a one-to-one', async () => {
        const { workstream, role } = await aPathway();
        const partnerValues = aPartner({ peerNetworkStatus: 'Joined', peerNetworkDate: '2026-03-20' });
        const partner = await createOne('partners', partnerValues);
        const involvementValues = anInvolvement(
          { partnerId: partner.id, roleId: role.id, workstreamId: workstream.id },
          {
            stage: 'Active',
            chatNotes: 'Keen to help with the leaflets.',
            offeredDate: '2026-03-12',
            inductionStartedDate: '2026-03-15',
            activeDate: '2026-04-01',
            stageReason: 'Induction complete.',
            lastOneToOneDate: '2026-04-10',
            nextOneToOneDue: '2026-06-05',
          },
        );
        const involvement = await createOne('involvements', involvementValues);
        const taskValues = aTask(involvement.id, workstream.id, { done: true, doneDate: '2026-03-16', doneBy: 'Priya Sharma' });
        const templateValues = aTemplateItem(workstream.id);
        const oneToOneValues = aOneToOne(involvement.id, workstream.id);
        const [task, template, oneToOne] = await store.commit(
          [
            creating('inductionTasks', taskValues),
            creating('inductionTemplateItems', templateValues),
            creating('oneToOnes', oneToOneValues),
          ],
          aContext(),
        );

        expect(await store.get('partners', partner.id)).toEqual({ ...partnerValues, ...pick(partner) });
        expect(await store.get('involvements', involvement.id)).toEqual({ ...involvementValues, ...pick(involvement) });
        expect(await store.get('inductionTasks', (task as RecordOf<'inductionTasks'>).id)).toEqual({
          ...taskValues,
          ...pick(task),
        });
        expect(await store.get('inductionTemplateItems', (template as RecordOf<'inductionTemplateItems'>).id)).toEqual({
          ...templateValues,
          ...pick(template),
        });
        expect(await store.get('oneToOnes', (oneToOne as RecordOf<'oneToOnes'>).id)).toEqual({
          ...oneToOneValues,
          ...pick(oneToOne),
        });
      });

      it('keeps the reviews that come round: a role’s term, and an involvement’s term end, agreements and access review found by date', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const role = await createOne('roles', aRole(workstream.id, { termMonths: 36 }));
        const partner = await createOne('partners', aPartner());
        const ids = { partnerId: partner.id, roleId: role.id, workstreamId: workstream.id };
        const reviewed = anInvolvement(ids, {
          stage: 'Active',
          activeDate: '2026-04-01',
          termEndDate: '2029-04-01',
          agreementsDue: '2027-03-16',
          accessReviewedDate: '2026-10-01',
          accessReviewDue: '2027-10-01',
        });
        const involvement = await createOne('involvements', reviewed);
        await createOne('involvements', anInvolvement(ids, { stage: 'Ended', termEndDate: '2027-02-01' }));
        expect((await store.get('roles', role.id))?.termMonths).toBe(36);
        expect(await store.get('involvements', involvement.id)).toEqual({ ...reviewed, ...pick(involvement) });
        const found = await store.findAll([
          { list: 'involvements', where: { termEndDate: { gte: '2029-01-01', lte: '2029-04-01' }, stage: ['Active', 'Paused'] } },
          {
            list: 'involvements',
            where: { workstreamId: workstream.id, agreementsDue: { lte: '2027-03-16' }, stage: ['Active', 'Paused'] },
          },
          { list: 'involvements', where: { workstreamId: workstream.id, accessReviewDue: { gte: '2027-10-02' } } },
        ]);
        expect(found.map((items) => items.map((item) => item.id))).toEqual([[involvement.id], [involvement.id], []]);
      });

      it('reads back a claim with its expense lines, and a partner’s payment preferences, and finds approved claims in a period', async () => {
        const { workstream, partner, involvement } = await aPathway();
        const ids = { involvementId: involvement.id, workstreamId: workstream.id, partnerId: partner.id };
        const submitted = aClaim(ids);
        const approved = aClaim(ids, {
          status: 'Approved',
          activityDate: '2026-06-01',
          dayLength: null,
          paymentPence: 0,
          decidedBy: 'Tom Whitfield',
          decidedAt: '2026-06-02T11:00:00.000Z',
        });
        const preferences = { partnerId: partner.id, declinesPayment: false, capPence: 50000, capPeriod: 'Tax year' as const };
        const [claim, later, preference] = await store.commit(
          [creating('claims', submitted), creating('claims', approved), creating('paymentPreferences', preferences)],
          aContext(),
        );
        expect(await store.get('claims', (claim as RecordOf<'claims'>).id)).toEqual({ ...submitted, ...pick(claim) });
        expect(await store.get('paymentPreferences', (preference as RecordOf<'paymentPreferences'>).id)).toEqual({
          ...preferences,
          ...pick(preference),
        });
        const inPeriod = await store.find({
          list: 'claims',
          where: { status: 'Approved', activityDate: { gte: '2026-06-01', lte: '2026-06-30' }, partnerId: partner.id },
        });
        expect(inPeriod.map((item) => item.id)).toEqual([(later as RecordOf<'claims'>).id]);
      });

      it('reads back a template item for the whole organisation, with no workstream', async () => {
        const values = aTemplateItem(null, { label: `Guide to PPP shared ${unique()}`, order: 2 });
        const item = await createOne('inductionTemplateItems', values);
        expect(await store.get('inductionTemplateItems', item.id)).toEqual({ ...values, ...pick(item) });
      });

      it('stores instants in UTC, whatever offset they were written with', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const role = await createOne('roles', aRole(workstream.id, { statusChangedAt: '2026-07-01T09:00:00+01:00' }));
        expect((await store.get('roles', role.id))?.statusChangedAt).toBe('2026-07-01T08:00:00.000Z');
      });

      it('returns undefined for an id that does not exist', async () => {
        expect(await store.get('workstreams', 987_654_321)).toBeUndefined();
      });
    });

    describe('refs within one commit', () => {
      it('links items created together: the involvement points at the new partner, role and workstream', async () => {
        const { workstream, role, partner, involvement } = await aPathway();
        expect(role.workstreamId).toBe(workstream.id);
        expect(involvement).toMatchObject({ partnerId: partner.id, roleId: role.id, workstreamId: workstream.id });
        expect(await store.get('involvements', involvement.id)).toEqual(involvement);
      });

      it('refuses a ref that no earlier change defines, naming the field, and writes nothing', async () => {
        const title = `Unreferenced ${unique()}`;
        const error = await rejection(
          store.commit(
            [creating('workstreams', aWorkstream({ title }), { ref: 'ws' }), creating('roles', aRole({ ref: 'wss' }))],
            aContext(),
          ),
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ workstreamId: expect.stringContaining('"wss"') });
        expect(await store.find({ list: 'workstreams', where: { title } })).toEqual([]);
      });

      it('refuses two changes with the same ref', async () => {
        const error = await rejection(
          store.commit(
            [creating('workstreams', aWorkstream(), { ref: 'ws' }), creating('workstreams', aWorkstream(), { ref: 'ws' })],
            aContext(),
          ),
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ ref: expect.stringContaining('"ws"') });
      });

      it('refuses a ref to an item of another list', async () => {
        const error = await rejection(
          store.commit([creating('partners', aPartner(), { ref: 'partner' }), creating('roles', aRole({ ref: 'partner' }))], aContext()),
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ workstreamId: expect.stringContaining('partner') });
      });
    });

    describe('create is idempotent by key', () => {
      it('returns the item already stored when a create is retried with the same key, writing nothing new', async () => {
        const key = aKey();
        const original = aWorkstream();
        const [first] = await store.commit([creating('workstreams', original, { key })], aContext());
        const retryTitle = `Retried ${unique()}`;
        const [second] = await store.commit(
          [creating('workstreams', aWorkstream({ title: retryTitle }), { key })],
          aContext({ at: '2026-03-09T12:00:00.000Z' }),
        );
        expect(second).toEqual(first);
        expect(await store.find({ list: 'workstreams', where: { title: retryTitle } })).toEqual([]);
        expect(await auditOf('workstreams', (first as RecordOf<'workstreams'>).id)).toHaveLength(1);
      });

      it('resolves a ref to the item already stored when a retried commit repeats its create', async () => {
        const wsKey = aKey();
        const [workstream] = await store.commit([creating('workstreams', aWorkstream(), { key: wsKey })], aContext());
        const roleKey = aKey();
        const retried = (): Change[] => [
          creating('workstreams', aWorkstream(), { key: wsKey, ref: 'ws' }),
          creating('roles', aRole({ ref: 'ws' }), { key: roleKey }),
        ];
        const first = await store.commit(retried(), aContext());
        const again = await store.commit(retried(), aContext());
        expect(first[0]).toEqual(workstream);
        expect(first[1]).toMatchObject({ workstreamId: workstream?.id, key: roleKey });
        expect(again).toEqual(first);
        expect(await rolesOf((workstream as RecordOf<'workstreams'>).id)).toEqual([first[1]]);
      });

      it('keeps keys per list: the same key can name items in two lists', async () => {
        const key = aKey();
        const [workstream, partner] = await store.commit(
          [creating('workstreams', aWorkstream(), { key }), creating('partners', aPartner(), { key })],
          aContext(),
        );
        expect(workstream?.key).toBe(key);
        expect(partner?.key).toBe(key);
        expect(await store.get('partners', (partner as RecordOf<'partners'>).id)).toMatchObject({ fullName: aPartner().fullName });
      });
    });

    describe('find', () => {
      let workstream: RecordOf<'workstreams'>;
      let draft: RecordOf<'roles'>;
      let ready: RecordOf<'roles'>;
      let advertised: RecordOf<'roles'>;
      let noClosingDate: RecordOf<'roles'>;

      beforeAll(async () => {
        workstream = await createOne('workstreams', aWorkstream());
        const id = workstream.id;
        const created = await store.commit(
          [
            creating('roles', aRole(id, { title: 'Carer partner', status: 'Draft', closingDate: '2026-04-01', level: 1 })),
            creating('roles', aRole(id, { title: 'Youth voice partner', status: 'Ready', closingDate: '2026-04-15', level: 2 })),
            creating('roles', aRole(id, { title: 'Data panel partner', status: 'Advertised', closingDate: '2026-04-30', level: 3 })),
            creating('roles', aRole(id, { title: 'Board partner', status: 'Draft', closingDate: null, level: null })),
          ],
          aContext(),
        );
        [draft, ready, advertised, noClosingDate] = created as Array<RecordOf<'roles'>>;
      });

      const titles = (roles: Array<RecordOf<'roles'>>) => roles.map((role) => role.title);

      it('matches a value exactly', async () => {
        expect(titles(await rolesOf(workstream.id, { where: { status: 'Ready' } }))).toEqual([ready.title]);
      });

      it('matches any of the values in an array', async () => {
        const found = await rolesOf(workstream.id, { where: { status: ['Ready', 'Advertised'] }, orderBy: [{ field: 'title' }] });
        expect(titles(found)).toEqual([advertised.title, ready.title]);
      });

      it('matches nothing for an empty array', async () => {
        expect(await rolesOf(workstream.id, { where: { status: [] } })).toEqual([]);
      });

      it('matches empty columns with null', async () => {
        expect(titles(await rolesOf(workstream.id, { where: { closingDate: null } }))).toEqual([noClosingDate.title]);
      });

      it('matches a range including both ends', async () => {
        const found = await rolesOf(workstream.id, {
          where: { closingDate: { gte: '2026-04-01', lte: '2026-04-15' } },
          orderBy: [{ field: 'closingDate' }],
        });
        expect(titles(found)).toEqual([draft.title, ready.title]);
      });

      it('matches a range open at either end', async () => {
        const from = await rolesOf(workstream.id, { where: { closingDate: { gte: '2026-04-15' } }, orderBy: [{ field: 'closingDate' }] });
        const until = await rolesOf(workstream.id, { where: { closingDate: { lte: '2026-04-14' } } });
        expect(titles(from)).toEqual([ready.title, advertised.title]);
        expect(titles(until)).toEqual([draft.title]);
      });

      it('matches a numeric range', async () => {
        const found = await rolesOf(workstream.id, { where: { level: { gte: 2 } }, orderBy: [{ field: 'level' }] });
        expect(titles(found)).toEqual([ready.title, advertised.title]);
      });

      it('requires every condition to hold', async () => {
        const found = await rolesOf(workstream.id, { where: { status: 'Draft', closingDate: { lte: '2026-12-31' } } });
        expect(titles(found)).toEqual([draft.title]);
      });

      it('finds items by one id or by several', async () => {
        expect(titles(await store.find({ list: 'roles', where: { id: ready.id } }))).toEqual([ready.title]);
        const several = await store.find({ list: 'roles', where: { id: [draft.id, advertised.id] }, orderBy: [{ field: 'title' }] });
        expect(titles(several)).toEqual([draft.title, advertised.title]);
        expect(await store.find({ list: 'roles', where: { id: [] } })).toEqual([]);
      });

      it('orders by a field, descending when asked, then by the next field', async () => {
        const byClosing = await rolesOf(workstream.id, {
          where: { closingDate: { gte: '2026-01-01' } },
          orderBy: [{ field: 'closingDate', descending: true }],
        });
        expect(titles(byClosing)).toEqual([advertised.title, ready.title, draft.title]);
        const byStatusThenTitle = await rolesOf(workstream.id, {
          orderBy: [{ field: 'status' }, { field: 'title', descending: true }],
        });
        expect(titles(byStatusThenTitle)).toEqual([advertised.title, draft.title, noClosingDate.title, ready.title]);
      });

      it('returns at most top items, taken after ordering', async () => {
        const found = await rolesOf(workstream.id, { orderBy: [{ field: 'title' }], top: 2 });
        expect(titles(found)).toEqual([noClosingDate.title, draft.title]);
      });

      it('refuses a field the list does not have, in where or in orderBy', async () => {
        const badWhere = { list: 'roles', where: { colour: 'red' } } as unknown as Query<'roles'>;
        const badOrder = { list: 'roles', orderBy: [{ field: 'colour' }] } as unknown as Query<'roles'>;
        const whereError = await rejection(store.find(badWhere));
        const orderError = await rejection(store.find(badOrder));
        expect(whereError).toBeInstanceOf(ValidationError);
        expect((whereError as ValidationError).fields).toHaveProperty('colour');
        expect(orderError).toBeInstanceOf(ValidationError);
        expect((orderError as ValidationError).fields).toHaveProperty('colour');
      });
    });

    describe('findAll', () => {
      it('answers several queries together, in order, each with its own list', async () => {
        const { workstream, role, partner, involvement } = await aPathway();
        const queries = [
          { list: 'roles', where: { workstreamId: workstream.id } },
          { list: 'involvements', where: { roleId: role.id } },
          { list: 'partners', where: { id: partner.id } },
          { list: 'roles', where: { workstreamId: workstream.id, status: 'Filled' } },
        ] as const satisfies readonly AnyQuery[];
        const [roles, involvements, partners, filled] = await store.findAll(queries);
        expect(roles).toEqual([role]);
        expect(involvements).toEqual([involvement]);
        expect(partners).toEqual([partner]);
        expect(filled).toEqual([]);
      });

      it('answers no queries with no results', async () => {
        expect(await store.findAll([])).toEqual([]);
      });
    });

    describe('expand', () => {
      it('gives each item the asked-for fields of the item its lookup points at, as they are now', async () => {
        const { workstream, partner, involvement } = await aPathway();
        const [renamed] = (await store.commit(
          [updating('partners', partner, { fullName: 'Renamed Person', peerNetworkStatus: 'Joined' })],
          aContext(),
        )) as Array<RecordOf<'partners'>>;
        const [involvements] = await store.findAll([
          {
            list: 'involvements',
            where: { workstreamId: workstream.id },
            expand: { lookup: 'partnerId', list: 'partners', fields: ['fullName', 'preferredName', 'peerNetworkStatus'] },
          },
        ] as const);
        expect(involvements).toEqual([
          { ...involvement, expanded: { fullName: 'Renamed Person', preferredName: renamed.preferredName, peerNetworkStatus: 'Joined' } },
        ]);
        expect(
          await store.find({
            list: 'involvements',
            where: { id: involvement.id },
            expand: { lookup: 'roleId', list: 'roles', fields: ['title'] },
          }),
        ).toEqual([expect.objectContaining({ id: involvement.id, expanded: { title: expect.any(String) } })]);
      });

      it('refuses to expand a column SharePoint cannot show through a lookup, or a column that is no lookup, naming it', async () => {
        const { workstream } = await aPathway();
        const notShown = await rejection(
          store.find({
            list: 'involvements',
            where: { workstreamId: workstream.id },
            expand: { lookup: 'partnerId', list: 'partners', fields: ['accessNeeds'] },
          }),
        );
        expect(notShown).toBeInstanceOf(ValidationError);
        expect((notShown as ValidationError).message).toMatch(/accessNeeds of PPP Partners cannot be read through a lookup/);
        const notLookup = await rejection(
          store.find({
            list: 'involvements',
            where: { workstreamId: workstream.id },
            expand: { lookup: 'stage', list: 'partners', fields: ['fullName'] } as never,
          }),
        );
        expect(notLookup).toBeInstanceOf(ValidationError);
        expect((notLookup as ValidationError).fields).toHaveProperty('expand');
      });
    });

    describe('update', () => {
      it('changes only the given fields, adds one to the version and sets modified to the commit time', async () => {
        const { role } = await aPathway();
        const at = '2026-03-09T08:00:00.000Z';
        const [updated] = await store.commit(
          [updating('roles', role, { status: 'Ready', advertComment: 'Checked', level: null })],
          aContext({ at }),
        );
        const expected = { ...role, status: 'Ready', advertComment: 'Checked', level: null, version: 2, modified: at };
        expect(updated).toEqual(expected);
        expect(await store.get('roles', role.id)).toEqual(expected);
      });

      it('refuses a stale version with a ConflictError and writes nothing from the whole commit', async () => {
        const { workstream, role: stale } = await aPathway();
        const other = await createOne('roles', aRole(workstream.id, { title: 'Second role' }));
        await store.commit([updating('roles', stale, { title: 'Moved on' })], aContext());
        const newTitle = `Never written ${unique()}`;

        const error = await rejection(
          store.commit(
            [
              creating('workstreams', aWorkstream({ title: newTitle })),
              updating('roles', other, { title: 'Changed in a failed commit' }),
              updating('roles', stale, { title: 'Based on an old read' }),
            ],
            aContext(),
          ),
        );

        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).code).toBe('conflict');
        expect(await store.find({ list: 'workstreams', where: { title: newTitle } })).toEqual([]);
        expect(await store.get('roles', other.id)).toEqual(other);
        expect(await store.get('roles', stale.id)).toMatchObject({ title: 'Moved on', version: 2 });
        expect(await auditOf('roles', other.id)).toHaveLength(1);
      });

      it('refuses an update to an id that does not exist with a NotFoundError', async () => {
        const error = await rejection(store.commit([updating('roles', { id: 987_654_321, version: 1 }, { title: 'Ghost' })], aContext()));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ itemName: 'role', id: 987_654_321, code: 'not-found' });
      });
    });

    describe('delete', () => {
      it('removes the item and answers undefined for it', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const item = await createOne('inductionTemplateItems', aTemplateItem(workstream.id));
        const result = await store.commit([deleting('inductionTemplateItems', item)], aContext());
        expect(result).toEqual([undefined]);
        expect(await store.get('inductionTemplateItems', item.id)).toBeUndefined();
      });

      it('refuses a stale version with a ConflictError and keeps the item', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const item = await createOne('inductionTemplateItems', aTemplateItem(workstream.id));
        const [moved] = await store.commit([updating('inductionTemplateItems', item, { order: 7 })], aContext());
        const error = await rejection(store.commit([deleting('inductionTemplateItems', item)], aContext()));
        expect(error).toBeInstanceOf(ConflictError);
        expect(await store.get('inductionTemplateItems', item.id)).toEqual(moved);
      });

      it('refuses to delete an id that does not exist with a NotFoundError', async () => {
        const error = await rejection(store.commit([deleting('oneToOnes', { id: 987_654_321, version: 1 })], aContext()));
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ itemName: 'one-to-one', id: 987_654_321 });
      });
    });

    describe('validation', () => {
      it('refuses a create with a message for each wrong field, and writes nothing from the commit', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const partnerName = `Never stored ${unique()}`;
        const error = await rejection(
          store.commit(
            [
              creating('partners', aPartner({ fullName: partnerName })),
              creating('roles', aRole(workstream.id, { title: 'x'.repeat(300), closingDate: '2026-02-30', status: 'Pending' as 'Draft' })),
            ],
            aContext(),
          ),
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({
          title: 'Role title must be 120 characters or fewer.',
          closingDate: 'Closing date is not a real date.',
          status: 'Status must be one of: Draft, Ready, Advertised, Filled, Closed.',
        });
        expect(await rolesOf(workstream.id)).toEqual([]);
        expect(await store.find({ list: 'partners', where: { fullName: partnerName } })).toEqual([]);
      });

      it('refuses an update with a wrong value and leaves the item as it was', async () => {
        const { role } = await aPathway();
        const error = await rejection(store.commit([updating('roles', role, { startDate: '31/03/2026', level: 9 })], aContext()));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({
          startDate: 'Start date must be a date like 2026-03-31.',
          level: 'Involvement level must be at most 4.',
        });
        expect(await store.get('roles', role.id)).toEqual(role);
      });

      it('refuses a field the list does not have', async () => {
        const { role } = await aPathway();
        const values = { colour: 'red' } as unknown as Partial<Fields<'roles'>>;
        const error = await rejection(store.commit([updating('roles', role, values)], aContext()));
        expect(error).toBeInstanceOf(ValidationError);
        expect(await store.get('roles', role.id)).toEqual(role);
      });

      it('refuses an update that points a lookup at an item that does not exist, and leaves the item as it was', async () => {
        const { involvement } = await aPathway();
        const error = await rejection(store.commit([updating('involvements', involvement, { roleId: 987_654_321 })], aContext()));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ roleId: 'Role: there is no role with id 987654321.' });
        expect(await store.get('involvements', involvement.id)).toEqual(involvement);
      });

      it('refuses a create without a key, and a commit without a valid author or time', async () => {
        const title = `Keyless ${unique()}`;
        const keyless = await rejection(store.commit([creating('workstreams', aWorkstream({ title }), { key: ' ' })], aContext()));
        const timeless = await rejection(store.commit([creating('workstreams', aWorkstream({ title }))], aContext({ at: 'yesterday' })));
        const nameless = await rejection(
          store.commit([creating('workstreams', aWorkstream({ title }))], aContext({ actor: aStaffMember({ id: '' }) })),
        );
        expect(keyless).toBeInstanceOf(ValidationError);
        expect((keyless as ValidationError).fields).toHaveProperty('key');
        expect(timeless).toBeInstanceOf(ValidationError);
        expect((timeless as ValidationError).fields).toHaveProperty('at');
        expect(nameless).toBeInstanceOf(ValidationError);
        expect((nameless as ValidationError).fields).toHaveProperty(['actor.id']);
        expect(await store.find({ list: 'workstreams', where: { title } })).toEqual([]);
      });

      it('refuses a lookup to an item that does not exist, naming the field', async () => {
        const error = await rejection(store.commit([creating('roles', aRole(987_654_321))], aContext()));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({ workstreamId: 'Workstream: there is no workstream with id 987654321.' });
      });
    });

    describe('audit trail', () => {
      it("records the action's key on every entry of a keyed commit, and finds the entries by it; an unkeyed commit records none", async () => {
        const { workstream, role } = await aPathway();
        const key = `action-${workstream.id}-save`;
        await store.commit(
          [
            updating('roles', role, { level: 3 }, 'Role description edited'),
            updating('workstreams', workstream, { description: 'Edited with the role' }),
          ],
          aContext({ key }),
        );
        const found = await store.find({ list: 'activity', where: { operation: key } });
        expect(found.map((entry) => [entry.list, entry.itemId, entry.action]).sort()).toEqual([
          ['roles', role.id, 'Updated'],
          ['workstreams', workstream.id, 'Updated'],
        ]);
        expect((await auditOf('workstreams', workstream.id)).map((entry) => entry.operation)).toEqual([null, key]);
      });

      it('records one entry per change with who, when, which item, the summary and each changed field', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const actor = aStaffMember({ id: 'a1b2c3d4-0000-4000-8000-00000000beef', name: 'Tom Whitfield' });
        const [role] = await store.commit(
          [creating('roles', aRole(workstream.id), { summary: 'Role drafted' })],
          aContext({ actor, at: '2026-03-02T10:00:00.000Z' }),
        );
        const created = role as RecordOf<'roles'>;
        await store.commit(
          [updating('roles', created, { status: 'Ready', level: 3 }, 'Role marked ready')],
          aContext({ actor, at: '2026-03-03T11:00:00.000Z' }),
        );
        const [again] = await store.find({ list: 'roles', where: { id: created.id } });
        await store.commit([deleting('roles', again)], aContext({ at: '2026-03-04T12:00:00.000Z' }));

        const entries = await auditOf('roles', created.id);
        expect(entries).toHaveLength(3);
        const who = ({ at, actorId, actorName, action, list, itemId, summary }: RecordOf<'activity'>) => ({
          at,
          actorId,
          actorName,
          action,
          list,
          itemId,
          summary,
        });
        const tom = { actorId: actor.id, actorName: 'Tom Whitfield', list: 'roles', itemId: created.id };
        const priya = { actorId: aStaffMember().id, actorName: 'Priya Sharma', list: 'roles', itemId: created.id };
        expect(entries.map(who)).toEqual([
          { ...tom, at: '2026-03-02T10:00:00.000Z', action: 'Created', summary: 'Role drafted' },
          { ...tom, at: '2026-03-03T11:00:00.000Z', action: 'Updated', summary: 'Role marked ready' },
          { ...priya, at: '2026-03-04T12:00:00.000Z', action: 'Deleted', summary: null },
        ]);
        expect(changesOf(entries[0])).toMatchObject({
          title: { from: null, to: created.title },
          status: { from: null, to: 'Draft' },
          accessibleFormats: { from: null, to: ['Easy read', 'Large print'] },
        });
        expect(changesOf(entries[0])).not.toHaveProperty('advertUrl');
        expect(changesOf(entries[1])).toEqual({ status: { from: 'Draft', to: 'Ready' }, level: { from: 2, to: 3 } });
        expect(changesOf(entries[2])).toMatchObject({ status: { from: 'Ready', to: null }, title: { from: created.title, to: null } });
      });

      it('records that a personal field changed but never its value', async () => {
        const [partner] = await store.commit(
          [creating('partners', aPartner({ fullName: "Siobhán O'Brien", email: 'siobhan.obrien@example.org' }))],
          aContext(),
        );
        const created = partner as RecordOf<'partners'>;
        await store.commit(
          [updating('partners', created, { email: 'shiv.ob@example.org', phone: null, peerNetworkStatus: 'Invited' })],
          aContext(),
        );
        const entries = await auditOf('partners', created.id);
        const everything = JSON.stringify(entries);
        for (const secret of ["O'Brien", 'Siobh', 'siobhan.obrien', 'shiv.ob', '07700', 'LS6 2AB', 'step-free', 'Maggie']) {
          expect(everything).not.toContain(secret);
        }
        expect(changesOf(entries[0])).toMatchObject({
          fullName: { changed: true },
          email: { changed: true },
          consentGiven: { from: null, to: true },
        });
        expect(changesOf(entries[1])).toEqual({
          email: { changed: true },
          phone: { changed: true },
          peerNetworkStatus: { from: 'Not invited', to: 'Invited' },
        });
      });

      it('keeps an entry within its column for a change too large to record in full, marking the largest fields as changed', async () => {
        const { role } = await aPathway();
        const long = (letter: string) => letter.repeat(2000);
        const values = {
          purpose: long('p'),
          activities: long('a'),
          paymentAndExpenses: long('e'),
          skillsWelcomed: long('s'),
          supportOffered: long('o'),
        };
        await store.commit([updating('roles', role, values)], aContext());
        const [, entry] = await auditOf('roles', role.id);
        expect(entry.changes?.length).toBeLessThanOrEqual(8000);
        const changes = changesOf(entry);
        expect(Object.keys(changes).sort()).toEqual(Object.keys(values).sort());
        expect(Object.values(changes)).toContainEqual({ changed: true });
        expect(await store.get('roles', role.id)).toMatchObject(values);
      });

      it('refuses to create, change or remove activity entries: the audit trail is append-only', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const [entry] = await auditOf('workstreams', workstream.id);
        const attempts: Change[] = [
          creating('activity', {
            at: '2026-03-02T10:30:00.000Z',
            actorId: 'x',
            actorName: 'Someone',
            action: 'Created',
            list: 'workstreams',
            itemId: workstream.id,
            summary: 'Forged',
            changes: null,
            operation: null,
          }),
          updating('activity', entry, { summary: 'Rewritten history' }),
          deleting('activity', entry),
        ];
        for (const attempt of attempts) {
          const error = await rejection(store.commit([attempt], aContext()));
          expect(error).toBeInstanceOf(RefusedError);
          expect((error as RefusedError).code).toBe('audit-append-only');
        }
        expect(await auditOf('workstreams', workstream.id)).toEqual([entry]);
      });
    });

    describe('recording access', () => {
      it.each(['Viewed', 'Exported'] as const)(
        'appends a %s entry with who, when, the item and the summary, and no field values',
        async (action) => {
          const { partner } = await aPathway();
          const actor = aStaffMember({ id: 'a1b2c3d4-0000-4000-8000-00000000cafe', name: 'Nadia Ali' });
          await store.recordAccess(
            { list: 'partners', id: partner.id, action, summary: 'Partner record viewed' },
            aContext({ actor, at: '2026-03-05T09:15:00.000Z' }),
          );
          const entries = (await auditOf('partners', partner.id)).filter((entry) => entry.action === action);
          expect(entries).toEqual([
            expect.objectContaining({
              at: '2026-03-05T09:15:00.000Z',
              actorId: actor.id,
              actorName: 'Nadia Ali',
              list: 'partners',
              itemId: partner.id,
              summary: 'Partner record viewed',
            }),
          ]);
          expect([null, '{}']).toContain(entries[0].changes);
        },
      );

      it('leaves the item as it was', async () => {
        const { partner } = await aPathway();
        await store.recordAccess({ list: 'partners', id: partner.id, action: 'Viewed', summary: 'Partner record viewed' }, aContext());
        expect(await store.get('partners', partner.id)).toEqual(partner);
      });
    });

    describe('purging history', () => {
      it('keeps the items and their current values after a commit that blanked personal fields', async () => {
        const { partner, involvement } = await aPathway();
        const [erased, blanked] = await store.commit(
          [
            updating('partners', partner, {
              fullName: `Erased partner ${partner.id}`,
              email: null,
              phone: null,
              postalAddress: null,
              accessNeeds: null,
              preferredName: null,
            }),
            updating('involvements', involvement, { chatNotes: null, chatAdjustments: null }),
          ],
          aContext(),
        );
        await store.purgeHistory([
          { list: 'partners', id: partner.id },
          { list: 'involvements', id: involvement.id },
        ]);
        expect(await store.get('partners', partner.id)).toEqual(erased);
        expect(await store.get('involvements', involvement.id)).toEqual(blanked);
        const trail = JSON.stringify([...(await auditOf('partners', partner.id)), ...(await auditOf('involvements', involvement.id))]);
        expect(trail).not.toContain(partner.fullName);
      });

      it('can be asked again, and for nothing at all', async () => {
        const { partner } = await aPathway();
        await store.purgeHistory([{ list: 'partners', id: partner.id }]);
        await store.purgeHistory([{ list: 'partners', id: partner.id }]);
        await store.purgeHistory([]);
        expect(await store.get('partners', partner.id)).toEqual(partner);
      });
    });

    describe('values round-trip', () => {
      it('keeps multi-choice selections, telling an empty selection from no answer', async () => {
        const workstream = await createOne('workstreams', aWorkstream());
        const all = ['Easy read', 'Large print', 'Audio', 'Braille', 'Other languages', 'Phone or post'] as const;
        const [many, none, unanswered] = await store.commit(
          [
            creating('roles', aRole(workstream.id, { accessibleFormats: [...all] })),
            creating('roles', aRole(workstream.id, { accessibleFormats: [] })),
            creating('roles', aRole(workstream.id, { accessibleFormats: null })),
          ],
          aContext(),
        );
        expect((await store.get('roles', (many as RecordOf<'roles'>).id))?.accessibleFormats).toEqual([...all]);
        expect((await store.get('roles', (none as RecordOf<'roles'>).id))?.accessibleFormats).toEqual([]);
        expect((await store.get('roles', (unanswered as RecordOf<'roles'>).id))?.accessibleFormats).toBeNull();
        expect((await rolesOf(workstream.id, { where: { accessibleFormats: null } })).map((role) => role.id)).toEqual([unanswered?.id]);
      });

      it('keeps yes/no values as booleans and filters on them', async () => {
        const { involvement, workstream } = await aPathway();
        const [yes, no] = await store.commit(
          [
            creating('inductionTasks', aTask(involvement.id, workstream.id, { required: true, done: true })),
            creating('inductionTasks', aTask(involvement.id, workstream.id, { required: false, done: false })),
          ],
          aContext(),
        );
        expect(await store.get('inductionTasks', (yes as RecordOf<'inductionTasks'>).id)).toMatchObject({ required: true, done: true });
        expect(await store.get('inductionTasks', (no as RecordOf<'inductionTasks'>).id)).toMatchObject({ required: false, done: false });
        const notDone = await store.find({ list: 'inductionTasks', where: { involvementId: involvement.id, done: false } });
        expect(notDone.map((task) => task.id)).toEqual([no?.id]);
      });

      it('keeps apostrophes, quotes, other scripts and emoji exactly, and filters on them', async () => {
        const title = `O'Brien's "quoted" 東京 café 🩺 ${unique()}`;
        const description = 'Line one\nLine two; DROP TABLE "roles"; -- \\ % _';
        const workstream = await createOne('workstreams', aWorkstream({ title, description }));
        expect(await store.get('workstreams', workstream.id)).toMatchObject({ title, description });
        expect((await store.find({ list: 'workstreams', where: { title } })).map((found) => found.id)).toEqual([workstream.id]);
        expect((await store.find({ list: 'workstreams', where: { title: [title, "O'Brien"] } })).map((found) => found.id)).toEqual([
          workstream.id,
        ]);
      });
    });
  });
}

/** The system fields of a stored item, to compare it with the values it was created from. */
function pick(item: unknown): { id: number; key: string; version: number; created: string; modified: string } {
  const { id, key, version, created, modified } = item as RecordOf<'workstreams'>;
  return { id, key, version, created, modified };
}
