import type { Answer, Body, FileRoute, PathIds, QueryOf, RouteName, UseCaseRoute } from '../../contract/api';
import type {
  Acknowledgement,
  Agenda,
  ChatGuide,
  Claim,
  ClaimLine,
  Dashboard,
  DuplicateGroup,
  EngagementOverview,
  FirstScreenView,
  InductionTemplate,
  InterestGuidance,
  Involvement,
  InvolvementReviews,
  Member,
  MergeResult,
  MonitoringForm,
  FinanceExport,
  PartnerClaims,
  MonitoringTable,
  PartnerDetail,
  Representativeness,
  SelectionRole,
  SelectionSummary,
  RoleDescriptionForm,
  RoleOutcome,
  SignedInUser,
  Stage,
  StageChange,
  TabRole,
  TemplateItem,
  Workstream,
} from './types';

/*
 * The tab's client of the API contract (`src/contract/api.ts`): one method per thing
 * the tab does, each calling a route of the contract by name, and the shapes the tab's
 * views pass in. `page-client.ts` makes the transport and the calls a page makes as it
 * opens; `changes.ts`, loaded with the first change, the calls that change records;
 * `client.ts` puts them together.
 */

/** Supplies a bearer token for the API, or null to call without one (outside Teams). */
export type TokenSource = () => Promise<string | null>;

/** A one-to-one to book: a date, and optionally a time (`14:30`) and place. */
export interface Booking {
  readonly date: string;
  readonly time?: string;
  readonly where?: string;
}

/** A one-to-one to record as held: the booked one it was, if any, and the day it happened. */
export interface HeldOneToOne {
  readonly date: string;
  readonly booked?: { readonly id: number; readonly version: number };
  readonly notes?: string;
}

/** What a partner answered to the invitation to the Peer Support Network. */
export type PeerNetworkAnswer = Body<'recordPeerNetworkAnswer'>['answer'];

/** Whose members: one workstream's, or the Engagement team's. */
export type MemberGroup = { readonly workstreamId: number } | 'engagement-team';

/** Whose induction template: one workstream's (the one in force for it), or the organisation's. */
export type TemplateOwner = { readonly workstreamId: number } | 'organisation';

/** A person to add as a member: their Entra object id and name. */
export interface Person {
  readonly userId: string;
  readonly userName: string;
}

/** A workstream to start: its name, what it works on, and a key that makes a repeated request create it once. */
export interface NewWorkstream {
  readonly title: string;
  readonly description?: string;
  readonly key: string;
}

/** An advert waiting for the Engagement team: its role, and the version the tab read. */
export interface AdvertRef {
  readonly roleId: number;
  readonly version: number;
}

/** Approving an advert: its https link on the opportunities pages, and a key that makes a repeated request count once. */
export interface AdvertApproval {
  readonly advertUrl: string;
  readonly key: string;
}

/** Sending an advert back: what needs changing, and a key that makes a repeated request count once. */
export interface AdvertSentBack {
  readonly comment: string;
  readonly key: string;
}

/** A file from the server, ready to hand to the browser. */
export interface DownloadedFile {
  readonly fileName: string;
  readonly blob: Blob;
}

/** A record as the server knows it: its id and the version the tab read. */
export interface VersionedRef {
  readonly id: number;
  readonly version: number;
}

/**
 * A key that makes a change count once: the same press sent again (its answer lost)
 * carries the same key, and the server answers with what it saved the first time.
 */
export type ChangeKey = string;

/** Corrections to a partner's details: only the fields changed, an emptied one as null. */
export type PartnerCorrections = Omit<Body<'correctPartner'>, 'version' | 'key'>;

/** A role's description as the tab sends it: only the fields changed, an emptied one as null. */
export type RoleDescription = Omit<Body<'updateRole'>, 'version' | 'key'>;

/** The steps that move a role on, by the route each takes. */
export type RoleMove = 'markRoleReady' | 'roleBackToDraft' | 'sendAdvert' | 'markRoleFilled' | 'closeRole';

/** A new person's details as the "Log interest" form takes them, with their consent to hold them. */
export type NewPerson = Omit<NonNullable<Body<'recordInterest'>['partner']>, 'consentGiven'> & {
  /** Whether they agreed we may hold their details: the server refuses anything but yes, in its own words. */
  readonly consentGiven: boolean;
};

/**
 * Interest in a role to log: for someone already on record (`partnerId`), or a new
 * person (`partner`), confirmed as not one of the possible matches when `newPerson`.
 */
export type Interest = Omit<Body<'recordInterest'>, 'key' | 'interestDate' | 'partner'> & { readonly partner?: NewPerson };

/**
 * Equality monitoring answers to send: the postcode if asked, and an answer the form offers for each question
 * answered, under the question's key (the keys come with the form, so the contract cannot name them).
 */
export type MonitoringAnswers = Omit<Body<'submitMonitoring'>, 'version' | 'key'> & { readonly [questionKey: string]: string | undefined };

/** A claim to record for a partner: the activity, a half or full day where the role is paid, and its expense lines. */
export type NewClaim = Omit<Body<'createClaim'>, 'key'>;

/** A Draft claim's details as changed: each field given replaces the draft's, `expenses` every line of it. */
export type ClaimChanges = Omit<Body<'editClaim'>, 'key' | 'version'>;

/** A partner's choices about payment: to decline it, and a cap per period (both, or neither). */
export type PaymentChoices = Omit<Body<'setPaymentPreferences'>, 'key'>;

/** The period a finance export covers, by activity date. */
export type ExportPeriod = Omit<Body<'financeExport'>, 'key'>;

/** Two records of the same person: the one kept and the duplicate merged into it, each at the version read. */
export interface MergeChoice {
  readonly survivor: VersionedRef;
  readonly duplicate: VersionedRef;
}

/** The server's JSON API, one method per call the tab makes. Every failure is an {@link ApiError}. */
export interface ApiClient {
  me(signal: AbortSignal): Promise<SignedInUser>;
  /**
   * The workstream tab's first screen in one call: the dashboard of `workstreamId` if
   * the person can see it, else of their first workstream (null: the first of theirs).
   */
  firstScreen(workstreamId: number | null, signal?: AbortSignal): Promise<FirstScreenView>;
  workstreams(signal: AbortSignal): Promise<Workstream[]>;
  /** Starts a workstream, with the person as its first member. */
  createWorkstream(workstream: NewWorkstream): Promise<Workstream>;
  dashboard(workstreamId: number, signal: AbortSignal): Promise<Dashboard>;
  agenda(workstreamId: number, signal: AbortSignal): Promise<Agenda>;
  overview(signal: AbortSignal): Promise<EngagementOverview>;
  /** Equality monitoring's anonymous counts beside the population's, for a period of quarters (Engagement team only). */
  representativeness(period: QueryOf<'representativeness'>, signal: AbortSignal): Promise<Representativeness>;
  /** The roles whose selection the Engagement team can see (Engagement team only). */
  selectionRoles(signal: AbortSignal): Promise<SelectionRole[]>;
  /** How one role's partners were selected, in counts (Engagement team only). */
  selectionSummary(roleId: number, signal: AbortSignal): Promise<SelectionSummary>;
  /** The bot's Microsoft app id, for a link to chat with it; null when no bot is registered. */
  botId(signal: AbortSignal): Promise<string | null>;
  partnerDetail(involvementId: number, signal: AbortSignal): Promise<PartnerDetail>;
  /**
   * Ticks an induction item, on `date` (an agreement's date signed) or today. Ticking
   * "Peer Support Network invitation sent" records the invitation itself.
   */
  completeTask(task: VersionedRef, key: ChangeKey, date?: string): Promise<void>;
  /** Unticks an item; unticking the invitation item takes back an invitation not yet answered. */
  reopenTask(task: VersionedRef, key: ChangeKey): Promise<void>;
  /** Books a one-to-one; refused while one is booked (the sentence names its date). */
  bookOneToOne(involvementId: number, booking: Booking, key: ChangeKey): Promise<void>;
  /** Moves the booked one-to-one to another date, time and place. */
  moveOneToOne(oneToOne: VersionedRef, booking: Booking, key: ChangeKey): Promise<void>;
  /** Cancels the booked one-to-one (during induction, unticking "First one-to-one booked" if it was the only one). */
  cancelOneToOne(oneToOne: VersionedRef, key: ChangeKey): Promise<void>;
  recordHeld(involvementId: number, held: HeldOneToOne, key: ChangeKey): Promise<void>;
  /** What the "Log interest" form says: what may be recorded, and the consent the person gave. */
  interestGuidance(signal: AbortSignal): Promise<InterestGuidance>;
  /**
   * Logs interest in a role; answers the new involvement (stage Interested). A new
   * person whose email or phone is already on record is refused (`possibly-known`)
   * with the people it may be, until linked to one of them or confirmed as new.
   */
  logInterest(interest: Interest, key: ChangeKey): Promise<Involvement>;
  /** The acknowledgement of someone's interest, ready to send, from the organisation's guidance. */
  acknowledgement(involvementId: number, signal: AbortSignal): Promise<Acknowledgement>;
  /** The informal chat's guide: tips, questions to ask and adjustments to offer. */
  chatGuide(signal: AbortSignal): Promise<ChatGuide>;
  /** Records that the person's interest was acknowledged today. */
  acknowledgeInterest(involvement: VersionedRef, key: ChangeKey): Promise<void>;
  /** Corrects a partner's details; the server checks an email, a phone and the preferred contact's details. */
  correctPartner(partner: VersionedRef, corrections: PartnerCorrections, key: ChangeKey): Promise<void>;
  /** Makes another member of the workstream (by Entra object id) the partner's named contact. */
  changeNamedContact(involvement: VersionedRef, ownerId: string, key: ChangeKey): Promise<void>;
  /** Records that the partner was invited to the Peer Support Network, today. */
  invitePeerNetwork(partner: VersionedRef, key: ChangeKey): Promise<void>;
  /** Records the partner's answer to the invitation, today. */
  recordPeerNetworkAnswer(partner: VersionedRef, answer: PeerNetworkAnswer, key: ChangeKey): Promise<void>;
  /** Takes back an invitation the partner has not answered. */
  withdrawPeerNetworkInvitation(partner: VersionedRef, key: ChangeKey): Promise<void>;
  /** The equality monitoring form for an involvement, with its guidance, or that it was answered or declined. */
  monitoringForm(involvementId: number, signal: AbortSignal): Promise<MonitoringForm>;
  /** Sends the partner's equality monitoring answers, at the involvement's version; the server keeps them apart from the record. */
  submitMonitoring(involvement: VersionedRef, answers: MonitoringAnswers, key: ChangeKey): Promise<void>;
  /** Records that the partner would rather not fill in the equality monitoring form; it is not offered again. */
  declineMonitoring(involvement: VersionedRef, key: ChangeKey): Promise<void>;
  /** A workstream's claims, newest activity first, with each partner's name and expense lines. */
  workstreamClaims(workstreamId: number, signal: AbortSignal): Promise<ClaimLine[]>;
  /** One partner's claims in one role, their choices about payment, and whether the role is paid. */
  involvementClaims(involvementId: number, signal: AbortSignal): Promise<PartnerClaims>;
  /** Records a claim as a Draft; the server prices it at the organisation's rates. */
  createClaim(involvementId: number, claim: NewClaim, key: ChangeKey): Promise<Claim>;
  /** Changes a Draft claim, at the version read; the server prices it again. */
  editClaim(claim: VersionedRef, changes: ClaimChanges, key: ChangeKey): Promise<Claim>;
  /** Withdraws a Draft claim: the server deletes it. */
  withdrawClaim(claim: VersionedRef, key: ChangeKey): Promise<void>;
  /** Submits a Draft for approval. */
  submitClaim(claim: VersionedRef, key: ChangeKey): Promise<void>;
  /**
   * Approves a submitted claim; `adviceHadAndGoesOverCap` records (Engagement team only) that the
   * partner had independent benefits advice and chooses to go over their cap.
   */
  approveClaim(claim: VersionedRef, adviceHadAndGoesOverCap: boolean, key: ChangeKey): Promise<void>;
  /** Rejects a submitted claim with the reason. */
  rejectClaim(claim: VersionedRef, reason: string, key: ChangeKey): Promise<void>;
  /** Records the partner's choices about payment. */
  setPaymentPreferences(partnerId: number, choices: PaymentChoices, key: ChangeKey): Promise<void>;
  /** Exports the approved claims of a period to finance as CSV, marking them Paid (Engagement team only). */
  financeExport(period: ExportPeriod, key: ChangeKey): Promise<FinanceExport>;
  /** The reviews that come round for an involvement: term of office, agreements, access needs. */
  reviews(involvementId: number, signal: AbortSignal): Promise<InvolvementReviews>;
  /** Renews the term of office: it ends on `termEndDate` (the server refuses a date not after today). */
  renewTerm(involvement: VersionedRef, termEndDate: string, key: ChangeKey): Promise<void>;
  /** Records the partner's agreements re-signed on `date`, dated and audited like the first signature. */
  reconfirmAgreements(involvement: VersionedRef, date: string, key: ChangeKey): Promise<void>;
  /** Records that their access needs were reviewed today; the next review is the organisation's months on (12 by default). */
  reviewAccessNeeds(involvement: VersionedRef, key: ChangeKey): Promise<void>;
  /** Replaces the organisation's table of `kind` with the CSV `csv` (Engagement team only); a bad line refuses it all, keeping the last. */
  setMonitoringTable(kind: MonitoringTable['kind'], csv: string): Promise<MonitoringTable>;
  /** Sets how often the partner has one-to-ones, in weeks; the server checks the number. */
  setCadence(involvement: VersionedRef, cadenceWeeks: number, key: ChangeKey): Promise<void>;
  /** Records that share an email or phone (Engagement team only). */
  duplicates(signal: AbortSignal): Promise<DuplicateGroup[]>;
  /** Merges a duplicate into the record kept (Engagement team only). */
  mergePartners(choice: MergeChoice, key: ChangeKey): Promise<MergeResult>;
  /**
   * A file the server offers (a download route of the contract), fetched with the
   * sign-in token like every other call; a plain link could not send it.
   */
  download<K extends FileRoute>(name: K, ids: PathIds<K>, query?: QueryOf<K>): Promise<DownloadedFile>;
  /** The people in a workstream or in the Engagement team, by name. */
  members(group: MemberGroup, signal: AbortSignal): Promise<Member[]>;
  /** Adds a person; someone already a member stays as they are. */
  addMember(group: MemberGroup, person: Person): Promise<void>;
  removeMember(member: { readonly id: number; readonly version: number }): Promise<void>;
  /** The induction template in force for a workstream, or the organisation's, and whose it is. */
  inductionTemplate(owner: TemplateOwner, signal: AbortSignal): Promise<InductionTemplate>;
  /**
   * Replaces the template with these items, in this order, if it is still the revision `basedOn` read (else
   * a conflict); checklists already started keep theirs. Answers the template as now saved.
   */
  setInductionTemplate(owner: TemplateOwner, items: readonly TemplateItem[], basedOn: string): Promise<InductionTemplate>;
  /** Records the partner's explicit consent to notes about their lived experience, dated today. */
  recordNotesConsent(partner: VersionedRef): Promise<void>;
  /** Records that they withdrew it; the server deletes those notes in every workstream. */
  withdrawNotesConsent(partner: VersionedRef): Promise<void>;
  /** Erases the partner's personal data everywhere (Engagement team only); answers the server's sentence on what it kept (claims, as financial records). */
  erasePartner(partner: VersionedRef): Promise<string>;
  /** Approves an advert with its link (Engagement team only): the role becomes Advertised. The server checks the link. */
  approveAdvert(advert: AdvertRef, approval: AdvertApproval): Promise<void>;
  /** Sends an advert back to its workstream with a comment (Engagement team only); the role stays Ready. */
  sendAdvertBack(advert: AdvertRef, sentBack: AdvertSentBack): Promise<void>;
  /** The role description template, with the organisation's guidance for each field. */
  roleDescription(signal: AbortSignal): Promise<RoleDescriptionForm>;
  /** One role, with what it still needs before Ready, the planning warnings, its next steps and its advert. */
  role(roleId: number, signal: AbortSignal): Promise<TabRole>;
  /** Plans a role as Draft in a workstream from what the lead has so far. */
  planRole(workstreamId: number, description: RoleDescription, key: ChangeKey): Promise<RoleOutcome>;
  /** Saves changes to a Draft or Ready role's description, at the version read. */
  updateRole(role: VersionedRef, changes: RoleDescription, key: ChangeKey): Promise<RoleOutcome>;
  /** Moves a role on, at the version read, saving in the same step the changes to its description not yet saved. */
  moveRole(role: VersionedRef, move: RoleMove, changes: RoleDescription, key: ChangeKey): Promise<RoleOutcome>;
  /** Makes another member of the workstream the role's recruiting lead, at the version read. */
  changeRoleLead(role: VersionedRef, ownerId: string, key: ChangeKey): Promise<RoleOutcome>;
  /** Moves an involvement on, from the stage it is at; the server applies the pathway's rules. */
  changeStage(
    involvement: { readonly id: number; readonly version: number; readonly stage: Stage },
    change: StageChange,
    key: ChangeKey,
  ): Promise<void>;
}

/**
 * The calls that change records or read what only a view loaded on first use shows.
 * They are made only from such views (the partner panel, the Engagement view, the
 * people and checklist views), so their code (`changes.ts`) loads with the first of them rather
 * than with the page.
 */
export const CHANGE_CALLS = [
  'completeTask',
  'reopenTask',
  'bookOneToOne',
  'moveOneToOne',
  'cancelOneToOne',
  'recordHeld',
  'interestGuidance',
  'logInterest',
  'acknowledgement',
  'chatGuide',
  'acknowledgeInterest',
  'correctPartner',
  'changeNamedContact',
  'invitePeerNetwork',
  'recordPeerNetworkAnswer',
  'withdrawPeerNetworkInvitation',
  'setCadence',
  'monitoringForm',
  'submitMonitoring',
  'declineMonitoring',
  'workstreamClaims',
  'involvementClaims',
  'createClaim',
  'editClaim',
  'withdrawClaim',
  'submitClaim',
  'approveClaim',
  'rejectClaim',
  'setPaymentPreferences',
  'financeExport',
  'reviews',
  'renewTerm',
  'reconfirmAgreements',
  'reviewAccessNeeds',
  'setMonitoringTable',
  'duplicates',
  'mergePartners',
  'addMember',
  'removeMember',
  'inductionTemplate',
  'setInductionTemplate',
  'recordNotesConsent',
  'withdrawNotesConsent',
  'erasePartner',
  'approveAdvert',
  'sendAdvertBack',
  'roleDescription',
  'role',
  'planRole',
  'updateRole',
  'moveRole',
  'changeRoleLead',
  'changeStage',
] as const satisfies ReadonlyArray<keyof ApiClient>;

/** The part of {@link ApiClient} that `changes.ts` makes. */
export type ChangeCalls = Pick<ApiClient, (typeof CHANGE_CALLS)[number]>;

/** The rest: what the pages call as they open (and the configuration page's one change, starting a workstream). */
export type PageCalls = Omit<ApiClient, keyof ChangeCalls>;

/** How the calls reach the server: the client's own transport, with its token and its errors. */
export interface Http {
  /** Calls a route of the contract with the ids its path carries and, for a use case, its body; answers what the route answers. */
  call<K extends Exclude<RouteName, FileRoute>>(
    name: K,
    ids: PathIds<K>,
    body: K extends UseCaseRoute ? Body<K> : undefined,
    signal?: AbortSignal,
    query?: QueryOf<K>,
  ): Promise<Answer<K>>;
}
