import { z } from 'zod';
import { longDate } from '../calendar';
import { ConflictError, NotFoundError, RefusedError } from '../errors';
import { linkedItemChanges } from '../induction';
import { nextOneToOneDue } from '../one-to-ones';
import { checkNotesConsent } from '../personal-data';
import type { Principal } from '../principal';
import { LISTS, oneToOnes, type InductionTask, type Involvement, type OneToOne, type Stage } from '../schema/lists';
import type { Change } from '../store';
import { displayName, idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const bookInput = z
  .object({
    involvementId: itemRef.id,
    key: idempotencyKey,
    date: oneToOnes.fields.date,
    time: oneToOnes.fields.time.unwrap().regex(TIME, { error: 'Time must be like 14:30.' }).optional(),
    where: oneToOnes.fields.where.optional(),
  })
  .strict();

const recordInput = z
  .object({
    involvementId: itemRef.id,
    /** The version of the involvement the person read: a record changed since is refused. */
    involvementVersion: itemRef.version.optional(),
    key: idempotencyKey,
    /** The booked one-to-one now held, if there was one. */
    oneToOneId: itemRef.id.optional(),
    oneToOneVersion: itemRef.version.optional(),
    date: oneToOnes.fields.date,
    notes: oneToOnes.fields.notes.optional(),
  })
  .strict()
  .refine((input) => (input.oneToOneId === undefined) === (input.oneToOneVersion === undefined), {
    error: 'A booked one-to-one needs both its id and its version.',
    path: ['oneToOneVersion'],
  });

const cancelInput = z.object({ oneToOneId: itemRef.id, version: itemRef.version, key: idempotencyKey }).strict();

const moveInput = z
  .object({
    oneToOneId: itemRef.id,
    version: itemRef.version,
    key: idempotencyKey,
    date: oneToOnes.fields.date,
    time: bookInput.shape.time,
    where: bookInput.shape.where,
  })
  .strict();

const TITLES = titlesOf('oneToOnes', {
  involvementId: 'Involvement',
  involvementVersion: 'Version',
  oneToOneId: 'One-to-one',
  oneToOneVersion: 'One-to-one version',
  version: 'Version',
});

/** One-to-ones happen during induction (the first is booked then) and while a partner is active or paused. */
const SUPPORTED: readonly Stage[] = ['Induction', 'Active', 'Paused'];

/** Booking and recording the regular one-to-ones. */
export class OneToOneUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * Books a one-to-one on a date (and optionally a time and place). One at a time:
   * while one is booked, it is moved or cancelled rather than another booked. During
   * induction, booking ticks "First one-to-one booked" in the same commit.
   */
  async book(actor: Principal, input: unknown): Promise<OneToOne> {
    const parsed = parseInput(bookInput, input, TITLES);
    const { involvement, checklist, oneToOnes: existing } = await this.supported(actor, parsed.involvementId);
    if (parsed.date < this.ctx.today()) {
      throw new RefusedError(
        'date-in-past',
        'A one-to-one cannot be booked for a date that has passed. To log one that happened, record it as held.',
      );
    }
    const booked = existing.find((item) => item.status === 'Booked');
    if (booked) {
      const partner = await this.ctx.load('partners', involvement.partnerId);
      throw new RefusedError(
        'one-to-one-already-booked',
        `${displayName(partner)} already has a one-to-one booked for ${longDate(booked.date)}. Move or cancel that one rather than booking another.`,
        { oneToOneId: booked.id },
      );
    }
    return this.ctx.commitFirst<'oneToOnes'>(actor, [
      {
        op: 'create',
        list: 'oneToOnes',
        key: parsed.key ?? newKey(),
        summary: 'One-to-one booked',
        values: {
          involvementId: involvement.id,
          workstreamId: involvement.workstreamId,
          status: 'Booked',
          date: parsed.date,
          time: parsed.time ?? null,
          where: parsed.where ?? null,
          heldBy: null,
          notes: null,
        },
      },
      ...this.firstOneToOneItem(involvement, checklist, true, actor),
    ]);
  }

  /** Moves a booked one-to-one to another date (and time and place). */
  async move(actor: Principal, input: unknown): Promise<OneToOne> {
    const { oneToOneId, version, key, date, time, where } = parseInput(moveInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const booked = await this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId);
        if (booked.status !== 'Booked') {
          throw new RefusedError(
            'not-booked',
            `This one-to-one is ${booked.status.toLowerCase()}, so it cannot be moved. Book a new one instead.`,
          );
        }
        if (date < this.ctx.today()) {
          throw new RefusedError('date-in-past', 'A one-to-one cannot be moved to a date that has passed.');
        }
        return this.ctx.commitFirst<'oneToOnes'>(
          actor,
          [
            {
              op: 'update',
              list: 'oneToOnes',
              id: oneToOneId,
              version,
              values: { date, time: time ?? null, where: where ?? null },
              summary: 'One-to-one moved',
            },
          ],
          key,
        );
      },
      () => this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId),
    );
  }

  /**
   * During induction, the changes that make "First one-to-one booked" say whether a
   * one-to-one is booked or held, with the involvement's stored progress.
   */
  private firstOneToOneItem(involvement: Involvement, checklist: readonly InductionTask[], booked: boolean, actor: Principal): Change[] {
    if (involvement.stage !== 'Induction') return [];
    return linkedItemChanges(involvement, checklist, 'One-to-one booked', booked, { date: this.ctx.today(), by: actor.name });
  }

  /**
   * Records a one-to-one as held (a booked one, or one logged afterwards). The
   * partner's next one-to-one then falls due a cadence after it. Notes need the
   * partner's consent to notes about their experience.
   */
  async recordHeld(actor: Principal, input: unknown): Promise<{ oneToOne: OneToOne; involvement: Involvement }> {
    const parsed = parseInput(recordInput, input, TITLES);
    return this.ctx.repeatable(
      parsed.key,
      () => this.recordHeldNow(actor, parsed),
      async (done) => {
        const held = done.find((entry) => entry.list === 'oneToOnes');
        if (!held) throw new NotFoundError(LISTS.oneToOnes.itemName, parsed.oneToOneId ?? 0);
        return {
          oneToOne: await this.ctx.loadOwned(actor, 'oneToOnes', held.itemId),
          involvement: await this.ctx.loadOwned(actor, 'involvements', parsed.involvementId),
        };
      },
    );
  }

  private async recordHeldNow(
    actor: Principal,
    parsed: z.infer<typeof recordInput>,
  ): Promise<{ oneToOne: OneToOne; involvement: Involvement }> {
    const { involvement, checklist } = await this.supported(actor, parsed.involvementId);
    if (parsed.involvementVersion !== undefined && parsed.involvementVersion !== involvement.version)
      throw new ConflictError(LISTS.involvements.itemName);
    if (parsed.date > this.ctx.today()) {
      throw new RefusedError('date-in-future', 'A one-to-one can be recorded as held only on or after the day it happened.');
    }
    if (parsed.notes?.trim()) {
      const partner = await this.ctx.load('partners', involvement.partnerId);
      checkNotesConsent(partner, displayName(partner), parsed.notes);
    }
    const held = { status: 'Held' as const, date: parsed.date, heldBy: actor.name, notes: parsed.notes ?? null };
    const write: Change =
      parsed.oneToOneId !== undefined && parsed.oneToOneVersion !== undefined
        ? {
            op: 'update',
            list: 'oneToOnes',
            id: (await this.bookedFor(actor, parsed.oneToOneId, involvement)).id,
            version: parsed.oneToOneVersion,
            values: held,
            summary: 'One-to-one held',
          }
        : {
            op: 'create',
            list: 'oneToOnes',
            key: parsed.key ?? newKey(),
            summary: 'One-to-one held',
            values: { involvementId: involvement.id, workstreamId: involvement.workstreamId, time: null, where: null, ...held },
          };
    const lastHeld =
      involvement.lastOneToOneDate && involvement.lastOneToOneDate > parsed.date ? involvement.lastOneToOneDate : parsed.date;
    // A one-to-one held during induction ticks "First one-to-one booked" too; its progress is written with the schedule, as one change of the involvement.
    const ticked = this.firstOneToOneItem(involvement, checklist, true, actor);
    const progress = ticked.find((change) => change.list === 'involvements');
    const [oneToOne, updated] = await this.ctx.store.commit(
      [
        write,
        {
          op: 'update',
          list: 'involvements',
          id: involvement.id,
          version: involvement.version,
          summary: 'Next one-to-one rescheduled',
          values: {
            ...(progress?.op === 'update' ? progress.values : {}),
            lastOneToOneDate: lastHeld,
            nextOneToOneDue: nextOneToOneDue({
              stage: involvement.stage,
              cadenceWeeks: involvement.cadenceWeeks,
              lastHeld,
              activeDate: involvement.activeDate,
            }),
          },
        },
        ...ticked.filter((change) => change.list !== 'involvements'),
      ],
      this.ctx.commitContext(actor, parsed.key),
    );
    return { oneToOne: oneToOne as OneToOne, involvement: updated as Involvement };
  }

  /**
   * Cancels a booked one-to-one. During induction, when no other one-to-one is booked
   * or held, "First one-to-one booked" is unticked in the same commit.
   */
  async cancel(actor: Principal, input: unknown): Promise<OneToOne> {
    const { oneToOneId, version, key } = parseInput(cancelInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const booked = await this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId);
        if (booked.status !== 'Booked') {
          throw new RefusedError('not-booked', `This one-to-one is ${booked.status.toLowerCase()}, so it cannot be cancelled.`);
        }
        const { involvement, checklist, oneToOnes: all } = await this.supported(actor, booked.involvementId);
        const stillHas = all.some((item) => item.id !== booked.id && item.status !== 'Cancelled');
        return this.ctx.commitFirst<'oneToOnes'>(
          actor,
          [
            { op: 'update', list: 'oneToOnes', id: oneToOneId, version, values: { status: 'Cancelled' }, summary: 'One-to-one cancelled' },
            ...(stillHas ? [] : this.firstOneToOneItem(involvement, checklist, false, actor)),
          ],
          key,
        );
      },
      () => this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId),
    );
  }

  /** An involvement at a stage that has one-to-ones, with its checklist and one-to-ones read in the same round trip. */
  private async supported(
    actor: Principal,
    involvementId: number,
  ): Promise<{ involvement: Involvement; checklist: InductionTask[]; oneToOnes: OneToOne[] }> {
    const {
      item: involvement,
      answers: [checklist, oneToOnes],
    } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [
      { list: 'inductionTasks', where: { involvementId } },
      { list: 'oneToOnes', where: { involvementId } },
    ] as const);
    if (!SUPPORTED.includes(involvement.stage)) {
      throw new RefusedError('one-to-ones-not-started', `One-to-ones start with induction; this involvement is ${involvement.stage}.`);
    }
    return { involvement, checklist, oneToOnes };
  }

  private async bookedFor(actor: Principal, oneToOneId: number, involvement: Involvement): Promise<OneToOne> {
    const booked = await this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId);
    if (booked.involvementId !== involvement.id) {
      throw new RefusedError('wrong-involvement', 'That one-to-one belongs to another partner. Reload and try again.');
    }
    if (booked.status !== 'Booked') {
      throw new RefusedError('not-booked', `That one-to-one is already ${booked.status.toLowerCase()}.`);
    }
    return booked;
  }
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const oneToOneInputs = {
  book: bookInput,
  move: moveInput,
  recordHeld: recordInput,
  cancel: cancelInput,
} as const;
