import { dateIn, plusMonths, type CalendarDate } from './calendar';
import { RefusedError } from './errors';
import { CLOSED_STAGES } from './involvement';
import { columnsOf, type Fields, type Involvement, type ListName, type Partner } from './schema/lists';

/**
 * How long a partner's personal data is kept after their last involvement ended, by
 * default: six years (see the README's "Personal data" note for the basis).
 */
export const DEFAULT_RETENTION_MONTHS = 72;

/** The name an erased partner keeps, so lists and counts still have a row to show. */
export function erasedName(partnerId: number): string {
  return `Erased partner ${partnerId}`;
}

/** Whether a partner's personal data has been erased. */
export function isErased(partner: Pick<Partner, 'erasedDate'>): boolean {
  return partner.erasedDate !== null;
}

/**
 * Refuses to record anything new about a partner whose personal data was erased:
 * someone who comes back is recorded afresh, with their consent.
 */
export function refuseIfErased(partner: Pick<Partner, 'id' | 'erasedDate' | 'mergedInto'>): void {
  if (partner.mergedInto !== null) {
    throw new RefusedError(
      'partner-merged',
      `This record was merged into another, as the same person: partner ${partner.mergedInto}. Open them instead; everything recorded about them is there.`,
      { mergedInto: partner.mergedInto },
    );
  }
  if (!isErased(partner)) return;
  throw new RefusedError(
    'partner-erased',
    `The personal data of ${erasedName(partner.id)} was erased on ${partner.erasedDate}, so nothing more can be recorded about them. If they come back, record them as a new partner, with their consent.`,
  );
}

/**
 * Refuses free-text notes that may describe a partner's lived (health) experience
 * unless the partner's explicit consent to such notes is recorded: special category
 * data under UK GDPR. Blank notes need no consent.
 */
export function checkNotesConsent(partner: Pick<Partner, 'notesConsent'>, partnerName: string, notes: string | null | undefined): void {
  if (!notes?.trim() || partner.notesConsent) return;
  throw new RefusedError(
    'notes-consent-needed',
    `Notes about ${partnerName}'s experience can be kept only with their explicit consent. Record their consent first, or leave the notes out.`,
  );
}

/** Every personal field of a list set to empty: what erasure writes (a required name is replaced separately). */
export function blankPersonalFields<L extends ListName>(list: L): Partial<Fields<L>> {
  return Object.fromEntries(
    columnsOf(list)
      .filter(({ meta }) => meta.personal)
      .map(({ name }) => [name, null]),
  ) as Partial<Fields<L>>;
}

/**
 * Whether a partner's data is due for erasure under the retention schedule: they
 * have involvements, every one is closed (Ended or Not progressed), and the last
 * closed more than `months` months before `today`.
 */
export function retentionDue(involvements: readonly Involvement[], today: CalendarDate, months: number, timeZone: string): boolean {
  if (involvements.length === 0) return false;
  if (!involvements.every((involvement) => CLOSED_STAGES.includes(involvement.stage))) return false;
  const lastClosed = involvements
    .map((involvement) => dateIn(timeZone, involvement.stageChangedAt))
    .sort()
    .at(-1) as CalendarDate;
  return plusMonths(lastClosed, months) < today;
}
