import type { ItemDocument } from './documents';
import type { PartnerDetail } from './service';

/**
 * The organisation's own guidance, by topic (`informal-chat`) and section (`tips`): the
 * words the bot's cards and the tab show, read from the files the organisation edits.
 */
export interface GuidanceTexts {
  /** A section's text (Markdown: links and bold), or an empty string when the organisation has not written it. */
  text(topic: string, section: string): string;
  /** A section with its `{field}` placeholders filled from `values`. */
  filled(topic: string, section: string, values: Readonly<Record<string, string>>): string;
  /** A section's bullet lines, as separate items. */
  items(topic: string, section: string): string[];
  /** The links to show on a checklist's items: those that concern one of the organisation's documents with a link set. */
  itemDocuments(tasks: readonly { readonly id: number; readonly label: string }[]): ItemDocument[];
}

/** Mail programs cut longer mailto links; the guidance message is kept well within this. */
export const MAILTO_LIMIT = 2000;

/** The acknowledgement of someone's interest, ready to send. */
export interface Acknowledgement {
  /** The message (links as Markdown). */
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
 * (`interest.md`): a message thanking them and saying what happens next, signed by
 * their named contact (or `sender` when they have none), and how to send it. A link
 * longer than mail programs accept is left out, and the message is copied instead.
 */
export function acknowledgementFor(guidance: GuidanceTexts, detail: PartnerDetail, sender: string): Acknowledgement {
  const { partner, involvement, role, workstream } = detail;
  const values = { name: detail.name, role: role.title, workstream: workstream.title, sender: involvement.ownerName ?? sender };
  const message = guidance.filled('interest', 'acknowledgement message', values);
  const subject = guidance.filled('interest', 'acknowledgement subject', values);
  const preference =
    partner.preferredContact && partner.preferredContact !== 'Email' ? ` Their preferred contact: ${partner.preferredContact}.` : '';
  const mailto = partner.email
    ? `mailto:${encodeURIComponent(partner.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(plainText(subject))}&body=${encodeURIComponent(plainText(message).replace(/\n/g, '\r\n'))}`
    : undefined;
  if (mailto && mailto.length <= MAILTO_LIMIT) {
    return { message, mailto, howToSend: `${guidance.text('interest', 'send by email')}${preference}` };
  }
  const phone = partner.phone ? ` on ${partner.phone}` : '';
  const why = partner.email
    ? 'This message is too long to open in your email, so copy it'
    : `${detail.name} has no email address on record, so copy this message`;
  return {
    message,
    mailto: undefined,
    howToSend: `${why} into a letter or text message, or phone them${phone} and say it in your own words.${preference} ${guidance.text('interest', 'then record')}`,
  };
}

/** What the "Log interest" form says, from `interest.md`. */
export interface InterestGuidance {
  /** Shown above the form: what may be recorded. */
  readonly log: string;
  /** The consent the person must have given, beside its tick box. */
  readonly consent: string;
}

/** The words of the "Log interest" form, as the bot's role card and the tab show them. */
export function interestGuidance(guidance: GuidanceTexts): InterestGuidance {
  return { log: guidance.text('interest', 'log'), consent: guidance.text('interest', 'consent') };
}

/** The informal chat's guide, from `informal-chat.md`. */
export interface ChatGuide {
  readonly intro: string;
  readonly tips: readonly string[];
  readonly questions: readonly string[];
  readonly adjustments: readonly string[];
}

/** The informal chat's guide, as the bot's guide card and the tab's partner panel show it. */
export function chatGuide(guidance: GuidanceTexts): ChatGuide {
  return {
    intro: guidance.text('informal-chat', 'intro'),
    tips: guidance.items('informal-chat', 'tips'),
    questions: guidance.items('informal-chat', 'questions'),
    adjustments: guidance.items('informal-chat', 'adjustments'),
  };
}
