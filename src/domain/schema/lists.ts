import { z } from 'zod';
import {
  acceptsAsIs,
  choice,
  date,
  dateTime,
  integer,
  isStoredInstant,
  lookup,
  metaOf,
  multiChoice,
  note,
  text,
  yesNo,
  type ColumnMeta,
} from './columns';

/** The role status flow: `Draft -> Ready -> Advertised -> Filled | Closed`. */
export const ROLE_STATUSES = ['Draft', 'Ready', 'Advertised', 'Filled', 'Closed'] as const;
export type RoleStatus = (typeof ROLE_STATUSES)[number];

/** Where the partner does the role. */
export const ROLE_LOCATIONS = ['In person', 'Online', 'Both'] as const;

/** Formats an advert and the role's papers can be offered in, on request. */
export const ACCESSIBLE_FORMATS = ['Easy read', 'Large print', 'Audio', 'Braille', 'Other languages', 'Phone or post'] as const;

/** Whether the Engagement team has been asked to put the advert on the opportunities pages. */
export const ADVERT_STATES = ['Not sent', 'Awaiting approval', 'Sent back', 'Approved'] as const;

/** The involvement stage flow. */
export const STAGES = [
  'Interested',
  'Chat booked',
  'Chat held',
  'Offered',
  'Induction',
  'Active',
  'Paused',
  'Ended',
  'Not progressed',
] as const;
export type Stage = (typeof STAGES)[number];

export const CONTACT_METHODS = ['Email', 'Phone', 'Text message', 'Post', 'Teams'] as const;

export const PEER_NETWORK_STATUSES = ['Not invited', 'Invited', 'Joined', 'Declined'] as const;

/**
 * What kind of checklist item: ticked by hand (a task, or an agreement with the date
 * signed), or one that records a fact kept elsewhere and is ticked by it (booking the
 * first one-to-one; inviting the partner to the Peer Support Network).
 */
export const TASK_KINDS = ['Task', 'Agreement', 'One-to-one booked', 'Peer Support Network invitation'] as const;

export const ONE_TO_ONE_STATUSES = ['Booked', 'Held', 'Cancelled'] as const;

/** What became of the equality monitoring form offered with an involvement: never what was answered. */
export const MONITORING_STATES = ['Answered', 'Declined'] as const;

/** The organisation's tables for equality monitoring. */
export const MONITORING_REFERENCE_KINDS = ['Population profile', 'Postcode deciles'] as const;

/** The claim flow: `Draft -> Submitted -> Approved -> Paid`, or `Rejected` with a reason. */
export const CLAIM_STATUSES = ['Draft', 'Submitted', 'Approved', 'Paid', 'Rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How long a paid activity lasted, for the involvement payment. */
export const DAY_LENGTHS = ['Half day', 'Full day'] as const;
export type DayLength = (typeof DAY_LENGTHS)[number];

/** What a partner spent; mileage is claimed in miles, the rest in money. */
export const EXPENSE_KINDS = ['Mileage', 'Parking', 'Public transport', 'Care costs', 'Other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/** The period a partner's cap on involvement payments counts over. */
export const CAP_PERIODS = ['Week', 'Month', 'Tax year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

/** The longest expense lines of one claim, as JSON: room for 20 lines. */
export const EXPENSE_LINES_MAX_LENGTH = 4000;

export const AUDIT_ACTIONS = ['Created', 'Updated', 'Deleted', 'Viewed', 'Exported', 'Erased'] as const;

/** A list of records: its stable internal name, the title people see, and its columns. */
export interface ListDefinition<N extends string = string, S extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: N;
  /** The SharePoint list title staff see. */
  readonly title: string;
  /** What one item is called in messages ("partner", "role"). */
  readonly itemName: string;
  readonly fields: S;
  /** The fields validated as one object. */
  readonly schema: z.ZodObject<S>;
  /**
   * Whether the store keeps earlier versions of its items (SharePoint's version
   * history). Off only where an earlier version would say what one change added.
   */
  readonly keepsHistory: boolean;
  /**
   * Whether the list is for the app alone: on SharePoint it does not inherit the
   * site's permissions, so people who can read the site cannot read it there.
   */
  readonly appAlone: boolean;
}

function defineList<const N extends string, S extends z.ZodRawShape>(
  name: N,
  title: string,
  itemName: string,
  fields: S,
  options: { keepsHistory?: boolean; appAlone?: boolean } = {},
): ListDefinition<N, S> {
  const { keepsHistory = true, appAlone = false } = options;
  return { name, title, itemName, fields, schema: z.object(fields), keepsHistory, appAlone };
}

export const workstreams = defineList('workstreams', 'PPP Workstreams', 'workstream', {
  title: text('Workstream', { required: true, indexed: true, maxLength: 120 }),
  description: note('Description', { maxLength: 1000 }),
  teamsChannelId: text('Teams channel', { indexed: true }),
});

export const roles = defineList('roles', 'PPP Roles', 'role', {
  workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
  title: text('Role title', { required: true, indexed: true, maxLength: 120 }),
  status: choice('Status', ROLE_STATUSES, { required: true, indexed: true }),
  purpose: note('Purpose', { maxLength: 2000 }),
  activities: note('What the partner will do', { maxLength: 2000 }),
  timeCommitment: text('Time commitment'),
  location: choice('Where', ROLE_LOCATIONS),
  locationDetails: text('Location details'),
  paymentAndExpenses: note('Payment and expenses', { maxLength: 2000 }),
  skillsWelcomed: note('Skills or experience welcomed', { maxLength: 2000 }),
  supportOffered: note('Support offered', { maxLength: 2000 }),
  contact: text('Contact'),
  closingDate: date('Closing date', { indexed: true }),
  startDate: date('Start date'),
  level: integer('Involvement level', { min: 1, max: 4 }),
  accessibleFormats: multiChoice('Accessible formats offered', ACCESSIBLE_FORMATS),
  ownerId: text('Recruiting lead id', { indexed: true, maxLength: 64 }),
  ownerName: text('Recruiting lead'),
  advertState: choice('Advert', ADVERT_STATES, { required: true, indexed: true }),
  advertUrl: text('Advert link', { maxLength: 255 }),
  advertComment: note('Advert comment', { maxLength: 1000 }),
  advertDecidedBy: text('Advert decided by'),
  advertDecidedAt: dateTime('Advert decided at'),
  statusChangedBy: text('Status changed by'),
  statusChangedAt: dateTime('Status changed at'),
  /** How long a partner serves in the role before the term comes up for review; none: no fixed term. */
  termMonths: integer('Term of office (months)', { min: 1, max: 120 }),
  /** What the partner is chosen against, one criterion a line (see `selection.ts`). */
  selectionCriteria: note('Selection criteria', { maxLength: 2000 }),
});

export const partners = defineList('partners', 'PPP Partners', 'partner', {
  fullName: text('Full name', { required: true, personal: true, maxLength: 120 }),
  preferredName: text('Preferred name', { personal: true, maxLength: 60 }),
  // Indexed so that logging interest finds a person already on record, past SharePoint's list view threshold.
  email: text('Email', { personal: true, indexed: true, maxLength: 254 }),
  phone: text('Phone', { personal: true, indexed: true, maxLength: 40 }),
  postalAddress: note('Postal address', { personal: true, maxLength: 500 }),
  preferredContact: choice('Preferred contact', CONTACT_METHODS),
  accessNeeds: note('Access needs and adjustments', { personal: true, maxLength: 2000 }),
  consentGiven: yesNo('Consent to hold details'),
  consentDate: date('Consent date'),
  notesConsent: yesNo('Consent to notes about lived experience'),
  notesConsentDate: date('Notes consent date'),
  erasedDate: date('Personal data erased on'),
  // Expandable: each involvement's row on the dashboard shows it, read through the involvement's lookup.
  peerNetworkStatus: choice('Peer Support Network', PEER_NETWORK_STATUSES, { required: true, indexed: true, expandable: true }),
  peerNetworkDate: date('Peer Support Network date'),
  /** Set on a duplicate record merged into another: the partner who is this person. */
  mergedInto: integer('Merged into partner', { indexed: true, min: 1 }),
});

/** The most items an induction checklist (and so a template) may have. */
export const MAX_CHECKLIST_ITEMS = 40;

/** The longest label of a checklist item. */
const CHECKLIST_LABEL_MAX = 120;

export const involvements = defineList('involvements', 'PPP Involvements', 'involvement', {
  partnerId: lookup('Partner', 'partners', { required: true, indexed: true }),
  roleId: lookup('Role', 'roles', { required: true, indexed: true }),
  workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
  stage: choice('Stage', STAGES, { required: true, indexed: true }),
  stageChangedBy: text('Stage changed by', { required: true }),
  stageChangedAt: dateTime('Stage changed at', { required: true }),
  ownerId: text('Named contact id', { indexed: true, maxLength: 64 }),
  ownerName: text('Named contact'),
  interestDate: date('Interest received', { required: true }),
  acknowledgedDate: date('Interest acknowledged'),
  chatAt: dateTime('Informal chat'),
  chatWhere: text('Informal chat where'),
  chatAdjustments: note('Adjustments for the chat', { personal: true, maxLength: 1000 }),
  chatNotes: note('Informal chat notes', { personal: true, maxLength: 2000 }),
  offeredDate: date('Offer made'),
  inductionStartedDate: date('Induction started'),
  activeDate: date('Active from'),
  stageReason: note('Reason', { personal: true, maxLength: 1000 }),
  exitConversationOffered: yesNo('Exit conversation offered'),
  cadenceWeeks: integer('One-to-one every (weeks)', { required: true, min: 1, max: 52 }),
  lastOneToOneDate: date('Last one-to-one'),
  nextOneToOneDue: date('Next one-to-one due', { indexed: true }),
  // Kept with each change to the checklist, so views and list views need not read every item.
  inductionDone: integer('Induction items done', { min: 0, max: MAX_CHECKLIST_ITEMS }),
  inductionTotal: integer('Induction items', { min: 0, max: MAX_CHECKLIST_ITEMS }),
  /** The labels of the required items not done yet, one per line. */
  inductionStillRequired: note('Still required before Active', { maxLength: MAX_CHECKLIST_ITEMS * (CHECKLIST_LABEL_MAX + 1) }),
  /** Only that the form was answered or declined, so it is offered once; the answers are counted apart, with nothing linking them here. */
  monitoring: choice('Equality monitoring', MONITORING_STATES),
  // The three reviews that come round: each read by date for the reminders and the agenda, so indexed.
  termEndDate: date('Term of office ends', { indexed: true }),
  agreementsDue: date('Agreements to re-confirm by', { indexed: true }),
  accessReviewedDate: date('Access needs last reviewed'),
  accessReviewDue: date('Access needs review due', { indexed: true }),
  /** The role's criteria as judged when the role was offered, one a line ("Met: ..."); see `selection.ts`. */
  offerCriteria: note('Criteria at the offer', { maxLength: 4000 }),
  offerReason: note('Reason for the offer', { personal: true, maxLength: 1000 }),
  /** The role's criteria as judged when the partner was not progressed, one a line; the reason is `stageReason`. */
  notProgressedCriteria: note('Criteria when not progressed', { maxLength: 4000 }),
  /** The stage left for Not progressed: whether the informal chat had been held, for the selection summary. */
  notProgressedFrom: choice('Not progressed from', STAGES),
});

export const inductionTasks = defineList('inductionTasks', 'PPP Induction Tasks', 'induction item', {
  involvementId: lookup('Involvement', 'involvements', { required: true, indexed: true }),
  workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
  label: text('Item', { required: true, maxLength: CHECKLIST_LABEL_MAX }),
  kind: choice('Kind', TASK_KINDS, { required: true }),
  required: yesNo('Required before Active'),
  order: integer('Order', { required: true, indexed: true, min: 0 }),
  done: yesNo('Done'),
  doneDate: date('Done or signed on'),
  doneBy: text('Done by'),
});

export const inductionTemplateItems = defineList('inductionTemplateItems', 'PPP Induction Template', 'template item', {
  workstreamId: lookup('Workstream (empty for the whole organisation)', 'workstreams', { indexed: true }),
  label: text('Item', { required: true, maxLength: CHECKLIST_LABEL_MAX }),
  kind: choice('Kind', TASK_KINDS, { required: true }),
  required: yesNo('Required before Active'),
  order: integer('Order', { required: true, indexed: true, min: 0 }),
});

export const oneToOnes = defineList('oneToOnes', 'PPP One-to-ones', 'one-to-one', {
  involvementId: lookup('Involvement', 'involvements', { required: true, indexed: true }),
  workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
  status: choice('Status', ONE_TO_ONE_STATUSES, { required: true, indexed: true }),
  date: date('Date', { required: true, indexed: true }),
  time: text('Time', { maxLength: 5 }),
  where: text('Where'),
  heldBy: text('Held by'),
  notes: note('Notes', { personal: true, maxLength: 2000 }),
});

/**
 * A claim for one activity of one involvement: an involvement payment (half or full
 * day, where the role is paid and the partner accepts payment) and expenses. Amounts
 * are in pence, worked out at the organisation's rates when the claim was recorded,
 * so a later change of rate leaves earlier claims as they were. The expense lines
 * are JSON in one column: a claim and its lines are one item, written and erased as
 * one (see the README, "Payments and expenses").
 */
export const claims = defineList('claims', 'PPP Claims', 'claim', {
  involvementId: lookup('Involvement', 'involvements', { required: true, indexed: true }),
  workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
  partnerId: lookup('Partner', 'partners', { required: true, indexed: true }),
  status: choice('Status', CLAIM_STATUSES, { required: true, indexed: true }),
  activityDate: date('Activity date', { required: true, indexed: true }),
  description: text('What it was', { required: true, personal: true, maxLength: 200 }),
  dayLength: choice('Half or full day', DAY_LENGTHS),
  paymentDeclined: yesNo('Payment declined'),
  paymentPence: integer('Involvement payment (pence)', { required: true, min: 0, max: 10_000_000 }),
  expensesPence: integer('Expenses (pence)', { required: true, min: 0, max: 10_000_000 }),
  expenseLines: note('Expense lines', { maxLength: EXPENSE_LINES_MAX_LENGTH }),
  recordedBy: text('Recorded by', { required: true }),
  submittedById: text('Submitted by id', { maxLength: 64 }),
  submittedBy: text('Submitted by'),
  submittedAt: dateTime('Submitted at', { indexed: true }),
  /** Who is to approve: the named contact's id, or empty for the Engagement team. */
  approverId: text('Approver id', { indexed: true, maxLength: 64 }),
  approverName: text('Approver'),
  decidedBy: text('Approved or rejected by'),
  decidedAt: dateTime('Approved or rejected at'),
  rejectionReason: note('Reason for rejection', { personal: true, maxLength: 1000 }),
  overCapAgreedBy: text('Over the cap: advice recorded by'),
  paidBy: text('Exported for payment by'),
  paidAt: dateTime('Exported for payment at'),
});

/**
 * A partner's own choices about involvement payments: to decline them, and a cap
 * per period (for example to stay under a benefits earnings limit). At most one
 * item per partner; none means they accept payment with no cap.
 */
export const paymentPreferences = defineList('paymentPreferences', 'PPP Payment Preferences', 'payment preferences', {
  partnerId: lookup('Partner', 'partners', { required: true, indexed: true }),
  declinesPayment: yesNo('Declines payment'),
  capPence: integer('Cap on payments (pence)', { min: 0, max: 10_000_000 }),
  capPeriod: choice('Cap period', CAP_PERIODS),
});

/**
 * Who may see and act on a workstream. A row with no workstream makes the person a
 * member of the Engagement team, who see and act on every workstream.
 */
export const members = defineList('members', 'PPP Members', 'member', {
  workstreamId: lookup('Workstream (empty for the Engagement team)', 'workstreams', { indexed: true }),
  userId: text('Person (Entra object id)', { required: true, indexed: true, maxLength: 64 }),
  userName: text('Name', { required: true, indexed: true, maxLength: 120 }),
});

/**
 * Equality monitoring, counted: one item per workstream and quarter, to which each
 * form returned adds its answers. There is no item per form, so no id, creation time
 * or author can be matched to the involvement that records the form was answered;
 * and no version history, which would keep each form's addition.
 */
export const monitoringTallies = defineList(
  'monitoringTallies',
  'PPP Equality Monitoring',
  'equality monitoring count',
  {
    workstreamId: lookup('Workstream', 'workstreams', { required: true, indexed: true }),
    quarter: text('Quarter', { required: true, indexed: true, maxLength: 7 }),
    responses: integer('Forms answered', { required: true, min: 0 }),
    declined: integer('Forms declined', { required: true, min: 0 }),
    // Marked personal so the audit trail records only that the counts changed: the difference would be one person's answers.
    counts: note('Answers counted', { required: true, personal: true, maxLength: 8000 }),
  },
  // Small raw counts next to the involvements marked Answered could point at one person: the app alone reads them.
  { keepsHistory: false, appAlone: true },
);

/** The organisation's tables for equality monitoring, each a CSV as they gave it. */
export const monitoringReferences = defineList('monitoringReferences', 'PPP Equality Monitoring Tables', 'equality monitoring table', {
  kind: choice('Table', MONITORING_REFERENCE_KINDS, { required: true, indexed: true }),
  csv: note('CSV', { required: true, maxLength: 60_000 }),
});

export const activity = defineList('activity', 'PPP Activity', 'activity entry', {
  at: dateTime('When', { required: true, indexed: true }),
  actorId: text('Who (id)', { required: true, indexed: true, maxLength: 64 }),
  actorName: text('Who', { required: true }),
  action: choice('Action', AUDIT_ACTIONS, { required: true }),
  list: text('List', { required: true, indexed: true, maxLength: 64 }),
  itemId: integer('Item', { required: true, indexed: true, min: 1 }),
  summary: text('Summary'),
  changes: note('Changes', { maxLength: 8000 }),
  operation: text('Action key', { indexed: true, maxLength: 200 }),
});

/** Every list, by internal name. */
export const LISTS = {
  workstreams,
  roles,
  partners,
  involvements,
  inductionTasks,
  inductionTemplateItems,
  oneToOnes,
  members,
  monitoringTallies,
  monitoringReferences,
  claims,
  paymentPreferences,
  activity,
} as const;

export type Lists = typeof LISTS;
export type ListName = keyof Lists;

/** The fields a caller supplies for one item of a list. */
export type Fields<L extends ListName> = z.infer<Lists[L]['schema']>;

/** What every stored item carries besides its fields. */
export interface SystemFields {
  readonly id: number;
  /** Client-generated, unique per list: a retried create finds the item an earlier attempt made. */
  readonly key: string;
  /** Increases on every update; an update against an older version is refused. */
  readonly version: number;
  readonly created: string;
  readonly modified: string;
}

/** One stored item of a list. */
export type RecordOf<L extends ListName> = Fields<L> & SystemFields;

export type Workstream = RecordOf<'workstreams'>;
export type Role = RecordOf<'roles'>;
export type Partner = RecordOf<'partners'>;
export type Involvement = RecordOf<'involvements'>;
export type InductionTask = RecordOf<'inductionTasks'>;
export type InductionTemplateItem = RecordOf<'inductionTemplateItems'>;
export type OneToOne = RecordOf<'oneToOnes'>;
export type Member = RecordOf<'members'>;
export type ActivityEntry = RecordOf<'activity'>;
export type MonitoringTally = RecordOf<'monitoringTallies'>;
export type Claim = RecordOf<'claims'>;
export type PaymentPreference = RecordOf<'paymentPreferences'>;

const columnsByList = new Map<ListName, ReadonlyArray<{ readonly name: string; readonly meta: ColumnMeta }>>();

/** The columns of a list with their metadata, in declaration order (worked out once per list: adapters ask for every row). */
export function columnsOf(list: ListName): ReadonlyArray<{ readonly name: string; readonly meta: ColumnMeta }> {
  let columns = columnsByList.get(list);
  if (!columns) {
    columns = Object.entries(LISTS[list].fields).map(([name, schema]) => ({ name, meta: metaOf(schema) }));
    columnsByList.set(list, columns);
  }
  return columns;
}

const isoInstant = z.iso.datetime({ offset: true });

const systemShape = {
  id: z.number().int().positive(),
  key: z.string().min(1),
  version: z.number().int().positive(),
  created: isoInstant,
  modified: isoInstant,
};

const recordSchemas = new Map<ListName, z.ZodObject>();

/** A stored item of a list, fields and system fields together: what every store adapter parses its reads with. */
export function recordSchema(list: ListName): z.ZodObject {
  let schema = recordSchemas.get(list);
  if (!schema) {
    schema = (LISTS[list].schema as z.ZodObject).extend(systemShape).strict();
    recordSchemas.set(list, schema);
  }
  return schema;
}

const systemChecks: ReadonlyArray<readonly [string, (value: unknown) => boolean]> = [
  ['id', (value) => Number.isSafeInteger(value) && (value as number) > 0],
  ['key', (value) => typeof value === 'string' && value.length > 0],
  ['version', (value) => Number.isSafeInteger(value) && (value as number) > 0],
  ['created', isStoredInstant],
  ['modified', isStoredInstant],
];

/** One field and its quick check (see {@link acceptsAsIs}). */
export interface AsIsCheck {
  readonly name: string;
  readonly check: (value: unknown) => boolean;
}

const fieldChecks = new Map<ListName, readonly AsIsCheck[]>();
const recordChecks = new Map<ListName, readonly AsIsCheck[]>();

/** The fields of the list, each with the check that it is as the list's schema would give it back (worked out once per list). */
export function fieldChecksOf(list: ListName): readonly AsIsCheck[] {
  let checks = fieldChecks.get(list);
  if (!checks) {
    const fields = LISTS[list].fields as Record<string, z.ZodType>;
    checks = Object.entries(fields).map(([name, schema]) => ({ name, check: acceptsAsIs(schema) }));
    fieldChecks.set(list, checks);
  }
  return checks;
}

/**
 * The system fields of a stored item of the list, then its fields, each with the
 * check that it is as {@link recordSchema} would give it back (worked out once per
 * list: adapters check every value of every row they read).
 */
export function recordChecksOf(list: ListName): readonly AsIsCheck[] {
  let checks = recordChecks.get(list);
  if (!checks) {
    checks = [...systemChecks.map(([name, check]) => ({ name, check })), ...fieldChecksOf(list)];
    recordChecks.set(list, checks);
  }
  return checks;
}

/** An object made by a literal or `JSON.parse`, not an array, a class instance or a value of another kind. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * True when `candidate` is a plain object holding exactly the fields `checks` names,
 * each passing its check: it is then as the schema the checks come from would give it
 * back, with no parse. False sends the caller to that schema, which decides and says
 * what is wrong.
 */
export function holdsAsIs(checks: readonly AsIsCheck[], candidate: unknown): candidate is Record<string, unknown> {
  if (!isPlainObject(candidate)) return false;
  const values = candidate;
  let held = 0;
  for (const name in values) if (Object.hasOwn(values, name)) held += 1;
  if (held !== checks.length) return false;
  for (const { name, check } of checks) if (!Object.hasOwn(values, name) || !check(values[name])) return false;
  return true;
}
