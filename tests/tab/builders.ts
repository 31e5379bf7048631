import type {
  Agenda,
  AgendaItem,
  ClaimLine,
  Dashboard,
  DashboardRow,
  InductionTask,
  Involvement,
  Member,
  OneToOne,
  Partner,
  PartnerActions,
  PartnerDetail,
  ReviewItem,
  StageCounts,
  Workstream,
} from '../../src/tab/api/types';
import { STAGES } from '../../src/tab/api/types';
import type { Role } from '../../src/contract/api';
import { aClaim } from '../store/builders';

/** What every stored record carries besides its fields. */
function stored(id: number, version: number) {
  return { id, version, key: `key-${id}`, created: '2026-01-05T09:00:00Z', modified: '2026-02-01T09:00:00Z' };
}

/** A partners-table row; override what the test is about. */
export function row(overrides: Partial<DashboardRow> = {}): DashboardRow {
  const id = overrides.involvementId ?? 1;
  return {
    involvementId: id,
    partnerId: id,
    name: `Partner ${id}`,
    preferredName: null,
    roleTitle: 'Patient partner',
    stage: 'Active',
    induction: null,
    nextOneToOne: { due: null, state: 'none', daysUntilDue: null },
    booked: null,
    ownerName: 'Jo Bloggs',
    peerNetworkStatus: 'Not invited',
    attention: [],
    ...overrides,
  };
}

/** An induction checklist item. */
export function task(overrides: Partial<InductionTask> = {}): InductionTask {
  return {
    ...stored(1, 1),
    involvementId: 7,
    workstreamId: 4,
    label: 'Welcome and introductions',
    kind: 'Task',
    required: true,
    order: 0,
    done: false,
    doneDate: null,
    doneBy: null,
    ...overrides,
  };
}

/** What the server offers for a partner in induction with nothing booked; override what the test is about. */
export function actions(overrides: Partial<PartnerActions> = {}): PartnerActions {
  return {
    nextStages: ['Active', 'Not progressed'],
    acknowledgeInterest: false,
    bookChat: false,
    holdChat: false,
    offer: false,
    startInduction: false,
    changeChecklist: true,
    activate: true,
    pause: false,
    resume: false,
    end: false,
    notProgress: true,
    bookOneToOne: true,
    changeBookedOneToOne: false,
    recordOneToOne: true,
    setCadence: true,
    invitePeerNetwork: false,
    recordPeerNetworkAnswer: true,
    withdrawPeerNetworkInvitation: false,
    editDetails: true,
    reassign: true,
    fillMonitoring: true,
    ...overrides,
  };
}

/** What the server offers for an active partner, with or without a one-to-one booked. */
export function activeActions(booked = false, overrides: Partial<PartnerActions> = {}): PartnerActions {
  return actions({
    nextStages: ['Paused', 'Ended'],
    changeChecklist: false,
    activate: false,
    notProgress: false,
    pause: true,
    end: true,
    bookOneToOne: !booked,
    changeBookedOneToOne: booked,
    ...overrides,
  });
}

/** A one-to-one booked for `date`. */
export function bookedOn(date: string, overrides: Partial<OneToOne> = {}): OneToOne {
  return {
    ...stored(31, 2),
    involvementId: 7,
    workstreamId: 4,
    status: 'Booked',
    date,
    time: null,
    where: null,
    heldBy: null,
    notes: null,
    ...overrides,
  };
}

/** Maya's involvement in induction, in workstream 4; override what the test is about. */
export function involvement(overrides: Partial<Involvement> = {}): Involvement {
  return {
    ...stored(7, 3),
    partnerId: 5,
    roleId: 3,
    workstreamId: 4,
    stage: 'Induction',
    stageChangedBy: 'Jo Bloggs',
    stageChangedAt: '2026-02-01T09:00:00Z',
    stageReason: null,
    ownerId: 'oid-1',
    ownerName: 'Jo Bloggs',
    interestDate: '2026-01-12',
    acknowledgedDate: null,
    chatAt: null,
    chatWhere: null,
    chatAdjustments: null,
    chatNotes: null,
    offeredDate: null,
    inductionStartedDate: null,
    activeDate: null,
    exitConversationOffered: false,
    cadenceWeeks: 8,
    lastOneToOneDate: null,
    nextOneToOneDue: null,
    inductionDone: null,
    inductionTotal: null,
    inductionStillRequired: null,
    monitoring: null,
    termEndDate: null,
    agreementsDue: null,
    accessReviewedDate: null,
    accessReviewDue: null,
    offerCriteria: null,
    offerReason: null,
    notProgressedCriteria: null,
    notProgressedFrom: null,
    ...overrides,
  };
}

/** Samira (Sam) Patel, with consent to hold details and to notes; override what the test is about. */
export function partner(overrides: Partial<Partner> = {}): Partner {
  return {
    ...stored(5, 2),
    fullName: 'Samira Patel',
    preferredName: 'Sam',
    email: 'sam@example.org',
    phone: null,
    postalAddress: null,
    preferredContact: 'Email',
    accessNeeds: 'Captions on in video calls',
    consentGiven: true,
    consentDate: '2026-01-12',
    notesConsent: true,
    notesConsentDate: '2026-01-12',
    erasedDate: null,
    peerNetworkStatus: 'Invited',
    peerNetworkDate: '2026-02-01',
    mergedInto: null,
    ...overrides,
  };
}

/** The advertised role "Patient partner" of workstream 4. */
export function role(overrides: Partial<Role> = {}): Role {
  return {
    ...stored(3, 4),
    workstreamId: 4,
    title: 'Patient partner',
    status: 'Advertised',
    purpose: null,
    activities: null,
    timeCommitment: null,
    location: null,
    locationDetails: null,
    paymentAndExpenses: null,
    skillsWelcomed: null,
    supportOffered: null,
    contact: null,
    closingDate: null,
    startDate: null,
    level: null,
    accessibleFormats: [],
    termMonths: null,
    ownerId: 'oid-1',
    ownerName: 'Jo Bloggs',
    advertState: 'Approved',
    advertUrl: 'https://example.org/opportunities/patient-partner',
    advertComment: null,
    advertDecidedBy: 'Nadia Ali',
    advertDecidedAt: '2026-01-08T09:00:00Z',
    statusChangedBy: 'Nadia Ali',
    statusChangedAt: '2026-01-08T09:00:00Z',
    selectionCriteria: null,
    ...overrides,
  };
}

/** Workstream 4, Maternity voices. */
export function workstream(overrides: Partial<Workstream> = {}): Workstream {
  return { ...stored(4, 1), title: 'Maternity voices', description: null, teamsChannelId: null, ...overrides };
}

/** How many partners are at each stage: `some`, and none at the others. */
export function stageCounts(some: Partial<StageCounts> = {}): StageCounts {
  return { ...(Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts), ...some };
}

/** The dashboard of workstream 4, with one partner in induction and no roles. */
export function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    workstream: workstream(),
    today: '2026-03-02',
    roles: [],
    rows: [row({ involvementId: 7, name: 'Samira Patel', stage: 'Induction' })],
    stageCounts: stageCounts({ Induction: 1 }),
    needsAttention: 0,
    ...overrides,
  };
}

/** The one-to-one agenda of workstream 4 for six weeks from 2 March 2026. */
export function agenda(items: AgendaItem[] = [], reviews: ReviewItem[] = []): Agenda {
  return { workstream: workstream(), today: '2026-03-02', until: '2026-04-13', items, reviews };
}

/** What an offer or a "not this time" asks for, as the server words it: the role's criteria (none unless given). */
export function selection(criteria: string[] = []): PartnerDetail['selection'] {
  return {
    criteria,
    verdicts: ['Met', 'Not met', 'Not assessed'],
    guidance:
      criteria.length > 0
        ? 'Judge them against the role’s selection criteria: for each, say whether it was met, and give a short reason.'
        : 'This role has no selection criteria yet, so give the reason for this decision in full.',
    offerReasonLabel: 'Why they are offered the role',
  };
}

/** A partner in induction with a two-item checklist, one of them an agreement. */
export function detail(overrides: Partial<PartnerDetail> = {}): PartnerDetail {
  const checklist = [
    task({ id: 11, label: 'Welcome and introductions' }),
    task({ id: 12, label: 'Confidentiality agreement signed', kind: 'Agreement', order: 1 }),
  ];
  const offered = overrides.actions ?? actions();
  return {
    involvement: involvement(),
    partner: partner(),
    role: role(),
    workstream: workstream(),
    name: 'Sam',
    checklist,
    induction: { done: 0, total: 2, missingRequired: checklist.map((item) => item.label) },
    oneToOnes: [],
    nextOneToOne: { due: null, state: 'none', daysUntilDue: null },
    nextStages: offered.nextStages,
    actions: offered,
    chatAdjustmentsTitle: 'Adjustments asked for the informal chat',
    selection: selection(),
    otherRoles: [],
    documents: [],
    claimsKeptOnErasure: 'Their claims, if they have any, are kept as financial records for six years, with no name.',
    ...overrides,
  };
}

/** A partner whose informal chat is booked (Teams, captions asked for): it can be moved, or recorded as held. */
export function chatBooked(): PartnerDetail {
  return detail({
    involvement: {
      ...detail().involvement,
      stage: 'Chat booked',
      chatAt: '2026-03-04T10:00:00.000Z',
      chatWhere: 'Teams',
      chatAdjustments: 'Captions on',
    },
    checklist: [],
    induction: null,
    actions: actions({
      nextStages: ['Chat held', 'Not progressed'],
      bookChat: true,
      holdChat: true,
      changeChecklist: false,
      bookOneToOne: false,
      recordOneToOne: false,
    }),
  });
}

/** One entry of the one-to-one agenda. */
export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    kind: 'booked',
    involvementId: 1,
    partnerId: 1,
    name: 'Partner 1',
    roleTitle: 'Patient partner',
    stage: 'Active',
    ownerName: 'Jo Bloggs',
    date: '2026-03-10',
    time: '10:30',
    where: 'Online',
    oneToOneId: 21,
    oneToOneVersion: 1,
    overdue: false,
    daysFromToday: 8,
    ...overrides,
  };
}

/** A member of workstream 4, unless a test says otherwise. */
export function member(overrides: Partial<Member> = {}): Member {
  const id = overrides.id ?? 1;
  return { ...stored(id, 1), workstreamId: 4, userId: `oid-${id}`, userName: `Person ${id}`, ...overrides };
}

/** A claim submitted for approval 6 days before the panel tests' day (2026-03-02): a full day and one mileage line; override what the test is about. */
export function claimLine(overrides: Partial<ClaimLine['claim']> = {}, partnerName = 'Jordan Ellis'): ClaimLine {
  const claim = {
    ...stored(overrides.id ?? 31, 2),
    ...aClaim({ involvementId: 7, workstreamId: 1, partnerId: 5 }),
    activityDate: '2026-02-20',
    expensesPence: 563,
    expenseLines: null,
    submittedAt: '2026-02-24T10:00:00.000Z',
    approverName: 'Priya Shah',
    ...overrides,
  } as ClaimLine['claim'];
  return { claim, partnerName, lines: [{ kind: 'Mileage', miles: 12.5, amountPence: 563, receiptHeld: false }] };
}
