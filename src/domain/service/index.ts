import { OneToOneViewUseCases } from './one-to-one-views';
import { ChannelUseCases, channelInputs } from './channels';
import { ClaimSubmissions } from '../claims';
import { ClaimUseCases, claimInputs } from './claims';
import { ReadingOnce } from './read-once';
import { UseCaseContext, type ServiceDeps } from './context';
import { WorklistUseCases } from './worklists';
import { InductionUseCases, inductionInputs } from './induction';
import { InvolvementUseCases, involvementInputs } from './involvements';
import { MemberUseCases, memberInputs } from './members';
import { OneToOneUseCases, oneToOneInputs } from './one-to-ones';
import { EngagementOverviewUseCases } from './engagement-overview';
import { EqualityMonitoringUseCases, monitoringInputs } from './equality-monitoring';
import { PartnerUseCases, partnerInputs } from './partners';
import { PersonalDataUseCases, personalDataInputs } from './personal-data';
import { ReviewUseCases, reviewInputs } from './reviews';
import { RoleViewUseCases } from './role-views';
import { RoleUseCases, roleInputs } from './roles';
import { PartnerViewUseCases } from './partner-views';
import { WorkstreamUseCases, workstreamInputs } from './workstreams';

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
  /** A workstream's partners (the dashboard) and one partner in full. */
  readonly partnerViews: PartnerViewUseCases;
  /** The one-to-one agenda and calendar invitations. */
  readonly oneToOneViews: OneToOneViewUseCases;
  /** The Engagement team's system-wide overview. */
  readonly engagementOverview: EngagementOverviewUseCases;
  /** Equality monitoring: the form once per involvement, and the anonymous counts. */
  readonly equalityMonitoring: EqualityMonitoringUseCases;
  /** For the bot: which Teams channel belongs to which workstream. */
  readonly channels: ChannelUseCases;
  /** For the bot: each person's lists (my partners, due soon) and the reminders to send. */
  readonly worklists: WorklistUseCases;
  /** For the bot: one role at a time, and a workstream's open roles. */
  readonly roleViews: RoleViewUseCases;
  /** Who belongs to each workstream and to the Engagement team. */
  readonly members: MemberUseCases;
  /** Consent to notes, subject access, erasure and the retention schedule. */
  readonly personalData: PersonalDataUseCases;
  /** Claims for involvement payments and expenses, the partner's payment choices and the finance export. */
  readonly claims: ClaimUseCases;
  /** Reviews that come round: term of office, agreements re-confirmed yearly, access needs reviewed. */
  readonly reviews: ReviewUseCases;
  /**
   * The same use cases for one bot turn: each read goes to the store once until a
   * write ({@link ReadingOnce}). Made for each turn and dropped after it, so the next
   * turn sees what others changed meanwhile.
   */
  forOneTurn(): PathwayService;
}

/**
 * The schema of each use case's input, by the {@link PathwayService} group and method
 * that checks it: the API contract derives the tab's request bodies from these, so a
 * changed field fails the typecheck on both sides.
 */
export const USE_CASE_INPUTS = {
  workstreams: workstreamInputs,
  roles: roleInputs,
  involvements: involvementInputs,
  induction: inductionInputs,
  oneToOnes: oneToOneInputs,
  partners: partnerInputs,
  members: memberInputs,
  personalData: personalDataInputs,
  channels: channelInputs,
  equalityMonitoring: monitoringInputs,
  claims: claimInputs,
  reviews: reviewInputs,
} as const;

export function createPathwayService(given: ServiceDeps): PathwayService {
  // Made once here, so the copies for each turn announce to the same listener.
  const deps = { ...given, claimSubmissions: given.claimSubmissions ?? new ClaimSubmissions() };
  const ctx = new UseCaseContext(deps);
  return {
    workstreams: new WorkstreamUseCases(ctx),
    roles: new RoleUseCases(ctx),
    involvements: new InvolvementUseCases(ctx),
    induction: new InductionUseCases(ctx),
    oneToOnes: new OneToOneUseCases(ctx),
    partners: new PartnerUseCases(ctx),
    partnerViews: new PartnerViewUseCases(ctx),
    oneToOneViews: new OneToOneViewUseCases(ctx),
    engagementOverview: new EngagementOverviewUseCases(ctx),
    equalityMonitoring: new EqualityMonitoringUseCases(ctx),
    channels: new ChannelUseCases(ctx),
    worklists: new WorklistUseCases(ctx),
    roleViews: new RoleViewUseCases(ctx),
    members: new MemberUseCases(ctx),
    personalData: new PersonalDataUseCases(ctx),
    claims: new ClaimUseCases(ctx),
    reviews: new ReviewUseCases(ctx),
    forOneTurn: () => createPathwayService({ ...deps, store: new ReadingOnce(deps.store) }),
  };
}

export type { PathwaySettings, ServiceDeps } from './context';
export type { AccessSettings, Reach } from './access';
export type { RoleOutcome } from './roles';
export {
  CLAIMS_KEPT_ON_ERASURE,
  RETENTION_ACTOR,
  exportSummary,
  type Erasure,
  type InvolvementExport,
  type PersonalDataExport,
} from './personal-data';
export type { SelectionRole } from './role-views';
export type { DuplicateGroup, Merge, PartnerMatch } from './partners';
export type { ClaimLine, FinanceExport, PartnerClaims } from './claims';
export type { Agenda, AgendaItem, OneToOneInvitation, ReviewItem } from './one-to-one-views';
export {
  REVIEW_DATES_ACTOR,
  REVIEW_DATES_BATCH,
  TERM_ENDED_REASON,
  type AgreementReview,
  type InvolvementReviews,
  type ReviewDatesFilled,
} from './reviews';
export {
  DEFAULT_MONITORING_MIN_COUNT,
  type FormsCounted,
  type LoadedTable,
  type MonitoringTableState,
  type MonitoringForm,
  type MonitoringFormQuestion,
  type MonitoringTable,
  type ProfileCell,
  type ProfileRow,
  type Representativeness,
} from './equality-monitoring';
export type { AdvertAwaitingApproval, EngagementOverview, PeerNetworkMember, WorkstreamOverview } from './engagement-overview';
export type { DueSoon, PartnerLine, Reminder, ReminderKind, ReminderWindows } from './worklists';
export { REVIEW_REMINDER_KINDS, type ReviewReminderKind } from './worklists';
export type { Dashboard, DashboardRow, PartnerDetail, RoleSummary, StageCounts } from './partner-views';
