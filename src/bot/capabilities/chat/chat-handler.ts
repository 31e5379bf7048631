import { chatGuide } from '../../../domain';
import { instantIn, optionalText } from '../../pathway/inputs';
import { show, type Capability } from '../../pathway/turn';
import { actOnPartner } from '../partner/act-on-partner';
import { loadPartner } from '../partner/partner-card';
import { judgedOnCard } from '../partner/selection-on-card';
import template from './chat-guide-card.json';

/** The informal chat: booking it, its guide, recording it as held and offering the role. */
export const chatCapability: Capability = {
  name: 'chat',
  actions: {
    'chat.book': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.bookChat(scope.turn.actor, {
          ...press.involvement,
          at: instantIn(scope.timeZone, data.date, data.time),
          where: optionalText(data.where),
          adjustments: optionalText(data.adjustments),
        });
        return 'Chat booked. Press **Chat guide** on the card for tips and questions to ask.';
      }),
    async 'chat.guide'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      const card = scope.cards.render(template, {
        name: detail.name,
        ...chatGuide(scope.guidance),
        ref: { involvementId: detail.involvement.id },
      });
      return show(card, `Informal chat guide for ${detail.name}`);
    },
    'chat.hold': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        // The card starts from the adjustments asked for, so what it sends is what was agreed; emptied, none were.
        const agreed = data.agreedAdjustments;
        const adjustments = typeof agreed === 'string' ? (optionalText(agreed) ?? null) : undefined;
        await scope.service.involvements.holdChat(scope.turn.actor, { ...press.involvement, notes: optionalText(data.notes), adjustments });
        return 'Chat recorded. Now offer the role, or choose **Not this time** with a kind reason.';
      }),
    'chat.offer': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.involvements.makeOffer(scope.turn.actor, {
          ...press.involvement,
          criteria: judgedOnCard(data),
          reason: optionalText(data.reason),
        });
      }),
  },
};
