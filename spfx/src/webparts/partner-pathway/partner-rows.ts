import { describeDue, inductionProgress, shortDate } from '../../app-shared/words';
import { workstreamTabLink } from '../../app-shared/teams-links';
import type { Dashboard, DueState } from './contract';

/** One partner as the web part's table shows them. */
export interface PartnerRow {
  readonly key: number;
  readonly name: string;
  readonly roleTitle: string;
  readonly stage: string;
  /** "7 of 12 done", or "Not started". */
  readonly induction: string;
  /** "Tue 31 Mar 2026", or null when none is due. */
  readonly nextDue: string | null;
  readonly dueState: DueState;
  /** "Overdue by 3 days", "Due today", "Due in 5 days", "None due". */
  readonly dueWords: string;
  /** The partner in the workstream's Teams tab, as the bot's cards link them; null without a Teams app id or a channel. */
  readonly teamsLink: string | null;
}

/** The dashboard's partners as the table shows them, in the app's order. */
export function partnerRows(dashboard: Dashboard, teamsAppId: string): PartnerRow[] {
  return dashboard.rows.map((row) => ({
    key: row.involvementId,
    name: row.name,
    roleTitle: row.roleTitle,
    stage: row.stage,
    induction: inductionProgress(row.induction),
    nextDue: row.nextOneToOne.due && row.nextOneToOne.state !== 'none' ? shortDate(row.nextOneToOne.due) : null,
    dueState: row.nextOneToOne.state,
    dueWords: describeDue(row.nextOneToOne),
    teamsLink: workstreamTabLink(teamsAppId, dashboard.workstream, row.partnerId),
  }));
}
