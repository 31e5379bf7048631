import { plusDays, type CalendarDate } from '../calendar';
import { inductionProgress, progressOf, type InductionProgress } from '../induction';
import { partnerActions, roleActions, type PartnerActions } from '../actions';
import { CHAT_ADJUSTMENTS_TITLES } from '../involvement';
import { dueState, type NextOneToOne } from '../one-to-ones';
import {
  STAGES,
  type InductionTask,
  type Involvement,
  type OneToOne,
  type Partner,
  type Role,
  type Stage,
  type Workstream,
} from '../schema/lists';
import type { Principal } from '../principal';
import { selectionQuestion, type SelectionQuestion } from '../selection';
import { AccessPolicy } from './access';
import { byId, displayName, found, UseCaseContext } from './context';

/** How many involvements are at each stage. */
export type StageCounts = Record<Stage, number>;

/** One partner in one role, as the workstream's table shows it. No contact details. */
export interface DashboardRow {
  readonly involvementId: number;
  readonly version: number;
  readonly partnerId: number;
  /** The partner's full name, as the table lists them. */
  readonly name: string;
  /** What they like to be called, if they said. */
  readonly preferredName: string | null;
  readonly roleId: number;
  readonly roleTitle: string;
  readonly stage: Stage;
  readonly stageChangedAt: string;
  /** Null until induction starts. */
  readonly induction: InductionProgress | null;
  readonly nextOneToOne: NextOneToOne;
  /** The soonest booked one-to-one, if any. */
  readonly booked: { readonly date: CalendarDate; readonly time: string | null } | null;
  readonly ownerName: string | null;
  readonly peerNetworkStatus: Partner['peerNetworkStatus'];
  /** Plain reasons this row needs someone to act; empty when all is well. */
  readonly attention: string[];
}

export interface RoleSummary {
  readonly id: number;
  readonly version: number;
  readonly title: string;
  readonly status: Role['status'];
  readonly advertState: Role['advertState'];
  readonly closingDate: CalendarDate | null;
  readonly stageCounts: StageCounts;
  /** Whether interest can be logged in it now (it is Ready or Advertised). */
  readonly takesInterest: boolean;
}

/** Everything the workstream tab shows, read in one go. */
export interface Dashboard {
  readonly workstream: Workstream;
  readonly today: CalendarDate;
  readonly roles: RoleSummary[];
  readonly rows: DashboardRow[];
  readonly stageCounts: StageCounts;
  readonly needsAttention: number;
}

/** One partner in one role, in full, for the detail panel and the bot. */
export interface PartnerDetail {
  readonly involvement: Involvement;
  readonly partner: Partner;
  readonly name: string;
  readonly role: Role;
  readonly workstream: Workstream;
  readonly checklist: InductionTask[];
  readonly induction: InductionProgress | null;
  readonly oneToOnes: OneToOne[];
  readonly nextOneToOne: NextOneToOne;
  /** The stages this involvement may move to next (as in {@link PartnerDetail.actions}). */
  readonly nextStages: readonly Stage[];
  /** What can be done next with this partner in this role, for every surface to offer alike. */
  readonly actions: PartnerActions;
  /** How the adjustments kept with the informal chat are named at this stage (see {@link CHAT_ADJUSTMENTS_TITLES}). */
  readonly chatAdjustmentsTitle: string;
  /** What an offer or a "not this time" asks for: the role's criteria to judge, in the domain's words. */
  readonly selection: SelectionQuestion;
  /** The partner's involvements in other roles. */
  readonly otherRoles: Array<{ readonly involvementId: number; readonly roleId: number; readonly stage: Stage }>;
}

function emptyCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Read models for the tab and the bot: each view is a fixed, small number of
 * store reads, the person's reach read with the first of them.
 */
export class PartnerViewUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * One workstream's roles and partners with their induction and one-to-one state:
   * one round trip on SharePoint, the partner's name and Peer Support Network status
   * read through each involvement's lookup.
   */
  async dashboard(actor: Principal, workstreamId: number): Promise<Dashboard> {
    const today = this.ctx.today();
    const {
      item: workstream,
      answers: [roleItems, involvementItems, bookedItems],
    } = await this.ctx.loadWorkstreamWith(actor, workstreamId, [
      { list: 'roles', where: { workstreamId }, orderBy: [{ field: 'title' }] },
      {
        list: 'involvements',
        where: { workstreamId },
        expand: { lookup: 'partnerId', list: 'partners', fields: ['fullName', 'preferredName', 'peerNetworkStatus'] },
      },
      { list: 'oneToOnes', where: { workstreamId, status: 'Booked', date: { gte: today } }, orderBy: [{ field: 'date' }] },
    ] as const);
    const rolesById = new Map(roleItems.map((role) => [role.id, role]));
    const bookedByInvolvement = groupBy(bookedItems, (booked) => booked.involvementId);

    const stageCounts = emptyCounts();
    const roleCounts = new Map(roleItems.map((role) => [role.id, emptyCounts()]));
    const rows: DashboardRow[] = [];
    for (const involvement of involvementItems) {
      const partner = involvement.expanded;
      const role = rolesById.get(involvement.roleId);
      if (!partner || !role) continue;
      stageCounts[involvement.stage] += 1;
      const counts = roleCounts.get(role.id);
      if (counts) counts[involvement.stage] += 1;
      const next = dueState(involvement.nextOneToOneDue, today, this.ctx.settings);
      const booked = bookedByInvolvement.get(involvement.id)?.[0];
      rows.push({
        involvementId: involvement.id,
        version: involvement.version,
        partnerId: involvement.partnerId,
        name: partner.fullName,
        preferredName: partner.preferredName,
        roleId: role.id,
        roleTitle: role.title,
        stage: involvement.stage,
        stageChangedAt: involvement.stageChangedAt,
        induction: progressOf(involvement),
        nextOneToOne: next,
        booked: booked ? { date: booked.date, time: booked.time } : null,
        ownerName: involvement.ownerName,
        peerNetworkStatus: partner.peerNetworkStatus,
        attention: attentionFor(involvement, next, today),
      });
    }
    rows.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return {
      workstream,
      today,
      roles: roleItems.map((role) => ({
        id: role.id,
        version: role.version,
        title: role.title,
        status: role.status,
        advertState: role.advertState,
        closingDate: role.closingDate,
        stageCounts: roleCounts.get(role.id) ?? emptyCounts(),
        takesInterest: roleActions(role, false).logInterest,
      })),
      rows,
      stageCounts,
      needsAttention: rows.filter((row) => row.attention.length > 0).length,
    };
  }

  /**
   * One involvement with its partner, role, checklist and one-to-ones. The view is
   * recorded in the audit trail. On SharePoint: the involvement with the reach,
   * then its partner, role and workstream with the audit entry alongside.
   */
  async partnerDetail(actor: Principal, involvementId: number): Promise<PartnerDetail> {
    const {
      item: involvement,
      reach,
      answers: [checklist, oneToOneItems],
    } = await this.ctx.loadOwnedWith(actor, 'involvements', involvementId, [
      { list: 'inductionTasks', where: { involvementId }, orderBy: [{ field: 'order' }] },
      { list: 'oneToOnes', where: { involvementId }, orderBy: [{ field: 'date', descending: true }] },
    ] as const);
    // The involvement's lookups are checked when it is written and a partner is not
    // removed while involvements refer to it, so the view can be recorded while its partner is read.
    const [[partners, roles, workstreams, others]] = await Promise.all([
      this.ctx.store.findAll([
        byId('partners', involvement.partnerId),
        byId('roles', involvement.roleId),
        byId('workstreams', involvement.workstreamId),
        { list: 'involvements', where: { partnerId: involvement.partnerId } },
      ] as const),
      this.ctx.store.recordAccess(
        { list: 'partners', id: involvement.partnerId, action: 'Viewed', summary: 'Partner record viewed' },
        this.ctx.commitContext(actor),
      ),
    ]);
    const partner = found('partners', partners, involvement.partnerId);
    const role = found('roles', roles, involvement.roleId);
    const workstream = found('workstreams', workstreams, involvement.workstreamId);
    const actions = partnerActions(involvement, partner, oneToOneItems);
    return {
      involvement,
      partner,
      name: displayName(partner),
      role,
      workstream,
      checklist,
      induction: checklist.length > 0 ? inductionProgress(checklist) : null,
      oneToOnes: oneToOneItems,
      nextOneToOne: dueState(involvement.nextOneToOneDue, this.ctx.today(), this.ctx.settings),
      nextStages: actions.nextStages,
      actions,
      chatAdjustmentsTitle: CHAT_ADJUSTMENTS_TITLES[involvement.stage],
      selection: selectionQuestion(role),
      otherRoles: others
        .filter((other) => other.id !== involvement.id && AccessPolicy.includes(reach, other.workstreamId))
        .map((other) => ({ involvementId: other.id, roleId: other.roleId, stage: other.stage })),
    };
  }
}

/** Days after which unacknowledged interest needs chasing: people should hear back promptly. */
const ACKNOWLEDGE_WITHIN_DAYS = 2;

function attentionFor(involvement: Involvement, next: NextOneToOne, today: CalendarDate): string[] {
  const reasons: string[] = [];
  if (next.state === 'overdue') reasons.push('One-to-one overdue');
  if (
    involvement.stage === 'Interested' &&
    !involvement.acknowledgedDate &&
    plusDays(involvement.interestDate, ACKNOWLEDGE_WITHIN_DAYS) < today
  ) {
    reasons.push('Interest not acknowledged');
  }
  if (involvement.stage === 'Chat booked' && involvement.chatAt && involvement.chatAt.slice(0, 10) < today) {
    reasons.push('Chat held? Record the outcome');
  }
  return reasons;
}
