import type { PartnerDetail } from '../../../domain';
import type { TurnScope } from '../../pathway/turn';

/** Mail programs cut longer mailto links; the guidance message is kept well within this. */
export const MAILTO_LIMIT = 2000;

/** What the partner card offers for acknowledging interest. */
export interface Acknowledgement {
  /** The message, as the card shows it (links as Markdown). */
  readonly message: string;
  /** How to send it: by email, or (with no email address) copied into a letter or text, or by phone. */
  readonly howToSend: string;
  /** A mailto link with the partner's address, subject and message, when they have an email address. */
  readonly mailto: string | undefined;
}

/** Markdown as plain text for an email: `[name](url)` becomes `name (url)`, bold marks go. */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1 ($2)').replace(/\*\*/g, '');
}

/**
 * The acknowledgement of someone's interest, from the organisation's guidance
 * (`interest.md`): a message thanking them and saying what happens next, and how to
 * send it. A link longer than mail programs accept is left out, and the message
 * is copied instead.
 */
export function acknowledgementFor(scope: Pick<TurnScope, 'guidance' | 'turn'>, detail: PartnerDetail): Acknowledgement {
  const { partner, involvement, role, workstream } = detail;
  const values = {
    name: detail.name,
    role: role.title,
    workstream: workstream.title,
    sender: involvement.ownerName ?? scope.turn.actor.name,
  };
  const message = scope.guidance.filled('interest', 'acknowledgement message', values);
  const subject = scope.guidance.filled('interest', 'acknowledgement subject', values);
  const preference =
    partner.preferredContact && partner.preferredContact !== 'Email' ? ` Their preferred contact: ${partner.preferredContact}.` : '';
  const mailto = partner.email
    ? `mailto:${encodeURIComponent(partner.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(plainText(subject))}&body=${encodeURIComponent(plainText(message).replace(/\n/g, '\r\n'))}`
    : undefined;
  if (mailto && mailto.length <= MAILTO_LIMIT) {
    return { message, mailto, howToSend: `${scope.guidance.text('interest', 'send by email')}${preference}` };
  }
  const phone = partner.phone ? ` on ${partner.phone}` : '';
  const why = partner.email
    ? 'This message is too long to open in your email, so copy it'
    : `${detail.name} has no email address on record, so copy this message`;
  return {
    message,
    mailto: undefined,
    howToSend: `${why} into a letter or text message, or phone them${phone} and say it in your own words.${preference} ${scope.guidance.text('interest', 'then record')}`,
  };
}
