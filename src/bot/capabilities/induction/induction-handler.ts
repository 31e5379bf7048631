import { optionalText, recordId } from '../../pathway/inputs';
import type { Capability } from '../../pathway/turn';
import { actOnPartner } from '../partner/act-on-partner';

/** Induction: starting the checklist, ticking items (agreements with the date signed) and becoming Active. */
export const inductionCapability: Capability = {
  name: 'induction',
  actions: {
    'induction.start': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.startInduction(scope.turn.actor, press.involvement);
        return scope.guidance.text('pathway', 'induction started');
      }),
    'induction.tick': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.induction.completeTask(scope.turn.actor, {
          taskId: recordId(data.taskId) ?? data.taskId,
          version: data.taskVersion,
          key: press.key(data.taskId),
          date: optionalText(data.date),
          involvementId: press.involvementId,
        });
      }),
    'induction.reopen': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.induction.reopenTask(scope.turn.actor, {
          taskId: recordId(data.taskId) ?? data.taskId,
          version: data.taskVersion,
          key: press.key(data.taskId),
          involvementId: press.involvementId,
        });
      }),
    'induction.activate': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.activate(scope.turn.actor, press.involvement);
        return (detail) => `${detail.name} is now Active. Their one-to-ones are due every ${detail.involvement.cadenceWeeks} weeks.`;
      }),
  },
};
