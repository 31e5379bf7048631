import type { AgendaItem, DashboardRow, InductionTask, Member, OneToOne, PartnerActions, PartnerDetail } from '../../src/tab/api/types';

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
    id: 1,
    version: 1,
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
    editDetails: true,
    reassign: true,
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
  return { id: 31, version: 2, status: 'Booked', date, time: null, where: null, heldBy: null, notes: null, ...overrides };
}

/** A partner in induction with a two-item checklist, one of them an agreement. */
export function detail(overrides: Partial<PartnerDetail> = {}): PartnerDetail {
  const checklist = [
    task({ id: 11, label: 'Welcome and introductions' }),
    task({ id: 12, label: 'Confidentiality agreement signed', kind: 'Agreement', order: 1 }),
  ];
  return {
    involvement: {
      id: 7,
      version: 3,
      workstreamId: 4,
      stage: 'Induction',
      stageReason: null,
      ownerId: 'oid-1',
      ownerName: 'Jo Bloggs',
      acknowledgedDate: null,
      chatAt: null,
      chatWhere: null,
      chatAdjustments: null,
      chatNotes: null,
      cadenceWeeks: 8,
      lastOneToOneDate: null,
    },
    partner: {
      id: 5,
      version: 2,
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
    },
    name: 'Sam',
    role: { id: 3, title: 'Patient partner' },
    checklist,
    induction: { done: 0, total: 2, missingRequired: checklist.map((item) => item.label) },
    oneToOnes: [],
    nextOneToOne: { due: null, state: 'none', daysUntilDue: null },
    actions: actions(),
    ...overrides,
  };
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
  return { id, version: 1, workstreamId: 4, userId: `oid-${id}`, userName: `Person ${id}`, ...overrides };
}
