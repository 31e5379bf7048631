import { z } from 'zod';
import { RefusedError } from '../errors';
import type { Principal } from '../principal';
import { checkRoleTransition, missingDescription, planningWarnings } from '../role';
import { tidyCriteria } from '../selection';
import { roles, type Fields, type Role, type RoleStatus } from '../schema/lists';
import { idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';

/** A role with what its description still lacks and advice for the lead. */
export interface RoleOutcome {
  readonly role: Role;
  /** Readable names of description fields still empty. */
  readonly missing: string[];
  readonly warnings: string[];
}

const descriptionFields = roles.schema
  .pick({
    purpose: true,
    activities: true,
    timeCommitment: true,
    location: true,
    locationDetails: true,
    paymentAndExpenses: true,
    skillsWelcomed: true,
    supportOffered: true,
    contact: true,
    closingDate: true,
    startDate: true,
    level: true,
    accessibleFormats: true,
    termMonths: true,
    selectionCriteria: true,
  })
  .partial();

const planRoleInput = descriptionFields
  .extend({ workstreamId: roles.fields.workstreamId, title: roles.fields.title, key: idempotencyKey })
  .strict();

const updateRoleInput = descriptionFields
  .extend({ roleId: itemRef.id, version: itemRef.version, key: idempotencyKey, title: roles.fields.title.optional() })
  .strict();

const roleRefInput = z.object({ roleId: itemRef.id, version: itemRef.version, key: idempotencyKey }).strict();

/** A step that moves a role on, with whatever of the description was changed on the card it was pressed from. */
const roleMoveInput = updateRoleInput;

const approveInput = roleRefInput
  .extend({
    advertUrl: z
      .url({ protocol: /^https$/, error: 'Advert link must be the https address of the advert on the opportunities pages.' })
      .max(255),
  })
  .strict();

const sendBackInput = roleRefInput.extend({ comment: roles.fields.advertComment.unwrap().min(1) }).strict();

const reassignInput = roleRefInput.extend({ ownerId: roles.fields.ownerId.unwrap().min(1) }).strict();

const TITLES = titlesOf('roles', { roleId: 'Role', version: 'Version', key: 'Key' });

/** Editing is for roles still being planned; a published advert changes through the Engagement team. */
const EDITABLE: readonly RoleStatus[] = ['Draft', 'Ready'];

/** The use cases of planning, advertising, filling and closing roles. */
export class RoleUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  private outcome(role: Role): RoleOutcome {
    return {
      role,
      missing: missingDescription(role),
      warnings: planningWarnings(role, this.ctx.today(), this.ctx.settings),
    };
  }

  /** A change to one role that is safe to send twice (see {@link UseCaseContext.repeatable}); a repeat answers with the role as it is now. */
  private repeatable(actor: Principal, roleId: number, key: string | undefined, attempt: () => Promise<RoleOutcome>): Promise<RoleOutcome> {
    return this.ctx.repeatable(key, attempt, async () => this.outcome(await this.ctx.loadOwned(actor, 'roles', roleId)));
  }

  /** Saves a new role as Draft from whatever of its description the lead has so far. */
  async planRole(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { key, workstreamId, ...typed } = parseInput(planRoleInput, input, TITLES);
    const description = withCriteriaTidied(typed);
    await this.ctx.loadWorkstream(actor, workstreamId);
    const at = this.ctx.nowIso();
    const role = await this.ctx.commitFirst<'roles'>(actor, [
      {
        op: 'create',
        list: 'roles',
        key: key ?? newKey(),
        summary: 'Role planned as Draft',
        values: {
          ...emptyDescription(),
          ...description,
          workstreamId,
          status: 'Draft',
          ownerId: actor.id,
          ownerName: actor.name,
          advertState: 'Not sent',
          advertUrl: null,
          advertComment: null,
          advertDecidedBy: null,
          advertDecidedAt: null,
          statusChangedBy: actor.name,
          statusChangedAt: at,
        },
      },
    ]);
    return this.outcome(role);
  }

  /**
   * The role with the description changes applied; refused when there are changes
   * and the role is past planning.
   */
  private edited(role: Role, changes: Partial<Role>): Role {
    if (Object.keys(changes).length > 0 && !EDITABLE.includes(role.status)) {
      throw new RefusedError(
        'role-not-editable',
        `"${role.title}" is ${role.status}, so its description can no longer be changed here. Ask the Engagement team to update the advert.`,
      );
    }
    return { ...role, ...changes };
  }

  /** Changes the description of a Draft or Ready role; a Ready role must stay complete. */
  async updateRole(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { roleId, version, key, ...typed } = parseInput(updateRoleInput, input, TITLES);
    const changes = withCriteriaTidied(typed);
    return this.repeatable(actor, roleId, key, async () => {
      const role = await this.ctx.loadOwned(actor, 'roles', roleId);
      const next = this.edited(role, changes);
      if (role.status === 'Ready' && missingDescription(next).length > 0) {
        throw new RefusedError(
          'description-incomplete',
          `"${role.title}" is Ready, so its description must stay complete: ${missingDescription(next).join(', ')} cannot be left empty. Move it back to Draft first if you need to.`,
          { missing: missingDescription(next) },
        );
      }
      return this.saved(actor, roleId, version, key, changes, 'Role description edited');
    });
  }

  /**
   * Moves a role to another status, saving in the same commit whatever of the
   * description came with the step (the card's fields as they were when pressed).
   */
  private async moveTo(actor: Principal, input: unknown, to: RoleStatus): Promise<RoleOutcome> {
    const { roleId, version, key, ...typed } = parseInput(roleMoveInput, input, TITLES);
    const changes = withCriteriaTidied(typed);
    return this.repeatable(actor, roleId, key, async () => {
      const role = await this.ctx.loadOwned(actor, 'roles', roleId);
      checkRoleTransition(this.edited(role, changes), to, this.ctx.today());
      return this.saved(
        actor,
        roleId,
        version,
        key,
        { ...changes, status: to, statusChangedBy: actor.name, statusChangedAt: this.ctx.nowIso() },
        `${Object.keys(changes).length > 0 ? 'Role description edited; status' : 'Status'}: ${role.status} to ${to}`,
      );
    });
  }

  /** Draft to Ready: the description must be complete. */
  markReady(actor: Principal, input: unknown): Promise<RoleOutcome> {
    return this.moveTo(actor, input, 'Ready');
  }

  /** Ready back to Draft, to rework the description. */
  backToDraft(actor: Principal, input: unknown): Promise<RoleOutcome> {
    return this.moveTo(actor, input, 'Draft');
  }

  /** Advertised to Filled: the partners the role needs have been found. */
  markFilled(actor: Principal, input: unknown): Promise<RoleOutcome> {
    return this.moveTo(actor, input, 'Filled');
  }

  /** Closes a role at any stage; it takes no more interest. */
  close(actor: Principal, input: unknown): Promise<RoleOutcome> {
    return this.moveTo(actor, input, 'Closed');
  }

  /**
   * Sends a Ready role's advert to the Engagement team for the opportunities pages,
   * saving in the same commit whatever of the description came with it, so the
   * advert is what the lead last saw.
   */
  async sendAdvert(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { roleId, version, key, ...typed } = parseInput(roleMoveInput, input, TITLES);
    const changes = withCriteriaTidied(typed);
    return this.repeatable(actor, roleId, key, async () => {
      const role = this.edited(await this.ctx.loadOwned(actor, 'roles', roleId), changes);
      if (role.status !== 'Ready') {
        throw new RefusedError(
          'role-not-ready',
          `The advert for "${role.title}" can be sent once the role is Ready; it is ${role.status}.`,
        );
      }
      if (role.advertState === 'Awaiting approval') {
        throw new RefusedError('advert-already-sent', `The advert for "${role.title}" is already with the Engagement team.`);
      }
      checkRoleTransition(role, 'Advertised', this.ctx.today());
      return this.saved(
        actor,
        roleId,
        version,
        key,
        { ...changes, advertState: 'Awaiting approval', advertComment: null },
        Object.keys(changes).length > 0
          ? 'Role description edited; advert sent to the Engagement team'
          : 'Advert sent to the Engagement team',
      );
    });
  }

  /** The Engagement team approves an advert with its link: the role becomes Advertised. */
  async approveAdvert(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { roleId, version, key, advertUrl } = parseInput(approveInput, input, { ...TITLES, advertUrl: 'Advert link' });
    await this.ctx.access.requireEngagementTeam(actor, 'approve adverts');
    return this.repeatable(actor, roleId, key, async () => {
      const role = await this.awaitingApproval(roleId);
      checkRoleTransition(role, 'Advertised', this.ctx.today());
      const at = this.ctx.nowIso();
      return this.saved(
        actor,
        roleId,
        version,
        key,
        {
          status: 'Advertised',
          advertState: 'Approved',
          advertUrl,
          advertDecidedBy: actor.name,
          advertDecidedAt: at,
          statusChangedBy: actor.name,
          statusChangedAt: at,
        },
        'Advert approved: status Ready to Advertised',
      );
    });
  }

  /** The Engagement team sends an advert back with a comment; the role stays Ready. */
  async sendAdvertBack(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { roleId, version, key, comment } = parseInput(sendBackInput, input, { ...TITLES, comment: 'Comment' });
    await this.ctx.access.requireEngagementTeam(actor, 'send adverts back');
    return this.repeatable(actor, roleId, key, async () => {
      await this.awaitingApproval(roleId);
      return this.saved(
        actor,
        roleId,
        version,
        key,
        { advertState: 'Sent back', advertComment: comment, advertDecidedBy: actor.name, advertDecidedAt: this.ctx.nowIso() },
        'Advert sent back with a comment',
      );
    });
  }

  /**
   * Makes another member of the workstream the role's recruiting lead. People who
   * show interest from then on have them as named contact; partners already on the
   * pathway keep theirs until it is changed on each.
   */
  async reassignLead(actor: Principal, input: unknown): Promise<RoleOutcome> {
    const { roleId, version, key, ownerId } = parseInput(reassignInput, input, { ...TITLES, ownerId: 'Recruiting lead' });
    return this.repeatable(actor, roleId, key, async () => {
      const role = await this.ctx.loadOwned(actor, 'roles', roleId);
      const owner = await this.ctx.workstreamMember(role.workstreamId, ownerId, 'recruiting lead');
      return this.saved(actor, roleId, version, key, { ownerId: owner.userId, ownerName: owner.userName }, 'Recruiting lead changed');
    });
  }

  /** Commits one change to a role (as part of the keyed action `key`, if given) and answers with the role saved. */
  private async saved(
    actor: Principal,
    roleId: number,
    version: number,
    key: string | undefined,
    values: Partial<Fields<'roles'>>,
    summary: string,
  ): Promise<RoleOutcome> {
    const updated = await this.ctx.commitFirst<'roles'>(
      actor,
      [{ op: 'update', list: 'roles', id: roleId, version, values, summary }],
      key,
    );
    return this.outcome(updated);
  }

  private async awaitingApproval(roleId: number): Promise<Role> {
    const role = await this.ctx.load('roles', roleId);
    if (role.advertState !== 'Awaiting approval') {
      throw new RefusedError(
        'advert-not-awaiting-approval',
        `There is no advert for "${role.title}" waiting for approval (its advert is ${role.advertState.toLowerCase()}).`,
      );
    }
    return role;
  }
}

/** Description changes with the selection criteria, when given, checked and tidied (see {@link tidyCriteria}). */
function withCriteriaTidied<T extends { readonly selectionCriteria?: string | null }>(changes: T): T {
  return changes.selectionCriteria === undefined ? changes : { ...changes, selectionCriteria: tidyCriteria(changes.selectionCriteria) };
}

function emptyDescription() {
  return {
    purpose: null,
    activities: null,
    timeCommitment: null,
    location: null,
    locationDetails: null,
    paymentAndExpenses: null,
    skillsWelcomed: null,
    supportOffered: null,
    contact: null,
    closingDate: null,
    startDate: null,
    level: null,
    accessibleFormats: null,
    termMonths: null,
    selectionCriteria: null,
  } as const;
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const roleInputs = {
  planRole: planRoleInput,
  updateRole: updateRoleInput,
  markReady: roleMoveInput,
  backToDraft: roleMoveInput,
  markFilled: roleMoveInput,
  close: roleMoveInput,
  sendAdvert: roleMoveInput,
  approveAdvert: approveInput,
  sendAdvertBack: sendBackInput,
  reassignLead: reassignInput,
} as const;
