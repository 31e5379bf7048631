import { parseISO } from 'date-fns';
import {
  createPathwayService,
  plusDays,
  todayIn,
  type CalendarDate,
  type Clock,
  type Involvement,
  type PathwayService,
  type Principal,
  type SelectionVerdict,
  type ServiceDeps,
  type Stage,
} from '../domain';

/** What the demo seed created, for the start-up banner. */
export interface SeedSummary {
  readonly workstreams: number;
  readonly roles: number;
  readonly partners: number;
}

/** Marks every demo workstream, so nobody mistakes demo data for real people. */
export const DEMO_MARK = '(demo)';

/** A member of demo staff, with an id of the form Entra gives (numbered, so it is plainly made up). */
const staff = (number: number, handle: string, name: string): Principal => ({
  id: `de000000-0000-4000-8000-${String(number).padStart(12, '0')}`,
  name,
  email: `${handle}@example.org`,
  tenantId: 'demo',
});

const ENGAGEMENT = staff(1, 'nadia-ali', 'Nadia Ali (Engagement team)');

interface DemoPartner {
  readonly fullName: string;
  readonly preferredName?: string;
  /** How many days before today their interest came in. */
  readonly interestDaysAgo: number;
  readonly stage: Stage;
  readonly accessNeeds?: string;
  /** For Active partners: days before today of the last one-to-one held. */
  readonly lastOneToOneDaysAgo?: number;
  readonly cadenceWeeks?: number;
  /** For partners in induction: required items left undone. */
  readonly leaveUndone?: readonly string[];
  readonly reason?: string;
  readonly peerNetwork?: 'Invited' | 'Joined' | 'Declined';
  /** A one-to-one booked this many days ahead. */
  readonly bookedInDays?: number;
  /**
   * How they were judged against the role's criteria, in the role's order, at the offer
   * or when not progressed; every criterion met unless given.
   */
  readonly verdicts?: readonly SelectionVerdict[];
  /** Why the role was offered, against the criteria. */
  readonly offerReason?: string;
}

interface DemoRole {
  readonly title: string;
  readonly level: number;
  readonly advertised: boolean;
  /** What the role asks for, lived experience first: the criteria each offer and "not this time" is judged against. */
  readonly criteria: readonly string[];
  readonly partners: readonly DemoPartner[];
}

interface DemoWorkstream {
  readonly title: string;
  readonly description: string;
  readonly lead: Principal;
  readonly roles: readonly DemoRole[];
}

const ORGANISATION: readonly DemoWorkstream[] = [
  {
    title: `Urgent and emergency care ${DEMO_MARK}`,
    description: 'Redesigning same-day urgent care across the system.',
    lead: staff(2, 'priya-shah', 'Priya Shah'),
    roles: [
      {
        title: 'Lay member, same-day urgent care design group',
        level: 2,
        advertised: true,
        criteria: [
          'Recent experience of same-day urgent care, as a patient, carer or family member',
          'Able to join a two-hour meeting each month, usually on a weekday morning',
          'Comfortable sharing a view in a group and listening to other people’s experience',
        ],
        partners: [
          { fullName: 'Maya Thompson', interestDaysAgo: 150, stage: 'Active', lastOneToOneDaysAgo: 20, peerNetwork: 'Joined' },
          {
            fullName: 'Daniel Okafor',
            preferredName: 'Dan',
            interestDaysAgo: 160,
            stage: 'Active',
            lastOneToOneDaysAgo: 70,
            peerNetwork: 'Invited',
          },
          {
            fullName: 'Aisha Rahman',
            interestDaysAgo: 40,
            stage: 'Induction',
            accessNeeds: 'Prefers papers in large print, sent a week ahead.',
            leaveUndone: ['Confidentiality agreement signed', 'First one-to-one booked'],
          },
          { fullName: 'Tom Walsh', interestDaysAgo: 12, stage: 'Chat booked' },
          { fullName: 'Grace Li', interestDaysAgo: 4, stage: 'Interested' },
          {
            fullName: 'Peter Novak',
            interestDaysAgo: 60,
            stage: 'Not progressed',
            verdicts: ['Met', 'Not met', 'Met'],
            reason: 'Could not commit to daytime meetings this year; pointed to the online survey panel.',
          },
        ],
      },
      {
        title: 'Patient voice on the NHS 111 review panel',
        level: 3,
        advertised: false,
        criteria: [
          'Experience of using NHS 111, by phone or online, for yourself or someone you care for',
          'Able to read papers sent a week ahead and say what they would mean for patients',
          'Willing to speak up for people whose voices are seldom heard',
        ],
        partners: [],
      },
    ],
  },
  {
    title: `Mental health ${DEMO_MARK}`,
    description: 'Community mental health transformation programme.',
    lead: staff(3, 'ben-carter', 'Ben Carter'),
    roles: [
      {
        title: 'Lived experience partner, community mental health',
        level: 3,
        advertised: true,
        criteria: [
          'Lived experience of community mental health services, as someone who used them or cared for someone who did',
          'Able to give about four hours a month, with room to step back when you need to',
          'Willing to reflect on your experience in a group, to help others shape the service',
        ],
        partners: [
          {
            fullName: 'Jordan Ellis',
            interestDaysAgo: 120,
            stage: 'Active',
            lastOneToOneDaysAgo: 51,
            peerNetwork: 'Joined',
            bookedInDays: 4,
          },
          {
            fullName: 'Chloe Adeyemi',
            interestDaysAgo: 130,
            stage: 'Paused',
            reason: 'Caring responsibilities for a few months; will get in touch in the spring.',
            peerNetwork: 'Declined',
          },
          {
            fullName: 'Sam Patel',
            interestDaysAgo: 25,
            stage: 'Offered',
            accessNeeds: 'Uses a wheelchair; needs step-free venues.',
            offerReason: 'Brings recent experience of community services as a carer, and can give the time the role needs.',
          },
          { fullName: 'Ruth Campbell', interestDaysAgo: 18, stage: 'Chat held' },
        ],
      },
    ],
  },
  {
    title: `Maternity and neonatal ${DEMO_MARK}`,
    description: 'Maternity and Neonatal Voices Partnership and the local maternity system.',
    lead: staff(4, 'olivia-grant', 'Olivia Grant'),
    roles: [
      {
        title: 'Maternity and Neonatal Voices Partnership member',
        level: 2,
        advertised: true,
        criteria: [
          'Experience of maternity or neonatal care in the last five years, as a parent or birth partner',
          'Links with local parents, groups or communities whose voices are heard less often',
          'Able to join meetings online or the quarterly workshop in person',
        ],
        partners: [
          { fullName: 'Hannah Price', interestDaysAgo: 100, stage: 'Active', lastOneToOneDaysAgo: 10, peerNetwork: 'Joined' },
          {
            fullName: 'Fatima Hussain',
            interestDaysAgo: 35,
            stage: 'Induction',
            leaveUndone: ['Involvement agreement signed'],
            bookedInDays: 9,
          },
          {
            fullName: 'Zoe Morgan',
            interestDaysAgo: 170,
            stage: 'Ended',
            reason: 'Moved out of the area; thanked for her contribution.',
            peerNetwork: 'Joined',
          },
        ],
      },
      {
        title: 'Senior lived experience lead, maternity board',
        level: 4,
        advertised: false,
        criteria: [
          'Lived experience of maternity services, and of speaking up for other families',
          'Confident to question senior leaders constructively in a board meeting',
          'Able to commit to a monthly board meeting and reading its papers',
        ],
        partners: [],
      },
    ],
  },
  {
    title: `Digital inclusion ${DEMO_MARK}`,
    description: 'Making online services work for everyone.',
    lead: staff(5, 'ravi-menon', 'Ravi Menon'),
    roles: [
      {
        title: 'Digital inclusion panel member',
        level: 2,
        advertised: true,
        criteria: [
          'Experience of finding online health services hard to use, or of helping someone who does',
          'Willing to try new online services and say plainly what does not work',
          'Able to join a monthly meeting, online or in person',
        ],
        partners: [
          {
            fullName: 'Kwame Mensah',
            interestDaysAgo: 90,
            stage: 'Active',
            lastOneToOneDaysAgo: 30,
            cadenceWeeks: 6,
            peerNetwork: 'Invited',
          },
          { fullName: 'Eilidh Fraser', interestDaysAgo: 6, stage: 'Interested' },
        ],
      },
    ],
  },
];

/** The stages a partner passes through to reach `stage`, in order. */
const ROUTE: Readonly<Record<Stage, readonly Stage[]>> = {
  Interested: [],
  'Chat booked': ['Chat booked'],
  'Chat held': ['Chat booked', 'Chat held'],
  Offered: ['Chat booked', 'Chat held', 'Offered'],
  Induction: ['Chat booked', 'Chat held', 'Offered', 'Induction'],
  Active: ['Chat booked', 'Chat held', 'Offered', 'Induction', 'Active'],
  Paused: ['Chat booked', 'Chat held', 'Offered', 'Induction', 'Active', 'Paused'],
  Ended: ['Chat booked', 'Chat held', 'Offered', 'Induction', 'Active', 'Ended'],
  'Not progressed': ['Chat booked', 'Chat held', 'Not progressed'],
};

/** A clock the seed moves forward, so that the demo history has realistic dates. */
class SeedClock implements Clock {
  private current: Date;

  constructor(private readonly real: Clock) {
    this.current = real.now();
  }

  now(): Date {
    return this.current;
  }

  /** Moves to noon UTC on the day `daysAgo` before today: noon keeps the UK date whatever the season. */
  setDaysAgo(today: CalendarDate, daysAgo: number): void {
    this.current = new Date(`${plusDays(today, -daysAgo)}T12:00:00Z`);
  }

  reset(): void {
    this.current = this.real.now();
  }
}

/**
 * Fills an empty store with a realistic demo organisation, running every step
 * through the real use cases (so the rules and the audit trail apply) at dates in
 * the past. Partners' contact details use reserved example addresses and drama
 * phone numbers, so no real person can be reached by mistake.
 */
export async function seedDemo(deps: ServiceDeps): Promise<SeedSummary> {
  const clock = new SeedClock(deps.clock);
  const service = createPathwayService({
    ...deps,
    clock,
    access: { engagementTeamIds: [...(deps.access?.engagementTeamIds ?? []), ENGAGEMENT.id] },
  });
  clock.setDaysAgo(todayIn(deps.settings.timeZone, deps.clock), 200);
  await service.members.add(ENGAGEMENT, { userId: ENGAGEMENT.id, userName: ENGAGEMENT.name });
  const today = todayIn(deps.settings.timeZone, deps.clock);
  let roles = 0;
  let partners = 0;
  for (const plan of ORGANISATION) {
    clock.setDaysAgo(today, 200);
    const workstream = await service.workstreams.create(plan.lead, { title: plan.title, description: plan.description });
    for (const rolePlan of plan.roles) {
      roles += 1;
      const roleId = await planDemoRole(service, clock, today, workstream.id, plan.lead, rolePlan);
      for (const partnerPlan of rolePlan.partners) {
        partners += 1;
        await walkDemoPartner(service, clock, today, { id: roleId, criteria: rolePlan.criteria }, plan.lead, partnerPlan, partners);
      }
    }
  }
  clock.reset();
  return { workstreams: ORGANISATION.length, roles, partners };
}

async function planDemoRole(
  service: PathwayService,
  clock: SeedClock,
  today: CalendarDate,
  workstreamId: number,
  lead: Principal,
  plan: DemoRole,
): Promise<number> {
  clock.setDaysAgo(today, 190);
  const complete = plan.advertised || plan.level === 4;
  const { role } = await service.roles.planRole(lead, {
    workstreamId,
    selectionCriteria: plan.criteria.join('\n'),
    title: plan.title,
    purpose: 'Make sure the service is shaped by people who use it, not only by the professionals who run it.',
    activities: "Join the group's meetings, read papers beforehand, and share your own experience and what you hear from others.",
    timeCommitment: 'About four hours a month',
    location: 'Both',
    locationDetails: 'Meetings online, with a quarterly workshop in the city centre',
    paymentAndExpenses:
      plan.level === 4
        ? 'An involvement payment through payroll for each meeting, plus travel and care costs. Anyone who receives benefits is offered independent benefits advice first, and may decline payment.'
        : 'Travel, parking and care costs reimbursed at local rates.',
    skillsWelcomed: complete
      ? 'Lived experience of the service as a patient, carer or community member. No qualifications needed.'
      : undefined,
    supportOffered: complete ? 'A named contact, regular one-to-ones, a full induction and the Peer Support Network.' : undefined,
    contact: complete ? `${lead.name}, ${lead.email}` : undefined,
    closingDate: complete ? plusDays(today, 60) : undefined,
    startDate: complete ? plusDays(today, 150) : undefined,
    level: plan.level,
    accessibleFormats: complete ? ['Easy read', 'Large print', 'Phone or post'] : undefined,
  });
  if (!complete) return role.id;
  const ready = await service.roles.markReady(lead, { roleId: role.id, version: role.version });
  const sent = await service.roles.sendAdvert(lead, { roleId: role.id, version: ready.role.version });
  if (!plan.advertised) return role.id;
  clock.setDaysAgo(today, 185);
  await service.roles.approveAdvert(ENGAGEMENT, {
    roleId: role.id,
    version: sent.role.version,
    advertUrl: `https://opportunities.example.org/roles/${role.id}`,
  });
  return role.id;
}

async function walkDemoPartner(
  service: PathwayService,
  clock: SeedClock,
  today: CalendarDate,
  role: { readonly id: number; readonly criteria: readonly string[] },
  lead: Principal,
  plan: DemoPartner,
  number: number,
): Promise<void> {
  const { id: roleId, criteria } = role;
  let day = plan.interestDaysAgo;
  clock.setDaysAgo(today, day);
  const handle = plan.fullName.toLowerCase().replace(/[^a-z]+/g, '.');
  let involvement: Involvement = await service.involvements.recordInterest(lead, {
    roleId,
    partner: {
      fullName: plan.fullName,
      preferredName: plan.preferredName,
      email: `${handle}@example.org`,
      phone: `07700 900${String(100 + number).slice(-3)}`,
      preferredContact: number % 3 === 0 ? 'Phone' : 'Email',
      accessNeeds: plan.accessNeeds,
      consentGiven: true,
      notesConsent: true,
    },
  });
  const ref = () => ({ involvementId: involvement.id, version: involvement.version });
  if (plan.stage !== 'Interested' || number % 2 === 0) {
    involvement = await service.involvements.acknowledgeInterest(lead, ref());
  }
  // Spread the steps between the interest and the last one-to-one, so the history reads in order.
  const stepDays = Math.max(1, Math.floor((plan.interestDaysAgo - (plan.lastOneToOneDaysAgo ?? 0)) / (ROUTE[plan.stage].length + 2)));
  const step = () => {
    day = Math.max(0, day - stepDays);
    clock.setDaysAgo(today, day);
  };
  for (const stage of ROUTE[plan.stage]) {
    step();
    switch (stage) {
      case 'Chat booked': {
        const chatDay = plan.stage === 'Chat booked' ? plusDays(today, 3) : plusDays(today, -day + 3);
        involvement = await service.involvements.bookChat(lead, {
          ...ref(),
          at: `${chatDay}T10:30:00Z`,
          where: 'Online, on Teams',
          adjustments: plan.accessNeeds,
        });
        if (plan.stage !== 'Chat booked') clock.setDaysAgo(today, (day -= 3));
        break;
      }
      case 'Chat held':
        involvement = await service.involvements.holdChat(lead, {
          ...ref(),
          notes: 'Keen to be involved; talked through the role, support and expenses.',
        });
        break;
      case 'Offered':
        involvement = await service.involvements.makeOffer(lead, {
          ...ref(),
          criteria: judged(criteria, plan.verdicts),
          reason: plan.offerReason ?? 'Recent experience of the service, and the time the role needs.',
        });
        break;
      case 'Induction':
        involvement = await service.involvements.startInduction(lead, ref());
        involvement = await tickChecklist(service, lead, involvement.id, plan.leaveUndone ?? [], onAWeekday(plusDays(today, -day + 7)));
        break;
      case 'Active':
        involvement = await service.involvements.activate(lead, ref());
        if (plan.cadenceWeeks) involvement = await service.involvements.setCadence(lead, { ...ref(), cadenceWeeks: plan.cadenceWeeks });
        if (plan.lastOneToOneDaysAgo !== undefined && plan.stage === 'Active') {
          clock.setDaysAgo(today, plan.lastOneToOneDaysAgo);
          // The first one-to-one, booked during induction, is the one held.
          const booked = await bookedOneToOne(service, lead, involvement.id);
          const held = await service.oneToOnes.recordHeld(lead, {
            involvementId: involvement.id,
            date: plusDays(today, -plan.lastOneToOneDaysAgo),
            notes: 'Settling in well; asked for the papers a week earlier.',
            ...(booked ? { oneToOneId: booked.id, oneToOneVersion: booked.version } : {}),
          });
          involvement = held.involvement;
        }
        break;
      case 'Paused':
        involvement = await service.involvements.pause(lead, { ...ref(), reason: plan.reason, cancelBooked: true });
        break;
      case 'Ended':
        involvement = await service.involvements.end(lead, {
          ...ref(),
          reason: plan.reason,
          exitConversationOffered: true,
          cancelBooked: true,
        });
        break;
      case 'Not progressed':
        involvement = await service.involvements.notProgress(lead, {
          ...ref(),
          criteria: judged(criteria, plan.verdicts),
          reason: plan.reason,
          cancelBooked: true,
        });
        break;
    }
  }
  if (plan.bookedInDays !== undefined) {
    clock.reset();
    const date = onAWeekday(plusDays(today, plan.bookedInDays));
    const booked = await bookedOneToOne(service, lead, involvement.id);
    if (booked)
      await service.oneToOnes.move(lead, {
        oneToOneId: booked.id,
        version: booked.version,
        date,
        time: '14:00',
        where: 'Online, on Teams',
      });
    else await service.oneToOnes.book(lead, { involvementId: involvement.id, date, time: '14:00', where: 'Online, on Teams' });
  }
  if (plan.peerNetwork) await joinPeerNetwork(service, lead, involvement.id, plan.peerNetwork);
}

/** Each criterion with its verdict, in the role's order: every one met unless `verdicts` says otherwise. */
function judged(criteria: readonly string[], verdicts: readonly SelectionVerdict[] = []): Record<string, SelectionVerdict> {
  return Object.fromEntries(criteria.map((criterion, index) => [criterion, verdicts[index] ?? 'Met']));
}

/** The date itself, or the Monday after it if it falls at a weekend. */
function onAWeekday(date: CalendarDate): CalendarDate {
  const day = parseISO(date).getDay();
  return day === 6 ? plusDays(date, 2) : day === 0 ? plusDays(date, 1) : date;
}

/**
 * Ticks the checklist as the plan says, booking the first one-to-one (on `firstOneToOne`)
 * where that item is to be done; returns the involvement as it then is (each tick
 * moves its stored progress on).
 */
async function tickChecklist(
  service: PathwayService,
  lead: Principal,
  involvementId: number,
  leaveUndone: readonly string[],
  firstOneToOne: CalendarDate,
): Promise<Involvement> {
  const detail = await service.partnerViews.partnerDetail(lead, involvementId);
  for (const task of detail.checklist) {
    if (leaveUndone.includes(task.label) || (!task.required && task.order % 2 === 1)) continue;
    if (task.kind === 'One-to-one booked')
      await service.oneToOnes.book(lead, { involvementId, date: firstOneToOne, time: '14:00', where: 'Online, on Teams' });
    else await service.induction.completeTask(lead, { taskId: task.id, version: task.version });
  }
  return (await service.partnerViews.partnerDetail(lead, involvementId)).involvement;
}

/** The partner's one-to-one still booked, if any. */
async function bookedOneToOne(service: PathwayService, lead: Principal, involvementId: number) {
  return (await service.partnerViews.partnerDetail(lead, involvementId)).oneToOnes.find((item) => item.status === 'Booked');
}

async function joinPeerNetwork(
  service: PathwayService,
  lead: Principal,
  involvementId: number,
  status: 'Invited' | 'Joined' | 'Declined',
): Promise<void> {
  const { partner } = await service.partnerViews.partnerDetail(lead, involvementId);
  const invited = await service.partners.invitePeerNetwork(lead, { partnerId: partner.id, version: partner.version });
  if (status === 'Invited') return;
  await service.partners.recordPeerNetworkAnswer(ENGAGEMENT, { partnerId: partner.id, version: invited.version, answer: status });
}
