import request from 'supertest';
import { seedDemo } from '../../src/demo/seed';
import { fixedClock, SETTINGS, testApp, TODAY, type TestApp } from './support';

let t: TestApp;
beforeEach(async () => {
  t = testApp();
  await seedDemo({ store: t.store, clock: fixedClock, settings: SETTINGS });
});
afterEach(() => t.store.close());

const api = () => request(t.app);

interface AgendaBody {
  today: string;
  until: string;
  items: Array<{ kind: string; name: string; date: string; overdue: boolean; oneToOneId: number | null }>;
}

async function workstreamIds(): Promise<number[]> {
  const list = (await api().get('/api/workstreams').expect(200)).body as Array<{ id: number }>;
  return list.map((workstream) => workstream.id);
}

async function agendas(): Promise<Array<{ workstreamId: number; agenda: AgendaBody }>> {
  const result = [];
  for (const workstreamId of await workstreamIds()) {
    result.push({ workstreamId, agenda: (await api().get(`/api/workstreams/${workstreamId}/agenda`).expect(200)).body as AgendaBody });
  }
  return result;
}

describe("the workstream tab's first screen, in one call", () => {
  it('answers who is signed in, their workstreams and the dashboard of the one asked for, as the three separate reads do', async () => {
    const [, second] = await workstreamIds();
    const answer = (await api().get(`/api/first-screen/${second}`).expect(200)).body;
    expect(answer).toEqual({
      me: (await api().get('/api/me').expect(200)).body,
      workstreams: (await api().get('/api/workstreams').expect(200)).body,
      dashboard: (await api().get(`/api/workstreams/${second}/dashboard`).expect(200)).body,
    });
  });

  it('shows the first of their workstreams when none is asked for, or one that does not exist', async () => {
    const [first] = await workstreamIds();
    const firstDashboard = (await api().get(`/api/workstreams/${first}/dashboard`).expect(200)).body;
    expect((await api().get('/api/first-screen').expect(200)).body.dashboard).toEqual(firstDashboard);
    expect((await api().get('/api/first-screen/9999').expect(200)).body.dashboard).toEqual(firstDashboard);
  });

  it('answers 404 for a workstream that is not an id', async () => {
    await api().get('/api/first-screen/maternity').expect(404);
  });
});

describe('the one-to-ones agenda', () => {
  it('lists overdue one-to-ones before the coming ones, each group by date', async () => {
    const items = (await agendas()).flatMap(({ agenda }) => agenda.items);
    expect(items.some((item) => item.overdue)).toBe(true);
    expect(items.some((item) => !item.overdue)).toBe(true);
    for (const { agenda } of await agendas()) {
      const firstComing = agenda.items.findIndex((item) => !item.overdue);
      if (firstComing >= 0) expect(agenda.items.slice(firstComing).every((item) => !item.overdue)).toBe(true);
      expect(agenda.items.every((item) => item.date <= agenda.until)).toBe(true);
    }
  });

  it('shows a newly booked one-to-one', async () => {
    const [workstreamId] = await workstreamIds();
    const dashboard = (await api().get(`/api/workstreams/${workstreamId}/dashboard`).expect(200)).body as {
      rows: Array<{ involvementId: number; stage: string; name: string }>;
    };
    const active = dashboard.rows.find((row) => row.stage === 'Active' || row.stage === 'Induction');
    if (!active) throw new Error('The demo workstream has no partner in induction or active');
    await api().post(`/api/involvements/${active.involvementId}/one-to-ones`).send({ date: '2026-03-20', time: '10:30' }).expect(201);
    const agenda = (await api().get(`/api/workstreams/${workstreamId}/agenda`).expect(200)).body as AgendaBody;
    expect(agenda.items).toContainEqual(expect.objectContaining({ kind: 'booked', name: active.name, date: '2026-03-20' }));
  });

  it('answers 404 for a workstream that does not exist', async () => {
    await api().get('/api/workstreams/9999/agenda').expect(404);
  });
});

describe('downloads', () => {
  it('gives a booked one-to-one as a calendar invitation at its time in UTC', async () => {
    const booked = (await agendas()).flatMap(({ agenda }) => agenda.items).find((item) => item.kind === 'booked');
    if (!booked?.oneToOneId) throw new Error('The demo data has no booked one-to-one');
    const response = await api().get(`/api/one-to-ones/${booked.oneToOneId}/invitation.ics`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="one-to-one-${booked.oneToOneId}.ics"`);
    expect(response.text).toContain('BEGIN:VEVENT');
    expect(response.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(response.text).toContain('SUMMARY:One-to-one with');
  });

  it('refuses an invitation for a one-to-one that is no longer booked, in plain words', async () => {
    const booked = (await agendas()).flatMap(({ agenda }) => agenda.items).find((item) => item.kind === 'booked');
    if (!booked?.oneToOneId) throw new Error('The demo data has no booked one-to-one');
    const stored = await t.store.get('oneToOnes', booked.oneToOneId);
    await api().post(`/api/one-to-ones/${booked.oneToOneId}/cancel`).send({ version: stored?.version }).expect(200);
    const response = await api().get(`/api/one-to-ones/${booked.oneToOneId}/invitation.ics`).expect(422);
    expect(response.body.error).toMatchObject({ code: 'not-booked' });
  });

  it("exports the workstream's partners as CSV with a header row and no contact details", async () => {
    const [workstreamId] = await workstreamIds();
    const response = await api().get(`/api/workstreams/${workstreamId}/partners.csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="partners-[a-z0-9-]+-${TODAY}\\.csv"$`));
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Name,Role,Stage,Induction done,Induction items,Required items missing,Next one-to-one due,One-to-one state,Booked one-to-one,Named contact,Peer Support Network,Needs attention',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(response.text).not.toMatch(/@example\.org|07700/);
  });

  it.each([
    ['/api/one-to-ones/abc/invitation.ics', 404],
    ['/api/one-to-ones/99999/invitation.ics', 404],
    ['/api/workstreams/0/partners.csv', 404],
    ['/api/workstreams/99999/partners.csv', 404],
  ])('answers %s with %i in JSON, never a 500', async (path, status) => {
    const response = await api().get(path).expect(status);
    expect(response.body.error.message).toEqual(expect.any(String));
  });

  it('answers a POST to a download with 405 and says to use GET', async () => {
    const response = await api().post('/api/workstreams/1/partners.csv').expect(405);
    expect(response.headers.allow).toBe('GET');
  });

  it('refuses downloads when no one is signed in', async () => {
    const signedOut = testApp({ identity: 'entra' });
    await request(signedOut.app).get('/api/workstreams/1/partners.csv').expect(401);
    signedOut.store.close();
  });
});

describe('the Engagement overview', () => {
  it('puts every workstream side by side with counts, overdue one-to-ones and adverts awaiting approval', async () => {
    const overview = (await api().get('/api/overview').expect(200)).body as {
      workstreams: Array<{
        title: string;
        stageCounts: Record<string, number>;
        overdueOneToOnes: number;
        advertsAwaitingApproval: Array<{ roleId: number; version: number }>;
      }>;
      peerNetwork: { counts: Record<string, number>; members: Array<{ name: string; status: string; workstreams: string[] }> };
    };
    expect(overview.workstreams).toHaveLength((await workstreamIds()).length);
    const partners = overview.workstreams.reduce((sum, w) => sum + Object.values(w.stageCounts).reduce((a, b) => a + b, 0), 0);
    expect(partners).toBeGreaterThan(0);
    expect(overview.workstreams.reduce((sum, w) => sum + w.overdueOneToOnes, 0)).toBeGreaterThan(0);
    expect(overview.peerNetwork.members.length).toBe(
      overview.peerNetwork.counts.Invited + overview.peerNetwork.counts.Joined + overview.peerNetwork.counts.Declined,
    );
    expect(overview.peerNetwork.members.every((member) => member.status !== 'Not invited')).toBe(true);
    // Each advert carries the role's version, which approving it or sending it back from the tab must name.
    const adverts = overview.workstreams.flatMap((workstream) => workstream.advertsAwaitingApproval);
    expect(adverts.length).toBeGreaterThan(0);
    expect(adverts.every((advert) => Number.isInteger(advert.roleId) && Number.isInteger(advert.version) && advert.version > 0)).toBe(true);
  });
});

describe("the organisation's documents on a partner's checklist", () => {
  async function inductionDetail(): Promise<{ checklist: Array<{ id: number; label: string }>; documents: unknown[] }> {
    for (const workstreamId of await workstreamIds()) {
      const dashboard = (await api().get(`/api/workstreams/${workstreamId}/dashboard`).expect(200)).body as {
        rows: Array<{ involvementId: number; stage: string }>;
      };
      const row = dashboard.rows.find((candidate) => candidate.stage === 'Induction');
      if (row) return (await api().get(`/api/involvements/${row.involvementId}`).expect(200)).body;
    }
    throw new Error('The demo has no partner in induction.');
  }

  it('sends a link on each item that concerns a document whose link is set', async () => {
    t.store.close();
    t = testApp({ documents: { expensesPolicy: 'https://example.org/expenses.pdf' } });
    await seedDemo({ store: t.store, clock: fixedClock, settings: SETTINGS });
    const detail = await inductionDetail();
    const item = detail.checklist.find((task) => task.label === 'Expenses policy explained');
    expect(detail.documents).toEqual([{ taskId: item?.id, name: 'expenses policy', url: 'https://example.org/expenses.pdf' }]);
  });

  it('sends none while no link is set', async () => {
    expect((await inductionDetail()).documents).toEqual([]);
  });
});
