import type { Involvement } from '../../../src/domain';
import { LEAD, activeInvolvement, advertisedRole, harness, rejection, type Harness } from './harness';

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
    const { oneToOne, involvement: after } = await h.service.oneToOnes.recordHeld(LEAD, { involvementId: involvement.id, date: '2026-02-19', notes: 'All well.' });
    expect(oneToOne).toMatchObject({ status: 'Held', date: '2026-02-19', heldBy: 'Priya Shah', notes: 'All well.' });
    expect(after).toMatchObject({ lastOneToOneDate: '2026-02-19', nextOneToOneDue: '2026-04-16' });
  });

  it('turns a booked one-to-one into a held one', async () => {
    const involvement = await activePartner('Jordan Ellis');
    const booked = await h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-02-23', time: '14:30', where: 'Online' });
    expect(booked).toMatchObject({ status: 'Booked', date: '2026-02-23', time: '14:30' });
    h.clock.goTo('2026-02-23');
    const { oneToOne } = await h.service.oneToOnes.recordHeld(LEAD, { involvementId: involvement.id, oneToOneId: booked.id, oneToOneVersion: booked.version, date: '2026-02-23' });
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
    expect((await rejection(h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-01-04' }))).code).toBe('date-in-past');
    expect((await rejection(h.service.oneToOnes.recordHeld(LEAD, { involvementId: involvement.id, date: '2026-01-06' }))).code).toBe('date-in-future');
    expect((await rejection(h.service.oneToOnes.book(LEAD, { involvementId: involvement.id, date: '2026-02-01', time: '25:00' }))).fields).toEqual({
      time: 'Time must be like 14:30.',
    });
  });

  it('refuses one-to-ones before induction', async () => {
    const involvement = await h.service.involvements.recordInterest(LEAD, { roleId, partner: { fullName: 'Grace Li', consentGiven: true } });
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

    const dashboard = await h.service.views.dashboard(LEAD, workstreamId);
    expect(dashboard.today).toBe('2026-03-04');
    expect(dashboard.stageCounts).toMatchObject({ Active: 2, Interested: 1, Induction: 0 });
    expect(dashboard.roles).toEqual([expect.objectContaining({ id: roleId, status: 'Advertised', stageCounts: expect.objectContaining({ Active: 2, Interested: 1 }) })]);
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
