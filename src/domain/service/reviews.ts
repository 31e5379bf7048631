import { z } from 'zod';
import { longDate, type CalendarDate } from '../calendar';
import { RefusedError } from '../errors';
import type { Principal } from '../principal';
import {
  accessReviewDueFrom,
  agreementsDueFrom,
  agreementsOf,
  reviewsDue,
  SERVING_STAGES,
  termEndFrom,
  termReminderFrom,
  yearPassed,
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
    /** When the reminder comes: 8 weeks before the end. */
    readonly reminderDate: CalendarDate | null;
    /** The end date Renew records when no other is given: one more term on; null without a term. */
    readonly renewTo: CalendarDate | null;
  };
  readonly agreements: readonly AgreementReview[];
  readonly access: {
    readonly reviewedDate: CalendarDate | null;
    readonly dueDate: CalendarDate | null;
    /** The next review Reviewed records when no other date is given: 12 months on. */
    readonly nextIfReviewedToday: CalendarDate;
  };
  /** The reviews that have come round, each with what to do. */
  readonly due: readonly ReviewDue[];
  /** The reason an involvement ended at the end of its term records, for staff to keep or change. */
  readonly endReason: string;
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
        reminderDate: involvement.termEndDate && termReminderFrom(involvement.termEndDate),
        renewTo: termEndFrom(involvement.termEndDate ?? today, role.termMonths),
      },
      agreements: agreementsOf(checklist).map((item) => {
        const signedDate = item.done ? item.doneDate : null;
        const dueDate = agreementsDueFrom([signedDate]);
        return { taskId: item.id, label: item.label, signedDate, dueDate, due: signedDate !== null && yearPassed(signedDate, today) };
      }),
      access: {
        reviewedDate: involvement.accessReviewedDate,
        dueDate: involvement.accessReviewDue,
        nextIfReviewedToday: accessReviewDueFrom(today),
      },
      due: serving ? reviewsDue(name, role.title, involvement, today) : [],
      endReason: TERM_ENDED_REASON,
    };
  }

  /**
   * Renews a term of office: the term ends on `termEndDate`, or one more of the role's
   * terms after the present end. Also how staff correct an end date. The reminder for
   * the new date comes 8 weeks before it.
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
   * audited. They come round again a year on.
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
        { agreementsDue: agreementsDueFrom([signed]) },
        `Agreements re-confirmed on ${longDate(signed)}`,
        tasks,
      );
    });
  }

  /** Records that the partner's access needs and adjustments were reviewed today; the next review is `nextReviewDate`, or 12 months on. */
  async reviewAccessNeeds(actor: Principal, input: unknown): Promise<Involvement> {
    const { involvementId, version, key, nextReviewDate } = parseInput(accessReviewInput, input, TITLES);
    return this.repeatable(actor, involvementId, key, async () => {
      const { involvement, name } = await this.serving(actor, involvementId, 'have their access needs reviewed');
      const today = this.ctx.today();
      const next = nextReviewDate ?? accessReviewDueFrom(today);
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
