import { optionalText, recordId } from '../../pathway/inputs';
import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';

/** Induction: starting the checklist, ticking items (agreements with the date signed) and becoming Active. */
export const inductionCapability: Capability = {
  name: 'induction',
  actions: {
    async 'induction.start'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.startInduction(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, scope.guidance.text('pathway', 'induction started'));
    },
    async 'induction.tick'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const task = detail.checklist.find((item) => item.id === recordId(data.taskId));
      await scope.service.induction.completeTask(scope.turn.actor, {
        taskId: task ? task.id : data.taskId,
        version: data.taskVersion,
        key: pressKey(scope.turn.action, data.taskId),
        date: optionalText(data.date),
      });
      return showPartner(scope, detail.involvement.id);
    },
    async 'induction.reopen'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const task = detail.checklist.find((item) => item.id === recordId(data.taskId));
      await scope.service.induction.reopenTask(scope.turn.actor, { taskId: task ? task.id : data.taskId, version: data.taskVersion, key: pressKey(scope.turn.action, data.taskId) });
      return showPartner(scope, detail.involvement.id);
    },
    async 'induction.activate'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.activate(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, `${detail.name} is now Active. Their one-to-ones are due every ${detail.involvement.cadenceWeeks} weeks.`);
    },
  },
};
