import { z } from 'zod';
import { dateIn, longDate, type CalendarDate } from '../calendar';
import { ConflictError, RefusedError } from '../errors';
import type { Principal } from '../principal';
import {
  accessReviewDueFrom,
  agreementDue,
  agreementsDueFrom,
  agreementsOf,
  agreementsSigned,
  missingReviewDates,
  reviewsDue,
  SERVING_STAGES,
  termEndFrom,
  termReminderFrom,
  type ReviewDue,
} from '../reviews';
import { involvements, type Involvement } from '../schema/lists';
import type { Change } from '../store';
import { displayName, idempotencyKey, itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const ref = { involvementId: itemRef.id, version: itemRef.version, key: idempotencyKey };
const calendarDate = involvements.fields.termEndDate.unwrap();

const renewTermInput = z.object({ ...ref, termEndDate: calendarDate.optional() }).strict();
const reconfirmInput = z.object({ ...ref, date: calendarDate.optional() }).strict();
const accessReviewInput = z.object({ ...ref, nextReviewDate: calendarDate.optional() }).strict();

const TITLES = titlesOf('involvements', {
  involvementId: 'Involvement',
  version: 'Version',
  date: 'Date re-signed',
  nextReviewDate: 'Next review',
});

/** One agreement of a partner's checklist and when it comes round again. */
export interface AgreementReview {
  readonly taskId: number;
  readonly label: string;
  /** When it was last signed (or re-signed); null if never. */
  readonly signedDate: CalendarDate | null;
  /** A year on from `signedDate`. */
  readonly dueDate: CalendarDate | null;
  readonly due: boolean;
}

/**
 * The reviews that come round for one partner in one role: their term of office,
 * their agreements and their access needs, with the dates each action would record
 * and what staff need to know. `serving` is false before Active and after the
 * involvement ends, when none of the actions is open.
 */
export interface InvolvementReviews {
  readonly involvementId: number;
  readonly version: number;
  readonly name: string;
  readonly roleTitle: string;
  readonly stage: Involvement['stage'];
  readonly serving: boolean;
  readonly today: CalendarDate;
  readonly term: {
    /** The role's term in months; null when it has none. */
    readonly months: number | null;
    readonly endDate: CalendarDate | null;
    /** When the reminder comes: REVIEW_TERM_REMINDER_WEEKS (8 by default) before the end. */
    readonly reminderDate: CalendarDate | null;
    /** The end date Renew records when no other is given: one more term on; null without a term. */
    readonly renewTo: CalendarDate | null;
  };
  readonly agreements: readonly AgreementReview[];
  readonly access: {
    readonly reviewedDate: CalendarDate | null;
    readonly dueDate: CalendarDate | null;
    /** The next review Reviewed records when no other date is given: REVIEW_ACCESS_NEEDS_MONTHS (12 by default) on. */
    readonly nextIfReviewedToday: CalendarDate;
  };
  /** The reviews that have come round, each with what to do. */
  readonly due: readonly ReviewDue[];
  /** The reason an involvement ended at the end of its term records, for staff to keep or change. */
  readonly endReason: string;
}

/**
 * The fixed identity that fills in the review dates of partners who became Active
 * before they were kept: named in the audit trail as "Reminders run".
 */
export const REVIEW_DATES_ACTOR: Principal = {
  id: 'partner-pathway-reminders',
  name: 'Reminders run',
  email: 'reminders@partner-pathway.invalid',
  tenantId: 'partner-pathway',
};

/** How many involvements one run fills in at most, so a large organisation is filled over several runs. */
export const REVIEW_DATES_BATCH = 50;

/** What one run of {@link ReviewUseCases.fillMissingReviewDates} did. */
export interface ReviewDatesFilled {
  /** Involvements given the dates they lacked. */
  readonly filled: number;
  /** Involvements changed by someone between the read and the write: left for the next run. */
  readonly skipped: number;
  /** Whether involvements were left for the next run because this one reached its batch or was stopped. */
  readonly more: boolean;
}

/** The reason recorded when a term of office ends, unless staff write another. */
export const TERM_ENDED_REASON = 'Their term of office came to an end.';

/** Term of office, agreements re-confirmed yearly and access needs reviewed: reading them and recording each review. */
export class ReviewUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** The reviews of one involvement, as {@link InvolvementReviews} says. */
  async reviews(actor: Principal, involvementId: number): Promise<InvolvementReviews> {
    const { item: involvement, answers } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [
      { list: 'inductionTasks', where: { involvementId } },
    ]);
    const [checklist] = answers;
    const [partner, role] = await Promise.all([
      this.ctx.load('partners', involvement.partnerId),
      this.ctx.load('roles', involvement.roleId),
    ]);
    const today = this.ctx.today();
    const name = displayName(partner);
    const serving = SERVING_STAGES.includes(involvement.stage);
    const settings = this.ctx.reviewSettings;
    return {
      involvementId: involvement.id,
      version: involvement.version,
      name,
      roleTitle: role.title,
      stage: involvement.stage,
      serving,
      today,
      term: {
        months: role.termMonths,
        endDate: involvement.termEndDate,
        reminderDate: involvement.termEndDate && termReminderFrom(involvement.termEndDate, settings),
        renewTo: termEndFrom(involvement.termEndDate ?? today, role.termMonths),
      },
      agreements: agreementsOf(checklist).map((item) => {
        const signedDate = item.done ? item.doneDate : null;
        const dueDate = agreementsDueFrom([signedDate], settings);
        return {
          taskId: item.id,
          label: item.label,
          signedDate,
          dueDate,
          due: signedDate !== null && agreementDue(signedDate, today, settings),
        };
      }),
      access: {
        reviewedDate: involvement.accessReviewedDate,
        dueDate: involvement.accessReviewDue,
        nextIfReviewedToday: accessReviewDueFrom(today, settings),
      },
      due: serving ? reviewsDue(name, role.title, involvement, settings, today) : [],
      endReason: TERM_ENDED_REASON,
    };
  }

  /**
   * Renews a term of office: the term ends on `termEndDate`, or one more of the role's
   * terms after the present end. Also how staff correct an end date. The reminder for
   * the new date comes the settings' weeks before it.
   */
  async renewTerm(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, termEndDate } = parseInput(renewTermInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const { involvement, name } = await this.serving(actor, involvementId, 'have their term of office renewed');
      const role = await this.ctx.load('roles', involvement.roleId);
      const today = this.ctx.today();
      const end = termEndDate ?? termEndFrom(involvement.termEndDate ?? today, role.termMonths);
      if (end === null) {
        throw new RefusedError(
          'no-term',
          `"${role.title}" has no term of office set, so give the date ${name}'s new term ends (or set the role's term first).`,
        );
      }
      if (end <= today) {
        throw new RefusedError('term-end-not-ahead', `The new end of ${name}'s term must be after today: choose a later date.`);
      }
      return this.update(actor, involvement, version, key, { termEndDate: end }, `Term of office renewed: ends ${longDate(end)}`);
    });
  }

  /**
   * Records that the partner re-signed their agreements on `date` (today if not given),
   * as the first signature was: each agreement's date signed and who recorded it,
   * audited. They come round again the settings' months on (a year by default).
   */
  async reconfirmAgreements(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, date } = parseInput(reconfirmInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const { involvement, name } = await this.serving(actor, involvementId, 're-sign their agreements');
      const today = this.ctx.today();
      const signed = date ?? today;
      if (signed > today) {
        throw new RefusedError('date-in-future', `${name}'s agreements cannot be recorded as re-signed on a date that has not come yet.`);
      }
      const agreements = agreementsOf(await this.ctx.store.find({ list: 'inductionTasks', where: { involvementId } }));
      if (agreements.length === 0) {
        throw new RefusedError('no-agreements', `${name}'s induction checklist has no agreements to re-sign.`);
      }
      const tasks = agreements.map((item): Change => ({
        op: 'update',
        list: 'inductionTasks',
        id: item.id,
        version: item.version,
        values: { done: true, doneDate: signed, doneBy: actor.name },
        summary: `Re-signed: ${item.label}`,
      }));
      return this.update(
        actor,
        involvement,
        version,
        key,
        { agreementsDue: agreementsDueFrom([signed], this.ctx.reviewSettings) },
        `Agreements re-confirmed on ${longDate(signed)}`,
        tasks,
      );
    });
  }

  /** Records that the partner's access needs and adjustments were reviewed today; the next review is `nextReviewDate`, or the settings' months on (12 by default). */
  async reviewAccessNeeds(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, nextReviewDate } = parseInput(accessReviewInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const { involvement, name } = await this.serving(actor, involvementId, 'have their access needs reviewed');
      const today = this.ctx.today();
      const next = nextReviewDate ?? accessReviewDueFrom(today, this.ctx.reviewSettings);
      if (next <= today) {
        throw new RefusedError('review-not-ahead', `The next review of ${name}'s access needs must be after today: choose a later date.`);
      }
      return this.update(
        actor,
        involvement,
        version,
        key,
        { accessReviewedDate: today, accessReviewDue: next },
        `Access needs reviewed; next review ${longDate(next)}`,
      );
    });
  }

  /**
   * Gives the partners who became Active (or Paused) before review dates were kept the
   * dates they lack, as {@link missingReviewDates} says: from the day they became Active
   * (failing that, their latest change of stage), the role's term and the dates their
   * agreements were signed. A date already set is never replaced, and each write is at
   * the version read, so a date a person sets meanwhile wins (the involvement is left
   * for the next run). Each involvement is one audited change by {@link REVIEW_DATES_ACTOR}
   * naming where each date came from, free of personal data. At most `limit` a run;
   * `stopping` is asked before each write. Running it again fills nothing already filled.
   */
  async fillMissingReviewDates(options: { readonly limit?: number; readonly stopping?: () => boolean } = {}): Promise<ReviewDatesFilled> {
    const limit = options.limit ?? REVIEW_DATES_BATCH;
    const serving = [...SERVING_STAGES];
    // Led by the stage (indexed); past 5,000 the store reads it in ranges of ids.
    const found = await this.ctx.store.findAll([
      { list: 'involvements', where: { stage: serving, termEndDate: null } },
      { list: 'involvements', where: { stage: serving, agreementsDue: null } },
      { list: 'involvements', where: { stage: serving, accessReviewDue: null } },
    ]);
    const lacking = [...new Map(found.flat().map((item) => [item.id, item])).values()].sort((a, b) => a.id - b.id);
    if (lacking.length === 0) return { filled: 0, skipped: 0, more: false };
    const [roles, checklists] = await this.ctx.store.findAll([
      { list: 'roles', where: { id: [...new Set(lacking.map((item) => item.roleId))] } },
      { list: 'inductionTasks', where: { involvementId: lacking.filter((item) => item.agreementsDue === null).map((item) => item.id) } },
    ]);
    const termMonths = new Map(roles.map((role) => [role.id, role.termMonths]));
    const today = this.ctx.today();
    const fills = lacking.flatMap((involvement) => {
      const { values, summary } = missingReviewDates(
        involvement,
        {
          activeFrom: involvement.activeDate ?? dateIn(this.ctx.settings.timeZone, involvement.stageChangedAt),
          activeFromRecorded: involvement.activeDate !== null,
          termMonths: termMonths.get(involvement.roleId) ?? null,
          agreementsSigned: agreementsSigned(checklists.filter((task) => task.involvementId === involvement.id)),
        },
        this.ctx.reviewSettings,
        today,
      );
      return Object.keys(values).length > 0 ? [{ involvement, values, summary }] : [];
    });
    let filled = 0;
    let skipped = 0;
    for (const { involvement, values, summary } of fills.slice(0, limit)) {
      if (options.stopping?.()) break;
      try {
        await this.ctx.commitFirst(REVIEW_DATES_ACTOR, [
          { op: 'update', list: 'involvements', id: involvement.id, version: involvement.version, values, summary },
        ]);
        filled += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped += 1;
      }
    }
    return { filled, skipped, more: filled + skipped < fills.length };
  }

  private repeatable(actor: Principal, involvementId: number, key: string | undefined, attempt: () => Promise<Involvement>) {
    return this.ctx.repeatable(key, attempt, () => this.ctx.loadOwned(actor, 'involvements', involvementId));
  }

  /** The involvement and how its partner is named, refused unless they are Active or Paused. */
  private async serving(actor: Principal, involvementId: number, what: string) {
    const involvement = await this.ctx.loadOwned(actor, 'involvements', involvementId);
    const partner = await this.ctx.load('partners', involvement.partnerId);
    const name = displayName(partner);
    if (!SERVING_STAGES.includes(involvement.stage)) {
      throw new RefusedError(
        'not-serving',
        `${name} cannot ${what} while at ${involvement.stage}: reviews come round only for partners who are Active or Paused.`,
      );
    }
    return { involvement, name };
  }

  private update(
    actor: Principal,
    involvement: Involvement,
    version: number,
    key: string | undefined,
    values: Partial<Involvement>,
    summary: string,
    extra: Change[] = [],
  ): Promise<Involvement> {
    return this.ctx.commitFirst<'involvements'>(
      actor,
      [{ op: 'update', list: 'involvements', id: involvement.id, version, values, summary }, ...extra],
      key,
    );
  }
}

/** What each use case above takes, as the schema that checks it. */
export const reviewInputs = {
  renewTerm: renewTermInput,
  reconfirmAgreements: reconfirmInput,
  reviewAccessNeeds: accessReviewInput,
} as const;
