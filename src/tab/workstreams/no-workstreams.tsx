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
        To start one, add Partner Pathway as a tab in your workstream&apos;s Teams channel (the + at the top of the channel), choose
        &ldquo;A new workstream&rdquo; and give its name. You will be its first member, and can add colleagues on its People view. Then chat
        with the Partner Pathway bot to plan a role; say &ldquo;help&rdquo; to see everything it can do.
      </Body1>
      {onChatWithBot && (
        <div>
          <BotChatButton onChat={onChatWithBot} appearance="primary" />
        </div>
      )}
      <Body1>
        You see only the workstreams you are a member of. If you expected to see one, ask a member of it, or the Engagement team, to add
        you.
      </Body1>
    </Notice>
  );
}
