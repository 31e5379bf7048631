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

/** Each time zone's formatter of calendar dates, made once (making one is most of the cost of using it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let made = dateFormats.get(timeZone);
  if (!made) {
    made = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, made);
  }
  return made;
}

/** The calendar date an instant falls on in a time zone. */
export function dateIn(timeZone: string, instant: Date | string): CalendarDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
  const parts = dateFormatIn(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
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

const DAY_MS = 24 * 60 * 60 * 1000;

/** A `YYYY-MM-DD` date that is on the calendar, as whole days since 1 January 1970; undefined for anything else. */
function dayNumber(date: CalendarDate): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month, day);
  return at.getUTCFullYear() === year && at.getUTCMonth() === month && at.getUTCDate() === day ? at.getTime() / DAY_MS : undefined;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  if (start !== undefined && end !== undefined) return end - start;
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
