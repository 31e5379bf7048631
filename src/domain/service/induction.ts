import { z } from 'zod';
import { ConflictError, NotFoundError, RefusedError } from '../errors';
import { isLinked, progressChange, storedProgress } from '../induction';
import type { Principal } from '../principal';
import { inductionTasks, LISTS, type Fields, type InductionTask, type Involvement } from '../schema/lists';
import type { Change } from '../store';
import { byId, displayName, idempotencyKey, itemRef, parseInput, titlesOf, UseCaseContext } from './context';
import { peerNetworkItems } from './partners';

/**
 * The involvement the caller read the item with (a card's button carries it), so the item and its checklist are
 * read together; when it is not the item's own, the item's checklist is read after it, as without one.
 */
const involvementHint = itemRef.id.optional();
const completeInput = z
  .object({
    taskId: itemRef.id,
    version: itemRef.version,
    key: idempotencyKey,
    date: inductionTasks.fields.doneDate.unwrap().optional(),
    involvementId: involvementHint,
  })
  .strict();
const reopenInput = z
  .object({ taskId: itemRef.id, version: itemRef.version, key: idempotencyKey, involvementId: involvementHint })
  .strict();

type TaskChange = Pick<Fields<'inductionTasks'>, 'done' | 'doneDate' | 'doneBy'>;

/** An item that may be changed, with its involvement and the whole checklist as read together. */
interface OpenTask {
  readonly task: InductionTask;
  readonly involvement: Involvement;
  readonly checklist: readonly InductionTask[];
}

const TITLES = titlesOf('inductionTasks', {
  taskId: 'Induction item',
  version: 'Version',
  date: 'Date done or signed',
  involvementId: 'Partner in a role',
});

/** Who records the progress of checklists that have none stored, in the audit trail. */
export const PROGRESS_CHECK_ACTOR: Principal = {
  id: 'partner-pathway-progress-check',
  name: 'Induction progress check',
  email: 'progress-check@partner-pathway.invalid',
  tenantId: 'partner-pathway',
};

/** The stages an involvement can have a checklist in: from Induction on (Not progressed can follow Induction). */
const STAGES_WITH_CHECKLIST = ['Induction', 'Active', 'Paused', 'Ended', 'Not progressed'] as const;

/** How many involvements {@link InductionUseCases.recordMissingProgress} writes in one commit. */
const PROGRESS_CHUNK = 25;

/** Ticking and unticking induction checklist items. */
export class InductionUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * Stores the progress of every checklist that has none stored: checklists begun
   * before involvements kept their progress (a database or site from before the
   * upgrade), or by an instance still on the old version during a deployment. Run as
   * the server starts; once nothing is missing it is one query. Writes in commits of
   * {@link PROGRESS_CHUNK} under each involvement's version, audited as
   * {@link PROGRESS_CHECK_ACTOR}; a chunk that meets a change made meanwhile is left
   * for the next start. Returns how many involvements it brought up to date.
   */
  async recordMissingProgress(): Promise<number> {
    const unrecorded = await this.ctx.store.find({
      list: 'involvements',
      where: { stage: [...STAGES_WITH_CHECKLIST], inductionTotal: null },
    });
    // Not progressed before induction began: there is no checklist to count.
    const candidates = unrecorded.filter((involvement) => involvement.inductionStartedDate !== null);
    let recorded = 0;
    for (let start = 0; start < candidates.length; start += PROGRESS_CHUNK) {
      const chunk = candidates.slice(start, start + PROGRESS_CHUNK);
      const tasks = await this.ctx.store.find({
        list: 'inductionTasks',
        where: { involvementId: chunk.map((involvement) => involvement.id) },
      });
      const changes = chunk.map((involvement): Change => {
        const progress = storedProgress(tasks.filter((task) => task.involvementId === involvement.id));
        return {
          op: 'update',
          list: 'involvements',
          id: involvement.id,
          version: involvement.version,
          values: progress,
          summary: 'Induction progress recorded',
        };
      });
      try {
        await this.ctx.store.commit(changes, this.ctx.commitContext(PROGRESS_CHECK_ACTOR));
        recorded += changes.length;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return recorded;
  }

  /**
   * Ticks an item as done, on the date given (an agreement's date signed) or today.
   * Only while the partner is in induction, and never with a date in the future.
   * The involvement's stored progress changes in the same commit.
   */
  async completeTask(actor: Principal, input: unknown): Promise<InductionTask> {
    const { taskId, version, key, date, involvementId } = parseInput(completeInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const open = await this.openTask(actor, taskId, involvementId);
        const today = this.ctx.today();
        if (date && date > today) {
          throw new RefusedError('date-in-future', `"${open.task.label}" cannot be recorded as done on a date that has not come yet.`);
        }
        if (isLinked(open.task.kind)) return this.recordLinkedFact(actor, open, { version, key }, true, date ?? today);
        const summary = open.task.kind === 'Agreement' ? `Signed: ${open.task.label}` : `Done: ${open.task.label}`;
        return this.change(actor, open, { version, key }, { done: true, doneDate: date ?? today, doneBy: actor.name }, summary);
      },
      () => this.ctx.loadOwned(actor, 'inductionTasks', taskId),
    );
  }

  /** Unticks an item ticked by mistake. */
  async reopenTask(actor: Principal, input: unknown): Promise<InductionTask> {
    const { taskId, version, key, involvementId } = parseInput(reopenInput, input, TITLES);
    return this.ctx.repeatable(
      key,
      async () => {
        const open = await this.openTask(actor, taskId, involvementId);
        if (isLinked(open.task.kind)) return this.recordLinkedFact(actor, open, { version, key }, false, this.ctx.today());
        return this.change(actor, open, { version, key }, { done: false, doneDate: null, doneBy: null }, `Not done: ${open.task.label}`);
      },
      () => this.ctx.loadOwned(actor, 'inductionTasks', taskId),
    );
  }

  /**
   * An item that records a fact kept elsewhere is changed through that fact, so the
   * two never disagree: "Peer Support Network invitation sent" records (or takes
   * back) the invitation itself, with every checklist of the partner that has the
   * item; "First one-to-one booked" follows the bookings, and a tick by hand is
   * refused with what to do instead.
   */
  private async recordLinkedFact(
    actor: Principal,
    open: OpenTask,
    { version, key }: { readonly version: number; readonly key: string | undefined },
    done: boolean,
    date: string,
  ): Promise<InductionTask> {
    const { task, involvement } = open;
    if (task.kind === 'One-to-one booked') {
      throw new RefusedError(
        'ticked-by-booking',
        done
          ? `"${task.label}" is ticked when the first one-to-one is booked. Book it under One-to-ones and this item follows.`
          : `"${task.label}" is unticked only by cancelling the booked one-to-one, under One-to-ones.`,
      );
    }
    if (task.version !== version) throw new ConflictError(LISTS.inductionTasks.itemName);
    const partner = await this.ctx.load('partners', involvement.partnerId);
    if (!done && partner.peerNetworkStatus !== 'Invited') {
      throw new RefusedError(
        'invitation-answered',
        `${displayName(partner)} has ${partner.peerNetworkStatus === 'Joined' ? 'joined' : 'declined'} the Peer Support Network, so the invitation cannot be taken back here.`,
      );
    }
    const status = done
      ? { peerNetworkStatus: 'Invited' as const, peerNetworkDate: date }
      : { peerNetworkStatus: 'Not invited' as const, peerNetworkDate: null };
    const unchanged = done && partner.peerNetworkStatus !== 'Not invited';
    await this.ctx.store.commit(
      [
        ...(unchanged
          ? []
          : [
              {
                op: 'update' as const,
                list: 'partners' as const,
                id: partner.id,
                version: partner.version,
                values: status,
                summary: done ? 'Invited to the Peer Support Network' : 'Peer Support Network invitation taken back',
              },
            ]),
        ...(await peerNetworkItems(this.ctx, partner.id, done, { date, by: actor.name })),
      ],
      this.ctx.commitContext(actor, key),
    );
    return this.ctx.load('inductionTasks', task.id);
  }

  /**
   * Writes the item and its involvement's progress together. The involvement is written
   * under the version read with the checklist, so two ticks at once cannot both count
   * from the same checklist: the second is refused as a conflict.
   */
  private async change(
    actor: Principal,
    open: OpenTask,
    { version, key }: { readonly version: number; readonly key: string | undefined },
    values: TaskChange,
    summary: string,
  ): Promise<InductionTask> {
    const { task, involvement, checklist } = open;
    const after = checklist.map((item) => (item.id === task.id ? { ...item, ...values } : item));
    return this.ctx.commitFirst<'inductionTasks'>(
      actor,
      [{ op: 'update', list: 'inductionTasks', id: task.id, version, values, summary }, progressChange(involvement, after)],
      key,
    );
  }

  /** The item with its involvement and checklist: read with the item when the caller named its involvement, else after it. */
  private async openTask(actor: Principal, taskId: number, involvementId: number | undefined): Promise<OpenTask> {
    const withItem = (id: number) => [byId('involvements', id), { list: 'inductionTasks', where: { involvementId: id } }] as const;
    const hinted =
      involvementId === undefined ? undefined : await this.ctx.loadOwnedWith(actor, 'inductionTasks', taskId, withItem(involvementId));
    const task = hinted?.item ?? (await this.ctx.loadOwned(actor, 'inductionTasks', taskId));
    const [[involvement], checklist] =
      hinted && involvementId === task.involvementId ? hinted.answers : await this.ctx.store.findAll(withItem(task.involvementId));
    if (!involvement) throw new NotFoundError(LISTS.involvements.itemName, task.involvementId);
    if (involvement.stage !== 'Induction') {
      throw new RefusedError(
        'induction-closed',
        `The induction checklist can be changed only during induction; this involvement is ${involvement.stage}.`,
      );
    }
    return { task, involvement, checklist };
  }
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const inductionInputs = {
  completeTask: completeInput,
  reopenTask: reopenInput,
} as const;
