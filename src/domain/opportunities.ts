import { longDate, type CalendarDate } from './calendar';
import type { Role } from './schema/lists';

/**
 * One Advertised role as the public opportunities feed gives it. Only fields about
 * the role itself: its title, purpose, time, place, level, formats, dates and the
 * advert's public link. Never the contact for questions (it usually names a member of
 * staff), the recruiting lead, who approved the advert or changed its status, the
 * Engagement team's comments, or any person's id.
 */
export interface Opportunity {
  /** The role's own number, stable while it is advertised; it identifies no person. */
  readonly id: number;
  readonly title: string;
  /** What the role is for, with any e-mail address or phone number taken out. */
  readonly summary: string;
  readonly timeCommitment: string | null;
  /** Online, in person or a mix (the choice only; the location details can name a home or a ward). */
  readonly where: string | null;
  readonly level: number | null;
  readonly accessibleFormats: readonly string[];
  readonly closingDate: CalendarDate;
  readonly startDate: CalendarDate | null;
  /** The advert on the organisation's opportunities pages, as the Engagement team approved it. */
  readonly link: string | null;
  /** How to express interest, in a sentence. */
  readonly howToExpressInterest: string;
}

/** What stands in for contact details found in free text. */
export const REMOVED = '[contact details removed]';

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g;
/** Nine or more digits, with spaces, dots, dashes or brackets between them, and an optional leading +: a phone number. */
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;

/** Free text without e-mail addresses or phone numbers, which in a role's text are nearly always a person's. */
export function withoutContactDetails(text: string): string {
  return text.replace(EMAIL, REMOVED).replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 9 ? REMOVED : match));
}

function opportunityOf(role: Role, closingDate: CalendarDate): Opportunity {
  const by = `by ${longDate(closingDate)}`;
  return {
    id: role.id,
    title: role.title,
    summary: withoutContactDetails(role.purpose ?? ''),
    timeCommitment: role.timeCommitment ? withoutContactDetails(role.timeCommitment) : null,
    where: role.location,
    level: role.level,
    accessibleFormats: role.accessibleFormats ?? [],
    closingDate,
    startDate: role.startDate,
    link: role.advertUrl,
    howToExpressInterest: role.advertUrl
      ? `Read the full advert at ${role.advertUrl} and express interest ${by}.`
      : `Ask the Engagement team about "${role.title}" ${by}.`,
  };
}

/**
 * The roles that belong in the public feed on `today`, soonest closing first: those
 * Advertised whose closing date has not passed, each as an {@link Opportunity}.
 */
export function openOpportunities(roles: readonly Role[], today: CalendarDate): Opportunity[] {
  return roles
    .flatMap((role) =>
      role.status === 'Advertised' && role.closingDate !== null && role.closingDate >= today ? [opportunityOf(role, role.closingDate)] : [],
    )
    .sort((a, b) => a.closingDate.localeCompare(b.closingDate) || a.title.localeCompare(b.title));
}
