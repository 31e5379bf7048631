import { daysBetween, longDate, plusDays, plusMonths, plusWeeks, type CalendarDate } from './calendar';
import type { Fields, InductionTask, Stage } from './schema/lists';

/** How the reviews come round: each organisation sets its own. */
export interface ReviewSettings {
  /** How many weeks before a term of office ends its reminder comes. */
  readonly termReminderWeeks: number;
  /** How many months a signed agreement stands before it is re-confirmed. */
  readonly agreementMonths: number;
  /** How many months after access needs were last recorded or reviewed they are reviewed again, unless staff choose a date. */
  readonly accessReviewMonths: number;
}

/** 8 weeks before a term ends, agreements re-confirmed yearly, access needs reviewed every 12 months. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { termReminderWeeks: 8, agreementMonths: 12, accessReviewMonths: 12 };

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

/** The day the reminder of a term ending on `end` is due: the settings' weeks before. */
export function termReminderFrom(end: CalendarDate, settings: ReviewSettings): CalendarDate {
  return plusWeeks(end, -settings.termReminderWeeks);
}

/** The last day a term may end for its reminder to have come by `by`. */
export function termsRemindedBy(by: CalendarDate, settings: ReviewSettings): CalendarDate {
  return plusWeeks(by, settings.termReminderWeeks);
}

/** The agreements of a checklist: the items signed rather than done. */
export function agreementsOf<T extends Pick<InductionTask, 'kind'>>(checklist: readonly T[]): T[] {
  return checklist.filter((item) => item.kind === 'Agreement');
}

/** When agreements signed on `signed` are to be re-confirmed: the settings' months on from the earliest; null when none is signed. */
export function agreementsDueFrom(signed: ReadonlyArray<CalendarDate | null>, settings: ReviewSettings): CalendarDate | null {
  const dates = signed.filter((date): date is CalendarDate => date !== null).sort();
  return dates.length > 0 ? plusMonths(dates[0], settings.agreementMonths) : null;
}

/** Whether an agreement signed on `signed` has stood its time (a year by default) on `today`. */
export function agreementDue(signed: CalendarDate, today: CalendarDate, settings: ReviewSettings): boolean {
  return plusMonths(signed, settings.agreementMonths) <= today;
}

/** The next access needs review after they were recorded or reviewed on `from`: the settings' months on (12 by default). */
export function accessReviewDueFrom(from: CalendarDate, settings: ReviewSettings): CalendarDate {
  return plusMonths(from, settings.accessReviewMonths);
}

/** A number of months in words: "a year", "2 years", "18 months". */
export function monthsInWords(months: number): string {
  if (months === 12) return 'a year';
  if (months % 12 === 0) return `${months / 12} years`;
  return months === 1 ? 'a month' : `${months} months`;
}

/** When each agreement of a checklist was signed; null for one not signed. */
export function agreementsSigned(checklist: ReadonlyArray<Pick<InductionTask, 'kind' | 'done' | 'doneDate'>>): Array<CalendarDate | null> {
  return agreementsOf(checklist).map((item) => (item.done ? item.doneDate : null));
}

/**
 * The review dates an involvement takes as the partner becomes Active on `today`: the
 * term from the role's, the agreements from the dates they were signed, and the
 * access needs (recorded before now) to be reviewed the settings' months on.
 */
export function reviewDatesAtStart(
  today: CalendarDate,
  termMonths: number | null,
  checklist: ReadonlyArray<Pick<InductionTask, 'kind' | 'done' | 'doneDate'>>,
  settings: ReviewSettings,
): ReviewDates {
  return {
    termEndDate: termEndFrom(today, termMonths),
    agreementsDue: agreementsDueFrom(agreementsSigned(checklist), settings),
    accessReviewedDate: null,
    accessReviewDue: accessReviewDueFrom(today, settings),
  };
}

/** What is known of a partner who became Active before review dates were kept. */
export interface ReviewEvidence {
  /** The day they became Active ("Active from"), or failing that the latest day they can have. */
  readonly activeFrom: CalendarDate;
  /** Whether `activeFrom` is the day recorded as they became Active, rather than their latest change of stage. */
  readonly activeFromRecorded: boolean;
  /** The role's term in months; null when it has none. */
  readonly termMonths: number | null;
  /** When each agreement on their checklist was signed; null for one not signed. */
  readonly agreementsSigned: ReadonlyArray<CalendarDate | null>;
}

/** The review dates filled in on an involvement that lacked them, and where they came from. */
export interface FilledReviewDates {
  readonly values: Partial<ReviewDates>;
  /** For the audit trail, free of personal data: the evidence used and which dates were brought forward to today. */
  readonly summary: string;
}

const REVIEW_NAMES = { termEndDate: 'term', agreementsDue: 'agreements', accessReviewDue: 'access needs' } as const;

/**
 * The review dates an involvement that became Active before they were kept would have
 * taken then ({@link reviewDatesAtStart} on its `activeFrom`), for the dates it lacks
 * only: a date already there (set by a person, or at Active) is never replaced. A
 * date further back than the reminders look ({@link REVIEW_LOOKBACK_DAYS}) is set to
 * `today` instead, so that review comes round now rather than never. A role with no
 * term, or a checklist with no agreement signed, gives no date, as at Active; with
 * nothing to fill, `values` is empty.
 */
export function missingReviewDates(
  dates: ReviewDates,
  evidence: ReviewEvidence,
  settings: ReviewSettings,
  today: CalendarDate,
): FilledReviewDates {
  const since = plusDays(today, -REVIEW_LOOKBACK_DAYS);
  const firstSigned = evidence.agreementsSigned.filter((date): date is CalendarDate => date !== null).sort()[0] ?? null;
  const evidenceFor = {
    termEndDate: termEndFrom(evidence.activeFrom, evidence.termMonths),
    agreementsDue: agreementsDueFrom(evidence.agreementsSigned, settings),
    accessReviewDue: accessReviewDueFrom(dates.accessReviewedDate ?? evidence.activeFrom, settings),
  };
  const values: Partial<ReviewDates> = {};
  const overdue: string[] = [];
  for (const field of ['termEndDate', 'agreementsDue', 'accessReviewDue'] as const) {
    const date = evidenceFor[field];
    if (dates[field] !== null || date === null) continue;
    values[field] = date < since ? today : date;
    if (date < since) overdue.push(REVIEW_NAMES[field]);
  }
  const sources = [
    `${evidence.activeFromRecorded ? 'Active from' : 'last change of stage on'} ${longDate(evidence.activeFrom)}`,
    ...(values.termEndDate ? [`the role's term of ${evidence.termMonths} months`] : []),
    ...(values.agreementsDue && firstSigned ? [`agreements first signed ${longDate(firstSigned)}`] : []),
  ];
  return {
    values,
    summary: `Review dates filled in from ${sources.join(', ')}${overdue.length > 0 ? `; ${overdue.join(', ')} over a year overdue, so due today` : ''}`,
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
 * The reviews of `dates` that have come round by `by` (the term the settings' weeks
 * before it ends), in date order, worded as on `today`: the agenda looks ahead, the
 * reminders only at today.
 */
export function reviewsDue(
  name: string,
  role: string,
  dates: ReviewDates,
  settings: ReviewSettings,
  today: CalendarDate,
  by: CalendarDate = today,
): ReviewDue[] {
  const due: ReviewDue[] = [];
  if (dates.termEndDate && termReminderFrom(dates.termEndDate, settings) <= by) {
    const ends = daysBetween(today, dates.termEndDate) < 0 ? 'ended' : 'ends';
    due.push({
      kind: 'term',
      date: dates.termEndDate,
      what: `Term of office ${ends}`,
      sentence: `${name}'s term of office (${role}) ${ends} on ${longDate(dates.termEndDate)}. Talk with them about renewing it for another term or ending it with thanks, then record which.`,
    });
  }
  if (dates.agreementsDue && dates.agreementsDue <= by) {
    const period = monthsInWords(settings.agreementMonths);
    due.push({
      kind: 'agreements',
      date: dates.agreementsDue,
      what: 'Agreements to re-confirm',
      sentence: `${dates.agreementsDue <= today ? `${capitalised(period)} ${period.startsWith('a ') ? 'has' : 'have'} passed` : `On ${longDate(dates.agreementsDue)} ${period} will have passed`} since ${name} signed their agreements (${role}). Go through the confidentiality and involvement agreements with them again and record the date they re-sign.`,
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

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
