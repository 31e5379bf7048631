/*
 * What the web part reads from the Partner Pathway API: the parts of the app's contract
 * (src/contract/api.ts in the repository root) it uses, declared here because the
 * SharePoint Framework build compiles only this folder. The root's test
 * tests/spfx/web-part-contract.test.ts checks that the server's real answers fit them.
 */

/** Where a partner's next one-to-one stands. */
export type DueState = 'overdue' | 'due-soon' | 'on-track' | 'none';

/** A workstream the person can see (`GET /api/workstreams`). */
export interface Workstream {
  readonly id: number;
  readonly title: string;
  /** The Teams channel whose tab shows the workstream; null until the tab is added to one. */
  readonly teamsChannelId: string | null;
}

/** One partner in one role, as `GET /api/workstreams/:workstreamId/dashboard` lists them. */
export interface DashboardRow {
  readonly involvementId: number;
  readonly partnerId: number;
  readonly name: string;
  readonly preferredName: string | null;
  readonly roleTitle: string;
  readonly stage: string;
  /** Null until induction starts. */
  readonly induction: { readonly done: number; readonly total: number; readonly missingRequired: readonly string[] } | null;
  readonly nextOneToOne: { readonly due: string | null; readonly state: DueState; readonly daysUntilDue: number | null };
}

/** A workstream's dashboard, as far as the web part reads it. */
export interface Dashboard {
  readonly workstream: Workstream;
  readonly rows: readonly DashboardRow[];
}

/** The body of every failed call: a stable code and a sentence a person can act on. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}
