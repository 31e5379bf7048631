import { longDate, type InvolvementReviews } from '../../../domain';
import { CARD_MADE_FOR_WORKSTREAM } from '../../pathway/engine';
import { optionalText } from '../../pathway/inputs';
import { pressKey, replace, type Capability, type Card, type TurnResult, type TurnScope } from '../../pathway/turn';
import { cardInvolvementId, loadPartner } from '../partner/partner-card';
import template from './review-card.json';

const when = (date: string | null, otherwise: string) => (date ? longDate(date) : otherwise);

/**
 * The reviews card: what has come round for the partner (term of office, agreements,
 * access needs), the dates behind each, and the buttons that record them. End uses
 * the partner card's own step, so it is ended as any involvement is.
 */
function reviewCard(
  scope: TurnScope,
  reviews: InvolvementReviews,
  workstream: { id: number; teamsChannelId: string | null },
  partnerId: number,
): Card {
  const facts = [
    {
      title: 'Term of office',
      value: reviews.term.endDate
        ? `Ends ${longDate(reviews.term.endDate)}`
        : reviews.term.months
          ? `${reviews.term.months} months`
          : 'No fixed term',
    },
    ...reviews.agreements.map((item) => ({ title: item.label, value: `Signed ${when(item.signedDate, 'not yet')}` })),
    {
      title: 'Access needs',
      value: `Reviewed ${when(reviews.access.reviewedDate, 'not yet')}; next review ${when(reviews.access.dueDate, 'not set')}`,
    },
  ];
  return scope.cards.render(template, {
    name: reviews.name,
    roleTitle: reviews.roleTitle,
    stage: reviews.stage,
    due: reviews.due,
    notServing: reviews.serving ? '' : `Reviews come round only while a partner is Active or Paused; ${reviews.name} is ${reviews.stage}.`,
    facts,
    serving: reviews.serving,
    hasAgreements: reviews.agreements.length > 0,
    today: reviews.today,
    renewTo: reviews.term.renewTo ?? '',
    endReason: reviews.endReason,
    endGuidance: scope.guidance.text('pause-and-end', 'end'),
    tabUrl: scope.tabLinks.workstream(workstream, partnerId),
    ref: {
      involvementId: reviews.involvementId,
      version: reviews.version,
      key: globalThis.crypto.randomUUID(),
      [CARD_MADE_FOR_WORKSTREAM]: workstream.id,
    },
  });
}

/** Reads the partner's reviews (refused for a partner of another workstream) and shows their card, under a note. */
async function showReviews(scope: TurnScope, involvementId: unknown, note?: string): Promise<TurnResult> {
  const detail = await loadPartner(scope, involvementId);
  const reviews = await scope.service.reviews.reviews(scope.turn.actor, detail.involvement.id);
  return replace(reviewCard(scope, reviews, detail.workstream, detail.partner.id), `${reviews.name}: reviews`, note);
}

/** One press on the reviews card: the step through its use case, then the card drawn again under what was recorded. */
async function actOnReviews(
  scope: TurnScope,
  data: Readonly<Record<string, unknown>>,
  step: (ref: { involvementId: number; version: unknown; key: string | undefined }) => Promise<string>,
): Promise<TurnResult> {
  const involvementId = cardInvolvementId(data.involvementId);
  await loadPartner(scope, involvementId);
  const note = await step({ involvementId, version: data.version, key: pressKey(scope.turn.action) });
  return showReviews(scope, involvementId, note);
}

/** Reviews that come round: renewing a term (or ending it), agreements re-signed, access needs reviewed. */
export const reviewsCapability: Capability = {
  name: 'reviews',
  actions: {
    'reviews.open': (scope, data) => showReviews(scope, cardInvolvementId(data.involvementId)),
    'term.renew': (scope, data) =>
      actOnReviews(scope, data, async (ref) => {
        const renewed = await scope.service.reviews.renewTerm(scope.turn.actor, { ...ref, termEndDate: optionalText(data.termEndDate) });
        return `Term renewed: it now ends on ${longDate(renewed.termEndDate ?? '')}.`;
      }),
    'agreements.reconfirm': (scope, data) =>
      actOnReviews(scope, data, async (ref) => {
        const renewed = await scope.service.reviews.reconfirmAgreements(scope.turn.actor, { ...ref, date: optionalText(data.date) });
        return `Agreements re-signed. They come round again on ${longDate(renewed.agreementsDue ?? '')}.`;
      }),
    'access.reviewed': (scope, data) =>
      actOnReviews(scope, data, async (ref) => {
        const reviewed = await scope.service.reviews.reviewAccessNeeds(scope.turn.actor, ref);
        return `Access needs review recorded. The next is due on ${longDate(reviewed.accessReviewDue ?? '')}.`;
      }),
  },
};
