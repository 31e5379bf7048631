import { Body1 } from '@fluentui/react-components';
import { Notice } from '../shared/notice';
import { BotChatButton } from '../teams/bot-chat';

/** Props for {@link NoWorkstreams}. */
export interface NoWorkstreamsProps {
  /** Opens a chat with the bot, where a workstream starts; null where that cannot be offered. */
  readonly onChatWithBot?: (() => void) | null;
}

/** What to do when the person has no workstreams to see yet. */
export function NoWorkstreams({ onChatWithBot = null }: NoWorkstreamsProps) {
  return (
    <Notice title="No workstreams yet">
      <Body1>
        To get started, chat with the Partner Pathway bot in Teams and ask it to plan a role for your workstream. Say
        &ldquo;help&rdquo; to the bot to see everything it can do.
      </Body1>
      {onChatWithBot && (
        <div>
          <BotChatButton onChat={onChatWithBot} appearance="primary" />
        </div>
      )}
      <Body1>You see only the workstreams you are a member of. If you expected to see one, ask a member of it, or the Engagement team, to add you.</Body1>
    </Notice>
  );
}
