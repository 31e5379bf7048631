import { DEMO_MARK, seedDemo } from '../../src/demo/seed';
import { createPathwayService, type Stage } from '../../src/domain';
import { openSqliteStore } from '../../src/store/sqlite';
import { ENGAGEMENT, SETTINGS, TestClock } from '../domain/service/harness';

describe('the demo organisation', () => {
  async function seeded(today: string) {
    const store = await openSqliteStore({ path: ':memory:' });
    const clock = new TestClock(today);
    const access = { engagementTeamIds: [ENGAGEMENT.id] };
    const summary = await seedDemo({ store, clock, settings: SETTINGS, access });
    const service = createPathwayService({ store, clock, settings: SETTINGS, access });
    return { store, service, summary };
  }

  it('walks realistic partners through every stage with the real rules', async () => {
    const { store, service, summary } = await seeded('2026-11-25');
    expect(summary).toEqual({ workstreams: 4, roles: 6, partners: 15 });
    const workstreams = await service.workstreams.list(ENGAGEMENT);
    expect(workstreams.every((workstream) => workstream.title.endsWith(DEMO_MARK))).toBe(true);
    const stages = new Set<Stage>();
    for (const workstream of workstreams) {
      for (const row of (await service.partnerViews.dashboard(ENGAGEMENT, workstream.id)).rows) stages.add(row.stage);
    }
    expect([...stages].sort()).toEqual(
      ['Active', 'Chat booked', 'Chat held', 'Ended', 'Induction', 'Interested', 'Not progressed', 'Offered', 'Paused'].sort(),
    );
    await store.close();
  });

  it('shows overdue, due-soon and on-track one-to-ones and partners needing attention', async () => {
    const { store, service } = await seeded('2026-11-25');
    const rows = [];
    for (const workstream of await service.workstreams.list(ENGAGEMENT))
      rows.push(...(await service.partnerViews.dashboard(ENGAGEMENT, workstream.id)).rows);
    const states = rows.filter((row) => row.stage === 'Active').map((row) => row.nextOneToOne.state);
    expect(states).toEqual(expect.arrayContaining(['overdue', 'due-soon', 'on-track']));
    expect(rows.find((row) => row.name === 'Aisha Rahman')?.induction?.missingRequired).toEqual([
      'Confidentiality agreement signed',
      'First one-to-one booked',
    ]);
    expect(rows.some((row) => row.attention.length > 0)).toBe(true);
    await store.close();
  });

  it('gives every role selection criteria, and every offer and "not this time" a reason judged against them', async () => {
    const { store, service } = await seeded('2026-11-25');
    const roles = await service.roleViews.selectionRoles(ENGAGEMENT);
    expect(roles.length).toBeGreaterThan(0);
    const summaries = await Promise.all(roles.map((role) => service.roleViews.selectionSummary(ENGAGEMENT, role.roleId)));
    for (const summary of summaries) {
      expect(summary.criteria.length).toBeGreaterThanOrEqual(3);
      expect(summary.offeredWithoutCriteria + summary.notProgressedWithoutCriteria).toBe(0);
    }
    const judged = (pick: (row: (typeof summaries)[number]['byCriterion'][number]) => Record<string, number>) =>
      summaries.flatMap((summary) => summary.byCriterion.map(pick));
    const total = (counts: Array<Record<string, number>>, verdict: string) => counts.reduce((sum, counts) => sum + counts[verdict], 0);
    expect(
      total(
        judged((row) => row.offered),
        'Met',
      ),
    ).toBeGreaterThan(0);
    expect(
      total(
        judged((row) => row.notProgressed),
        'Not met',
      ),
    ).toBeGreaterThan(0);

    const rows = [];
    for (const workstream of await service.workstreams.list(ENGAGEMENT))
      rows.push(...(await service.partnerViews.dashboard(ENGAGEMENT, workstream.id)).rows);
    const decided = rows.filter((row) => row.stage === 'Offered' || row.stage === 'Not progressed');
    expect(decided.map((row) => row.stage).sort()).toEqual(['Not progressed', 'Offered']);
    for (const row of decided) {
      const { involvement, selection } = await service.partnerViews.partnerDetail(ENGAGEMENT, row.involvementId);
      const verdicts = row.stage === 'Offered' ? involvement.offerCriteria : involvement.notProgressedCriteria;
      const reason = row.stage === 'Offered' ? involvement.offerReason : involvement.stageReason;
      expect(verdicts?.split('\n')).toHaveLength(selection.criteria.length);
      expect(reason).toEqual(expect.stringMatching(/\w/));
    }
    await store.close();
  });

  it('uses only reserved example addresses and drama phone numbers', async () => {
    const { store } = await seeded('2026-11-25');
    const partners = await store.find({ list: 'partners' });
    expect(partners.every((partner) => partner.email?.endsWith('@example.org'))).toBe(true);
    expect(partners.every((partner) => partner.phone?.startsWith('07700 900'))).toBe(true);
    await store.close();
  });

  it.each(['2026-03-29', '2026-10-25', '2027-02-28'])('seeds cleanly on %s, whatever the season', async (today) => {
    const { store, summary } = await seeded(today);
    expect(summary.partners).toBe(15);
    await store.close();
  });
});
