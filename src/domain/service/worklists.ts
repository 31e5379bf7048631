import { isMonday, parseISO } from 'date-fns';
import { dateIn, daysBetween, longDate, plusDays, type CalendarDate } from '../calendar';
import { DEFAULT_CLAIM_SETTINGS, pounds } from '../claims';
import { inductionProgress, progressOf } from '../induction';
import { CLOSED_STAGES } from '../involvement';
import { REVIEW_LOOKBACK_DAYS, reviewsDue, SERVING_STAGES, termsRemindedBy, type ReviewSettings } from '../reviews';
import { describeDue, dueState, type NextOneToOne } from '../one-to-ones';
import { STAGES, type Claim, type InductionTask, type Involvement, type Partner, type Role } from '../schema/lists';
import type { Principal } from '../principal';
import { AccessPolicy, type Reach } from './access';
import { displayName, UseCaseContext } from './context';

/** One partner in one role as a line of a list: who, which role, what stage, and what is due. */
export interface PartnerLine {
  readonly involvementId: number;
  readonly workstreamId: number;
  readonly name: string;
  readonly roleTitle: string;
  readonly stage: Involvement['stage'];
  readonly nextOneToOne: NextOneToOne;
  /** A short phrase for what is due, such as "Overdue by 3 days". */
  readonly dueText: string;
  /** For a partner in induction: how many items are done of how many. */
  readonly induction: { readonly done: number; readonly total: number; readonly missingRequired: number } | null;
}

/** What is coming up in a workstream over the next few days. */
export interface DueSoon {
  readonly today: CalendarDate;
  readonly until: CalendarDate;
  /** Active partners whose one-to-one is overdue or falls due by `until`. */
  readonly oneToOnes: PartnerLine[];
  /** Partners in induction with required items still open. */
  readonly inductions: PartnerLine[];
  /** Advertised roles whose closing date is between today and `until`. */
  readonly closingRoles: Array<{ readonly roleId: number; readonly title: string; readonly closingDate: CalendarDate }>;
}

/** How far ahead and how far behind the reminders look; each organisation sets its own. */
export interface ReminderWindows {
  /** A one-to-one due within this many days is a "coming up" reminder. */
  readonly dueWithinDays: number;
  /** A one-to-one this many days overdue is also raised with the Engagement team. */
  readonly escalateAfterDays: number;
  /** An induction with no item ticked for this many days gets a nudge. */
  readonly inductionStallDays: number;
  /** An advertised role this many days or fewer from its closing date gets a reminder. */
  readonly closingWithinDays: number;
}

/** What a reminder is about; each kind is sent once per occurrence. */
export type ReminderKind =
  | 'one-to-one-due'
  | 'one-to-one-overdue'
  | 'one-to-one-escalated'
  | 'induction-stalled'
  | 'role-closing'
  | 'weekly-digest'
  | 'claim-awaiting-approval'
  | ReviewReminderKind;

/** The reminders of the reviews that come round, by the review they are about. */
export const REVIEW_REMINDER_KINDS = { term: 'term-ending', agreements: 'agreements-due', access: 'access-review' } as const;

/** A reminder of a review that has come round: a term ending in 8 weeks, agreements a year old, access needs to review. */
export type ReviewReminderKind = (typeof REVIEW_REMINDER_KINDS)[keyof typeof REVIEW_REMINDER_KINDS];

/**
 * One reminder that is due now. `key` names this occurrence, so a caller that
 * records the keys it has sent sends each reminder once; it changes when the
 * underlying date changes (a one-to-one held, an item ticked).
 */
export interface Reminder {
  readonly kind: ReminderKind;
  readonly key: string;
  /** The member of staff it is for (the named contact or the recruiting lead). */
  readonly ownerId: string | null;
  readonly workstreamId: number;
  /** The workstream's Teams channel, where a reminder goes when its owner cannot be reached. */
  readonly teamsChannelId: string | null;
  /** For the Engagement team as well as the owner. */
  readonly toEngagementTeam: boolean;
  /** Plain sentences for the message; they name partners, so they are never logged. */
  readonly title: string;
  readonly lines: readonly string[];
  readonly involvementId?: number;
  /** The partner a reminder about one partner is about, for a link straight to them. */
  readonly partnerId?: number;
  readonly roleId?: number;
  /** The claim a reminder about a claim waiting for approval is about, for a button to decide it. */
  readonly claimId?: number;
}

/** A reminder before its workstream's channel is looked up. */
type ReminderDraft = Omit<Reminder, 'teamsChannelId'>;

const OPEN_STAGES = STAGES.filter((stage) => !CLOSED_STAGES.includes(stage));

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Read models of what is due, for lists in chat and for the reminders the bot sends. */
export class WorklistUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** The open involvements in workstreams they belong to whose named contact is this member of staff, by partner name. */
  async myPartners(actor: Principal): Promise<PartnerLine[]> {
    const [involvementItems, reach] = await Promise.all([
      this.ctx.store.find({ list: 'involvements', where: { ownerId: actor.id, stage: OPEN_STAGES } }),
      this.ctx.access.reachOf(actor),
    ]);
    const [lines] = await this.lines({
      items: involvementItems.filter((item) => AccessPolicy.includes(reach, item.workstreamId)),
      byName: true,
    });
    return lines;
  }

  /** The workstreams they belong to where this member of staff leads a role, by id. */
  async workstreamsLedBy(actor: Principal): Promise<number[]> {
    const [led, reach] = await Promise.all([
      this.ctx.store.find({ list: 'roles', where: { ownerId: actor.id } }),
      this.ctx.access.reachOf(actor),
    ]);
    return [...new Set(led.map((role) => role.workstreamId))].filter((id) => AccessPolicy.includes(reach, id)).sort((a, b) => a - b);
  }

  /** A workstream's one-to-ones, inductions and closing roles needing attention within `days` days. */
  async dueSoon(actor: Principal, workstreamId: number, days: number): Promise<DueSoon> {
    await this.ctx.loadWorkstream(actor, workstreamId);
    const today = this.ctx.today();
    const until = plusDays(today, days);
    const [dueItems, inductionItems, roleItems] = await this.ctx.store.findAll([
      {
        list: 'involvements',
        where: { workstreamId, stage: 'Active', nextOneToOneDue: { lte: until } },
        orderBy: [{ field: 'nextOneToOneDue' }],
      },
      { list: 'involvements', where: { workstreamId, stage: 'Induction' } },
      {
        list: 'roles',
        where: { workstreamId, status: 'Advertised', closingDate: { gte: today, lte: until } },
        orderBy: [{ field: 'closingDate' }],
      },
    ]);
    const [oneToOnes, inductions] = await this.lines({ items: dueItems, byName: false }, { items: inductionItems, byName: true });
    return {
      today,
      until,
      oneToOnes,
      inductions: inductions.filter((line) => (line.induction?.missingRequired ?? 0) > 0),
      closingRoles: roleItems.map((role) => ({ roleId: role.id, title: role.title, closingDate: role.closingDate as CalendarDate })),
    };
  }

  /**
   * Every reminder due today across all workstreams, including the Monday digest on a
   * Monday. Two store reads, whatever the number of partners and named contacts: what
   * is due, then the partners, roles, checklists, members and channels all of it needs.
   */
  async reminders(windows: ReminderWindows): Promise<Reminder[]> {
    const today = this.ctx.today();
    const monday = isMonday(parseISO(today));
    const waitDays = (this.ctx.settings.claims ?? DEFAULT_CLAIM_SETTINGS).approvalReminderDays;
    const waitedSince = new Date(this.ctx.deps.clock.now().getTime() - waitDays * 86_400_000).toISOString();
    const since = plusDays(today, -REVIEW_LOOKBACK_DAYS);
    const serving = [...SERVING_STAGES];
    const [dueItems, inductionItems, roleItems, openItems, claimItems, termItems, agreementItems, accessItems] =
      await this.ctx.store.findAll([
        { list: 'involvements', where: { stage: 'Active', nextOneToOneDue: { lte: plusDays(today, windows.dueWithinDays) } } },
        { list: 'involvements', where: { stage: 'Induction' } },
        { list: 'roles', where: { status: 'Advertised', closingDate: { gte: today, lte: plusDays(today, windows.closingWithinDays) } } },
        // The digest's involvements, on a Monday only: an empty "any of" reads nothing.
        { list: 'involvements', where: { stage: monday ? OPEN_STAGES : [] } },
        { list: 'claims', where: { submittedAt: { lte: waitedSince }, status: 'Submitted' } },
        // Each review read by its date first (indexed, and bounded below so ended involvements of years past are never counted).
        {
          list: 'involvements',
          where: { termEndDate: { gte: since, lte: termsRemindedBy(today, this.ctx.reviewSettings) }, stage: serving },
        },
        { list: 'involvements', where: { agreementsDue: { gte: since, lte: today }, stage: serving } },
        { list: 'involvements', where: { accessReviewDue: { gte: since, lte: today }, stage: serving } },
      ]);
    const reviewing = [...new Map([...termItems, ...agreementItems, ...accessItems].map((item) => [item.id, item])).values()];
    const involvements = [...dueItems, ...inductionItems, ...openItems, ...reviewing];
    const owners = [...[...involvements, ...roleItems].map((item) => item.ownerId), ...claimItems.map((claim) => claim.approverId)].flatMap(
      (id) => (id ? [id] : []),
    );
    const [taskItems, partners, roles, memberRows, workstreams] = await this.ctx.store.findAll([
      { list: 'inductionTasks', where: { involvementId: inductionItems.map((item) => item.id) } },
      { list: 'partners', where: { id: [...new Set([...involvements, ...claimItems].map((item) => item.partnerId))] } },
      { list: 'roles', where: { id: [...new Set(involvements.map((item) => item.roleId))] } },
      AccessPolicy.reachQuery(owners),
      { list: 'workstreams', where: { id: [...new Set([...involvements, ...roleItems, ...claimItems].map((item) => item.workstreamId))] } },
    ]);
    const names = namesOf(partners);
    const roleTitles = titlesOf(roles);
    const reach = this.ctx.access.reachFrom(owners, memberRows);
    const reminders: ReminderDraft[] = [
      ...dueItems.flatMap((involvement) => this.oneToOneReminders(involvement, names, roleTitles, today, windows)),
      ...inductionItems.flatMap((involvement) =>
        this.inductionReminder(
          involvement,
          taskItems.filter((task) => task.involvementId === involvement.id),
          names,
          today,
          windows,
        ),
      ),
      ...roleItems.map((role) => closingReminder(role, today)),
      ...this.digests(today, openItems, reach, (items) => this.linesFrom(items, names, roleTitles)),
      ...claimItems.map((claim) => this.claimReminder(claim, names, today)),
      ...reviewing.flatMap((involvement) => reviewReminders(involvement, names, roleTitles, this.ctx.reviewSettings, today)),
    ];
    const channels = new Map(workstreams.map((workstream) => [workstream.id, workstream.teamsChannelId]));
    // Each reminder's owner is kept only while they still belong to its workstream: someone
    // who has left it is told nothing more about its partners.
    return reminders.map((reminder) => ({
      ...reminder,
      ownerId: reminder.ownerId && AccessPolicy.includes(reach.get(reminder.ownerId), reminder.workstreamId) ? reminder.ownerId : null,
      teamsChannelId: channels.get(reminder.workstreamId) ?? null,
    }));
  }

  /** A claim submitted more than the organisation's approval reminder days ago (14 by default), to its approver (the Engagement team when it has none). */
  private claimReminder(claim: Claim, names: Map<number, string>, today: CalendarDate): ReminderDraft {
    const name = names.get(claim.partnerId) ?? 'A partner';
    const submitted = dateIn(this.ctx.settings.timeZone, claim.submittedAt as string);
    return {
      kind: 'claim-awaiting-approval',
      key: `claim-awaiting-approval:${claim.id}:${claim.submittedAt as string}`,
      ownerId: claim.approverId,
      workstreamId: claim.workstreamId,
      involvementId: claim.involvementId,
      partnerId: claim.partnerId,
      claimId: claim.id,
      toEngagementTeam: claim.approverId === null,
      title: `Claim waiting for approval: ${name}`,
      lines: [
        `${name}'s claim for ${longDate(claim.activityDate)} (${pounds(claim.paymentPence + claim.expensesPence)}) was submitted by ${claim.submittedBy ?? 'a colleague'} on ${longDate(submitted)} and has waited ${plural(daysBetween(submitted, today), 'day')}. Please approve or reject it, so the partner is not left out of pocket.`,
      ],
    };
  }

  private oneToOneReminders(
    involvement: Involvement,
    names: Map<number, string>,
    roleTitles: Map<number, string>,
    today: CalendarDate,
    windows: ReminderWindows,
  ): ReminderDraft[] {
    const due = involvement.nextOneToOneDue as CalendarDate;
    const name = names.get(involvement.partnerId) ?? 'A partner';
    const role = roleTitles.get(involvement.roleId) ?? 'their role';
    const base = {
      ownerId: involvement.ownerId,
      workstreamId: involvement.workstreamId,
      involvementId: involvement.id,
      partnerId: involvement.partnerId,
    };
    const late = daysBetween(due, today);
    if (late <= 0) {
      return [
        {
          ...base,
          kind: 'one-to-one-due',
          key: `one-to-one-due:${involvement.id}:${due}`,
          toEngagementTeam: false,
          title: `One-to-one coming up: ${name}`,
          lines: [`${name}'s next one-to-one (${role}) is due on ${longDate(due)}. Book it if you have not already.`],
        },
      ];
    }
    const reminders: ReminderDraft[] = [
      {
        ...base,
        kind: 'one-to-one-overdue',
        key: `one-to-one-overdue:${involvement.id}:${due}`,
        toEngagementTeam: false,
        title: `One-to-one overdue: ${name}`,
        lines: [
          `${name}'s one-to-one (${role}) was due on ${longDate(due)}. Please get in touch and book one, or record it if it has happened.`,
        ],
      },
    ];
    if (late >= windows.escalateAfterDays) {
      reminders.push({
        ...base,
        kind: 'one-to-one-escalated',
        key: `one-to-one-escalated:${involvement.id}:${due}`,
        toEngagementTeam: true,
        title: `One-to-one ${plural(late, 'day')} overdue: ${name}`,
        lines: [
          `${name}'s one-to-one (${role}) has been overdue since ${longDate(due)}. The Engagement team has been told too, in case the named contact needs a hand.`,
        ],
      });
    }
    return reminders;
  }

  private inductionReminder(
    involvement: Involvement,
    tasks: readonly InductionTask[],
    names: Map<number, string>,
    today: CalendarDate,
    windows: ReminderWindows,
  ): ReminderDraft[] {
    const dates = [involvement.inductionStartedDate, ...tasks.filter((task) => task.done).map((task) => task.doneDate)].filter(
      (date): date is CalendarDate => typeof date === 'string',
    );
    const lastProgress = dates.sort().at(-1) ?? involvement.stageChangedAt.slice(0, 10);
    if (daysBetween(lastProgress, today) < windows.inductionStallDays) return [];
    const progress = inductionProgress(tasks);
    const name = names.get(involvement.partnerId) ?? 'A partner';
    return [
      {
        kind: 'induction-stalled',
        key: `induction-stalled:${involvement.id}:${lastProgress}`,
        ownerId: involvement.ownerId,
        workstreamId: involvement.workstreamId,
        involvementId: involvement.id,
        partnerId: involvement.partnerId,
        toEngagementTeam: false,
        title: `Induction waiting: ${name}`,
        lines: [
          `Nothing on ${name}'s induction checklist has moved since ${longDate(lastProgress)}. ${progress.done} of ${progress.total} items are done; ${plural(progress.missingRequired.length, 'required item')} still to do.`,
        ],
      },
    ];
  }

  /** One digest per named contact of open involvements in workstreams they still belong to. */
  private digests(
    today: CalendarDate,
    open: readonly Involvement[],
    reach: ReadonlyMap<string, Reach>,
    linesOf: (items: readonly Involvement[]) => PartnerLine[],
  ): ReminderDraft[] {
    const byOwner = new Map<string, Involvement[]>();
    for (const involvement of open) {
      if (!involvement.ownerId || !AccessPolicy.includes(reach.get(involvement.ownerId), involvement.workstreamId)) continue;
      byOwner.set(involvement.ownerId, [...(byOwner.get(involvement.ownerId) ?? []), involvement]);
    }
    const digests: ReminderDraft[] = [];
    for (const [ownerId, items] of byOwner) {
      const lines = linesOf(items);
      const overdue = lines.filter((line) => line.nextOneToOne.state === 'overdue').length;
      const soon = lines.filter((line) => line.nextOneToOne.state === 'due-soon').length;
      const inducting = lines.filter((line) => line.stage === 'Induction').length;
      const recruiting = lines.filter((line) => ['Interested', 'Chat booked', 'Chat held', 'Offered'].includes(line.stage)).length;
      digests.push({
        kind: 'weekly-digest',
        key: `weekly-digest:${ownerId}:${today}`,
        ownerId,
        workstreamId: items[0].workstreamId,
        toEngagementTeam: false,
        title: `Your partners this week (${longDate(today)})`,
        lines: [
          `${plural(lines.length, 'partner')} with you as named contact: ${recruiting} being recruited, ${inducting} in induction.`,
          `One-to-ones: ${overdue} overdue, ${soon} due soon.`,
          ...lines
            .filter((line) => line.nextOneToOne.state === 'overdue' || line.nextOneToOne.state === 'due-soon')
            .map((line) => `${line.name} (${line.roleTitle}): ${line.dueText}`),
          ...reviewLines(items, lines, this.ctx.reviewSettings, today),
        ],
      });
    }
    return digests;
  }

  /** The lines of each group of involvements (by partner name where `byName`), their partners and roles read in one `findAll`. */
  private async lines(
    ...groups: ReadonlyArray<{ readonly items: readonly Involvement[]; readonly byName: boolean }>
  ): Promise<PartnerLine[][]> {
    const items = groups.flatMap((group) => group.items);
    if (items.length === 0) return groups.map(() => []);
    const [partners, roles] = await this.ctx.store.findAll([
      { list: 'partners', where: { id: [...new Set(items.map((item) => item.partnerId))] } },
      { list: 'roles', where: { id: [...new Set(items.map((item) => item.roleId))] } },
    ]);
    const [names, roleTitles] = [namesOf(partners), titlesOf(roles)];
    return groups.map((group) => this.linesFrom(group.items, names, roleTitles, group.byName));
  }

  private linesFrom(
    items: readonly Involvement[],
    names: ReadonlyMap<number, string>,
    roleTitles: ReadonlyMap<number, string>,
    sortByName = true,
  ): PartnerLine[] {
    const today = this.ctx.today();
    const lines = items.map((involvement): PartnerLine => {
      const next = dueState(involvement.nextOneToOneDue, today, this.ctx.settings);
      const progress = progressOf(involvement);
      return {
        involvementId: involvement.id,
        workstreamId: involvement.workstreamId,
        name: names.get(involvement.partnerId) ?? 'Unknown partner',
        roleTitle: roleTitles.get(involvement.roleId) ?? 'Unknown role',
        stage: involvement.stage,
        nextOneToOne: next,
        dueText: describeDue(next),
        induction: progress && { done: progress.done, total: progress.total, missingRequired: progress.missingRequired.length },
      };
    });
    return sortByName ? lines.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) : lines;
  }
}

/** A reminder for each review of a serving involvement that has come round today, to its named contact; each once per date. */
function reviewReminders(
  involvement: Involvement,
  names: ReadonlyMap<number, string>,
  roleTitles: ReadonlyMap<number, string>,
  settings: ReviewSettings,
  today: CalendarDate,
): ReminderDraft[] {
  const name = names.get(involvement.partnerId) ?? 'A partner';
  return reviewsDue(name, roleTitles.get(involvement.roleId) ?? 'their role', involvement, settings, today).map((due) => ({
    kind: REVIEW_REMINDER_KINDS[due.kind],
    key: `${REVIEW_REMINDER_KINDS[due.kind]}:${involvement.id}:${due.date}`,
    ownerId: involvement.ownerId,
    workstreamId: involvement.workstreamId,
    involvementId: involvement.id,
    partnerId: involvement.partnerId,
    toEngagementTeam: false,
    title: `${due.what}: ${name}`,
    lines: [due.sentence],
  }));
}

/** The digest's lines for the reviews come round among a named contact's partners: a count, then one line each. */
function reviewLines(
  items: readonly Involvement[],
  lines: readonly PartnerLine[],
  settings: ReviewSettings,
  today: CalendarDate,
): string[] {
  const due = lines.flatMap((line) => {
    const involvement = items.find((item) => item.id === line.involvementId);
    if (!involvement || !SERVING_STAGES.includes(involvement.stage)) return [];
    return reviewsDue(line.name, line.roleTitle, involvement, settings, today).map(
      (review) => `${line.name} (${line.roleTitle}): ${review.what}, ${longDate(review.date)}`,
    );
  });
  return due.length > 0 ? [`Reviews come round: ${due.length}.`, ...due] : [];
}

function namesOf(partners: readonly Partner[]): Map<number, string> {
  return new Map(partners.map((partner) => [partner.id, displayName(partner)]));
}

function titlesOf(roles: readonly Role[]): Map<number, string> {
  return new Map(roles.map((role) => [role.id, role.title]));
}

function closingReminder(role: Role, today: CalendarDate): ReminderDraft {
  const closing = role.closingDate as CalendarDate;
  const days = daysBetween(today, closing);
  return {
    kind: 'role-closing',
    key: `role-closing:${role.id}:${closing}`,
    ownerId: role.ownerId,
    workstreamId: role.workstreamId,
    roleId: role.id,
    toEngagementTeam: false,
    title: `Closing ${days === 0 ? 'today' : `in ${plural(days, 'day')}`}: ${role.title}`,
    lines: [
      `"${role.title}" closes to interest on ${longDate(closing)}. Check everyone who got in touch has been acknowledged, and plan their informal chats.`,
    ],
  };
}
