import { optionalText, toggle } from '../../pathway/inputs';
import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';

/** Pausing, returning, ending (with the offer of an exit conversation) and "not this time". */
export const pauseEndCapability: Capability = {
  name: 'pause-end',
  actions: {
    async 'involvement.pause'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.pause(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        reason: optionalText(data.reason),
        cancelBooked: toggle(data.cancelBooked),
      });
      return showPartner(scope, detail.involvement.id);
    },
    async 'involvement.resume'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.resume(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, `Welcome back, ${detail.name}. Their one-to-ones are due again.`);
    },
    async 'involvement.end'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const exitConversationOffered = toggle(data.exitConversationOffered);
      await scope.service.involvements.end(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        reason: optionalText(data.reason),
        exitConversationOffered,
        cancelBooked: toggle(data.cancelBooked),
      });
      const note = exitConversationOffered === true ? scope.guidance.text('pause-and-end', 'exit conversation') : undefined;
      return showPartner(scope, detail.involvement.id, note);
    },
    async 'involvement.notProgress'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.notProgress(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        reason: optionalText(data.reason),
        cancelBooked: toggle(data.cancelBooked),
      });
      return showPartner(scope, detail.involvement.id, scope.guidance.text('pause-and-end', 'after not progressed') || undefined);
    },
  },
};
