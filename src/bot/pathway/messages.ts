/** An Adaptive Card as JSON. */
export type Card = Record<string, unknown>;

/** Where a turn happens, as the pathway handlers see it: no Bot Framework types. */
export interface ConversationInfo {
  readonly id: string;
  readonly kind: 'personal' | 'groupChat' | 'channel';
  /** The Teams channel a channel conversation belongs to. */
  readonly teamsChannelId?: string;
}

/** Something the bot says: plain text or a card. */
export type Reply = { readonly text: string } | { readonly card: Card; readonly summary: string };
