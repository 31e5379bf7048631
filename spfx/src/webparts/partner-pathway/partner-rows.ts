import type { Dashboard, DashboardRow, DueState, Workstream } from './contract';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Where Teams deep links start. */
const TEAMS_ENTITY = 'https://teams.microsoft.com/l/entity';

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
  /** The partner in the workstream's Teams tab; null without a Teams app id or a channel. */
  readonly teamsLink: string | null;
}

/** A calendar date as the tab shows it, "Tue 31 Mar 2026", from its digits (never the browser's time zone). */
export function shortDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return date;
  return `${WEEKDAYS[at.getUTCDay()]} ${day} ${MONTHS[month - 1]} ${year}`;
}

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

function dueWords(next: DashboardRow['nextOneToOne']): string {
  if (next.state === 'none' || next.daysUntilDue === null) return 'None due';
  if (next.daysUntilDue < 0) return `Overdue by ${days(-next.daysUntilDue)}`;
  if (next.daysUntilDue === 0) return 'Due today';
  return `Due in ${days(next.daysUntilDue)}`;
}

/**
 * The workstream's channel tab opened at one partner (`subEntityId` `partner-<id>`), as the
 * bot's cards link it; null without the Teams app id or before the tab is in a channel.
 */
export function teamsLink(teamsAppId: string, workstream: Workstream, partnerId: number): string | null {
  if (!teamsAppId || !workstream.teamsChannelId) return null;
  const context = { subEntityId: `partner-${partnerId}`, channelId: workstream.teamsChannelId };
  const entity = `${TEAMS_ENTITY}/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(`workstream-${workstream.id}`)}`;
  return `${entity}?context=${encodeURIComponent(JSON.stringify(context))}`;
}

/** The dashboard's partners as the table shows them, in the app's order. */
export function partnerRows(dashboard: Dashboard, teamsAppId: string): PartnerRow[] {
  return dashboard.rows.map((row) => ({
    key: row.involvementId,
    name: row.name,
    roleTitle: row.roleTitle,
    stage: row.stage,
    induction: row.induction ? `${row.induction.done} of ${row.induction.total} done` : 'Not started',
    nextDue: row.nextOneToOne.due && row.nextOneToOne.state !== 'none' ? shortDate(row.nextOneToOne.due) : null,
    dueState: row.nextOneToOne.state,
    dueWords: dueWords(row.nextOneToOne),
    teamsLink: teamsLink(teamsAppId, dashboard.workstream, row.partnerId),
  }));
}
