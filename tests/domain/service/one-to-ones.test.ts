import type { Involvement } from '../../../src/domain';
import { ENGAGEMENT, LEAD, activeInvolvement, advertisedRole, harness, rejection, type Harness } from './harness';

describe('one-to-ones and the workstream dashboard', () => {
  let h: Harness;
  let roleId: number;
  let workstreamId: number;

  beforeEach(async () => {
    h = await harness('2026-01-05');
    ({ roleId, workstreamId } = await advertisedRole(h));
  });

  afterEach(() => h.store.close());

  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });

  const activePartner = (fullName: string) => activeInvolvement(h, roleId, fullName);

  it('moves the next due date a cadence on from the one-to-one just held', async () => {
    const involvement = await activePartner('Jordan Ellis');
    expect(involvement.nextOneToOneDue).toBe('2026-03-02');
    h.clock.goTo('2026-02-20');
    const { oneToOne, involvement: after } = await h.service.oneToOnes.recordHeld(LEAD, {
      involvementId: involvement.id,
      date: '2026-02-19',
      notes: 'All well.',
    });
    expect(oneToOne).toMatchObject({ status: 'Held', date: '2026-02-19', heldBy: 'Priya Shah', notes: 'All well.' });
    expect(after).toMatchObject({ lastOneToOneDate: '2026-02-19', nextOneToOneDue: '2026-04-16' });
  });

  it('turns a booked one-to-one into a held one', async () => {
    const involvement = await activePartner('Jordan Ellis');
    const booked = await h.service.oneToOnes.book(LEAD, {
      involvementId: involvement.id,
      date: '2026-02-23',
      time: '14:30',
      where: 'Online',
    });
    expect(booked).toMatchObject({ status: 'Booked', date: '2026-02-23', time: '14:30' });
    h.clock.goTo('2026-02-23');
    const { oneToOne } = await h.service.oneToOnes.recordHeld(LEAD, {
      involvementId: involvement.id,
      oneToOneId: booked.id,
      oneToOneVersion: booked.version,
      date: '2026-02-23',
    });
    expect(oneToOne.id).toBe(booked.id);
    expect(oneToOne.status).toBe('Held');
  });

  it('follows a new cadence at once', async () => {
    const involvement = await activePartner('Jordan Ellis');
    const changed = await h.service.involvements.setCadence(LEAD, { ...ref(involvement), cadenceWeeks: 6 });
    expect(changed).toMatchObject({ cadenceWeeks: 6, nextOneToOneDue: '2026-02-16' });
  });

  it('refuses bookings in the past, held dates in the future and bad times', async () => {
    const involvement = await activePartner('Jordan Ellis');
    expect((await rejection(h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-01-04' }))).code).toBe(
      'date-in-past',
    );
    expect((await rejection(h.service.oneToOnes.recordHeld(LEAD, { involvementId: involvement.id, date: '2026-01-06' }))).code).toBe(
      'date-in-future',
    );
    expect(
      (await rejection(h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-02-01', time: '25:00' }))).fields,
    ).toEqual({
      time: 'Time must be like 14:30.',
    });
  });

  it('refuses one-to-ones before induction', async () => {
    const involvement = await h.service.involvements.recordInterest(LEAD, {
      roleId,
      partner: { fullName: 'Grace Li', consentGiven: true },
    });
    const error = await rejection(h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-02-01' }));
    expect(error.code).toBe('one-to-ones-not-started');
  });

  it('shows the workstream at a glance: stages, induction progress, due states and who needs attention', async () => {
    const onTrack = await activePartner('Maya Thompson');
    const overdue = await activePartner('Daniel Okafor');
    await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Grace Li', consentGiven: true } });
    h.clock.goTo('2026-03-04');
    await h.service.oneToOnes.recordHeld(LEAD, { involvementId: onTrack.id, date: '2026-03-03' });
    await h.service.oneToOnes.book(LEAD, { involvementId: overdue.id, date: '2026-03-06', time: '09:00' });

    const dashboard = await h.service.partnerViews.dashboard(LEAD, workstreamId);
    expect(dashboard.today).toBe('2026-03-04');
    expect(dashboard.stageCounts).toMatchObject({ Active: 2, Interested: 1, Induction: 0 });
    expect(dashboard.roles).toEqual([
      expect.objectContaining({ id: roleId, status: 'Advertised', stageCounts: expect.objectContaining({ Active: 2, Interested: 1 }) }),
    ]);
    const byName = Object.fromEntries(dashboard.rows.map((row) => [row.name, row]));
    expect(dashboard.rows.map((row) => row.name)).toEqual(['Daniel Okafor', 'Grace Li', 'Maya Thompson']);
    expect(byName['Maya Thompson'].nextOneToOne).toEqual({ due: '2026-04-28', state: 'on-track', daysUntilDue: 55 });
    expect(byName['Daniel Okafor'].nextOneToOne).toEqual({ due: '2026-03-02', state: 'overdue', daysUntilDue: -2 });
    expect(byName['Daniel Okafor'].booked).toEqual({ date: '2026-03-06', time: '09:00' });
    expect(byName['Daniel Okafor'].attention).toEqual(['One-to-one overdue']);
    expect(byName['Daniel Okafor'].induction).toEqual({ done: 8, total: 12, missingRequired: [] });
    expect(byName['Grace Li'].attention).toEqual(['Interest not acknowledged']);
    expect(dashboard.needsAttention).toBe(2);
    expect(JSON.stringify(dashboard.rows)).not.toContain('@');
  });
});

describe('one-to-ones one at a time, moved and cancelled, and the checklist item they tick', () => {
  let h: Harness;
  let roleId: number;

  beforeEach(async () => {
    h = await harness('2026-01-05');
    ({ roleId } = await advertisedRole(h));
  });

  afterEach(() => h.store.close());

  const inInduction = (fullName = 'Jordan Ellis') => partnerInInduction(h, roleId, fullName);

  const firstOneToOneItem = async (involvementId: number) =>
    (await h.service.partnerViews.partnerDetail(LEAD, involvementId)).checklist.find((task) => task.label === 'First one-to-one booked');

  it('refuses a second booking while one is booked, saying when the first is; after moving or cancelling, the partner has one booking', async () => {
    const jordan = await inInduction();
    const first = await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-12', time: '10:00' });
    const second = await rejection(h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-19' }));
    expect(second.code).toBe('one-to-one-already-booked');
    expect(second.message).toBe(
      'Jordan Ellis already has a one-to-one booked for Monday 12 January 2026. Move or cancel that one rather than booking another.',
    );
    const moved = await h.service.oneToOnes.move(LEAD, {
      oneToOneId: first.id,
      version: first.version,
      date: '2026-01-19',
      time: '11:30',
      where: 'Teams',
    });
    expect(moved).toMatchObject({ id: first.id, status: 'Booked', date: '2026-01-19', time: '11:30', where: 'Teams' });
    await h.service.oneToOnes.cancel(LEAD, { oneToOneId: moved.id, version: moved.version });
    await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-26' });
    const { oneToOnes } = await h.service.partnerViews.partnerDetail(LEAD, jordan.id);
    expect(oneToOnes.map((item) => [item.status, item.date])).toEqual([
      ['Booked', '2026-01-26'],
      ['Cancelled', '2026-01-19'],
    ]);
  });

  it('refuses to move a one-to-one that is no longer booked, or to a day that has passed', async () => {
    const jordan = await inInduction();
    const booked = await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-12' });
    expect(
      (await rejection(h.service.oneToOnes.move(LEAD, { oneToOneId: booked.id, version: booked.version, date: '2026-01-02' }))).code,
    ).toBe('date-in-past');
    const cancelled = await h.service.oneToOnes.cancel(LEAD, { oneToOneId: booked.id, version: booked.version });
    expect(
      (await rejection(h.service.oneToOnes.move(LEAD, { oneToOneId: cancelled.id, version: cancelled.version, date: '2026-01-20' }))).code,
    ).toBe('not-booked');
  });

  it('ticks "First one-to-one booked" when the first one-to-one is booked, and unticks it when that booking is cancelled before it is held', async () => {
    const jordan = await inInduction();
    expect((await firstOneToOneItem(jordan.id))?.done).toBe(false);
    const booked = await h.service.oneToOnes.book(LEAD, { involvementId: jordan.id, date: '2026-01-12' });
    expect(await firstOneToOneItem(jordan.id)).toMatchObject({ done: true, doneDate: '2026-01-05', doneBy: 'Priya Shah' });
    expect((await h.store.get('involvements', jordan.id))?.inductionDone).toBe(1);
    await h.service.oneToOnes.cancel(LEAD, { oneToOneId: booked.id, version: booked.version });
    expect((await firstOneToOneItem(jordan.id))?.done).toBe(false);
    expect((await h.store.get('involvements', jordan.id))?.inductionDone).toBe(0);
  });

  it('ticks it for a one-to-one recorded as held without a booking', async () => {
    const jordan = await inInduction();
    const { involvement } = await h.service.oneToOnes.recordHeld(LEAD, { involvementId: jordan.id, date: '2026-01-05' });
    expect((await firstOneToOneItem(jordan.id))?.done).toBe(true);
    expect(involvement.inductionDone).toBe(1);
  });

  it('refuses to tick or untick it by hand, saying what to do instead', async () => {
    const jordan = await inInduction();
    const item = await firstOneToOneItem(jordan.id);
    const refused = await rejection(h.service.induction.completeTask(LEAD, { taskId: item?.id, version: item?.version }));
    expect(refused.message).toBe(
      '"First one-to-one booked" is ticked when the first one-to-one is booked. Book it under One-to-ones and this item follows.',
    );
  });

  it('on pause, cancels what is booked when asked, and only then', async () => {
    const maya = await activeInvolvement(h, roleId, 'Maya Thompson');
    const booked = await h.service.oneToOnes.book(LEAD, { involvementId: maya.id, date: '2026-02-02' });
    await h.service.involvements.pause(LEAD, {
      involvementId: maya.id,
      version: maya.version,
      reason: 'Caring for a relative',
      cancelBooked: true,
    });
    expect((await h.store.get('oneToOnes', booked.id))?.status).toBe('Cancelled');

    const ben = await activeInvolvement(h, roleId, 'Ben Carter');
    const kept = await h.service.oneToOnes.book(LEAD, { involvementId: ben.id, date: '2026-02-02' });
    await h.service.involvements.end(LEAD, {
      involvementId: ben.id,
      version: ben.version,
      reason: 'Moved away',
      exitConversationOffered: true,
    });
    expect((await h.store.get('oneToOnes', kept.id))?.status).toBe('Booked');
  });
});

describe('the Peer Support Network invitation and its checklist item are one fact', () => {
  let h: Harness;
  let roleId: number;

  beforeEach(async () => {
    h = await harness('2026-01-05');
    ({ roleId } = await advertisedRole(h));
  });

  afterEach(() => h.store.close());

  const inInduction = (fullName: string) => partnerInInduction(h, roleId, fullName);

  const detailOf = (involvementId: number) => h.service.partnerViews.partnerDetail(LEAD, involvementId);
  const peerItem = async (involvementId: number) =>
    (await detailOf(involvementId)).checklist.find((task) => task.kind === 'Peer Support Network invitation');

  it('ticking the item records the invitation; unticking it takes the invitation back', async () => {
    const jordan = await inInduction('Jordan Ellis');
    const item = await peerItem(jordan.id);
    await h.service.induction.completeTask(LEAD, { taskId: item?.id, version: item?.version });
    expect((await detailOf(jordan.id)).partner).toMatchObject({ peerNetworkStatus: 'Invited', peerNetworkDate: '2026-01-05' });
    const ticked = await peerItem(jordan.id);
    expect(ticked?.done).toBe(true);
    await h.service.induction.reopenTask(LEAD, { taskId: ticked?.id, version: ticked?.version });
    expect((await detailOf(jordan.id)).partner).toMatchObject({ peerNetworkStatus: 'Not invited', peerNetworkDate: null });
    expect((await peerItem(jordan.id))?.done).toBe(false);
  });

  it('recording the invitation ticks the item, and an answered invitation cannot be taken back', async () => {
    const jordan = await inInduction('Jordan Ellis');
    const { partner } = await detailOf(jordan.id);
    const invited = await h.service.partners.invitePeerNetwork(LEAD, { partnerId: partner.id, version: partner.version });
    expect((await peerItem(jordan.id))?.done).toBe(true);
    expect((await h.store.get('involvements', jordan.id))?.inductionDone).toBe(1);
    await h.service.partners.recordPeerNetworkAnswer(LEAD, { partnerId: partner.id, version: invited.version, answer: 'Joined' });
    const item = await peerItem(jordan.id);
    expect((await rejection(h.service.induction.reopenTask(LEAD, { taskId: item?.id, version: item?.version }))).code).toBe(
      'invitation-answered',
    );
  });

  it('offers to take back the invitation only while it is unanswered', async () => {
    const jordan = await inInduction('Jordan Ellis');
    const { partner } = await detailOf(jordan.id);
    expect((await detailOf(jordan.id)).actions.withdrawPeerNetworkInvitation).toBe(false);
    const invited = await h.service.partners.invitePeerNetwork(LEAD, { partnerId: partner.id, version: partner.version });
    expect((await detailOf(jordan.id)).actions.withdrawPeerNetworkInvitation).toBe(true);
    await h.service.partners.recordPeerNetworkAnswer(LEAD, { partnerId: partner.id, version: invited.version, answer: 'Declined' });
    expect((await detailOf(jordan.id)).actions.withdrawPeerNetworkInvitation).toBe(false);
  });

  it('a partner invited before (for another role) starts induction with the item done', async () => {
    const first = await inInduction('Jordan Ellis');
    const { partner } = await detailOf(first.id);
    await h.service.partners.invitePeerNetwork(LEAD, { partnerId: partner.id, version: partner.version });
    const another = await advertisedRole(h);
    const second = await h.service.involvements.recordInterest(LEAD, { roleId: another.roleId, partnerId: partner.id });
    let involvement = second;
    const ref = () => ({ involvementId: involvement.id, version: involvement.version });
    involvement = await h.service.involvements.bookChat(LEAD, { ...ref(), at: '2026-01-06T10:00:00Z', where: 'Online' });
    involvement = await h.service.involvements.holdChat(LEAD, ref());
    involvement = await h.service.involvements.makeOffer(LEAD, {
      ...ref(),
      reason: 'Recent experience of the service, and the time the role needs.',
    });
    involvement = await h.service.involvements.startInduction(LEAD, ref());
    expect((await peerItem(involvement.id))?.done).toBe(true);
    expect(involvement.inductionDone).toBe(1);
  });

  it('the Engagement overview counts the partners never invited, and lists them', async () => {
    await inInduction('Jordan Ellis');
    const maya = await inInduction('Maya Thompson');
    const { partner } = await detailOf(maya.id);
    await h.service.partners.invitePeerNetwork(LEAD, { partnerId: partner.id, version: partner.version });
    await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Grace Li', consentGiven: true } });
    const { peerNetwork } = await h.service.engagementOverview.overview(ENGAGEMENT);
    expect(peerNetwork.counts).toMatchObject({ 'Not invited': 1, Invited: 1 });
    expect(peerNetwork.notInvited.map((member) => member.name)).toEqual(['Jordan Ellis']);
  });
});

/** A new partner in the role, walked to the start of induction. */
async function partnerInInduction(h: Harness, roleId: number, fullName: string): Promise<Involvement> {
  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });
  let involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName, consentGiven: true } });
  involvement = await h.service.involvements.bookChat(LEAD, { ...ref(involvement), at: '2026-01-06T10:00:00Z', where: 'Online' });
  involvement = await h.service.involvements.holdChat(LEAD, ref(involvement));
  involvement = await h.service.involvements.makeOffer(LEAD, {
    ...ref(involvement),
    reason: 'Recent experience of the service, and the time the role needs.',
  });
  return h.service.involvements.startInduction(LEAD, ref(involvement));
}
