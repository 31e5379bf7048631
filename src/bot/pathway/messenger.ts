import type { Reply } from './messages';

/** Who a proactive message is for. */
export type Recipient =
  /** A conversation the bot has been part of. */
  | { readonly conversationId: string }
  /** A member of staff, in their personal chat with the bot. */
  | { readonly userId: string }
  /** A Teams channel, as a new post. */
  | { readonly teamsChannelId: string };

/**
 * Sends messages the person did not just ask for: reminders, relayed questions and
 * answers, adverts for approval. Implemented by the Teams adapter; handlers never
 * see Bot Framework types. Resolves false when the bot has no way to reach the
 * recipient yet (it has never been added to that chat or channel).
 */
export interface Messenger {
  send(to: Recipient, reply: Reply): Promise<boolean>;
}
