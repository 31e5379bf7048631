import { randomUUID } from 'node:crypto';
import { NEW_INVOLVEMENT_DEFAULTS } from '../../src/domain/involvement';
import type { Principal } from '../../src/domain/principal';
import type { Fields, ListName } from '../../src/domain/schema/lists';
import type { ChangeOf, CommitContext, Ref } from '../../src/domain/store';

/** The values of a create: like the list's fields, but a lookup may be a {@link Ref}. */
export type CreateValues<L extends ListName> = Extract<ChangeOf<L>, { op: 'create' }>['values'];

/** A lookup value in a create: an id, or a ref to an item created earlier in the same commit. */
export type IdOrRef = number | Ref;

/** A short random tag, so that tests sharing one store (a SharePoint site, say) never see each other's items. */
export function unique(): string {
  return randomUUID().slice(0, 8);
}

/** A key no other create uses. */
export function aKey(): string {
  return `test-${randomUUID()}`;
}

/** A member of workstream staff, as the bot or tab would pass them. */
export function aStaffMember(overrides: Partial<Principal> = {}): Principal {
  return {
    id: '6f0d2c1e-4b7a-4c39-9d55-0a1b2c3d4e5f',
    name: 'Priya Sharma',
    email: 'priya.sharma@example.nhs.uk',
    tenantId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
    ...overrides,
  };
}

/** Who is committing and when. */
export function aContext(overrides: Partial<CommitContext> = {}): CommitContext {
  return { actor: aStaffMember(), at: '2026-03-02T10:30:00.000Z', ...overrides };
}

/** A workstream with a unique title and a Teams channel. */
export function aWorkstream(overrides: Partial<Fields<'workstreams'>> = {}): Fields<'workstreams'> {
  return {
    title: `Maternity and neonatal voices ${unique()}`,
    description: 'Redesigning antenatal care with the families who use it.',
    teamsChannelId: `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`,
    ...overrides,
  };
}

/** A draft role with a complete description, as a recruiting lead would write it. */
export function aRole(workstreamId: IdOrRef, overrides: Partial<CreateValues<'roles'>> = {}): CreateValues<'roles'> {
  return {
    workstreamId,
    title: 'Lived experience partner: community diabetes service',
    status: 'Draft',
    purpose: 'Bring the experience of living with type 2 diabetes to the redesign of community clinics.',
    activities: 'Join the monthly design group, review patient leaflets and help plan a listening event.',
    timeCommitment: 'About 3 hours a month for 12 months',
    location: 'Both',
    locationDetails: 'St James’s University Hospital, Leeds, or on Microsoft Teams',
    paymentAndExpenses: 'Involvement payment of £25 per meeting; travel, parking and care costs reimbursed.',
    skillsWelcomed: 'Experience of using community diabetes services, as a patient or a carer.',
    supportOffered: 'A named contact, a one-to-one every 8 weeks and the Peer Support Network.',
    contact: 'Priya Sharma, ppp.team@example.nhs.uk',
    closingDate: '2026-04-30',
    startDate: '2026-06-01',
    level: 2,
    accessibleFormats: ['Easy read', 'Large print'],
    termMonths: null,
    ownerId: '6f0d2c1e-4b7a-4c39-9d55-0a1b2c3d4e5f',
    ownerName: 'Priya Sharma',
    advertState: 'Not sent',
    advertUrl: null,
    advertComment: null,
    advertDecidedBy: null,
    advertDecidedAt: null,
    statusChangedBy: 'Priya Sharma',
    statusChangedAt: '2026-03-02T10:30:00.000Z',
    selectionCriteria: null,
    ...overrides,
  };
}

/** A partner who has consented, with contact details and access needs (all personal). */
export function aPartner(overrides: Partial<Fields<'partners'>> = {}): Fields<'partners'> {
  return {
    fullName: 'Margaret Okafor',
    preferredName: 'Maggie',
    email: 'maggie.okafor@example.org',
    phone: '07700 900461',
    postalAddress: '14 Example Terrace\nLeeds\nLS6 2AB',
    preferredContact: 'Email',
    accessNeeds: 'Papers in large print a week before meetings; step-free access.',
    consentGiven: true,
    consentDate: '2026-03-01',
    notesConsent: false,
    notesConsentDate: null,
    erasedDate: null,
    peerNetworkStatus: 'Not invited',
    peerNetworkDate: null,
    mergedInto: null,
    ...overrides,
  };
}

/** The three items an involvement links. */
export interface InvolvementLinks {
  readonly partnerId: IdOrRef;
  readonly roleId: IdOrRef;
  readonly workstreamId: IdOrRef;
}

/** An involvement at `Chat booked`, with the informal chat arranged. */
export function anInvolvement(
  links: InvolvementLinks,
  overrides: Partial<CreateValues<'involvements'>> = {},
): CreateValues<'involvements'> {
  return {
    ...links,
    stage: 'Chat booked',
    stageChangedBy: 'Priya Sharma',
    stageChangedAt: '2026-03-04T09:15:00.000Z',
    ownerId: '6f0d2c1e-4b7a-4c39-9d55-0a1b2c3d4e5f',
    ownerName: 'Priya Sharma',
    interestDate: '2026-03-03',
    acknowledgedDate: '2026-03-04',
    chatAt: '2026-03-10T14:00:00.000Z',
    chatWhere: 'Microsoft Teams',
    chatAdjustments: 'Live captions on; a short break half way.',
    chatNotes: null,
    offeredDate: null,
    inductionStartedDate: null,
    activeDate: null,
    stageReason: null,
    exitConversationOffered: false,
    cadenceWeeks: 8,
    lastOneToOneDate: null,
    nextOneToOneDue: null,
    inductionDone: null,
    inductionTotal: null,
    inductionStillRequired: null,
    ...NEW_INVOLVEMENT_DEFAULTS,
    ...overrides,
  };
}

/** An induction agreement, required before Active and not yet signed. */
export function aTask(
  involvementId: IdOrRef,
  workstreamId: IdOrRef,
  overrides: Partial<CreateValues<'inductionTasks'>> = {},
): CreateValues<'inductionTasks'> {
  return {
    involvementId,
    workstreamId,
    label: 'Confidentiality agreement signed',
    kind: 'Agreement',
    required: true,
    order: 4,
    done: false,
    doneDate: null,
    doneBy: null,
    ...overrides,
  };
}

/** A required induction template item; `null` makes it the whole organisation's. */
export function aTemplateItem(
  workstreamId: IdOrRef | null,
  overrides: Partial<CreateValues<'inductionTemplateItems'>> = {},
): CreateValues<'inductionTemplateItems'> {
  return { workstreamId, label: 'Welcome and introductions', kind: 'Task', required: true, order: 1, ...overrides };
}

/** A one-to-one booked on Teams. */
export function aOneToOne(
  involvementId: IdOrRef,
  workstreamId: IdOrRef,
  overrides: Partial<CreateValues<'oneToOnes'>> = {},
): CreateValues<'oneToOnes'> {
  return {
    involvementId,
    workstreamId,
    status: 'Booked',
    date: '2026-05-12',
    time: '10:30',
    where: 'Microsoft Teams',
    heldBy: 'Priya Sharma',
    notes: 'Talked through travel expenses and the next design group dates.',
    ...overrides,
  };
}

/** A submitted claim for a full day with two expense lines, stored as the domain writes them. */
export function aClaim(
  ids: { readonly involvementId: IdOrRef; readonly workstreamId: IdOrRef; readonly partnerId: IdOrRef },
  overrides: Partial<CreateValues<'claims'>> = {},
): CreateValues<'claims'> {
  return {
    ...ids,
    status: 'Submitted',
    activityDate: '2026-05-12',
    description: 'Design group workshop',
    dayLength: 'Full day',
    paymentDeclined: false,
    paymentPence: 15000,
    expensesPence: 1013,
    expenseLines: JSON.stringify([
      { kind: 'Mileage', miles: 12.5, amountPence: 563, receiptHeld: false },
      { kind: 'Parking', miles: null, amountPence: 450, receiptHeld: true },
    ]),
    recordedBy: 'Priya Sharma',
    submittedById: 'aad-priya',
    submittedBy: 'Priya Sharma',
    submittedAt: '2026-05-13T09:15:00.000Z',
    approverId: 'aad-tom',
    approverName: 'Tom Whitfield',
    decidedBy: null,
    decidedAt: null,
    rejectionReason: null,
    overCapAgreedBy: null,
    paidBy: null,
    paidAt: null,
    ...overrides,
  };
}

/** A create of one item, with a fresh key unless one is given. */
export function creating<L extends ListName>(
  list: L,
  values: CreateValues<L>,
  options: { readonly key?: string; readonly ref?: string; readonly summary?: string } = {},
): ChangeOf<L> {
  return { op: 'create', list, key: options.key ?? aKey(), values, ref: options.ref, summary: options.summary } as ChangeOf<L>;
}

/** An update of an item as last read. */
export function updating<L extends ListName>(
  list: L,
  item: { readonly id: number; readonly version: number },
  values: Partial<Fields<L>>,
  summary?: string,
): ChangeOf<L> {
  return { op: 'update', list, id: item.id, version: item.version, values, summary } as ChangeOf<L>;
}

/** A delete of an item as last read. */
export function deleting<L extends ListName>(
  list: L,
  item: { readonly id: number; readonly version: number },
  summary?: string,
): ChangeOf<L> {
  return { op: 'delete', list, id: item.id, version: item.version, summary } as ChangeOf<L>;
}
