import {
  DEFAULT_ONE_TO_ONE_SETTINGS,
  plusDays,
  todayIn,
  type CalendarDate,
  DEFAULT_ROLE_SETTINGS,
  DomainError,
  createPathwayService,
  type Clock,
  type Involvement,
  type PathwayService,
  type PathwaySettings,
  type Principal,
  type Store,
} from '../../../src/domain';
import { openSqliteStore } from '../../../src/store/sqlite';

export const SETTINGS: PathwaySettings = {
  ...DEFAULT_ONE_TO_ONE_SETTINGS,
  ...DEFAULT_ROLE_SETTINGS,
  timeZone: 'Europe/London',
};

export const LEAD: Principal = { id: 'aad-priya', name: 'Priya Shah', email: 'priya.shah@example.nhs.uk', tenantId: 'tenant-1' };
export const ENGAGEMENT: Principal = { id: 'aad-nadia', name: 'Nadia Ali', email: 'nadia.ali@example.nhs.uk', tenantId: 'tenant-1' };

/** A clock the test moves by hand; it starts at noon UTC on the given date. */
export class TestClock implements Clock {
  private current: Date;

  constructor(date: string) {
    this.current = new Date(`${date}T12:00:00Z`);
  }

  now(): Date {
    return this.current;
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }

  /** Moves to noon UTC on a date. */
  goTo(date: string): void {
    this.set(`${date}T12:00:00Z`);
  }
}

export interface Harness {
  readonly store: Store;
  readonly clock: TestClock;
  readonly service: PathwayService;
}

/** The real service on a real in-memory SQLite store. */
export async function harness(today = '2026-03-10', settings: Partial<PathwaySettings> = {}): Promise<Harness> {
  const store = await openSqliteStore({ path: ':memory:' });
  const clock = new TestClock(today);
  const service = createPathwayService({
    store,
    clock,
    settings: { ...SETTINGS, ...settings },
    access: { engagementTeamIds: [ENGAGEMENT.id] },
  });
  return { store, clock, service };
}

/** The domain error a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<DomainError & { fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error as DomainError & { fields?: Record<string, string> };
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** A role description complete enough to be Ready. */
export function completeDescription(workstreamId: number) {
  return {
    workstreamId,
    title: 'Lay member, same-day urgent care design group',
    purpose: 'Bring the experience of using urgent care into the redesign of same-day services.',
    activities: 'Join a monthly design group and review patient leaflets.',
    timeCommitment: 'Two hours a month',
    location: 'Both',
    paymentAndExpenses: 'Travel and care costs reimbursed at local rates.',
    skillsWelcomed: 'Recent experience of urgent care as a patient or carer.',
    supportOffered: 'A named contact, one-to-ones and the Peer Support Network.',
    contact: 'Priya Shah, priya.shah@example.nhs.uk',
    closingDate: '2026-04-30',
    startDate: '2026-08-03',
    level: 2,
    accessibleFormats: ['Easy read', 'Large print'],
  };
}

/** A workstream with one advertised role, ready to take interest. */
export async function advertisedRole(h: Harness): Promise<{ workstreamId: number; roleId: number }> {
  const workstream = await h.service.workstreams.create(LEAD, { title: 'Urgent and emergency care' });
  const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstream.id));
  const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
  const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
  await h.service.roles.approveAdvert(ENGAGEMENT, {
    roleId: role.id,
    version: sent.role.version,
    advertUrl: 'https://opportunities.example.nhs.uk/roles/42',
  });
  return { workstreamId: workstream.id, roleId: role.id };
}

/** A new partner in the role, walked to Active with every required induction item done. */
export async function activeInvolvement(h: Harness, roleId: number, fullName: string): Promise<Involvement> {
  const ref = (involvement: Involvement) => ({ involvementId: involvement.id, version: involvement.version });
  let involvement = await h.service.involvements.recordInterest(LEAD, {
    roleId,
    partner: { fullName, consentGiven: true, notesConsent: true },
  });
  involvement = await h.service.involvements.bookChat(LEAD, { ...ref(involvement), at: '2026-01-06T10:00:00Z', where: 'Online' });
  involvement = await h.service.involvements.holdChat(LEAD, ref(involvement));
  involvement = await h.service.involvements.makeOffer(LEAD, {
    ...ref(involvement),
    reason: 'Recent experience of the service, and the time the role needs.',
  });
  involvement = await h.service.involvements.startInduction(LEAD, ref(involvement));
  await tickRequired(h.service, involvement.id, todayIn(SETTINGS.timeZone, h.clock));
  // Each tick moved the involvement's stored progress on, and its version with it.
  const ticked = (await h.service.partnerViews.partnerDetail(LEAD, involvement.id)).involvement;
  const active = await h.service.involvements.activate(LEAD, ref(ticked));
  await cancelBooked(h.service, active.id);
  return active;
}

/** Cancels the one-to-one booked during induction, so a test starts from an active partner with none booked. */
export async function cancelBooked(service: PathwayService, involvementId: number, actor: Principal = LEAD): Promise<void> {
  const { oneToOnes } = await service.partnerViews.partnerDetail(actor, involvementId);
  for (const booked of oneToOnes.filter((item) => item.status === 'Booked'))
    await service.oneToOnes.cancel(actor, { oneToOneId: booked.id, version: booked.version });
}

/**
 * Does every required induction item as staff would: ticks those ticked by hand, and
 * books the first one-to-one (a week after the service's today) for the item that
 * booking ticks.
 */
export async function tickRequired(
  service: PathwayService,
  involvementId: number,
  today: CalendarDate,
  except: readonly string[] = [],
  actor: Principal = LEAD,
): Promise<void> {
  const { checklist } = await service.partnerViews.partnerDetail(actor, involvementId);
  for (const task of checklist.filter((item) => item.required && !except.includes(item.label))) {
    if (task.kind === 'One-to-one booked') {
      await service.oneToOnes.book(actor, { involvementId, date: plusDays(today, 7) });
    } else {
      await service.induction.completeTask(actor, { taskId: task.id, version: task.version });
    }
  }
}
