import type { PathwayService } from '../../../src/domain';
import type { ListName, RecordOf } from '../../../src/domain/schema/lists';
import type { SharePointStore } from '../../../src/store/sharepoint';
import { aContext, anInvolvement, aOneToOne, aPartner, aRole, aStaffMember, aTask, aWorkstream, creating } from '../builders';
import { LIST_VIEW_THRESHOLD } from './stand-in/site';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, aServiceOn, aStoreOn, seedList, times } from './support';

// One workstream holds 5,000 partners (the most one filtered read may match), and every
// list the views sort is past the list view threshold.
const PARTNERS_IN_BIG = LIST_VIEW_THRESHOLD;
const PARTNERS_ELSEWHERE = 1000;
const TASKS_ELSEWHERE = 6000;
const ROLES_IN_BIG = 1000;
const ROLES_ELSEWHERE = 4500;
const MEMBERS_IN_BIG = 2500;
const MEMBERS_ELSEWHERE = 3000;
const BOOKED_IN_BIG = 2000;
const TODAY = '2026-03-10';

const LEAD = aStaffMember({ id: 'lead-at-scale', name: 'Asha Lead' });
const ENGAGEMENT = aStaffMember({ id: 'engagement-at-scale', name: 'Eve Engagement' });

let standIn: SharePointStandIn;
let store: SharePointStore;
let service: PathwayService;
let big: RecordOf<'workstreams'>;
let involvement: RecordOf<'involvements'>;

function seed<L extends ListName>(list: L, values: ReadonlyArray<Record<string, unknown>>): number {
  return seedList(standIn, list, values);
}

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
  store = aStoreOn(standIn);
  service = aServiceOn(store, TODAY, [ENGAGEMENT.id]);
  const written = await store.commit(
    [
      creating('workstreams', aWorkstream(), { ref: 'big' }),
      creating('workstreams', aWorkstream(), { ref: 'other' }),
      creating('members', { workstreamId: { ref: 'big' }, userId: LEAD.id, userName: LEAD.name }),
    ],
    aContext(),
  );
  big = written[0] as RecordOf<'workstreams'>;
  const other = written[1] as RecordOf<'workstreams'>;
  seed('members', [
    ...times(MEMBERS_IN_BIG, (index) => ({ workstreamId: big.id, userId: `m-${index}`, userName: `Member ${MEMBERS_IN_BIG - index}` })),
    ...times(MEMBERS_ELSEWHERE, (index) => ({ workstreamId: other.id, userId: `o-${index}`, userName: `Other ${index}` })),
  ]);
  const firstRole = seed('roles', [
    ...times(ROLES_IN_BIG, (index) =>
      aRole(big.id, { title: `Role ${ROLES_IN_BIG - index}`, status: 'Advertised', closingDate: '2026-03-20' }),
    ),
    ...times(ROLES_ELSEWHERE, () => aRole(other.id)),
  ]);
  const firstPartner = seed(
    'partners',
    times(PARTNERS_IN_BIG + PARTNERS_ELSEWHERE, (index) => aPartner({ fullName: `Partner ${index}` })),
  );
  const firstInvolvement = seed('involvements', [
    ...times(PARTNERS_IN_BIG, (index) =>
      anInvolvement(
        { partnerId: firstPartner + index, roleId: firstRole + (index % ROLES_IN_BIG), workstreamId: big.id },
        { stage: 'Active', ownerId: LEAD.id, ownerName: LEAD.name, nextOneToOneDue: index % 2 === 0 ? '2026-03-17' : '2026-06-01' },
      ),
    ),
    ...times(PARTNERS_ELSEWHERE, (index) =>
      anInvolvement({ partnerId: firstPartner + PARTNERS_IN_BIG + index, roleId: firstRole + ROLES_IN_BIG, workstreamId: other.id }),
    ),
  ]);
  seed('inductionTasks', [
    ...times(3, (index) => aTask(firstInvolvement, big.id, { label: `Item ${index}`, order: 3 - index })),
    ...times(TASKS_ELSEWHERE, (index) => aTask(firstInvolvement + PARTNERS_IN_BIG + (index % PARTNERS_ELSEWHERE), other.id)),
  ]);
  seed(
    'oneToOnes',
    times(BOOKED_IN_BIG, (index) => aOneToOne(firstInvolvement + index, big.id, { date: '2026-04-01' })),
  );
  involvement = (await store.get('involvements', firstInvolvement)) as RecordOf<'involvements'>;
});

afterAll(async () => {
  await store.close();
  await standIn.stop();
});

describe('an organisation past SharePoint’s list view threshold, one workstream of 5,000 partners', () => {
  it('has every list the views sort past the threshold', () => {
    for (const title of ['PPP Members', 'PPP Roles', 'PPP Partners', 'PPP Involvements', 'PPP Induction Tasks'])
      expect(standIn.list(title).items.size).toBeGreaterThan(LIST_VIEW_THRESHOLD);
  });

  it('opens a partner’s details with the checklist in order, in three round trips', async () => {
    standIn.resetCounts();
    const detail = await service.partnerViews.partnerDetail(LEAD, involvement.id);
    expect(detail.checklist.map((item) => item.label)).toEqual(['Item 2', 'Item 1', 'Item 0']);
    expect(standIn.requests).toHaveLength(3);
  });

  it('shows the dashboard of the workstream with all 5,000 partners by name and its roles by title, in one round trip', async () => {
    standIn.resetCounts();
    const dashboard = await service.partnerViews.dashboard(LEAD, big.id);

    expect(standIn.requests).toHaveLength(1);
    expect(dashboard.rows).toHaveLength(PARTNERS_IN_BIG);
    expect(dashboard.rows.slice(0, 3).map((row) => [row.name, row.peerNetworkStatus])).toEqual([
      ['Partner 0', 'Not invited'],
      ['Partner 1', 'Not invited'],
      ['Partner 10', 'Not invited'],
    ]);
    expect(dashboard.roles).toHaveLength(ROLES_IN_BIG);
    expect(dashboard.roles.slice(0, 3).map((role) => role.title)).toEqual(['Role 1', 'Role 10', 'Role 100']);
  });

  it('lists the lead’s 5,000 partners and what is due soon in the workstream', async () => {
    expect(await service.worklists.myPartners(LEAD)).toHaveLength(PARTNERS_IN_BIG);
    const due = await service.worklists.dueSoon(LEAD, big.id, 14);
    expect(due.oneToOnes).toHaveLength(PARTNERS_IN_BIG / 2);
    expect(due.closingRoles).toHaveLength(ROLES_IN_BIG);
  });

  it('gives the public opportunities feed its 1,000 Advertised roles out of 5,500, in one read filtered on the indexed Status column', async () => {
    standIn.resetCounts();
    const opportunities = await service.roleViews.opportunities();
    expect(standIn.requests).toHaveLength(1);
    expect(opportunities).toHaveLength(ROLES_IN_BIG);
    expect(new Set(opportunities.map((opportunity) => opportunity.closingDate))).toEqual(new Set(['2026-03-20']));
  });

  it('lists the workstream’s open roles and its members by name', async () => {
    const roles = await service.roleViews.openRoles(LEAD, big.id);
    expect(roles.slice(0, 2).map((role) => role.title)).toEqual(['Role 1', 'Role 10']);
    const members = await service.members.list(ENGAGEMENT, big.id);
    expect(members).toHaveLength(MEMBERS_IN_BIG + 1);
    expect(members.slice(0, 2).map((member) => member.userName)).toEqual(['Asha Lead', 'Member 1']);
  });
});
