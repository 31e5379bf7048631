import { z } from 'zod';
import { RefusedError } from '../errors';
import type { Principal } from '../principal';
import { workstreams, type Workstream } from '../schema/lists';
import type { Change } from '../store';
import { AccessPolicy } from './access';
import { itemRef, parseInput, titlesOf, UseCaseContext } from './context';

const assignInput = z
  .object({
    workstreamId: itemRef.id,
    teamsChannelId: workstreams.fields.teamsChannelId.unwrap().trim().min(1),
  })
  .strict();

const TITLES = titlesOf('workstreams', { workstreamId: 'Workstream' });

/** Which Teams channel belongs to which workstream, so the bot asks a channel only once. */
export class ChannelUseCases {
  constructor(private readonly ctx: UseCaseContext) {}

  /** The workstream a Teams channel has been assigned to, if any. */
  async workstreamForChannel(teamsChannelId: string): Promise<Workstream | undefined> {
    const [found] = await this.ctx.store.find({ list: 'workstreams', where: { teamsChannelId }, top: 1 });
    return found;
  }

  /**
   * Records that a Teams channel belongs to a workstream. A channel belongs to one
   * workstream at a time, so any other workstream it was assigned to is released in
   * the same commit, which only someone who may act on that workstream too (or the
   * Engagement team) may do. A workstream already linked to a different channel is
   * refused: its own channel must be released first.
   */
  async assignChannel(actor: Principal, input: unknown): Promise<Workstream> {
    const { workstreamId, teamsChannelId } = parseInput(assignInput, input, TITLES);
    const {
      item: workstream,
      reach,
      answers: [previous],
    } = await this.ctx.loadWorkstreamWith(actor, workstreamId, [{ list: 'workstreams', where: { teamsChannelId } }] as const);
    if (workstream.teamsChannelId === teamsChannelId) return workstream;
    if (workstream.teamsChannelId) {
      throw new RefusedError(
        'workstream-has-channel',
        `"${workstream.title}" already has its own Teams channel. Use that channel, or ask an administrator to move it.`,
      );
    }
    if (previous.some((other) => !AccessPolicy.includes(reach, other.id))) {
      throw new RefusedError(
        'channel-held-elsewhere',
        "This channel already belongs to another workstream, and you are not a member of that one, so you cannot move the channel to yours. Use your own workstream's channel, or ask a member of the other workstream or the Engagement team to move it.",
      );
    }
    const changes: Change[] = [
      {
        op: 'update',
        list: 'workstreams',
        id: workstream.id,
        version: workstream.version,
        values: { teamsChannelId },
        summary: 'Teams channel assigned',
      },
      ...previous.map((other): Change => ({
        op: 'update',
        list: 'workstreams',
        id: other.id,
        version: other.version,
        values: { teamsChannelId: null },
        summary: 'Teams channel moved to another workstream',
      })),
    ];
    return this.ctx.commitFirst<'workstreams'>(actor, changes);
  }
}

/** What each use case above takes, as the schema that checks it (the API contract derives request bodies from these). */
export const channelInputs = {
  assignChannel: assignInput,
} as const;
