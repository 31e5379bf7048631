import { AgendaUseCases } from './agenda';
import { ChannelAssignmentUseCases } from './assignments';
import { UseCaseContext, type ServiceDeps } from './context';
import { DueUseCases } from './due';
import { InductionUseCases } from './induction';
import { InvolvementUseCases } from './involvements';
import { MemberUseCases } from './members';
import { OneToOneUseCases } from './one-to-ones';
import { OverviewUseCases } from './overview';
import { PartnerUseCases } from './partners';
import { PersonalDataUseCases } from './personal-data';
import { RoleViewUseCases } from './role-views';
import { RoleUseCases } from './roles';
import { ViewUseCases } from './views';
import { WorkstreamUseCases } from './workstreams';

/**
 * The pathway's use cases, grouped by what they act on. The bot, the tab API and
 * the demo seed all call these, so every rule is applied in one place. Inputs are
 * `unknown` and validated here: a caller passes what the person sent.
 */
export interface PathwayService {
  readonly workstreams: WorkstreamUseCases;
  readonly roles: RoleUseCases;
  readonly involvements: InvolvementUseCases;
  readonly induction: InductionUseCases;
  readonly oneToOnes: OneToOneUseCases;
  readonly partners: PartnerUseCases;
  readonly views: ViewUseCases;
  /** The one-to-one agenda and calendar invitations. */
  readonly agenda: AgendaUseCases;
  /** The Engagement team's system-wide overview. */
  readonly overview: OverviewUseCases;
  /** For the bot: which Teams channel belongs to which workstream. */
  readonly assignments: ChannelAssignmentUseCases;
  /** For the bot: what is due, for lists in chat and reminders. */
  readonly due: DueUseCases;
  /** For the bot: one role at a time, and a workstream's open roles. */
  readonly roleViews: RoleViewUseCases;
  /** Who belongs to each workstream and to the Engagement team. */
  readonly members: MemberUseCases;
  /** Consent to notes, subject access, erasure and the retention schedule. */
  readonly personalData: PersonalDataUseCases;
}

export function createPathwayService(deps: ServiceDeps): PathwayService {
  const ctx = new UseCaseContext(deps);
  return {
    workstreams: new WorkstreamUseCases(ctx),
    roles: new RoleUseCases(ctx),
    involvements: new InvolvementUseCases(ctx),
    induction: new InductionUseCases(ctx),
    oneToOnes: new OneToOneUseCases(ctx),
    partners: new PartnerUseCases(ctx),
    views: new ViewUseCases(ctx),
    agenda: new AgendaUseCases(ctx),
    overview: new OverviewUseCases(ctx),
    assignments: new ChannelAssignmentUseCases(ctx),
    due: new DueUseCases(ctx),
    roleViews: new RoleViewUseCases(ctx),
    members: new MemberUseCases(ctx),
    personalData: new PersonalDataUseCases(ctx),
  };
}

export type { PathwaySettings, ServiceDeps } from './context';
export type { AccessSettings, Reach } from './access';
export type { RoleOutcome } from './roles';
export { RETENTION_ACTOR, exportSummary, type Erasure, type InvolvementExport, type PersonalDataExport } from './personal-data';
export type { DuplicateGroup, Merge, PartnerMatch } from './partners';
export type { Agenda, AgendaItem, OneToOneInvitation } from './agenda';
export type { EngagementOverview, PeerNetworkMember, WorkstreamOverview } from './overview';
export type { DueSoon, PartnerLine, Reminder, ReminderKind, ReminderWindows } from './due';
export type { Dashboard, DashboardRow, PartnerDetail, RoleSummary, StageCounts } from './views';
