import { daysBetween, longDate, plusDays, plusMonths, type CalendarDate } from './calendar';
import type { Fields, InductionTask, Stage } from './schema/lists';

/** How long before a term of office ends its reminder comes: 8 weeks. */
export const TERM_REMINDER_DAYS = 56;

/** How long a signed agreement stands before it is re-confirmed: a year. */
export const AGREEMENT_MONTHS = 12;

/** How long after access needs were last recorded or reviewed they are reviewed again, unless staff choose a date. */
export const ACCESS_REVIEW_MONTHS = 12;

/** The stages in which a partner serves a term, keeps agreements and has their access needs reviewed. */
export const SERVING_STAGES: readonly Stage[] = ['Active', 'Paused'];

/**
 * How far back the reminders look for a review left undone: far enough that one
 * missed for months still comes round, near enough that the read by date (the first
 * filter on an indexed column) never counts the years of involvements long ended.
 */
export const REVIEW_LOOKBACK_DAYS = 366;

/** The review dates an involvement keeps. */
export type ReviewDates = Pick<Fields<'involvements'>, 'termEndDate' | 'agreementsDue' | 'accessReviewedDate' | 'accessReviewDue'>;

/** When a term of `termMonths` months begun on `from` ends; null when the role has no fixed term. */
export function termEndFrom(from: CalendarDate, termMonths: number | null): CalendarDate | null {
  return termMonths ? plusMonths(from, termMonths) : null;
}

/** The day the reminder of a term ending on `end` is due: 8 weeks before. */
export function termReminderFrom(end: CalendarDate): CalendarDate {
  return plusDays(end, -TERM_REMINDER_DAYS);
}

/** The agreements of a checklist: the items signed rather than done. */
export function agreementsOf<T extends Pick<InductionTask, 'kind'>>(checklist: readonly T[]): T[] {
  return checklist.filter((item) => item.kind === 'Agreement');
}

/** When agreements signed on `signed` are to be re-confirmed: a year on from the earliest; null when none is signed. */
export function agreementsDueFrom(signed: ReadonlyArray<CalendarDate | null>): CalendarDate | null {
  const dates = signed.filter((date): date is CalendarDate => date !== null).sort();
  return dates.length > 0 ? plusMonths(dates[0], AGREEMENT_MONTHS) : null;
}

/** Whether a year has passed since an agreement was signed on `signed`, on `today`. */
export function yearPassed(signed: CalendarDate, today: CalendarDate): boolean {
  return plusMonths(signed, AGREEMENT_MONTHS) <= today;
}

/** The next access needs review after they were recorded or reviewed on `from`: 12 months on. */
export function accessReviewDueFrom(from: CalendarDate): CalendarDate {
  return plusMonths(from, ACCESS_REVIEW_MONTHS);
}

/**
 * The review dates an involvement takes as the partner becomes Active on `today`: the
 * term from the role's, the agreements from the dates they were signed, and the
 * access needs (recorded before now) to be reviewed 12 months on.
 */
export function reviewDatesAtStart(
  today: CalendarDate,
  termMonths: number | null,
  checklist: ReadonlyArray<Pick<InductionTask, 'kind' | 'done' | 'doneDate'>>,
): ReviewDates {
  return {
    termEndDate: termEndFrom(today, termMonths),
    agreementsDue: agreementsDueFrom(agreementsOf(checklist).map((item) => (item.done ? item.doneDate : null))),
    accessReviewedDate: null,
    accessReviewDue: accessReviewDueFrom(today),
  };
}

/** Which review comes round. */
export type ReviewKind = 'term' | 'agreements' | 'access';

/** One review of an involvement that has come round, or is about to. */
export interface ReviewDue {
  readonly kind: ReviewKind;
  /** The date it is about: when the term ends, when the agreements are due, when the access needs review is due. */
  readonly date: CalendarDate;
  /** What it is, in a few words: "Term of office ends". */
  readonly what: string;
  /** What to do, in a sentence naming the partner. */
  readonly sentence: string;
}

/**
 * The reviews of `dates` that have come round by `by` (the term 8 weeks before it
 * ends), in date order, worded as on `today`: the agenda looks ahead, the reminders
 * only at today.
 */
export function reviewsDue(name: string, role: string, dates: ReviewDates, today: CalendarDate, by: CalendarDate = today): ReviewDue[] {
  const due: ReviewDue[] = [];
  if (dates.termEndDate && termReminderFrom(dates.termEndDate) <= by) {
    const ends = daysBetween(today, dates.termEndDate) < 0 ? 'ended' : 'ends';
    due.push({
      kind: 'term',
      date: dates.termEndDate,
      what: `Term of office ${ends}`,
      sentence: `${name}'s term of office (${role}) ${ends} on ${longDate(dates.termEndDate)}. Talk with them about renewing it for another term or ending it with thanks, then record which.`,
    });
  }
  if (dates.agreementsDue && dates.agreementsDue <= by) {
    due.push({
      kind: 'agreements',
      date: dates.agreementsDue,
      what: 'Agreements to re-confirm',
      sentence: `${dates.agreementsDue <= today ? 'A year has passed' : `On ${longDate(dates.agreementsDue)} a year will have passed`} since ${name} signed their agreements (${role}). Go through the confidentiality and involvement agreements with them again and record the date they re-sign.`,
    });
  }
  if (dates.accessReviewDue && dates.accessReviewDue <= by) {
    due.push({
      kind: 'access',
      date: dates.accessReviewDue,
      what: 'Access needs review',
      sentence: `${name}'s access needs and adjustments (${role}) ${dates.accessReviewDue < today ? 'were' : 'are'} due for review on ${longDate(dates.accessReviewDue)}. Ask them what helps now, update their record, and record the review.`,
    });
  }
  return due.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
