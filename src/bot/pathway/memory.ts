import { ConflictError } from '../../domain';
import type { KeyValueState } from '../../domain/key-value-state';
import type { Card, ConversationInfo } from './messages';

/** What the bot remembers about one conversation between turns. */
export interface ConversationState {
  /** The workstream chosen (or inferred) for a personal or group chat. */
  readonly workstreamId?: number;
  /** Free text the bot is waiting for, and the capability that takes it. */
  readonly awaiting?: string;
  /** A typed command to finish once a workstream has been chosen. */
  readonly pendingText?: string;
}

/** A question relayed to the Engagement team, kept until it is answered. */
export interface RelayedQuestion {
  readonly askedBy: string;
  readonly askedIn: string;
  readonly question: string;
  readonly workstream: string | null;
  readonly answeredBy?: string;
}

/** What a card press was answered with, kept so that the same press delivered again gets the same answer. */
export interface PressAnswer {
  /** The card as the press left it. */
  readonly update?: { readonly card: Card; readonly summary: string };
  /** Otherwise the message it was answered with. */
  readonly text?: string;
}

/** A press's answer is kept for ten minutes: Teams resends an unanswered action within seconds. */
const ANSWER_TTL_MS = 10 * 60 * 1000;
/** A redelivered activity is recognised for a day; Teams retries within seconds. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;
/** A record of a reminder sent is kept for a year; its key already names the date it is about. */
const SENT_TTL_MS = 366 * 24 * 60 * 60 * 1000;
/**
 * A reminder being sent is claimed for two minutes: far longer than one delivery
 * takes, and short enough that a run soon after re-sends a reminder whose sender
 * died before recording it as sent.
 */
export const SENDING_CLAIM_MS = 2 * 60 * 1000;

/**
 * The bot's memory over the key-value state port: conversation state with entity
 * tags, conversation references (opaque to the pathway), activities already
 * handled, reminders already sent and questions relayed.
 */
export class BotMemory {
  constructor(
    private readonly state: KeyValueState,
    private readonly sendingClaimMs = SENDING_CLAIM_MS,
  ) {}

  /** True the first time an activity is seen; false when the channel delivers it again. */
  async firstDelivery(conversationId: string, activityId: string): Promise<boolean> {
    return (
      (await this.unlessConflict(
        this.state.write(`seen:${conversationId}:${activityId}`, true, { condition: { ifAbsent: true }, ttlMs: SEEN_TTL_MS }),
      )) !== undefined
    );
  }

  /** Keeps what a card press was answered with, for the same press delivered again. */
  async rememberAnswer(conversationId: string, activityId: string, answer: PressAnswer): Promise<void> {
    await this.state.write(`answer:${conversationId}:${activityId}`, answer, { ttlMs: ANSWER_TTL_MS });
  }

  /** What a card press was answered with, once the turn that handled it has finished. */
  async answer(conversationId: string, activityId: string): Promise<PressAnswer | undefined> {
    return (await this.state.read<PressAnswer>(`answer:${conversationId}:${activityId}`))?.value;
  }

  async conversation(conversationId: string): Promise<{ readonly state: ConversationState; readonly etag?: string }> {
    const entry = await this.state.read<ConversationState>(`conversation:${conversationId}`);
    return entry ? { state: entry.value, etag: entry.etag } : { state: {} };
  }

  /** Saves conversation state; refused with a conflict if another turn changed it since `etag`. */
  async saveConversation(conversationId: string, next: ConversationState, etag: string | undefined): Promise<void> {
    await this.state.write(`conversation:${conversationId}`, next, {
      condition: etag === undefined ? { ifAbsent: true } : { ifMatch: etag },
    });
  }

  /**
   * Keeps the references the adapter needs to message this conversation, its person
   * (in personal chat) and its channel (`channelReference`, which starts a new post).
   */
  async rememberReference(conversation: ConversationInfo, userId: string, reference: unknown, channelReference: unknown): Promise<void> {
    await this.state.write(`reference:conversation:${conversation.id}`, reference);
    if (conversation.kind === 'personal') await this.state.write(`reference:user:${userId}`, reference);
    if (conversation.teamsChannelId) await this.state.write(`reference:channel:${conversation.teamsChannelId}`, channelReference);
  }

  async reference(kind: 'conversation' | 'user' | 'channel', id: string): Promise<unknown> {
    return (await this.state.read<unknown>(`reference:${kind}:${id}`))?.value;
  }

  /**
   * Claims a reminder before sending it, across restarts and instances: the claim's
   * tag, or undefined when the reminder was sent or is being sent. A claim not
   * confirmed by {@link confirmReminder} within the sending claim's time expires,
   * so a later run sends the reminder again.
   */
  claimReminder(key: string): Promise<string | undefined> {
    return this.unlessConflict(this.state.write(`sent:${key}`, 'sending', { condition: { ifAbsent: true }, ttlMs: this.sendingClaimMs }));
  }

  /** Records a claimed reminder as sent, for a year; false when its claim had already expired. */
  async confirmReminder(key: string, claim: string): Promise<boolean> {
    return (
      (await this.unlessConflict(this.state.write(`sent:${key}`, 'sent', { condition: { ifMatch: claim }, ttlMs: SENT_TTL_MS }))) !==
      undefined
    );
  }

  /** Gives a claim back when the reminder could not be sent, so the next run tries again. */
  releaseReminder(key: string): Promise<void> {
    return this.state.delete(`sent:${key}`);
  }

  async saveQuestion(id: string, question: RelayedQuestion, etag?: string): Promise<void> {
    await this.state.write(`question:${id}`, question, { condition: etag === undefined ? { ifAbsent: true } : { ifMatch: etag } });
  }

  async question(id: string): Promise<{ readonly value: RelayedQuestion; readonly etag: string } | undefined> {
    return this.state.read<RelayedQuestion>(`question:${id}`);
  }

  /** A conditional write's new tag, or undefined when its condition failed. */
  private async unlessConflict(write: Promise<string>): Promise<string | undefined> {
    try {
      return await write;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }
}
