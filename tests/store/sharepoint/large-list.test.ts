import { randomUUID } from 'node:crypto';
import { RefusedError } from '../../../src/domain/errors';
import type { RecordOf } from '../../../src/domain/schema/lists';
import type { SharePointStore } from '../../../src/store/sharepoint';
import { itemBody } from '../../../src/store/sharepoint/codec';
import { SYSTEM_FIELDS } from '../../../src/store/sharepoint/names';
import { aContext, aPartner, aRole, anInvolvement, aWorkstream, creating } from '../builders';
import { LIST_VIEW_THRESHOLD } from './stand-in/site';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, aStoreOn } from './support';

// Thousands of items cross HTTP several times here: generous on a busy machine.
const PAGE = 500;
const IN_A = 4500;
const IN_B = 1500;

let standIn: SharePointStandIn;
let store: SharePointStore;
let workstreamA: RecordOf<'workstreams'>;
let workstreamB: RecordOf<'workstreams'>;

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
  store = aStoreOn(standIn, { pageSize: PAGE });
  const [a, b, role, partner] = await store.commit(
    [
      creating('workstreams', aWorkstream(), { ref: 'a' }),
      creating('workstreams', aWorkstream()),
      creating('roles', aRole({ ref: 'a' })),
      creating('partners', aPartner()),
    ],
    aContext(),
  );
  workstreamA = a as RecordOf<'workstreams'>;
  workstreamB = b as RecordOf<'workstreams'>;
  const rows = [];
  for (let index = 0; index < IN_A + IN_B; index += 1) {
    const workstreamId = index < IN_A ? workstreamA.id : workstreamB.id;
    const values = anInvolvement({ partnerId: (partner as RecordOf<'partners'>).id, roleId: (role as RecordOf<'roles'>).id, workstreamId });
    rows.push({
      ...itemBody('involvements', values as Record<string, unknown>),
      [SYSTEM_FIELDS.key]: randomUUID(),
      [SYSTEM_FIELDS.created]: '2026-03-02T10:30:00Z',
      [SYSTEM_FIELDS.modified]: '2026-03-02T10:30:00Z',
    });
  }
  standIn.site.seed(standIn.list('PPP Involvements'), rows);
  const entries = rows.map((_, index) => ({
    ...itemBody('activity', {
      at: '2026-03-02T10:30:00.000Z',
      actorId: 'a1',
      actorName: 'Priya Sharma',
      action: 'Updated',
      list: 'involvements',
      itemId: index + 1,
      summary: null,
      changes: '{}',
    }),
    [SYSTEM_FIELDS.key]: randomUUID(),
    [SYSTEM_FIELDS.created]: '2026-03-02T10:30:00Z',
    [SYSTEM_FIELDS.modified]: '2026-03-02T10:30:00Z',
  }));
  standIn.site.seed(standIn.list('PPP Activity'), entries);
});

afterAll(async () => {
  await store.close();
  await standIn.stop();
});

describe('a list of 6,000 items, past the list view threshold', () => {
  it('holds more items than the threshold', () => {
    expect(standIn.list('PPP Involvements').items.size).toBeGreaterThan(LIST_VIEW_THRESHOLD);
  });

  it('reads every item of one workstream, page by page', async () => {
    standIn.resetCounts();
    const found = await store.find({ list: 'involvements', where: { workstreamId: workstreamB.id } });
    expect(found).toHaveLength(IN_B);
    expect(new Set(found.map((involvement) => involvement.id)).size).toBe(IN_B);
    expect(standIn.requests).toHaveLength(IN_B / PAGE);
  });

  it('filters on the indexed column first even when the caller names another column first', async () => {
    const found = await store.find({ list: 'involvements', where: { cadenceWeeks: 8, workstreamId: workstreamA.id } });
    expect(found).toHaveLength(IN_A);
    expect(standIn.operations.at(-1)?.path).toMatch(/\$filter=PPPWorkstreamId eq \d+ and PPPCadenceWeeks eq 8/);
  });

  it('stops at top without reading further pages', async () => {
    standIn.resetCounts();
    const found = await store.find({ list: 'involvements', where: { workstreamId: workstreamA.id }, top: 10 });
    expect(found).toHaveLength(10);
    expect(standIn.requests).toHaveLength(1);
  });

  it('answers findAll over the large list with every page of each query', async () => {
    const [a, b] = await store.findAll([
      { list: 'involvements', where: { workstreamId: workstreamA.id } },
      { list: 'involvements', where: { workstreamId: workstreamB.id } },
    ] as const);
    expect([a.length, b.length]).toEqual([IN_A, IN_B]);
  });

  it('is refused by SharePoint when the only filter is on a column without an index, with a plain reason', async () => {
    const error = await store.find({ list: 'involvements', where: { cadenceWeeks: 8 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RefusedError);
    expect(error).toMatchObject({ code: 'too-many-items' });
  });

  it('leads with the narrowest indexed condition: one item’s audit trail in an activity list of 6,000 entries for one list', async () => {
    const found = await store.find({ list: 'activity', where: { list: 'involvements', itemId: 4321 } });
    expect(found.map((entry) => entry.itemId)).toEqual([4321]);
    expect(standIn.operations.at(-1)?.path).toMatch(/\$filter=PPPItemId eq 4321 and PPPList eq 'involvements'/);
  });
});
