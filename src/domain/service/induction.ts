import { z } from 'zod';
import { RefusedError } from '../errors';
import type { Principal } from '../principal';
import { inductionTasks, type InductionTask } from '../schema/lists';
import { itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const completeInput = z
  .object({ taskId: itemRef.id, version: itemRef.version, date: inductionTasks.fields.doneDate.unwrap().optional() })
  .strict();
const reopenInput = z.object({ taskId: itemRef.id, version: itemRef.version }).strict();

const TITLES = titlesOf('inductionTasks', { taskId: 'Induction item', version: 'Version', date: 'Date done or signed' });

/** Ticking and unticking induction checklist items. */
export class InductionUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * Ticks an item as done, on the date given (an agreement's date signed) or today.
   * Only while the partner is in induction, and never with a date in the future.
   */
  async completeTask(actor: Principal, input: unknown): Promise<InductionTask> {
    const { taskId, version, date } = parseInput(completeInput, input, TITLES);
    const task = await this.openTask(actor, taskId);
    const today = this.ctx.today();
    if (date && date > today) {
      throw new RefusedError('date-in-future', `"${task.label}" cannot be recorded as done on a date that has not come yet.`);
    }
    return this.ctx.commitFirst<'inductionTasks'>(actor, [
      {
        op: 'update',
        list: 'inductionTasks',
        id: taskId,
        version,
        values: { done: true, doneDate: date ?? today, doneBy: actor.name },
        summary: task.kind === 'Agreement' ? `Signed: ${task.label}` : `Done: ${task.label}`,
      },
    ]);
  }

  /** Unticks an item ticked by mistake. */
  async reopenTask(actor: Principal, input: unknown): Promise<InductionTask> {
    const { taskId, version } = parseInput(reopenInput, input, TITLES);
    const task = await this.openTask(actor, taskId);
    return this.ctx.commitFirst<'inductionTasks'>(actor, [
      {
        op: 'update',
        list: 'inductionTasks',
        id: taskId,
        version,
        values: { done: false, doneDate: null, doneBy: null },
        summary: `Not done: ${task.label}`,
      },
    ]);
  }

  private async openTask(actor: Principal, taskId: number): Promise<InductionTask> {
    const task = await this.ctx.loadOwned(actor, 'inductionTasks', taskId);
    const involvement = await this.ctx.load('involvements', task.involvementId);
    if (involvement.stage !== 'Induction') {
      throw new RefusedError(
        'induction-closed',
        `The induction checklist can be changed only during induction; this involvement is ${involvement.stage}.`,
      );
    }
    return task;
  }
}
