import type { PathwayService } from '../../../src/domain';
import type { RecordOf } from '../../../src/domain/schema/lists';
import type { SharePointStore } from '../../../src/store/sharepoint';
import { aContext, anInvolvement, aOneToOne, aPartner, aRole, aStaffMember, aWorkstream, creating } from '../builders';
import { LIST_VIEW_THRESHOLD } from './stand-in/site';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, aServiceOn, aStoreOn, seedList, times } from './support';

// One workstream whose involvements and booked one-to-ones alone pass the threshold,
// among the items of another workstream, so no read by workstream can be answered whole.
const PARTNERS_IN_GIANT = LIST_VIEW_THRESHOLD + 1200;
const BOOKED_IN_GIANT = LIST_VIEW_THRESHOLD + 300;
const PARTNERS_ELSEWHERE = 800;
const TODAY = '2026-03-10';

const LEAD = aStaffMember({ id: 'lead-giant', name: 'Gina Lead' });

let standIn: SharePointStandIn;
let store: SharePointStore;
let service: PathwayService;
let giant: RecordOf<'workstreams'>;

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
  store = aStoreOn(standIn);
  service = aServiceOn(store, TODAY);
  const written = await store.commit(
    [
      creating('workstreams', aWorkstream(), { ref: 'giant' }),
      creating('workstreams', aWorkstream(), { ref: 'other' }),
      creating('members', { workstreamId: { ref: 'giant' }, userId: LEAD.id, userName: LEAD.name }),
      creating('roles', aRole({ ref: 'giant' }, { title: 'Giant role' }), { ref: 'role' }),
      creating('roles', aRole({ ref: 'other' }), { ref: 'elsewhere' }),
    ],
    aContext(),
  );
  giant = written[0] as RecordOf<'workstreams'>;
  const [other, , role, elsewhere] = written.slice(1) as [RecordOf<'workstreams'>, unknown, RecordOf<'roles'>, RecordOf<'roles'>];
  const firstPartner = seedList(
    standIn,
    'partners',
    times(PARTNERS_IN_GIANT + PARTNERS_ELSEWHERE, (index) => aPartner({ fullName: `Partner ${String(index).padStart(5, '0')}` })),
  );
  // The other workstream's involvements come between the giant's, so every range of ids holds both.
  const firstInvolvement = seedList(
    standIn,
    'involvements',
    times(PARTNERS_IN_GIANT + PARTNERS_ELSEWHERE, (index) =>
      index % 8 === 7 && index / 8 < PARTNERS_ELSEWHERE
        ? anInvolvement({ partnerId: firstPartner + index, roleId: elsewhere.id, workstreamId: other.id })
        : anInvolvement({ partnerId: firstPartner + index, roleId: role.id, workstreamId: giant.id }, { stage: 'Active' }),
    ),
  );
  const giantInvolvements = times(PARTNERS_IN_GIANT + PARTNERS_ELSEWHERE, (index) => firstInvolvement + index).filter(
    (_, index) => !(index % 8 === 7 && index / 8 < PARTNERS_ELSEWHERE),
  );
  seedList(
    standIn,
    'oneToOnes',
    times(BOOKED_IN_GIANT, (index) => aOneToOne(giantInvolvements[index], giant.id, { date: '2026-04-01' })),
  );
});

afterAll(async () => {
  await store.close();
  await standIn.stop();
});

describe('a workstream whose involvements alone pass SharePoint’s list view threshold', () => {
  it('is more than SharePoint answers in one read by workstream, though a range of ids narrows it enough', () => {
    for (const title of ['PPP Involvements', 'PPP One-to-ones']) {
      const list = standIn.list(title);
      expect(() => standIn.site.queryItems(list, { filter: `PPPWorkstreamId eq ${giant.id}` })).toThrow(/list view threshold/);
      expect(() => standIn.site.queryItems(list, { filter: `Id ge 1 and PPPWorkstreamId eq ${giant.id}` })).toThrow(/list view threshold/);
      expect(
        standIn.site.queryItems(list, { filter: `Id ge 1 and Id lt 5001 and PPPWorkstreamId eq ${giant.id}`, top: '5000' }).items.length,
      ).toBeGreaterThan(4000);
    }
  });

  it('shows its dashboard with every partner and booked one-to-one, read again in ranges of ids once SharePoint refuses the whole', async () => {
    standIn.resetCounts();
    const dashboard = await service.partnerViews.dashboard(LEAD, giant.id);
    expect(dashboard.rows).toHaveLength(PARTNERS_IN_GIANT);
    expect(new Set(dashboard.rows.map((row) => row.involvementId)).size).toBe(PARTNERS_IN_GIANT);
    expect(dashboard.rows.filter((row) => row.booked !== null)).toHaveLength(BOOKED_IN_GIANT);
    expect(dashboard.rows.slice(0, 2).map((row) => row.name)).toEqual(['Partner 00000', 'Partner 00001']);
    // The refused batch, the highest id of each list, then every range in one batch.
    expect(standIn.requests).toHaveLength(3);

    standIn.resetCounts();
    expect((await service.partnerViews.dashboard(LEAD, giant.id)).rows).toHaveLength(PARTNERS_IN_GIANT);
    // The highest ids are remembered: the refused batch, then the ranges.
    expect(standIn.requests).toHaveLength(2);
  });

  it('answers a single read by workstream the same way, in the order asked for', async () => {
    const booked = await store.find({ list: 'oneToOnes', where: { workstreamId: giant.id }, orderBy: [{ field: 'date' }] });
    expect(booked).toHaveLength(BOOKED_IN_GIANT);
    expect(booked.map((item) => item.id)).toEqual([...booked.map((item) => item.id)].sort((a, b) => a - b));
  });

  it('finds items added past the highest id it remembers', async () => {
    const [partner] = await store.commit([creating('partners', aPartner({ fullName: 'Newest Partner' }))], aContext());
    const roleId = (await store.find({ list: 'roles', where: { workstreamId: giant.id } }))[0].id;
    await store.commit(
      [creating('involvements', anInvolvement({ partnerId: (partner as RecordOf<'partners'>).id, roleId, workstreamId: giant.id }))],
      aContext(),
    );
    const rows = (await service.partnerViews.dashboard(LEAD, giant.id)).rows;
    expect(rows).toHaveLength(PARTNERS_IN_GIANT + 1);
    expect(rows.map((row) => row.name)).toContain('Newest Partner');
  });
});
