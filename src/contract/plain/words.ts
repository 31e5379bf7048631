/*
 * How the app's two browser clients, the Teams tab and the SharePoint web part, put the
 * API's answers into words, so a partner's row reads the same in Teams and on a SharePoint
 * page. Like everything in src/contract/plain, the web part's build compiles a copy of it
 * (spfx/config/heft.json), without the app's packages: it imports nothing.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar date as UK readers expect it in a table: "Tue 31 Mar 2026". Worked out
 * from the digits, not the browser's clock or locale, so a due date never shifts a day
 * for someone in another time zone. Anything not `YYYY-MM-DD` is returned unchanged.
 */
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

/** Where the next one-to-one stands, in words: "Overdue by 3 days", "Due today", "Due in 5 days", "None due". */
export function describeDue(next: { readonly state: string; readonly daysUntilDue: number | null }): string {
  if (next.state === 'none' || next.daysUntilDue === null) return 'None due';
  if (next.daysUntilDue < 0) return `Overdue by ${days(-next.daysUntilDue)}`;
  if (next.daysUntilDue === 0) return 'Due today';
  return `Due in ${days(next.daysUntilDue)}`;
}

/** How much of an induction is done: "7 of 12 done", or "Not started" before its checklist exists. */
export function inductionProgress(induction: { readonly done: number; readonly total: number } | null): string {
  return induction ? `${induction.done} of ${induction.total} done` : 'Not started';
}
