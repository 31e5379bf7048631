/*
 * The server's JSON, as the tab reads it: the types of the API contract
 * (`src/contract/api.ts`), which come from the domain, so a field the server changes
 * fails the tab's typecheck. Only the tab's own shapes are written here.
 */
import type {
  DuplicateGroup,
  InductionTask,
  Merge,
  Partner,
  Role,
  SelectionVerdict,
  Stage,
  TabDashboard,
  TabDashboardRow,
  TabPartnerDetail,
  Workstream,
} from '../../contract/api';

export type * from '../../contract/api';

/** Each stage's place in the pathway: a stage added to the domain fails the typecheck here until it has one. */
const STAGE_ORDER: Record<Stage, number> = {
  Interested: 0,
  'Chat booked': 1,
  'Chat held': 2,
  Offered: 3,
  Induction: 4,
  Active: 5,
  Paused: 6,
  Ended: 7,
  'Not progressed': 8,
};

/** The involvement stages, in pathway order. */
export const STAGES: readonly Stage[] = (Object.keys(STAGE_ORDER) as Stage[]).sort((a, b) => STAGE_ORDER[a] - STAGE_ORDER[b]);

/** Whether the Engagement team has been asked to put the advert on the opportunities pages. */
export type AdvertState = Role['advertState'];

/** A partner's place in the Peer Support Network. */
export type PeerNetworkStatus = Partner['peerNetworkStatus'];

/** How a partner prefers to be contacted. */
export type ContactMethod = NonNullable<Partner['preferredContact']>;

/** What an induction item is: a task, an agreement signed on a date, or one linked to a one-to-one or the invitation. */
export type TaskKind = InductionTask['kind'];

/** One partner in one role, as the workstream's table shows it. */
export type DashboardRow = TabDashboardRow;

/** One partner in one role as the panel shows it, with the links to the documents their checklist's items concern. */
export type PartnerDetail = TabPartnerDetail;

/** Everything the workstream tab shows, read in one call. */
export type Dashboard = TabDashboard;

/** A booked one-to-one as a dashboard row shows it; `time` is as staff entered it, or null. */
export type BookedOneToOne = NonNullable<DashboardRow['booked']>;

/** One record among possible duplicates. */
export type DuplicateRecord = DuplicateGroup['partners'][number];

/** What a merge did: the record kept, and how many involvements moved to it. */
export type MergeResult = Merge;

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

/** What the workstream tab shows first, read in one call: who is signed in, their workstreams, and one workstream's dashboard (null when they have none). */
export interface FirstScreenView {
  readonly me: SignedInUser;
  readonly workstreams: Workstream[];
  readonly dashboard: Dashboard | null;
}

/** How each of the role's criteria was judged, by the criterion's words. */
export type Judged = Readonly<Record<string, SelectionVerdict>>;

/** An offer, with how the partner was judged against the role's criteria and why. */
export type Offer = { readonly to: 'Offered'; readonly criteria: Judged; readonly reason: string };

/** "Not this time", with a kind reason and how the partner was judged against the role's criteria. */
export type NotProgressed = { readonly to: 'Not progressed'; readonly reason: string; readonly criteria: Judged };

/** What an informal chat decided. */
export type ChatOutcome = Offer | NotProgressed;

/**
 * A stage change the detail panel asks for, with what that change needs. Pausing,
 * ending and not progressing say whether to cancel the one-to-one booked, when one is.
 */
export type StageChange =
  | { readonly to: 'Chat booked'; readonly at: string; readonly where: string; readonly adjustments?: string }
  | {
      readonly to: 'Chat held';
      readonly notes: string;
      /** The adjustments agreed in the chat, when they change those asked for at booking. */
      readonly adjustments?: string;
      /** What the chat decided, recorded straight after it: the role offered, or not this time with a reason. */
      readonly outcome?: ChatOutcome;
    }
  | Offer
  | { readonly to: 'Induction' | 'Active' }
  | (NotProgressed & { readonly cancelBooked?: boolean })
  | { readonly to: 'Paused'; readonly reason: string; readonly cancelBooked?: boolean }
  | { readonly to: 'Ended'; readonly reason: string; readonly exitConversationOffered: boolean; readonly cancelBooked?: boolean };
