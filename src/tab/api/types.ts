/*
 * The server's JSON, as the tab reads it. The tab runs in the browser and may not
 * import the domain, so these mirror `src/domain/service/views.ts` and the list
 * schema by hand; keep them in step when the server's shapes change.
 */

/** A calendar date, `YYYY-MM-DD`, in the organisation's time zone. */
export type CalendarDate = string;

/** The involvement stages, in pathway order. */
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

/** Where one partner is in one role. */
export type Stage = (typeof STAGES)[number];

/** The role status flow: `Draft -> Ready -> Advertised -> Filled | Closed`. */
export type RoleStatus = 'Draft' | 'Ready' | 'Advertised' | 'Filled' | 'Closed';

/** Whether the Engagement team has been asked to put the advert on the opportunities pages. */
export type AdvertState = 'Not sent' | 'Awaiting approval' | 'Sent back' | 'Approved';

/** A partner's place in the Peer Support Network. */
export type PeerNetworkStatus = 'Not invited' | 'Invited' | 'Joined' | 'Declined';

/** How many involvements are at each stage. */
export type StageCounts = Record<Stage, number>;

/** One workstream, as stored. */
export interface Workstream {
  readonly id: number;
  readonly title: string;
  readonly description: string | null;
  readonly teamsChannelId: string | null;
  readonly version: number;
  readonly key: string;
  readonly created: string;
  readonly modified: string;
}

/** How far an induction has got. */
export interface InductionProgress {
  readonly done: number;
  readonly total: number;
  /** Labels of the required items not done yet. */
  readonly missingRequired: string[];
}

/**
 * Where a partner's next one-to-one stands: `overdue`, `due-soon` (today or within
 * the due-soon window), `on-track`, or `none` (not active, so none is due).
 */
export type DueState = 'overdue' | 'due-soon' | 'on-track' | 'none';

/** The next one-to-one a partner is due. */
export interface NextOneToOne {
  readonly due: CalendarDate | null;
  readonly state: DueState;
  /** Days from today to the due date: 0 is today, negative is overdue by that many days. */
  readonly daysUntilDue: number | null;
}

/** A booked one-to-one; `time` is as staff entered it, or null. */
export interface BookedOneToOne {
  readonly date: CalendarDate;
  readonly time: string | null;
}

/**
 * One partner in one role, as the workstream's table shows it: only what the table
 * shows, filters or opens by (the server leaves out the rest). No contact details.
 */
export interface DashboardRow {
  readonly involvementId: number;
  readonly partnerId: number;
  readonly name: string;
  /** What they like to be called, if they said. */
  readonly preferredName?: string | null;
  readonly roleTitle: string;
  readonly stage: Stage;
  /** Null until induction starts. */
  readonly induction: InductionProgress | null;
  readonly nextOneToOne: NextOneToOne;
  /** The soonest booked one-to-one, if any. */
  readonly booked: BookedOneToOne | null;
  readonly ownerName: string | null;
  readonly peerNetworkStatus: PeerNetworkStatus;
  /** Plain reasons this row needs someone to act; empty when all is well. */
  readonly attention: string[];
}

/** One role of a workstream, with how many people are at each stage in it. */
export interface RoleSummary {
  readonly id: number;
  readonly version: number;
  readonly title: string;
  readonly status: RoleStatus;
  readonly advertState: AdvertState;
  readonly closingDate: CalendarDate | null;
  readonly stageCounts: StageCounts;
}

/** Everything the workstream tab shows, read in one call. */
export interface Dashboard {
  readonly workstream: Workstream;
  readonly today: CalendarDate;
  readonly roles: RoleSummary[];
  readonly rows: DashboardRow[];
  readonly stageCounts: StageCounts;
  readonly needsAttention: number;
}

/** Who the server says is signed in, reduced to what the tab shows. */
export interface SignedInUser {
  /** Their Entra object id (or the local development identity's id). */
  readonly id: string;
  readonly name: string;
  /** True when the server runs with its local development identity rather than Entra sign-in. */
  readonly localDevelopment: boolean;
  /** True for the Engagement team, who see every workstream. */
  readonly engagementTeam: boolean;
  /** The workstreams they are a member of (the Engagement team sees others too). */
  readonly workstreamIds: readonly number[];
}

/** One person's membership of a workstream, or of the Engagement team (`workstreamId` null). */
export interface Member {
  readonly id: number;
  readonly version: number;
  readonly workstreamId: number | null;
  /** Their Entra object id. */
  readonly userId: string;
  readonly userName: string;
}

/** The body of every failed API call. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields?: Record<string, string>;
  };
}

/** How a partner prefers to be contacted. */
export type ContactMethod = 'Email' | 'Phone' | 'Text message' | 'Post' | 'Teams';

/** A partner: the person, their contact details and access needs. Shown only to staff who work with them. */
export interface Partner {
  readonly id: number;
  readonly version: number;
  readonly fullName: string;
  readonly preferredName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly postalAddress: string | null;
  readonly preferredContact: ContactMethod | null;
  readonly accessNeeds: string | null;
  /** Consent to hold their details, given with their interest. */
  readonly consentGiven: boolean;
  readonly consentDate: CalendarDate | null;
  /** Explicit consent to notes about their lived experience (special category data), recorded separately. */
  readonly notesConsent: boolean;
  readonly notesConsentDate: CalendarDate | null;
  /** When their personal data was erased, or null. */
  readonly erasedDate: CalendarDate | null;
  readonly peerNetworkStatus: PeerNetworkStatus;
  readonly peerNetworkDate: CalendarDate | null;
}

/** One partner in one role, as stored; the fields the tab reads. */
export interface Involvement {
  readonly id: number;
  readonly version: number;
  readonly workstreamId: number;
  readonly stage: Stage;
  /** Why they paused, ended or did not progress, as staff wrote it. */
  readonly stageReason: string | null;
  /** The named contact's Entra object id, and their name. */
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  /** When the person's interest was acknowledged, or null while it waits for an answer. */
  readonly acknowledgedDate: CalendarDate | null;
  /** When the informal chat is (an instant, ISO), where, and the adjustments asked for it. */
  readonly chatAt: string | null;
  readonly chatWhere: string | null;
  readonly chatAdjustments: string | null;
  /** Notes from the informal chat; kept only with consent to notes. */
  readonly chatNotes: string | null;
  readonly cadenceWeeks: number;
  readonly lastOneToOneDate: CalendarDate | null;
}

/**
 * What an induction item records. `One-to-one booked` and `Peer Support Network
 * invitation` are one fact with the booking and the invitation: the first follows the
 * bookings and cannot be ticked by hand; ticking the second records the invitation.
 */
export type TaskKind = 'Task' | 'Agreement' | 'One-to-one booked' | 'Peer Support Network invitation';

/** One item of an induction checklist. Agreements carry the date signed. */
export interface InductionTask {
  readonly id: number;
  readonly version: number;
  readonly label: string;
  readonly kind: TaskKind;
  readonly required: boolean;
  readonly order: number;
  readonly done: boolean;
  readonly doneDate: CalendarDate | null;
  readonly doneBy: string | null;
}

/** One one-to-one, booked, held or cancelled. */
export interface OneToOne {
  readonly id: number;
  readonly version: number;
  readonly status: 'Booked' | 'Held' | 'Cancelled';
  readonly date: CalendarDate;
  readonly time: string | null;
  readonly where: string | null;
  readonly heldBy: string | null;
  /** Notes of a one-to-one held; kept only with consent to notes. */
  readonly notes: string | null;
}

/**
 * What can be done next with a partner in a role, as the server decides it (the
 * domain's `partnerActions`): the panel offers these and nothing else, and the server
 * still checks every rule when a step is taken.
 */
export interface PartnerActions {
  /** The stages the involvement may move to from here. */
  readonly nextStages: readonly Stage[];
  readonly acknowledgeInterest: boolean;
  /** Book the informal chat, or move the one booked. */
  readonly bookChat: boolean;
  readonly holdChat: boolean;
  readonly offer: boolean;
  readonly startInduction: boolean;
  /** Tick and untick induction items. */
  readonly changeChecklist: boolean;
  readonly activate: boolean;
  readonly pause: boolean;
  readonly resume: boolean;
  readonly end: boolean;
  readonly notProgress: boolean;
  /** Book a one-to-one: only while none is booked. */
  readonly bookOneToOne: boolean;
  /** Move or cancel the one-to-one booked. */
  readonly changeBookedOneToOne: boolean;
  readonly recordOneToOne: boolean;
  readonly setCadence: boolean;
  readonly invitePeerNetwork: boolean;
  readonly recordPeerNetworkAnswer: boolean;
  /** Correct the partner's details, and record or withdraw consent to notes. */
  readonly editDetails: boolean;
  /** Change who is the partner's named contact. */
  readonly reassign: boolean;
}

/** One partner in one role in full, for the detail panel. */
export interface PartnerDetail {
  readonly involvement: Involvement;
  readonly partner: Partner;
  /** How the partner is named in sentences: their preferred name if they gave one. */
  readonly name: string;
  readonly role: { readonly id: number; readonly title: string };
  readonly checklist: InductionTask[];
  readonly induction: InductionProgress | null;
  /** Newest first. */
  readonly oneToOnes: OneToOne[];
  readonly nextOneToOne: NextOneToOne;
  /** What can be done next: the panel shows only these. */
  readonly actions: PartnerActions;
}

/** One entry of the one-to-one agenda: booked in the diary, or falling due with nothing booked. */
export interface AgendaItem {
  readonly kind: 'booked' | 'due';
  readonly involvementId: number;
  readonly partnerId: number;
  readonly name: string;
  readonly roleTitle: string;
  readonly stage: Stage;
  readonly ownerName: string | null;
  readonly date: CalendarDate;
  readonly time: string | null;
  readonly where: string | null;
  readonly oneToOneId: number | null;
  readonly oneToOneVersion: number | null;
  readonly overdue: boolean;
  readonly daysFromToday: number;
}

/** A workstream's one-to-ones for the coming weeks, overdue first. */
export interface Agenda {
  readonly today: CalendarDate;
  readonly until: CalendarDate;
  readonly items: AgendaItem[];
}

/** A role whose advert waits for the Engagement team's approval. */
export interface AdvertAwaitingApproval {
  readonly roleId: number;
  /** The role's version, which approving or sending back must name. */
  readonly version: number;
  readonly title: string;
  readonly closingDate: CalendarDate | null;
}

/** One workstream, counted, in the Engagement overview. */
export interface WorkstreamOverview {
  readonly id: number;
  readonly title: string;
  readonly stageCounts: StageCounts;
  readonly overdueOneToOnes: number;
  readonly dueSoonOneToOnes: number;
  readonly advertsAwaitingApproval: AdvertAwaitingApproval[];
}

/** One person in the Peer Support Network roster, or never invited. */
export interface PeerNetworkMember {
  readonly partnerId: number;
  /** The partner's version, which inviting them names. */
  readonly version: number;
  readonly name: string;
  readonly status: PeerNetworkStatus;
  readonly date: CalendarDate | null;
  readonly workstreams: string[];
}

/** The Engagement team's view of every workstream and the Peer Support Network. */
export interface EngagementOverview {
  readonly today: CalendarDate;
  readonly workstreams: WorkstreamOverview[];
  readonly peerNetwork: {
    /** Everyone invited, joined or declined; as Not invited, the partners in induction, active or paused never invited. */
    readonly counts: Record<PeerNetworkStatus, number>;
    /** Everyone invited, joined or declined, by name. */
    readonly members: PeerNetworkMember[];
    /** The partners in induction, active or paused never invited, by name. */
    readonly notInvited: PeerNetworkMember[];
  };
}

/** One record among possible duplicates. */
export interface DuplicateRecord {
  readonly partnerId: number;
  readonly version: number;
  readonly name: string;
  /** How many involvements (roles) the record has. */
  readonly involvements: number;
}

/** Records that share an email or phone (`sharing`), for the Engagement team to merge. */
export interface DuplicateGroup {
  readonly sharing: string;
  readonly partners: DuplicateRecord[];
}

/** What a merge did: the record kept, and how many involvements moved to it. */
export interface MergeResult {
  readonly survivor: Partner;
  readonly moved: number;
}

/**
 * A stage change the detail panel asks for, with what that change needs. Pausing,
 * ending and not progressing say whether to cancel the one-to-one booked, when one is.
 */
export type StageChange =
  | { readonly to: 'Chat booked'; readonly at: string; readonly where: string; readonly adjustments?: string }
  | { readonly to: 'Chat held'; readonly notes: string }
  | { readonly to: 'Offered' | 'Induction' | 'Active' }
  | { readonly to: 'Paused' | 'Not progressed'; readonly reason: string; readonly cancelBooked?: boolean }
  | { readonly to: 'Ended'; readonly reason: string; readonly exitConversationOffered: boolean; readonly cancelBooked?: boolean };
