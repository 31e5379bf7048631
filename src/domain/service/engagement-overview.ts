import type { Principal } from '../principal';
import type { CalendarDate } from '../calendar';
import { dueState } from '../one-to-ones';
import { isErased } from '../personal-data';
import { PEER_NETWORK_STATUSES, STAGES, type Partner, type Stage } from '../schema/lists';
import { UseCaseContext } from './context';
import { AccessPolicy } from './access';

/** How many involvements are at each stage. */
type StageCounts = Record<Stage, number>;

/** A role whose advert waits for the Engagement team's approval. */
export interface AdvertAwaitingApproval {
  readonly roleId: number;
  readonly version: number;
  readonly title: string;
  readonly closingDate: CalendarDate | null;
}

/** One workstream, counted, for the Engagement team's side-by-side view. */
export interface WorkstreamOverview {
  readonly id: number;
  readonly title: string;
  readonly stageCounts: StageCounts;
  readonly overdueOneToOnes: number;
  readonly dueSoonOneToOnes: number;
  readonly advertsAwaitingApproval: AdvertAwaitingApproval[];
}

/** One person in the Peer Support Network roster: invited, joined or declined. */
export interface PeerNetworkMember {
  readonly partnerId: number;
  /** The partner's version, for inviting them or recording their answer from the roster. */
  readonly version: number;
  readonly name: string;
  readonly status: Partner['peerNetworkStatus'];
  /** When they were invited or answered. */
  readonly date: CalendarDate | null;
  /** The workstreams they are involved in, by title. */
  readonly workstreams: string[];
}

/** Everything the Engagement team's personal tab shows, read in one go. */
export interface EngagementOverview {
  readonly today: CalendarDate;
  readonly workstreams: WorkstreamOverview[];
  readonly peerNetwork: {
    /** Everyone invited, joined or declined; and, as Not invited, the partners (in induction, active or paused) never invited. */
    readonly counts: Record<Partner['peerNetworkStatus'], number>;
    /** Everyone invited, joined or declined, by name. */
    readonly members: PeerNetworkMember[];
    /** The partners in induction, active or paused who have never been invited, by name: every partner is to be. */
    readonly notInvited: PeerNetworkMember[];
  };
}

/** A workstream's overview while it is being counted. */
type Tally = { -readonly [K in keyof WorkstreamOverview]: WorkstreamOverview[K] };

function emptyCounts(): StageCounts {
  return Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;
}

/** The stages at which someone is a partner, and so is to be invited to the Peer Support Network. */
const PARTNER_STAGES: readonly Stage[] = ['Induction', 'Active', 'Paused'];

/** The system-wide read model for the Engagement team. */
export class EngagementOverviewUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * All workstreams side by side and the Peer Support Network roster, in one round of
   * store reads with the person's reach, and a second for the partners never invited
   * when there are any.
   */
  async overview(actor: Principal): Promise<EngagementOverview> {
    const today = this.ctx.today();
    // The person's reach is read beside the rest and checked before anything read is used.
    // One read per status, not one "any of" the three: SharePoint refuses a read whose
    // first condition matches more than 5,000 partners, and most partners have been asked.
    const [reachRows, workstreams, involvements, awaiting, invitedPartners, joinedPartners, declinedPartners] =
      await this.ctx.store.findAll([
        AccessPolicy.reachQuery([actor.id]),
        { list: 'workstreams', orderBy: [{ field: 'title' }] },
        { list: 'involvements' },
        { list: 'roles', where: { advertState: 'Awaiting approval' }, orderBy: [{ field: 'title' }] },
        { list: 'partners', where: { peerNetworkStatus: 'Invited' } },
        { list: 'partners', where: { peerNetworkStatus: 'Joined' } },
        { list: 'partners', where: { peerNetworkStatus: 'Declined' } },
      ]);
    this.ctx.access.requireEngagementTeamFrom(actor, reachRows, 'see every workstream at once');
    const networkPartners = [...invitedPartners, ...joinedPartners, ...declinedPartners];
    const byWorkstream = new Map<number, Tally>(
      workstreams.map((workstream) => [
        workstream.id,
        {
          id: workstream.id,
          title: workstream.title,
          stageCounts: emptyCounts(),
          overdueOneToOnes: 0,
          dueSoonOneToOnes: 0,
          advertsAwaitingApproval: [],
        },
      ]),
    );
    const titleOf = new Map(workstreams.map((workstream) => [workstream.id, workstream.title]));
    const workstreamsOfPartner = new Map<number, Set<string>>();
    const invited = new Set(networkPartners.map((partner) => partner.id));
    const uninvited = new Set<number>();
    for (const involvement of involvements) {
      if (PARTNER_STAGES.includes(involvement.stage) && !invited.has(involvement.partnerId)) uninvited.add(involvement.partnerId);
      const overview = byWorkstream.get(involvement.workstreamId);
      if (!overview) continue;
      overview.stageCounts[involvement.stage] += 1;
      const state = dueState(involvement.nextOneToOneDue, today, this.ctx.settings).state;
      if (state === 'overdue') overview.overdueOneToOnes += 1;
      if (state === 'due-soon') overview.dueSoonOneToOnes += 1;
      const titles = workstreamsOfPartner.get(involvement.partnerId) ?? new Set<string>();
      titles.add(titleOf.get(involvement.workstreamId) ?? '');
      workstreamsOfPartner.set(involvement.partnerId, titles);
    }
    for (const role of awaiting) {
      byWorkstream.get(role.workstreamId)?.advertsAwaitingApproval.push({
        roleId: role.id,
        version: role.version,
        title: role.title,
        closingDate: role.closingDate,
      });
    }
    const counts = Object.fromEntries(PEER_NETWORK_STATUSES.map((status) => [status, 0])) as Record<Partner['peerNetworkStatus'], number>;
    const member = (partner: Partner): PeerNetworkMember => {
      counts[partner.peerNetworkStatus] += 1;
      return {
        partnerId: partner.id,
        version: partner.version,
        name: partner.fullName,
        status: partner.peerNetworkStatus,
        date: partner.peerNetworkDate,
        workstreams: [...(workstreamsOfPartner.get(partner.id) ?? [])].sort(),
      };
    };
    const members = networkPartners.map(member).sort(byName);
    const neverInvited = uninvited.size > 0 ? await this.ctx.store.find({ list: 'partners', where: { id: [...uninvited] } }) : [];
    const notInvited = neverInvited
      .filter((partner) => !isErased(partner))
      .map(member)
      .sort(byName);
    return { today, workstreams: [...byWorkstream.values()], peerNetwork: { counts, members, notInvited } };
  }
}

function byName(a: PeerNetworkMember, b: PeerNetworkMember): number {
  return a.name.localeCompare(b.name, 'en-GB');
}
