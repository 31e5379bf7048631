import { z } from 'zod';
import { AccessDeniedError, NotFoundError } from '../errors';
import { GUID, type Principal } from '../principal';
import { members, type Member } from '../schema/lists';
import type { Reach } from './access';
import { idempotencyKey, itemRef, newKey, parseInput, titlesOf, UseCaseContext } from './context';

const NOT_AN_OBJECT_ID =
  "This is not an Entra object id, so nobody could sign in as it. An object id has 36 characters, such as 0f1b2a3c-4d5e-6f70-8192-a3b4c5d6e7f8: copy it from the person's profile in the Entra admin centre, or add them with the people picker in the tab inside Teams.";

const addInput = z
  .object({
    /** Left out to add someone to the Engagement team. */
    workstreamId: itemRef.id.optional(),
    userId: members.fields.userId.trim().regex(GUID, { error: NOT_AN_OBJECT_ID }).toLowerCase(),
    userName: members.fields.userName,
    key: idempotencyKey,
  })
  .strict();

const removeInput = z.object({ memberId: itemRef.id, version: itemRef.version }).strict();

const TITLES = titlesOf('members', { workstreamId: 'Workstream', key: 'Key', memberId: 'Member', version: 'Version' });

/**
 * Who belongs to each workstream and to the Engagement team. Members of a
 * workstream add and remove its members; the Engagement team does so anywhere,
 * and alone adds or removes Engagement team members.
 */
export class MemberUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** What the person may reach: the Engagement team sees every workstream. */
  reach(actor: Principal): Promise<Reach> {
    return this.ctx.access.reachOf(actor);
  }

  /** The members of a workstream, or of the Engagement team when no workstream is given, by name. */
  async list(actor: Principal, workstreamId: number | null): Promise<Member[]> {
    await this.requireToManage(actor, workstreamId);
    return this.ctx.store.find({ list: 'members', where: { workstreamId }, orderBy: [{ field: 'userName' }] });
  }

  /** Adds a person; adding someone who is already a member returns their membership unchanged. */
  async add(actor: Principal, input: unknown): Promise<Member> {
    const parsed = parseInput(addInput, input, TITLES);
    const workstreamId = parsed.workstreamId ?? null;
    await this.requireToManage(actor, workstreamId);
    if (workstreamId !== null) await this.ctx.load('workstreams', workstreamId);
    const existing = await this.ctx.store.find({ list: 'members', where: { userId: parsed.userId, workstreamId } });
    if (existing[0]) return existing[0];
    return this.ctx.commitFirst<'members'>(actor, [
      {
        op: 'create',
        list: 'members',
        key: parsed.key ?? newKey(),
        values: { workstreamId, userId: parsed.userId, userName: parsed.userName },
        summary: workstreamId === null ? 'Added to the Engagement team' : 'Added to the workstream',
      },
    ]);
  }

  /** Removes a membership. */
  async remove(actor: Principal, input: unknown): Promise<void> {
    const { memberId: id, version } = parseInput(removeInput, input, TITLES);
    const [member, reach] = await Promise.all([this.ctx.store.get('members', id), this.ctx.access.reachOf(actor)]);
    if (!member) throw reach.engagementTeam ? new NotFoundError('member', id) : new AccessDeniedError();
    await this.requireToManage(actor, member.workstreamId);
    await this.ctx.store.commit(
      [
        {
          op: 'delete',
          list: 'members',
          id,
          version,
          summary: member.workstreamId === null ? 'Removed from the Engagement team' : 'Removed from the workstream',
        },
      ],
      this.ctx.commitContext(actor),
    );
  }

  private async requireToManage(actor: Principal, workstreamId: number | null): Promise<void> {
    if (workstreamId === null) {
      await this.ctx.access.requireEngagementTeam(actor, 'change who is in the Engagement team');
      return;
    }
    await this.ctx.access.requireWorkstream(actor, workstreamId);
  }
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const memberInputs = {
  add: addInput,
  remove: removeInput,
} as const;
