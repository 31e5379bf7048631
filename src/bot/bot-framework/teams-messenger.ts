import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { BotMemory } from '../pathway/memory';
import type { Messenger, Recipient } from '../pathway/messenger';
import type { ConversationPacer } from '../pathway/pacer';
import type { Reply } from '../pathway/turn';
import { activityOf } from './teams-turn';

/** Sends proactive messages through the Bot Framework with the conversation references the bot stored. */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly memory: BotMemory,
    private readonly pacer: ConversationPacer,
  ) {}

  async send(to: Recipient, reply: Reply): Promise<boolean> {
    const reference = (await ('conversationId' in to
      ? this.memory.reference('conversation', to.conversationId)
      : 'userId' in to
        ? this.memory.reference('user', to.userId)
        : this.memory.reference('channel', to.teamsChannelId))) as Partial<ConversationReference> | undefined;
    if (!reference?.conversation?.id) return false;
    await this.pacer.wait(reference.conversation.id);
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      // Sent through the adapter, not the turn, so it is a new message rather than a reply to the synthetic continuation activity.
      const outgoing = TurnContext.applyConversationReference(activityOf(reply), TurnContext.getConversationReference(context.activity));
      await context.adapter.sendActivities(context, [{ ...outgoing, replyToId: undefined }]);
    });
    return true;
  }
}
