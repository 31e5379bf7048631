import type { Principal } from '../principal';
import { RefusedError } from '../errors';
import { openOpportunities, type Opportunity } from '../opportunities';
import { missingDescription, planningWarnings } from '../role';
import type { Role, RoleStatus } from '../schema/lists';
import { summariseSelection, type SelectionSummary } from '../selection';
import type { RoleOutcome } from './roles';
import { UseCaseContext } from './context';

/** Reading roles one at a time, with what their description lacks and advice for the lead. */
export class RoleViewUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /**
   * One role with its completeness and warnings, if the person may see its
   * workstream. With `workstreamId`, a role of another workstream is refused too,
   * so a card sent in one workstream's channel cannot reach across to another.
   */
  async role(actor: Principal, roleId: number, workstreamId?: number): Promise<RoleOutcome> {
    const role = await this.ctx.loadOwned(actor, 'roles', roleId);
    if (workstreamId !== undefined && role.workstreamId !== workstreamId) {
      throw new RefusedError('other-workstream', 'That role belongs to another workstream. Nothing was changed.');
    }
    return this.outcome(role);
  }

  /** A workstream's roles that are still open (not Filled or Closed), by title. */
  async openRoles(actor: Principal, workstreamId: number): Promise<Role[]> {
    await this.ctx.access.requireWorkstream(actor, workstreamId);
    return this.ctx.store.find({
      list: 'roles',
      where: { workstreamId, status: ['Draft', 'Ready', 'Advertised'] },
      orderBy: [{ field: 'title' }],
    });
  }

  /** Every advert waiting for the Engagement team's approval, by title; for the Engagement team only. */
  async advertsAwaitingApproval(actor: Principal): Promise<Role[]> {
    await this.ctx.access.requireEngagementTeam(actor, 'approve adverts');
    // Sorted here: SharePoint sorts only on indexed columns once a list is past its view threshold.
    const waiting = await this.ctx.store.find({ list: 'roles', where: { advertState: 'Awaiting approval' } });
    return waiting.sort((a, b) => a.title.localeCompare(b.title));
  }

  /**
   * The public opportunities: every Advertised role whose closing date has not passed,
   * soonest closing first, with nothing about any person. Asked by no one, for anyone
   * (the public feed), so it takes no principal.
   */
  async opportunities(): Promise<Opportunity[]> {
    return openOpportunities(await this.ctx.store.find({ list: 'roles', where: { status: 'Advertised' } }), this.ctx.today());
  }

  /**
   * Every role that has been open to interest, for the Engagement team to choose one
   * and see its selection summary: by workstream, then title.
   */
  async selectionRoles(actor: Principal): Promise<SelectionRole[]> {
    await this.ctx.access.requireEngagementTeam(actor, 'see how partners were selected');
    const [found, workstreams] = await this.ctx.store.findAll([
      { list: 'roles', where: { status: ['Ready', 'Advertised', 'Filled', 'Closed'] } },
      { list: 'workstreams' },
    ] as const);
    const titles = new Map(workstreams.map((workstream) => [workstream.id, workstream.title]));
    return found
      .map((role) => ({ roleId: role.id, title: role.title, status: role.status, workstreamTitle: titles.get(role.workstreamId) ?? '' }))
      .sort((a, b) => a.workstreamTitle.localeCompare(b.workstreamTitle) || a.title.localeCompare(b.title) || a.roleId - b.roleId);
  }

  /**
   * How one role's partners were selected, in counts (see {@link SelectionSummary}):
   * for the Engagement team only, since the counts of one role concern named people.
   */
  async selectionSummary(actor: Principal, roleId: number): Promise<SelectionSummary> {
    await this.ctx.access.requireEngagementTeam(actor, 'see how partners were selected');
    const role = await this.ctx.load('roles', roleId);
    return summariseSelection(role, await this.ctx.store.find({ list: 'involvements', where: { roleId } }));
  }

  private outcome(role: Role): RoleOutcome {
    return { role, missing: missingDescription(role), warnings: planningWarnings(role, this.ctx.today(), this.ctx.settings) };
  }
}

/** A role the Engagement team can see the selection summary of. */
export interface SelectionRole {
  readonly roleId: number;
  readonly title: string;
  readonly status: RoleStatus;
  readonly workstreamTitle: string;
}
