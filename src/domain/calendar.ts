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

/** Each time zone's formatters, made once (making one is most of the cost of using it), by what they show and the zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string, shows: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${shows} ${timeZone}`;
  let made = formats.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      'en-GB',
      shows === 'date' ? { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    formats.set(key, made);
  }
  return made;
}

/** The calendar date an instant falls on in a time zone. */
export function dateIn(timeZone: string, instant: Date | string): CalendarDate {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
  const parts = formatIn(timeZone, 'date').formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The time of day an instant falls at in a time zone, as the UK writes it: "14:05". */
export function timeIn(timeZone: string, instant: Date): string {
  return formatIn(timeZone, 'time').format(instant);
}

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string, clock: Clock): CalendarDate {
  return dateIn(timeZone, clock.now());
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

/** The calendar date of a day number (see {@link dayNumber}). */
function dateOfDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `weeks` whole weeks after `date`. */
export function plusWeeks(date: CalendarDate, weeks: number): CalendarDate {
  const day = dayNumber(date);
  return day !== undefined && Number.isInteger(weeks) ? dateOfDay(day + weeks * 7) : format(addWeeks(parseISO(date), weeks), 'yyyy-MM-dd');
}

/** The date `days` days after `date` (negative for before). */
export function plusDays(date: CalendarDate, days: number): CalendarDate {
  const day = dayNumber(date);
  return day !== undefined && Number.isInteger(days) ? dateOfDay(day + days) : format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [start, end] = [dayNumber(from), dayNumber(to)];
  if (start !== undefined && end !== undefined) return end - start;
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as people read it in the UK: "Tuesday 31 March 2026". */
export function longDate(date: CalendarDate): string {
  const day = dayNumber(date);
  if (day === undefined) return format(parseISO(date), 'EEEE d MMMM yyyy');
  const at = new Date(day * DAY_MS);
  return `${WEEKDAYS[at.getUTCDay()]} ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${String(at.getUTCFullYear()).padStart(4, '0')}`;
}

/** The date `months` calendar months after `date` (negative for before); the 31st becomes the month's last day. */
export function plusMonths(date: CalendarDate, months: number): CalendarDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}
