import {
  CardFactory,
  StatusCodes,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotMemory } from '../pathway/memory';
import type { PathwayEngine } from '../pathway/engine';
import type { TurnResult } from '../pathway/turn';
import { actionTurn, activityOf, conversationOf, principalOf, referencesOf, textTurn } from './teams-turn';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An invoke response that shows a plain message to the person who pressed the
 * button. Teams expects the text itself as the value, which botbuilder's type
 * (written for card values) does not allow for.
 */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}

function badInvoke(message: string): InvokeResponse {
  return {
    status: StatusCodes.BAD_REQUEST,
    body: { statusCode: StatusCodes.BAD_REQUEST, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
  };
}

/**
 * The thin Bot Framework adapter around the pathway engine: it turns activities
 * into pathway turns and results back into activities, and is the only part of
 * the bot that knows botbuilder (with `teams/`). Cards acted on through Universal
 * Actions are replaced through the invoke response; through an `Action.Submit`
 * fallback, by updating the message the card was in.
 */
export class PathwayBot extends TeamsActivityHandler {
  constructor(
    private readonly engine: PathwayEngine,
    private readonly memory: BotMemory,
  ) {
    super();

    this.onTurn(async (context, next) => {
      await this.remember(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const value = context.activity.value;
      if (isRecord(value) && typeof value.verb === 'string') {
        const { verb, ...data } = value;
        const result = await this.engine.handle(actionTurn(context, verb, data));
        await this.deliver(context, result, context.activity.replyToId);
      } else {
        await this.deliver(context, await this.engine.handle(textTurn(context)), undefined);
      }
      await next();
    });

    // Uses the plain members-added event, not the Teams one, which would look every member up over the network.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await this.deliver(context, await this.engine.introduce(textTurn(context)), undefined);
      await next();
    });
  }

  /**
   * The bot's only invoke is a card's Universal Action. Any other invoke (Teams sends only those the app declares),
   * or a card action with no `Action.Execute` in it, is a bad request: botbuilder would answer it with a 5xx, 501
   * for an invoke it has no handler for, or fail the turn reading a `value` the invoke lacks.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return badInvoke('This bot handles only Adaptive Card actions.');
    const value: unknown = context.activity.value;
    if (!(isRecord(value) && isRecord(value.action) && value.action.type === 'Action.Execute')) {
      return badInvoke('The card action is not an Action.Execute.');
    }
    return super.onInvokeActivity(context);
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const action = invokeValue.action;
    const data = isRecord(action.data) ? action.data : {};
    const result = await this.engine.handle(actionTurn(context, typeof action.verb === 'string' ? action.verb : '', data));
    if (result.update) {
      for (const reply of result.replies) await context.sendActivity(activityOf(reply));
      return { statusCode: 200, type: CardFactory.contentTypes.adaptiveCard, value: result.update.card };
    }
    const [first, ...rest] = result.replies;
    for (const reply of rest) await context.sendActivity(activityOf(reply));
    if (first && 'card' in first) {
      await context.sendActivity(activityOf(first));
      return messageResponse(first.summary);
    }
    return messageResponse(first?.text ?? 'Done.');
  }

  private async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const { reference, channelReference } = referencesOf(activity);
    await this.memory.rememberReference(conversationOf(activity), principalOf(activity).id, reference, channelReference);
  }

  private async deliver(context: TurnContext, result: TurnResult, cardActivityId: string | undefined): Promise<void> {
    const replies = [...result.replies];
    if (result.update) {
      const card = { card: result.update.card, summary: result.update.summary };
      if (cardActivityId) await context.updateActivity({ ...activityOf(card), id: cardActivityId });
      else replies.unshift(card);
    }
    for (const reply of replies) await context.sendActivity(activityOf(reply));
  }
}
