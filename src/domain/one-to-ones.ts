import { daysBetween, plusWeeks, type CalendarDate } from './calendar';
import type { Stage } from './schema/lists';

/** How soon a due one-to-one counts as "due soon", and the default cadence. */
export interface OneToOneSettings {
  readonly defaultCadenceWeeks: number;
  readonly dueSoonDays: number;
}

export const DEFAULT_ONE_TO_ONE_SETTINGS: OneToOneSettings = { defaultCadenceWeeks: 8, dueSoonDays: 14 };

/**
 * Where a partner's next one-to-one stands: `overdue` (the due date has passed),
 * `due-soon` (due today or within the due-soon window), `on-track`, or `none`
 * (the partner is not active, so no one-to-one is due).
 */
export type DueState = 'overdue' | 'due-soon' | 'on-track' | 'none';

export interface NextOneToOne {
  readonly due: CalendarDate | null;
  readonly state: DueState;
  /** Days from today to the due date: 0 is today, negative is overdue by that many days. */
  readonly daysUntilDue: number | null;
}

/**
 * The next one-to-one falls a cadence after the last one held, or after the date
 * the partner became active if none has been held yet. Only active partners have one due.
 */
export function nextOneToOneDue(input: {
  stage: Stage;
  cadenceWeeks: number;
  lastHeld: CalendarDate | null;
  activeDate: CalendarDate | null;
}): CalendarDate | null {
  if (input.stage !== 'Active') return null;
  const from = input.lastHeld ?? input.activeDate;
  return from ? plusWeeks(from, input.cadenceWeeks) : null;
}

/** The state of a due date seen from today. */
export function dueState(due: CalendarDate | null, today: CalendarDate, settings: OneToOneSettings): NextOneToOne {
  if (!due) return { due: null, state: 'none', daysUntilDue: null };
  const daysUntilDue = daysBetween(today, due);
  const state: DueState = daysUntilDue < 0 ? 'overdue' : daysUntilDue <= settings.dueSoonDays ? 'due-soon' : 'on-track';
  return { due, state, daysUntilDue };
}

/** A short phrase for a due state: "Overdue by 3 days", "Due today", "Due in 5 days". */
export function describeDue(next: NextOneToOne): string {
  if (next.daysUntilDue === null) return 'No one-to-one due';
  const days = Math.abs(next.daysUntilDue);
  const unit = days === 1 ? 'day' : 'days';
  if (next.daysUntilDue < 0) return `Overdue by ${days} ${unit}`;
  if (next.daysUntilDue === 0) return 'Due today';
  return `Due in ${days} ${unit}`;
}
