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

/** One partner in one role, as the workstream's table shows it. No contact details. */
export interface DashboardRow {
  readonly involvementId: number;
  readonly version: number;
  readonly partnerId: number;
  readonly name: string;
  readonly roleId: number;
  readonly roleTitle: string;
  readonly stage: Stage;
  readonly stageChangedAt: string;
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
  readonly name: string;
  /** True when the server runs with its local development identity rather than Entra sign-in. */
  readonly localDevelopment: boolean;
}

/** The body of every failed API call. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly fields?: Record<string, string>;
  };
}
