import { RefusedError, ValidationError, type Principal } from '../../domain';
import { recordId } from './inputs';
import template from './workstream-choice-card.json';
import type { ConversationState } from './memory';
import { say, type BotServices, type PathwayTurn, type TurnResult } from './turn';

/** The verb of the choice card's button. */
export const CHOOSE_WORKSTREAM_VERB = 'workstream.choose';

/** The card asking which workstream a channel (asked once) or chat (until changed) works on. */
export async function chooseWorkstreamCard(services: BotServices, actor: Principal, inChannel: boolean): Promise<TurnResult> {
  const workstreams = await services.service.workstreams.list(actor);
  if (workstreams.length === 0) {
    return say(
      'You are not a member of any workstream yet. To start one, add the Partner Pathway tab to your workstream\'s Teams channel and choose "A new workstream". To join one, ask one of its members, or the Engagement team, to add you on its People view.',
    );
  }
  const intro = inChannel
    ? 'I will remember the answer for this channel, so nobody here is asked again.'
    : 'I will remember your answer in this chat. Type **workstream** to change it later.';
  const card = services.cards.render(template, {
    intro,
    workstreams: workstreams.map((workstream) => ({ id: String(workstream.id), title: workstream.title })),
  });
  return { replies: [{ card, summary: 'Which workstream is this?' }] };
}

/**
 * Records the workstream chosen on the card: for a channel through the service
 * (the workstream's Teams channel), for a chat in the conversation state.
 * Returns the workstream's title and the command that was waiting for it.
 */
export async function recordWorkstreamChoice(
  services: BotServices,
  turn: PathwayTurn,
  data: Readonly<Record<string, unknown>>,
): Promise<{ readonly title: string; readonly pendingText: string | undefined; readonly workstreamId: number }> {
  const workstreamId = recordId(data.workstreamId);
  if (workstreamId === undefined) {
    throw new ValidationError('Choose a workstream from the list.', { workstreamId: 'Choose a workstream from the list.' });
  }
  const workstream = await services.service.workstreams.visible(turn.actor, workstreamId);
  if (!workstream) throw new RefusedError('workstream-gone', 'That workstream is no longer there. Type **workstream** to choose again.');
  const { state, etag } = await services.memory.conversation(turn.conversation.id);
  if (turn.conversation.kind === 'channel' && turn.conversation.teamsChannelId) {
    await services.service.channels.assignChannel(turn.actor, { workstreamId, teamsChannelId: turn.conversation.teamsChannelId });
  }
  const next: ConversationState = { workstreamId, awaiting: state.awaiting };
  await services.memory.saveConversation(turn.conversation.id, next, etag);
  return { title: workstream.title, pendingText: state.pendingText, workstreamId };
}
