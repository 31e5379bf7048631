import { ActivityTypes, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Principal } from '../../domain';
import type { ConversationInfo, PathwayTurn, Reply } from '../pathway/turn';

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly teamsChannelId?: string;
  readonly channel?: { readonly id?: string };
}

/** The person acting, from the activity: their Entra object id when Teams gives it. */
export function principalOf(activity: Activity): Principal {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  return {
    id: activity.from.aadObjectId ?? activity.from.id,
    name: activity.from.name?.trim() || 'Someone in Teams',
    email: '',
    tenantId: activity.conversation.tenantId ?? channelData.tenant?.id ?? '',
  };
}

/** Where the activity happened, in the pathway's terms. */
export function conversationOf(activity: Activity): ConversationInfo {
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const type = activity.conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const teamsChannelId =
    channelData.teamsChannelId ?? channelData.channel?.id ?? (kind === 'channel' ? activity.conversation.id.split(';')[0] : undefined);
  return { id: activity.conversation.id, kind, ...(teamsChannelId ? { teamsChannelId } : {}) };
}

/** A typed message, with the @mention of the bot removed. */
export function textTurn(context: TurnContext): PathwayTurn {
  const activity = context.activity;
  return {
    activityId: activity.id,
    actor: principalOf(activity),
    conversation: conversationOf(activity),
    text: activity.text ? TurnContext.removeRecipientMention(activity) : '',
  };
}

/** A card button: `verb` and its data, from Universal Actions or an `Action.Submit` fallback. */
export function actionTurn(context: TurnContext, verb: string, data: Record<string, unknown>): PathwayTurn {
  const activity = context.activity;
  return {
    activityId: activity.id,
    actor: principalOf(activity),
    conversation: conversationOf(activity),
    action: { verb, data },
    ...(activity.type === ActivityTypes.Invoke ? { awaitsAnswer: true } : {}),
  };
}

/** The references that reach this conversation, and (for a channel) a new post in it. */
export function referencesOf(activity: Activity): {
  readonly reference: Partial<ConversationReference>;
  readonly channelReference: Partial<ConversationReference>;
} {
  // Without the activity id, a proactive message is a new message, not a reply to an old one.
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(activity);
  const channelId = conversationOf(activity).teamsChannelId;
  const channelReference = channelId ? { ...reference, conversation: { ...reference.conversation, id: channelId } } : reference;
  return { reference, channelReference } as { reference: Partial<ConversationReference>; channelReference: Partial<ConversationReference> };
}

/** A reply as a Bot Framework activity. */
export function activityOf(reply: Reply): Partial<Activity> {
  if ('text' in reply) return { type: 'message', text: reply.text, textFormat: 'markdown' };
  return {
    type: 'message',
    summary: reply.summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }],
  };
}
