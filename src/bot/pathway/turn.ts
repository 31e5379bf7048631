import type { GuidanceTexts, PathwayService, Principal, ReminderKind, Workstream } from '../../domain';
import type { Cards } from './cards';
import type { Messenger } from './messenger';
import type { Card, ConversationInfo, Reply } from './messages';
import type { TabLinks } from './tab-links';

export type { Card, ConversationInfo, Reply } from './messages';
import type { BotMemory } from './memory';

/** A card button pressed: its verb and the data it carried, with the card's inputs. */
export interface CardAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * The idempotency key of a button press: the key its card was made with, the
 * button's verb and the items it is `about` (an induction item of the card, say),
 * so that pressing the same button of the same card again is taken as a repeat
 * and every other button still acts. Undefined when the card carries no key.
 */
export function pressKey(action: CardAction | undefined, ...about: unknown[]): string | undefined {
  const key = action?.data.key;
  if (typeof key !== 'string' || !/^[\w-]{8,64}$/.test(key)) return undefined;
  return [
    key,
    action?.verb,
    ...about.filter((item) => typeof item === 'number' || (typeof item === 'string' && /^\d{1,12}$/.test(item))),
  ].join(':');
}

/** One incoming activity, reduced to what the pathway needs. */
export interface PathwayTurn {
  /** The channel's id for the activity, used to handle a redelivered activity once. */
  readonly activityId?: string;
  /** A press whose answer goes back to Teams in the response (an invoke), so a repeat of it must be answered too. */
  readonly awaitsAnswer?: true;
  readonly actor: Principal;
  readonly conversation: ConversationInfo;
  /** What the person typed, with any @mention of the bot removed. */
  readonly text?: string;
  readonly action?: CardAction;
}

/**
 * What a turn produced. `update` replaces the card that was acted on (so cards are
 * updated in place); `replies` are new messages in the conversation.
 */
export interface TurnResult {
  readonly replies: readonly Reply[];
  readonly update?: { readonly card: Card; readonly summary: string };
}

/** What one run of the reminders did: counts only, never names. */
export interface ReminderRun {
  readonly due: number;
  readonly sent: number;
  /** What was sent, by kind of reminder. */
  readonly sentByKind: Readonly<Partial<Record<ReminderKind, number>>>;
  /** Already sent by an earlier run. */
  readonly alreadySent: number;
  /** Nobody to send them to yet (the owner never spoke to the bot and the workstream has no channel). */
  readonly unreachable: number;
  readonly failed: number;
}

/** What every capability may use. */
export interface BotServices {
  readonly service: PathwayService;
  readonly cards: Cards;
  readonly guidance: GuidanceTexts;
  readonly memory: BotMemory;
  readonly messenger: Messenger;
  /** The Teams channel id of the Engagement team, when configured. */
  readonly engagementChannelId: string | undefined;
  /** The organisation's time zone, in which dates and times are shown and read. */
  readonly timeZone: string;
  /** Today's date in the organisation's time zone. */
  today(): string;
  /** Deep links into the app's tabs, for "Open in tab" buttons. */
  readonly tabLinks: TabLinks;
  /**
   * Sends the reminders due now, each once: the same run, under the same lease, as the schedule and
   * `POST /api/reminders/run`; `'in-progress'` when a run is going on already, on this instance or another.
   */
  runReminders(): Promise<ReminderRun | 'in-progress'>;
}

/** A turn with its workstream resolved (when the capability needs one). */
export interface TurnScope extends BotServices {
  readonly turn: PathwayTurn;
  /** The workstream this conversation works on; present for capabilities that need one. */
  readonly workstream: Workstream | undefined;
  /** Whether this conversation is the Engagement team's. */
  readonly isEngagementTeam: boolean;
}

/** Handles one card verb. */
export type ActionHandler = (scope: TurnScope, data: Readonly<Record<string, unknown>>) => Promise<TurnResult>;

/** Handles typed text; `rest` is what followed the trigger words. */
export type TextHandler = (scope: TurnScope, rest: string) => Promise<TurnResult>;

/**
 * One thing the bot can do: typed triggers, card verbs, or both. A capability is
 * added as a folder (handler and card template) plus one line in `capabilities.ts`.
 */
export interface Capability {
  readonly name: string;
  /** Typed phrases that start it ("due this week"), matched on whole words after any @mention. */
  readonly triggers?: readonly string[];
  readonly onText?: TextHandler;
  /** Card verbs it answers, such as `chat.book`. */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /** Whether it works on one workstream (asked for or inferred first). Defaults to true. */
  readonly needsWorkstream?: boolean;
  /**
   * False for one that needs no workstream and never looks at the conversation's either
   * (help, say): its turn does not read the workstreams to find it.
   */
  readonly looksAtWorkstream?: false;
  /** When the bot is waiting for free text (a question being typed), the capability that takes it. */
  readonly onAwaitedText?: TextHandler;
}

/** The result of saying one thing. */
export function say(text: string): TurnResult {
  return { replies: [{ text }] };
}

/** The result of showing one card as a new message. */
export function show(card: Card, summary: string): TurnResult {
  return { replies: [{ card, summary }] };
}

/** The result of replacing the card acted on (or showing it, when typed). */
export function replace(card: Card, summary: string, note?: string): TurnResult {
  return { replies: note ? [{ text: note }] : [], update: { card, summary } };
}
