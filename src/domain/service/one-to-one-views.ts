import type { Principal } from '../principal';
import { TZDate } from '@date-fns/tz';
import { daysBetween, plusDays, plusWeeks, type CalendarDate } from '../calendar';
import { RefusedError } from '../errors';
import { REVIEW_LOOKBACK_DAYS, reviewsDue, SERVING_STAGES, termsRemindedBy, type ReviewKind } from '../reviews';
import type { Involvement, OneToOne, Partner, Role, Stage, Workstream } from '../schema/lists';
import { displayName, UseCaseContext } from './context';

/** How many weeks ahead the agenda looks when the caller does not say. */
export const DEFAULT_AGENDA_WEEKS = 6;

/** The longest look ahead the agenda offers: a quarter. */
export const MAX_AGENDA_WEEKS = 13;

/** How long a one-to-one invitation blocks in the diary. */
const ONE_TO_ONE_MINUTES = 60;

/**
 * One entry of a workstream's one-to-one agenda: a one-to-one booked in the diary
 * (`booked`), or one falling due with nothing booked yet (`due`).
 */
export interface AgendaItem {
  readonly kind: 'booked' | 'due';
  readonly involvementId: number;
  readonly partnerId: number;
  /** The partner's full name. */
  readonly name: string;
  readonly roleTitle: string;
  readonly stage: Stage;
  readonly ownerName: string | null;
  /** The booked date, or the due date. */
  readonly date: CalendarDate;
  /** The booked time as staff entered it (`14:30`), or null. */
  readonly time: string | null;
  readonly where: string | null;
  /** The booked one-to-one, for downloading its invitation or recording it as held; null for `due`. */
  readonly oneToOneId: number | null;
  readonly oneToOneVersion: number | null;
  /** A due date that has passed, or a booked date that has passed without being recorded as held. */
  readonly overdue: boolean;
  /** Days from today to `date`: 0 is today, negative is in the past. */
  readonly daysFromToday: number;
}

/** A review coming round for a partner within the agenda's weeks: a term ending (from 8 weeks before), agreements or access needs. */
export interface ReviewItem {
  readonly kind: ReviewKind;
  readonly involvementId: number;
  readonly partnerId: number;
  /** The partner's full name. */
  readonly name: string;
  readonly roleTitle: string;
  readonly ownerName: string | null;
  /** When the term ends, or the agreements or access review are due. */
  readonly date: CalendarDate;
  /** What comes round, in a few words: "Term of office ends". */
  readonly what: string;
  /** The date has passed with nothing recorded. */
  readonly overdue: boolean;
  /** Days from today to `date`: 0 is today, negative is in the past. */
  readonly daysFromToday: number;
}

/** A workstream's one-to-ones for the coming weeks, overdue first, then by date; and the reviews coming round in that time. */
export interface Agenda {
  readonly workstream: Workstream;
  readonly today: CalendarDate;
  /** The last day the agenda covers. */
  readonly until: CalendarDate;
  readonly items: AgendaItem[];
  /** Terms of office, agreements and access needs reviews coming round by `until`, by date. */
  readonly reviews: ReviewItem[];
}

/** What a calendar invitation for one booked one-to-one says. */
export interface OneToOneInvitation {
  /** Stable across downloads, so a calendar updates the event rather than adding another. */
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly location: string | null;
  readonly date: CalendarDate;
  /** The start as a UTC instant when a time was booked; null for an all-day event on `date`. */
  readonly startUtc: string | null;
  readonly durationMinutes: number;
}

function compareAgenda(a: AgendaItem, b: AgendaItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if ((a.time ?? '') !== (b.time ?? '')) return (a.time ?? '') < (b.time ?? '') ? -1 : 1;
  return a.name.localeCompare(b.name, 'en-GB');
}

/** The one-to-one agenda and calendar invitations: read models for the tab. */
export class OneToOneViewUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * Every booked one-to-one up to `weeks` ahead (including booked ones whose day has
   * passed unrecorded) and every one falling due in that time with none booked.
   * A few store reads, whatever the size of the workstream.
   */
  async agenda(actor: Principal, workstreamId: number, weeks: number = DEFAULT_AGENDA_WEEKS): Promise<Agenda> {
    const workstream = await this.ctx.loadWorkstream(actor, workstreamId);
    const today = this.ctx.today();
    const until = plusWeeks(today, Math.min(Math.max(Math.trunc(weeks), 1), MAX_AGENDA_WEEKS));
    const since = plusDays(today, -REVIEW_LOOKBACK_DAYS);
    const serving = [...SERVING_STAGES];
    const [booked, dueInvolvements, roles, terms, agreements, access] = await this.ctx.store.findAll([
      { list: 'oneToOnes', where: { workstreamId, status: 'Booked', date: { lte: until } }, orderBy: [{ field: 'date' }] },
      { list: 'involvements', where: { workstreamId, nextOneToOneDue: { lte: until }, stage: 'Active' } },
      { list: 'roles', where: { workstreamId } },
      {
        list: 'involvements',
        where: { workstreamId, termEndDate: { gte: since, lte: termsRemindedBy(until, this.ctx.reviewSettings) }, stage: serving },
      },
      { list: 'involvements', where: { workstreamId, agreementsDue: { gte: since, lte: until }, stage: serving } },
      { list: 'involvements', where: { workstreamId, accessReviewDue: { gte: since, lte: until }, stage: serving } },
    ]);
    const reviewing = [...terms, ...agreements, ...access];
    const involvementsById = new Map<number, Involvement>([...dueInvolvements, ...reviewing].map((item) => [item.id, item]));
    const missing = [...new Set(booked.map((item) => item.involvementId))].filter((id) => !involvementsById.has(id));
    if (missing.length > 0) {
      for (const item of await this.ctx.store.find({ list: 'involvements', where: { id: missing } })) {
        involvementsById.set(item.id, item);
      }
    }
    const partnerIds = [...new Set([...involvementsById.values()].map((item) => item.partnerId))];
    const partners = partnerIds.length > 0 ? await this.ctx.store.find({ list: 'partners', where: { id: partnerIds } }) : [];
    const partnersById = new Map<number, Partner>(partners.map((item) => [item.id, item]));
    const rolesById = new Map<number, Role>(roles.map((item) => [item.id, item]));

    const items: AgendaItem[] = [];
    const bookedAhead = new Set<number>();
    const entry = (
      involvement: Involvement,
      fields: Pick<AgendaItem, 'kind' | 'date' | 'time' | 'where' | 'oneToOneId' | 'oneToOneVersion'>,
    ) => {
      const partner = partnersById.get(involvement.partnerId);
      const role = rolesById.get(involvement.roleId);
      if (!partner || !role) return;
      items.push({
        ...fields,
        involvementId: involvement.id,
        partnerId: partner.id,
        name: partner.fullName,
        roleTitle: role.title,
        stage: involvement.stage,
        ownerName: involvement.ownerName,
        overdue: fields.date < today,
        daysFromToday: daysBetween(today, fields.date),
      });
    };
    for (const oneToOne of booked) {
      const involvement = involvementsById.get(oneToOne.involvementId);
      if (!involvement) continue;
      if (oneToOne.date >= today) bookedAhead.add(involvement.id);
      entry(involvement, {
        kind: 'booked',
        date: oneToOne.date,
        time: oneToOne.time,
        where: oneToOne.where,
        oneToOneId: oneToOne.id,
        oneToOneVersion: oneToOne.version,
      });
    }
    for (const involvement of dueInvolvements) {
      if (bookedAhead.has(involvement.id) || !involvement.nextOneToOneDue) continue;
      entry(involvement, {
        kind: 'due',
        date: involvement.nextOneToOneDue,
        time: null,
        where: null,
        oneToOneId: null,
        oneToOneVersion: null,
      });
    }
    items.sort(compareAgenda);
    const reviews = [...new Map(reviewing.map((item) => [item.id, item])).values()].flatMap((involvement) => {
      const partner = partnersById.get(involvement.partnerId);
      const role = rolesById.get(involvement.roleId);
      if (!partner || !role) return [];
      return reviewsDue(partner.fullName, role.title, involvement, this.ctx.reviewSettings, today, until).map((due): ReviewItem => ({
        kind: due.kind,
        involvementId: involvement.id,
        partnerId: partner.id,
        name: partner.fullName,
        roleTitle: role.title,
        ownerName: involvement.ownerName,
        date: due.date,
        what: due.what,
        overdue: due.date < today,
        daysFromToday: daysBetween(today, due.date),
      }));
    });
    reviews.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.name.localeCompare(b.name, 'en-GB')));
    return { workstream, today, until, items, reviews };
  }

  /** What a calendar invitation for a booked one-to-one says; refused for one held or cancelled. */
  async invitation(actor: Principal, oneToOneId: number): Promise<OneToOneInvitation> {
    const oneToOne: OneToOne = await this.ctx.loadOwned(actor, 'oneToOnes', oneToOneId);
    if (oneToOne.status !== 'Booked') {
      throw new RefusedError(
        'not-booked',
        `This one-to-one is ${oneToOne.status.toLowerCase()}, so there is no invitation to download. Book a new one instead.`,
      );
    }
    const involvement = await this.ctx.load('involvements', oneToOne.involvementId);
    const [partner, role] = await Promise.all([
      this.ctx.load('partners', involvement.partnerId),
      this.ctx.load('roles', involvement.roleId),
    ]);
    const name = displayName(partner);
    return {
      uid: `one-to-one-${oneToOne.key}@partner-pathway`,
      title: `One-to-one with ${name} (${role.title})`,
      description: `Regular one-to-one with ${name}, ${role.title}: how things are going, support, training, expenses and wellbeing. Record it as held in Partner Pathway afterwards.`,
      location: oneToOne.where,
      date: oneToOne.date,
      startUtc: oneToOne.time ? this.instantOf(oneToOne.date, oneToOne.time) : null,
      durationMinutes: ONE_TO_ONE_MINUTES,
    };
  }

  /** A wall-clock time on a date in the organisation's time zone, as a UTC instant. */
  private instantOf(date: CalendarDate, time: string): string {
    const [year, month, day] = date.split('-').map(Number);
    const [hours, minutes] = time.split(':').map(Number);
    return new Date(new TZDate(year, month - 1, day, hours, minutes, this.ctx.settings.timeZone).getTime()).toISOString();
  }
}
