import { ENGAGEMENT, LEAD, activeInvolvement, advertisedRole, harness, rejection, type Harness } from './harness';

describe('the one-to-one agenda and invitations', () => {
  let h: Harness;
  let roleId: number;
  let workstreamId: number;

  beforeEach(async () => {
    h = await harness('2026-01-05');
    ({ roleId, workstreamId } = await advertisedRole(h));
  });

  afterEach(() => h.store.close());

  const activePartner = (fullName: string) => activeInvolvement(h, roleId, fullName);

  it('lists overdue one-to-ones first, then the coming ones by date, within the weeks asked for', async () => {
    const jordan = await activePartner('Jordan Ellis');
    h.clock.goTo('2026-01-19');
    const maya = await activePartner('Maya Thompson');
    const sam = await activePartner('Sam Patel');
    await h.service.oneToOnes.book(LEAD, { involvementId: sam.id, date: '2026-03-04', time: '09:30', where: 'Teams' });
    h.clock.goTo('2026-03-03');

    const agenda = await h.service.oneToOneViews.agenda(LEAD, workstreamId, 6);

    expect(agenda.until).toBe('2026-04-14');
    expect(agenda.items.map((item) => [item.name, item.kind, item.date, item.overdue])).toEqual([
      ['Jordan Ellis', 'due', '2026-03-02', true],
      ['Sam Patel', 'booked', '2026-03-04', false],
      ['Maya Thompson', 'due', '2026-03-16', false],
    ]);
    expect(agenda.items[0]).toMatchObject({ involvementId: jordan.id, daysFromToday: -1, oneToOneId: null });
    expect(agenda.items[2]).toMatchObject({ involvementId: maya.id, daysFromToday: 13 });
  });

  it('keeps a booked one-to-one whose day has passed unrecorded among the overdue', async () => {
    const jordan = await activePartner('Jordan Ellis');
    await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-20' });
    h.clock.goTo('2026-01-22');
    const agenda = await h.service.oneToOneViews.agenda(LEAD, workstreamId);
    expect(agenda.items[0]).toMatchObject({ kind: 'booked', date: '2026-01-20', overdue: true });
    expect(agenda.items[1]).toMatchObject({ kind: 'due', date: '2026-03-02', overdue: false });
  });

  it('makes an invitation at the booked time in UTC, through the clock change', async () => {
    const jordan = await activePartner('Jordan Ellis');
    const winter = await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-03-04', time: '14:30', where: 'Teams' });
    expect(await h.service.oneToOneViews.invitation(LEAD, winter.id)).toMatchObject({
      title: 'One-to-one with Jordan Ellis (Lay member, same-day urgent care design group)',
      startUtc: '2026-03-04T14:30:00.000Z',
      location: 'Teams',
    });
    const summer = await h.service.oneToOnes.move(LEAD, {
      oneToOneId: winter.id,
      version: winter.version,
      date: '2026-04-04',
      time: '14:30',
    });
    expect((await h.service.oneToOneViews.invitation(LEAD, summer.id)).startUtc).toBe('2026-04-04T13:30:00.000Z');
    await h.service.oneToOnes.move(LEAD, { oneToOneId: summer.id, version: summer.version, date: '2026-05-04' });
    expect(await h.service.oneToOneViews.invitation(LEAD, winter.id)).toMatchObject({ startUtc: null, date: '2026-05-04' });
  });

  it('refuses an invitation for a cancelled one-to-one', async () => {
    const jordan = await activePartner('Jordan Ellis');
    const booked = await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-03-04' });
    await h.service.oneToOnes.cancel(LEAD, { oneToOneId: booked.id, version: booked.version });
    expect(await rejection(h.service.oneToOneViews.invitation(LEAD, booked.id))).toMatchObject({ code: 'not-booked' });
  });

  it('counts every workstream for the Engagement overview, with its overdue one-to-ones and waiting adverts', async () => {
    await activePartner('Jordan Ellis');
    h.clock.goTo('2026-03-10');
    const overview = await h.service.engagementOverview.overview(ENGAGEMENT);
    expect(overview.workstreams).toEqual([
      expect.objectContaining({ id: workstreamId, overdueOneToOnes: 1, dueSoonOneToOnes: 0, advertsAwaitingApproval: [] }),
    ]);
    expect(overview.workstreams[0].stageCounts.Active).toBe(1);
    expect(overview.peerNetwork.members).toEqual([]);
  });
});
