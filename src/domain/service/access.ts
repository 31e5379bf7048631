import { AccessDeniedError } from '../errors';
import type { Principal } from '../principal';
import type { ListName, RecordOf } from '../schema/lists';
import type { Query, Store } from '../store';

/** Who is in the Engagement team whatever the `PPP Members` list says: the organisation's configured people. */
export interface AccessSettings {
  /** Entra object ids of Engagement team members, from configuration. */
  readonly engagementTeamIds: readonly string[];
}

/** What one person may reach: every workstream (the Engagement team) or the ones they are a member of. */
export interface Reach {
  readonly engagementTeam: boolean;
  readonly workstreamIds: ReadonlySet<number>;
}

/** A record that belongs to one workstream. */
type Owned = { readonly workstreamId: number };

const ENGAGEMENT_ONLY = (action: string) =>
  `Only the Engagement team can ${action}. Ask them in their channel, or through the bot's "ask" command.`;

/**
 * Decides what a person may see and change. Every use case asks it before it
 * reads or writes a workstream's records, so the bot, the tab API and any later
 * surface get the same answer. A refusal names no record.
 */
export class AccessPolicy {
  constructor(
    private readonly store: Store,
    private readonly settings: AccessSettings,
  ) {}

  /** What the person may reach, read fresh from the members list (one query). */
  async reachOf(actor: Principal): Promise<Reach> {
    return (await this.reachOfMany([actor.id])).get(actor.id) as Reach;
  }

  /** What each of several people may reach, in one query; for work done on their behalf, such as reminders. */
  async reachOfMany(userIds: readonly string[]): Promise<Map<string, Reach>> {
    const rows = userIds.length > 0 ? await this.store.find(AccessPolicy.reachQuery(userIds)) : [];
    return this.reachFrom(userIds, rows);
  }

  /** The read of the members rows that decide the people's reach: for a use case to send with its own reads, then give to {@link reachFrom}. */
  static reachQuery(userIds: readonly string[]): Query<'members'> {
    return { list: 'members', where: { userId: [...new Set(userIds)] } };
  }

  /** What each person may reach, from the rows {@link reachQuery} read. */
  reachFrom(userIds: readonly string[], rows: ReadonlyArray<RecordOf<'members'>>): Map<string, Reach> {
    return new Map(
      [...new Set(userIds)].map((userId) => {
        const own = rows.filter((row) => row.userId === userId);
        const engagementTeam = this.settings.engagementTeamIds.includes(userId) || own.some((row) => row.workstreamId === null);
        const workstreamIds = new Set(own.flatMap((row) => (row.workstreamId === null ? [] : [row.workstreamId])));
        return [userId, { engagementTeam, workstreamIds }];
      }),
    );
  }

  /** Whether a reach includes a workstream; no reach includes nothing. */
  static includes(reach: Reach | undefined, workstreamId: number): boolean {
    return reach !== undefined && (reach.engagementTeam || reach.workstreamIds.has(workstreamId));
  }

  /** Refuses unless the person is a member of the workstream or of the Engagement team. */
  async requireWorkstream(actor: Principal, workstreamId: number): Promise<Reach> {
    const reach = await this.reachOf(actor);
    if (!AccessPolicy.includes(reach, workstreamId)) throw new AccessDeniedError();
    return reach;
  }

  /** Refuses unless the person may act on the workstream the record belongs to; returns the record. */
  async requireRecord<L extends ListName>(actor: Principal, record: RecordOf<L> & Owned): Promise<RecordOf<L> & Owned> {
    await this.requireWorkstream(actor, record.workstreamId);
    return record;
  }

  /** Refuses unless the person is in the Engagement team; `action` completes "Only the Engagement team can …". */
  async requireEngagementTeam(actor: Principal, action: string): Promise<void> {
    this.requireEngagementTeamFrom(actor, await this.store.find(AccessPolicy.reachQuery([actor.id])), action);
  }

  /** {@link requireEngagementTeam} from the members rows a use case read with {@link reachQuery} beside its own reads. */
  requireEngagementTeamFrom(actor: Principal, rows: ReadonlyArray<RecordOf<'members'>>, action: string): void {
    if (!this.reachFrom([actor.id], rows).get(actor.id)?.engagementTeam) throw new AccessDeniedError(ENGAGEMENT_ONLY(action));
  }
}
