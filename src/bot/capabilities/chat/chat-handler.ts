import { instantIn, optionalText } from '../../pathway/inputs';
import { pressKey, show, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';
import template from './chat-guide-card.json';

/** The informal chat: booking it, its guide, recording it as held and offering the role. */
export const chatCapability: Capability = {
  name: 'chat',
  actions: {
    async 'chat.book'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.bookChat(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        at: instantIn(scope.timeZone, data.date, data.time),
        where: optionalText(data.where),
        adjustments: optionalText(data.adjustments),
      });
      return showPartner(scope, detail.involvement.id, 'Chat booked. Press **Chat guide** on the card for tips and questions to ask.');
    },
    async 'chat.guide'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const card = scope.cards.render(template, {
        name: detail.name,
        intro: scope.guidance.text('informal-chat', 'intro'),
        tips: scope.guidance.items('informal-chat', 'tips'),
        questions: scope.guidance.items('informal-chat', 'questions'),
        adjustments: scope.guidance.items('informal-chat', 'adjustments'),
        ref: { involvementId: detail.involvement.id },
      });
      return show(card, `Informal chat guide for ${detail.name}`);
    },
    async 'chat.hold'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.holdChat(scope.turn.actor, {
        involvementId: detail.involvement.id,
        version: data.version,
        key: pressKey(scope.turn.action),
        notes: optionalText(data.notes),
      });
      return showPartner(scope, detail.involvement.id, 'Chat recorded. Now offer the role, or choose **Not this time** with a kind reason.');
    },
    async 'chat.offer'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.makeOffer(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id);
    },
  },
};
