import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { BotChatButton } from '../teams/bot-chat';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '40rem',
  },
});

/** Props for {@link NoWorkstreams}. */
export interface NoWorkstreamsProps {
  /** Opens a chat with the bot, where a workstream starts; null where that cannot be offered. */
  readonly onChatWithBot?: (() => void) | null;
}

/** What to do when the person has no workstreams to see yet. */
export function NoWorkstreams({ onChatWithBot = null }: NoWorkstreamsProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2">No workstreams yet</Subtitle2>
      <Body1>
        To get started, chat with the Partner Pathway bot in Teams and ask it to plan a role for your workstream. Say
        &ldquo;help&rdquo; to the bot to see everything it can do.
      </Body1>
      {onChatWithBot && (
        <div>
          <BotChatButton onChat={onChatWithBot} appearance="primary" />
        </div>
      )}
      <Body1>If you expected to see a workstream, ask the person who leads it to add you to it.</Body1>
    </div>
  );
}
