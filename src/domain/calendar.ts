import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * A calendar date, `YYYY-MM-DD`, in the organisation's time zone. Due dates are
 * calendar dates, not instants, so "due today" does not move when the clocks change.
 */
export type CalendarDate = string;

/** Where "now" comes from; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar date an instant falls on in a time zone. */
export function dateIn(timeZone: string, instant: Date | string): CalendarDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
}

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string, clock: Clock): CalendarDate {
  return dateIn(timeZone, clock.now());
}

/** The date `weeks` whole weeks after `date`. */
export function plusWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return format(addWeeks(parseISO(date), weeks), 'yyyy-MM-dd');
}

/** The date `days` days after `date` (negative for before). */
export function plusDays(date: CalendarDate, days: number): CalendarDate {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** A date as people read it in the UK: "Tuesday 31 March 2026". */
export function longDate(date: CalendarDate): string {
  return format(parseISO(date), 'EEEE d MMMM yyyy');
}

/** The date `months` calendar months after `date` (negative for before); the 31st becomes the month's last day. */
export function plusMonths(date: CalendarDate, months: number): CalendarDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}
