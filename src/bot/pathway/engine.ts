import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, type Workstream } from '../../domain';
import { errorFields, type Logger } from '../../logging/logger';
import type { ConversationState, PressAnswer } from './memory';
import { say, type BotServices, type Capability, type PathwayTurn, type TurnResult, type TurnScope } from './turn';
import { WELCOME_MESSAGE } from './welcome';
import { CHOOSE_WORKSTREAM_VERB, chooseWorkstreamCard, recordWorkstreamChoice } from './workstream-choice';

/** The card data field holding the id of the workstream a card was made for. */
export const CARD_MADE_FOR_WORKSTREAM = 'madeForWorkstreamId';

/** Said when something unexpected failed; the failure is logged without personal data. */
export const FAILURE_MESSAGE = 'Sorry, something went wrong on my side and nothing was changed. Please try again in a minute.';

/** Said in the Engagement team's channel for a command about one workstream. */
const ENGAGEMENT_CHANNEL_HAS_NO_WORKSTREAM =
  "This is the Engagement team's channel, which covers every workstream. For one workstream's roles and partners, talk to me in that workstream's channel or in a personal chat.";

/** Said for a press delivered again whose first delivery has not finished within {@link SAME_ANSWER_WAIT_MS}. */
export const STILL_HANDLING_MESSAGE =
  'That press reached me twice, and I am still working on the first. Nothing will be done twice; look at the card again in a minute.';

/** How long a press delivered again waits for the first delivery's answer: well inside the 15 s Teams gives an invoke. */
const SAME_ANSWER_WAIT_MS = 5_000;
const SAME_ANSWER_POLL_MS = 200;

/** What a card press's turn answered, as kept for the same press delivered again. */
function pressAnswerOf(result: TurnResult): PressAnswer {
  if (result.update) return { update: result.update };
  const first = result.replies[0];
  return first ? { text: 'text' in first ? first.text : first.summary } : {};
}

/** Said for a button whose verb this version does not know. */
const UNKNOWN_ACTION = 'That button comes from an older card that I can no longer act on. Type **help** to start again.';

/** What someone typed, as lower-case words without punctuation. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

interface Match {
  readonly capability: Capability;
  readonly rest: string;
  readonly length: number;
}

/** The capability whose trigger phrase is the longest match for the start of `text`. */
function matchTrigger(capabilities: readonly Capability[], text: string): Match | undefined {
  const words = wordsOf(text);
  let best: Match | undefined;
  for (const capability of capabilities) {
    for (const trigger of capability.triggers ?? []) {
      const phrase = wordsOf(trigger);
      if (phrase.length === 0 || phrase.length > words.length) continue;
      if (!phrase.every((word, index) => words[index] === word)) continue;
      if (best && best.length >= phrase.length) continue;
      // The rest keeps the person's own spelling and punctuation (a question, say).
      const rest = text.trim().split(/\s+/).slice(phrase.length).join(' ');
      best = { capability, rest, length: phrase.length };
    }
  }
  return best;
}

/**
 * Runs one turn of the pathway bot, free of Bot Framework types: handles a
 * redelivered activity once, resolves the workstream the conversation works on
 * (asking once when it cannot tell), routes typed text by trigger and card buttons
 * by verb, and turns refusals into the plain message the domain gave. Unknown text
 * gets the help card. Unexpected failures are logged without personal data and
 * answered with a friendly message.
 */
export class PathwayEngine {
  constructor(
    private readonly capabilities: readonly Capability[],
    private readonly services: BotServices,
    private readonly logger: Logger,
    /** The capability that answers text nothing else matches. */
    private readonly fallback: string = 'help',
  ) {}

  /**
   * An activity delivered again is handled once. A card press Teams waits on (an
   * invoke) delivered again, to another instance or retried after a lost answer,
   * gets the answer of its first delivery: the card as that press left it.
   */
  async handle(turn: PathwayTurn): Promise<TurnResult> {
    return this.forOneTurn().handleTurn(turn);
  }

  private async handleTurn(turn: PathwayTurn): Promise<TurnResult> {
    return this.settled(turn, async () => {
      const press = turn.awaitsAnswer && turn.activityId ? turn.activityId : undefined;
      if (await this.redelivered(turn)) return press ? this.sameAnswer(turn.conversation.id, press) : { replies: [] };
      const result = await this.settled(turn, () => this.route(turn));
      if (press) await this.keepAnswer(turn.conversation.id, press, result);
      return result;
    });
  }

  /** The result of `work`, or the plain message for a refusal or a failure (logged without personal data). */
  private async settled(turn: PathwayTurn, work: () => Promise<TurnResult>): Promise<TurnResult> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) return say(error.message);
      this.logger.error('Bot could not finish a turn', {
        verb: turn.action?.verb,
        conversationKind: turn.conversation.kind,
        ...errorFields(error),
      });
      return say(FAILURE_MESSAGE);
    }
  }

  /**
   * What the bot says when it joins a conversation, once however often the channel
   * delivers the news: hello, and in a workstream's channel not yet tied to a
   * workstream, the question of which one it is.
   */
  async introduce(turn: PathwayTurn): Promise<TurnResult> {
    if (await this.redelivered(turn)) return { replies: [] };
    return { replies: [{ text: WELCOME_MESSAGE }, ...(await this.forOneTurn().workstreamQuestion(turn)).replies] };
  }

  /** This engine for one turn: its steps read each record once (`PathwayService.forOneTurn`). */
  private forOneTurn(): PathwayEngine {
    return new PathwayEngine(
      this.capabilities,
      { ...this.services, service: this.services.service.forOneTurn() },
      this.logger,
      this.fallback,
    );
  }

  /** The capability with this name; a misspelt name in the registry is a bug. */
  capability(name: string): Capability {
    const found = this.capabilities.find((capability) => capability.name === name);
    if (!found) throw new Error(`No bot capability is called ${name}`);
    return found;
  }

  /** Keeps a press's answer for its repeats; a press already done is not failed for want of that. */
  private async keepAnswer(conversationId: string, activityId: string, result: TurnResult): Promise<void> {
    try {
      await this.services.memory.rememberAnswer(conversationId, activityId, pressAnswerOf(result));
    } catch (error) {
      this.logger.warn('Bot could not keep the answer to a card press for its repeats', errorFields(error));
    }
  }

  /** The answer the first delivery of a press gave, once it has one. */
  private async sameAnswer(conversationId: string, activityId: string): Promise<TurnResult> {
    for (let waited = 0; ; waited += SAME_ANSWER_POLL_MS) {
      const answer = await this.services.memory.answer(conversationId, activityId);
      if (answer?.update) return { replies: [], update: answer.update };
      if (answer) return { replies: answer.text === undefined ? [] : [{ text: answer.text }] };
      if (waited >= SAME_ANSWER_WAIT_MS) return say(STILL_HANDLING_MESSAGE);
      await sleep(SAME_ANSWER_POLL_MS);
    }
  }

  /** Whether the channel has delivered this activity before (Teams retries); one without an id is always new. */
  private async redelivered(turn: PathwayTurn): Promise<boolean> {
    if (!turn.activityId) return false;
    return !(await this.services.memory.firstDelivery(turn.conversation.id, turn.activityId));
  }

  /** In a workstream's channel not yet tied to a workstream, the question of which one it is. */
  private async workstreamQuestion(turn: PathwayTurn): Promise<TurnResult> {
    const isEngagementTeam =
      this.services.engagementChannelId !== undefined && turn.conversation.teamsChannelId === this.services.engagementChannelId;
    if (turn.conversation.kind !== 'channel' || isEngagementTeam) return { replies: [] };
    try {
      if (await this.knownWorkstream(turn, {})) return { replies: [] };
      if ((await this.services.service.workstreams.list(turn.actor)).length === 0) return { replies: [] };
      return await chooseWorkstreamCard(this.services, turn.actor, true);
    } catch (error) {
      this.logger.error('Bot could not ask for the workstream of a channel', errorFields(error));
      return { replies: [] };
    }
  }

  private async route(turn: PathwayTurn): Promise<TurnResult> {
    const memory = this.services.memory;
    const { state, etag } = await memory.conversation(turn.conversation.id);
    if (turn.action?.verb === CHOOSE_WORKSTREAM_VERB) return this.workstreamChosen(turn);
    if (turn.action) {
      const verb = turn.action.verb;
      const capability = this.capabilities.find((candidate) => candidate.actions && Object.hasOwn(candidate.actions, verb));
      if (!capability?.actions) return say(UNKNOWN_ACTION);
      const handler = capability.actions[verb];
      const scope = await this.scope(turn, capability, state, etag);
      if (!scope) return this.askForWorkstream(turn, state, etag);
      return handler(scope, turn.action.data);
    }
    const text = turn.text?.trim() ?? '';
    const match = text ? matchTrigger(this.capabilities, text) : undefined;
    // Whatever is typed next ends a wait for free text: it is either that text or a new command.
    let current: { readonly state: ConversationState; readonly etag?: string } = { state, etag };
    if (state.awaiting) {
      await memory.saveConversation(turn.conversation.id, { ...state, awaiting: undefined }, etag);
      current = await memory.conversation(turn.conversation.id);
    }
    const awaiting = !match && text && state.awaiting ? this.capability(state.awaiting) : undefined;
    const capability = awaiting ?? match?.capability ?? this.capability(this.fallback);
    const handler = awaiting ? awaiting.onAwaitedText : capability.onText;
    if (!handler) return say(UNKNOWN_ACTION);
    const scope = await this.scope(turn, capability, current.state, current.etag);
    if (!scope) return this.askForWorkstream(turn, { ...current.state, pendingText: awaiting ? undefined : text }, current.etag);
    return handler(scope, awaiting ? text : (match?.rest ?? text));
  }

  /** Records the workstream chosen, confirms it in place of the question, and finishes any command waiting for it. */
  private async workstreamChosen(turn: PathwayTurn): Promise<TurnResult> {
    const chosen = await recordWorkstreamChoice(this.services, turn, turn.action?.data ?? {});
    const confirmation = this.services.cards.render(
      { body: [{ type: 'TextBlock', text: 'This conversation works on **${title}**.', wrap: true }] },
      { title: chosen.title },
    );
    const update = { card: confirmation, summary: `Workstream: ${chosen.title}` };
    const match = chosen.pendingText ? matchTrigger(this.capabilities, chosen.pendingText) : undefined;
    if (!match?.capability.onText) return { replies: [], update };
    // The waiting command runs as if typed now: handlers read its words from the turn, and a press carries none.
    const { action: _pressed, ...pressed } = turn;
    const typed: PathwayTurn = { ...pressed, text: chosen.pendingText };
    const { state, etag } = await this.services.memory.conversation(turn.conversation.id);
    const scope = await this.scope(typed, match.capability, state, etag);
    if (!scope) return { replies: [], update };
    const resumed = await match.capability.onText(scope, match.rest);
    return { replies: [...resumed.replies, ...(resumed.update ? [resumed.update] : [])], update };
  }

  /** The scope a capability runs in, or undefined when it needs a workstream the bot cannot tell. */
  private async scope(
    turn: PathwayTurn,
    capability: Capability,
    state: ConversationState,
    etag: string | undefined,
  ): Promise<TurnScope | undefined> {
    const isEngagementTeam =
      this.services.engagementChannelId !== undefined && turn.conversation.teamsChannelId === this.services.engagementChannelId;
    const base = { ...this.services, turn, isEngagementTeam };
    if (capability.needsWorkstream === false) {
      return { ...base, workstream: capability.looksAtWorkstream === false ? undefined : await this.knownWorkstream(turn, state) };
    }
    if (isEngagementTeam && turn.action) return { ...base, workstream: undefined };
    const workstream =
      (await this.cardWorkstream(turn)) ?? (await this.knownWorkstream(turn, state)) ?? (await this.inferred(turn, state, etag));
    return workstream ? { ...base, workstream } : undefined;
  }

  /**
   * In a personal or group chat, a card made for one workstream (a reminder, say)
   * acts on that workstream, whichever the chat is set to. A channel always works on
   * its own workstream, so there the card's is ignored and a mismatch is refused.
   */
  private async cardWorkstream(turn: PathwayTurn): Promise<Workstream | undefined> {
    const id = turn.action?.data[CARD_MADE_FOR_WORKSTREAM];
    if (turn.conversation.kind === 'channel' || typeof id !== 'number') return undefined;
    return this.services.service.workstreams.visible(turn.actor, id);
  }

  private async knownWorkstream(turn: PathwayTurn, state: ConversationState): Promise<Workstream | undefined> {
    const service = this.services.service;
    if (turn.conversation.kind === 'channel' && turn.conversation.teamsChannelId) {
      return service.channels.workstreamForChannel(turn.conversation.teamsChannelId);
    }
    if (state.workstreamId === undefined) return undefined;
    return service.workstreams.visible(turn.actor, state.workstreamId);
  }

  /** In a chat, the only workstream there is, or the only one whose roles this person leads. */
  private async inferred(turn: PathwayTurn, state: ConversationState, etag: string | undefined): Promise<Workstream | undefined> {
    if (turn.conversation.kind === 'channel') return undefined;
    const all = await this.services.service.workstreams.list(turn.actor);
    let found = all.length === 1 ? all[0] : undefined;
    if (!found) {
      const led = await this.services.service.worklists.workstreamsLedBy(turn.actor);
      found = led.length === 1 ? all.find((workstream) => workstream.id === led[0]) : undefined;
    }
    if (found) await this.services.memory.saveConversation(turn.conversation.id, { ...state, workstreamId: found.id }, etag);
    return found;
  }

  private async askForWorkstream(turn: PathwayTurn, state: ConversationState, etag: string | undefined): Promise<TurnResult> {
    if (this.services.engagementChannelId !== undefined && turn.conversation.teamsChannelId === this.services.engagementChannelId) {
      return say(ENGAGEMENT_CHANNEL_HAS_NO_WORKSTREAM);
    }
    if (state.pendingText !== undefined) await this.services.memory.saveConversation(turn.conversation.id, state, etag);
    return chooseWorkstreamCard(this.services, turn.actor, turn.conversation.kind === 'channel');
  }
}
