import { optionalText, toggle } from '../../pathway/inputs';
import type { Capability } from '../../pathway/turn';
import { actOnPartner } from '../partner/act-on-partner';
import { judgedOnCard } from '../partner/selection-on-card';

/** Pausing, returning, ending (with the offer of an exit conversation) and "not this time". */
export const pauseEndCapability: Capability = {
  name: 'pause-end',
  actions: {
    'involvement.pause': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.pause(scope.turn.actor, {
          ...press.involvement,
          reason: optionalText(data.reason),
          cancelBooked: toggle(data.cancelBooked),
        });
      }),
    'involvement.resume': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.resume(scope.turn.actor, press.involvement);
        return (detail) => `Welcome back, ${detail.name}. Their one-to-ones are due again.`;
      }),
    'involvement.end': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        const exitConversationOffered = toggle(data.exitConversationOffered);
        await scope.service.involvements.end(scope.turn.actor, {
          ...press.involvement,
          reason: optionalText(data.reason),
          exitConversationOffered,
          cancelBooked: toggle(data.cancelBooked),
        });
        return exitConversationOffered === true ? scope.guidance.text('pause-and-end', 'exit conversation') : undefined;
      }),
    'involvement.notProgress': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.notProgress(scope.turn.actor, {
          ...press.involvement,
          criteria: judgedOnCard(data),
          reason: optionalText(data.reason),
          cancelBooked: toggle(data.cancelBooked),
        });
        return scope.guidance.text('pause-and-end', 'after not progressed') || undefined;
      }),
  },
};
