import { AccessDeniedError, createPathwayService, type PathwayService, type Principal } from '../../src/domain';
import { API, type FileRoute, type FirstScreen, type ReadRoute, type RouteName, type UseCaseRoute } from '../../src/contract/api';
import { READS, runUseCase, type OpenRead } from '../../src/server/api-routes';
import { FILES } from '../../src/server/download-routes';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite';
import { COMPLETE_DESCRIPTION, fixedClock, SETTINGS, TEST_GUIDANCE } from './support';

const ENGAGEMENT: Principal = { id: 'aad-engagement', name: 'Nadia Ali', email: 'nadia@example.nhs.uk', tenantId: 'tenant' };
/** A member of workstream A only. */
const ALEX: Principal = {
  id: '7b2d4f6a-8c0e-4a1b-9c3d-5e7f9a1b3c5d',
  name: 'Alex Moore',
  email: 'alex@example.nhs.uk',
  tenantId: 'tenant',
};
/** A member of workstream B, who arranges its records. */
const BEA: Principal = { id: 'aad-bea', name: 'Bea Khan', email: 'bea@example.nhs.uk', tenantId: 'tenant' };

interface WorkstreamB {
  readonly workstreamId: number;
  readonly role: { id: number; version: number };
  readonly involvement: { id: number; version: number };
  readonly partner: { id: number; version: number };
  readonly task: { id: number; version: number };
  readonly oneToOne: { id: number; version: number };
  readonly member: { id: number; version: number };
  readonly claim: { id: number; version: number };
}

/** Workstream B with a role awaiting approval, another advertised, and a partner in induction with a booked one-to-one. */
async function arrangeB(service: PathwayService): Promise<WorkstreamB> {
  await service.workstreams.create(ALEX, { title: 'Workstream A' });
  const b = await service.workstreams.create(BEA, { title: 'Workstream B' });
  const plan = async (title: string) => {
    const planned = await service.roles.planRole(BEA, { workstreamId: b.id, title, ...COMPLETE_DESCRIPTION });
    const ready = await service.roles.markReady(BEA, { roleId: planned.role.id, version: planned.role.version });
    return (await service.roles.sendAdvert(BEA, { roleId: ready.role.id, version: ready.role.version })).role;
  };
  const awaiting = await plan('Awaiting approval');
  const other = await plan('Advertised');
  const advertised = await service.roles.approveAdvert(ENGAGEMENT, {
    roleId: other.id,
    version: other.version,
    advertUrl: 'https://example.org/b',
  });
  let involvement = await service.involvements.recordInterest(BEA, {
    roleId: advertised.role.id,
    partner: { fullName: 'Maya Jones', consentGiven: true },
  });
  const ref = () => ({ involvementId: involvement.id, version: involvement.version });
  involvement = await service.involvements.bookChat(BEA, { ...ref(), at: '2026-03-05T10:00:00Z', where: 'Teams' });
  involvement = await service.involvements.holdChat(BEA, ref());
  involvement = await service.involvements.makeOffer(BEA, {
    ...ref(),
    reason: 'Recent experience of the service, and the time the role needs.',
  });
  involvement = await service.involvements.startInduction(BEA, ref());
  const detail = await service.partnerViews.partnerDetail(BEA, involvement.id);
  const oneToOne = await service.oneToOnes.book(BEA, { involvementId: involvement.id, date: '2026-03-20', time: '10:00' });
  const [member] = await service.members.list(BEA, b.id);
  const claim = await service.claims.create(BEA, {
    involvementId: involvement.id,
    activityDate: '2026-03-02',
    description: 'Design group',
    dayLength: 'Half day',
  });
  return {
    workstreamId: b.id,
    role: awaiting,
    involvement: await service.partnerViews.partnerDetail(BEA, involvement.id).then((current) => current.involvement),
    partner: detail.partner,
    task: detail.checklist[0],
    oneToOne,
    member,
    claim,
  };
}

/** One route of the contract, as this test names it. */
interface Route {
  readonly name: RouteName;
  readonly method: string;
  readonly path: string;
}

const ROUTES: readonly Route[] = (Object.keys(API) as RouteName[]).map((name) => ({
  name,
  method: API[name].method.toLowerCase(),
  path: API[name].path,
}));
const route = (name: RouteName): Route => ROUTES.find((candidate) => candidate.name === name) as Route;

/** What the server does for a route once the caller is known: its file, its read or its use case. */
function callRoute(
  service: PathwayService,
  { name }: Route,
  actor: Principal,
  body: Record<string, unknown>,
  ids: Record<string, number>,
): Promise<unknown> {
  if ('file' in API[name]) return FILES[name as FileRoute](service, actor, ids, {});
  if ('useCase' in API[name]) return runUseCase(name as UseCaseRoute, service, actor, body, ids);
  return READS[name as Exclude<ReadRoute, OpenRead>]({
    service,
    actor,
    ids,
    query: {},
    identity: 'entra',
    documents: {},
    guidance: TEST_GUIDANCE,
  });
}

/** A valid body for every route that writes, so that only access can refuse it. */
function bodyFor(route: Route, b: WorkstreamB): Record<string, unknown> {
  const bodies: Record<string, Record<string, unknown>> = {
    'post /workstreams': { title: 'Workstream C' },
    'put /induction-template': { items: [{ label: 'Welcome', kind: 'Task', required: true }], basedOn: '' },
    'put /workstreams/:workstreamId/induction-template': { items: [{ label: 'Welcome', kind: 'Task', required: true }], basedOn: '' },
    'post /roles': { workstreamId: b.workstreamId, title: 'Sneaked in' },
    'patch /roles/:roleId': { version: b.role.version, title: 'Renamed' },
    'post /roles/:roleId/approve-advert': { version: b.role.version, advertUrl: 'https://example.org/sneaked' },
    'post /roles/:roleId/send-advert-back': { version: b.role.version, comment: 'No' },
    'post /involvements': { roleId: b.role.id, partner: { fullName: 'Sneaked In', consentGiven: true } },
    'post /involvements/:involvementId/book-chat': { version: b.involvement.version, at: '2026-03-06T10:00:00Z', where: 'Teams' },
    'post /involvements/:involvementId/not-progressed': { version: b.involvement.version, reason: 'Because' },
    'post /involvements/:involvementId/pause': { version: b.involvement.version, reason: 'Because' },
    'post /involvements/:involvementId/end': { version: b.involvement.version, reason: 'Because', exitConversationOffered: true },
    'post /involvements/:involvementId/cadence': { version: b.involvement.version, cadenceWeeks: 4 },
    'post /involvements/:involvementId/named-contact': { version: b.involvement.version, ownerId: BEA.id },
    'post /roles/:roleId/lead': { version: b.role.version, ownerId: BEA.id },
    'post /one-to-ones/:oneToOneId/move': { version: b.oneToOne.version, date: '2026-03-27' },
    'post /involvements/:involvementId/one-to-ones': { date: '2026-03-27' },
    'post /involvements/:involvementId/one-to-ones/held': { date: '2026-03-02' },
    'patch /partners/:partnerId': { version: b.partner.version, phone: '07700 900999' },
    'post /partners/:partnerId/peer-network/answer': { version: b.partner.version, answer: 'Joined' },
    'post /workstreams/:workstreamId/members': { userId: ALEX.id, userName: ALEX.name },
    'post /engagement-team/members': { userId: ALEX.id, userName: ALEX.name },
    'post /members/:memberId/remove': { version: b.member.version },
    'post /involvements/:involvementId/equality-monitoring': { version: b.involvement.version, sex: 'Female' },
    'put /equality-monitoring/population-profile': { csv: 'question,answer,percent\nsex,Female,51' },
    'put /equality-monitoring/postcode-deciles': { csv: 'outward code,decile\nLS6,3' },
    'post /involvements/:involvementId/claims': { activityDate: '2026-03-02', description: 'Workshop', dayLength: 'Half day' },
    'post /claims/:claimId/reject': { version: b.claim.version, reason: 'No receipt' },
    'put /partners/:partnerId/payment-preferences': { declinesPayment: true },
    'post /claims/finance-export': { from: '2026-03-01', to: '2026-03-31' },
  };
  const key = `${route.method} ${route.path}`;
  if (bodies[key]) return bodies[key];
  if (route.path.startsWith('/roles/:roleId')) return { version: b.role.version };
  if (route.path.startsWith('/involvements/:involvementId')) return { version: b.involvement.version };
  if (route.path.startsWith('/one-to-ones/:oneToOneId')) return { version: b.oneToOne.version };
  if (route.path.startsWith('/induction-tasks/:taskId')) return { version: b.task.version };
  if (route.path.startsWith('/claims/:claimId')) return { version: b.claim.version };
  if (route.path.startsWith('/partners/:partnerId')) return { version: b.partner.version };
  return {};
}

function idsFor(path: string, b: WorkstreamB): Record<string, number> {
  const known: Record<string, number> = {
    workstreamId: b.workstreamId,
    roleId: b.role.id,
    involvementId: b.involvement.id,
    partnerId: b.partner.id,
    taskId: b.task.id,
    oneToOneId: b.oneToOne.id,
    memberId: b.member.id,
    claimId: b.claim.id,
  };
  const ids: Record<string, number> = {};
  for (const [, name] of path.matchAll(/:(\w+)/g)) {
    if (known[name] === undefined) throw new Error(`No id of workstream B for :${name}: add it to this test`);
    ids[name] = known[name];
  }
  return ids;
}

/** Everything in the store except the audit trail, to show nothing changed. */
async function snapshot(store: SqliteStore) {
  const lists = [
    'workstreams',
    'roles',
    'partners',
    'involvements',
    'inductionTasks',
    'inductionTemplateItems',
    'oneToOnes',
    'members',
    'monitoringTallies',
    'monitoringReferences',
    'claims',
    'paymentPreferences',
  ] as const;
  return Promise.all(lists.map((list) => store.find({ list })));
}

/**
 * Routes anyone may call: they act on the caller's own workstreams or identity, answer only within their reach (matches),
 * or hold no one's records (the organisation's induction template, the role description template, the guidance).
 */
const OPEN_TO_ALL = new Set([
  'get /me',
  'get /first-screen',
  'get /first-screen/:workstreamId',
  'get /bot',
  'get /workstreams',
  'post /workstreams',
  'post /partners/matches',
  'get /induction-template',
  'get /role-description',
  'get /guidance/interest',
  'get /guidance/informal-chat',
]);

describe('a member of workstream A calling every tab API route with the ids of workstream B', () => {
  let store: SqliteStore;
  let service: PathwayService;
  let b: WorkstreamB;

  beforeEach(async () => {
    store = openSqliteStore({ path: ':memory:' });
    service = createPathwayService({ store, clock: fixedClock, settings: SETTINGS, access: { engagementTeamIds: [ENGAGEMENT.id] } });
    b = await arrangeB(service);
  });
  afterEach(() => store.close());

  const scoped = ROUTES.filter((route) => !OPEN_TO_ALL.has(`${route.method} ${route.path}`));

  it.each(scoped.map((route) => [`${route.method.toUpperCase()} /api${route.path}`, route] as const))(
    '%s is refused with no access and changes nothing',
    async (_name, route) => {
      const before = await snapshot(store);
      await expect(callRoute(service, route, ALEX, bodyFor(route, b), idsFor(route.path, b))).rejects.toBeInstanceOf(AccessDeniedError);
      expect(await snapshot(store)).toEqual(before);
    },
  );

  it('finds no match for someone in workstream B when asked by a member of workstream A only, so nothing says where else a person is involved', async () => {
    const matches = route('possibleMatches');
    const input = { email: 'maya.jones@example.org' };
    await service.partners.updateDetails(BEA, { partnerId: b.partner.id, version: b.partner.version, email: input.email });
    expect(await callRoute(service, matches, ALEX, input, {})).toEqual([]);
    expect(await callRoute(service, matches, BEA, input, {})).toEqual([
      expect.objectContaining({ partnerId: b.partner.id, sameEmail: true }),
    ]);
  });

  it('lists only workstream A to its member, and both to the Engagement team', async () => {
    const call = (actor: Principal) => callRoute(service, route('workstreams'), actor, {}, {}) as Promise<Array<{ title: string }>>;
    expect((await call(ALEX)).map((workstream) => workstream.title)).toEqual(['Workstream A']);
    expect((await call(ENGAGEMENT)).map((workstream) => workstream.title)).toEqual(['Workstream A', 'Workstream B']);
  });

  it("opens a member of workstream A's first screen asked for workstream B at their own workstream A, with nothing of B", async () => {
    const answer = (await callRoute(service, route('firstScreenAt'), ALEX, {}, idsFor(route('firstScreenAt').path, b))) as FirstScreen;
    expect(answer.workstreams.map((workstream) => workstream.title)).toEqual(['Workstream A']);
    expect(answer.dashboard?.workstream.title).toBe('Workstream A');
    expect(JSON.stringify(answer)).not.toMatch(/Workstream B|Maya Jones/);
    const asMember = (await callRoute(service, route('firstScreenAt'), BEA, {}, idsFor(route('firstScreenAt').path, b))) as FirstScreen;
    expect(asMember.dashboard?.rows.map((row) => row.name)).toEqual(['Maya Jones']);
  });

  it('opens the first screen of someone in no workstream with none to show', async () => {
    const newcomer: Principal = { id: 'aad-new', name: 'Sam Newcomer', email: 'sam@example.nhs.uk', tenantId: 'tenant' };
    await expect(callRoute(service, route('firstScreen'), newcomer, {}, {})).resolves.toMatchObject({ workstreams: [], dashboard: null });
  });

  it('lets the Engagement team, in no workstream, read all that opening workstream B from its overview shows', async () => {
    const read = (name: 'dashboard' | 'agenda' | 'members' | 'partnerDetail') =>
      callRoute(service, route(name), ENGAGEMENT, {}, idsFor(route(name).path, b));
    await expect(read('dashboard')).resolves.toMatchObject({ workstream: { title: 'Workstream B' } });
    await expect(read('agenda')).resolves.toMatchObject({ workstream: { title: 'Workstream B' } });
    await expect(read('members')).resolves.toEqual([expect.objectContaining({ workstreamId: b.workstreamId })]);
    await expect(read('partnerDetail')).resolves.toMatchObject({ involvement: { id: b.involvement.id } });
  });

  it('lets the member of workstream B do what the outsider could not, so the refusals above are about access alone', async () => {
    const dashboard = route('dashboard');
    await expect(callRoute(service, dashboard, BEA, {}, idsFor(dashboard.path, b))).resolves.toMatchObject({
      workstream: { title: 'Workstream B' },
    });
    const cancel = route('cancelOneToOne');
    await expect(callRoute(service, cancel, BEA, bodyFor(cancel, b), idsFor(cancel.path, b))).resolves.toMatchObject({
      status: 'Cancelled',
    });
  });

  it("POST /api/partners/:partnerId/erase is refused to the partner's own workstream too: it is the Engagement team's", async () => {
    const erase = route('erasePartner');
    const before = await snapshot(store);
    await expect(callRoute(service, erase, BEA, bodyFor(erase, b), idsFor(erase.path, b))).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await snapshot(store)).toEqual(before);
  });

  it.each(
    ROUTES.filter((route) => 'file' in API[route.name] && route.path.startsWith('/partners/')).map(
      (route) => [`GET /api${route.path}`, route] as const,
    ),
  )("%s is refused to the partner's own workstream too: it is the Engagement team's", async (_name, route) => {
    await expect(callRoute(service, route, BEA, {}, idsFor(route.path, b))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(callRoute(service, route, ENGAGEMENT, {}, idsFor(route.path, b))).resolves.toMatchObject({
      body: expect.stringContaining('Maya Jones'),
    });
  });
});
