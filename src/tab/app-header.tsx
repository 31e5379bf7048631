import { Badge, Body1, Caption1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { SignedInUser } from './api/types';
import type { LoadState } from './shared/use-load';
import { NARROW_MEDIA } from './shared/breakpoints';
import { useWordBadgeStyles } from './shared/badge-styles';
import { BotChatButton } from './teams/bot-chat';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalXXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    [NARROW_MEDIA]: {
      rowGap: tokens.spacingVerticalXS,
      paddingBlock: tokens.spacingVerticalS,
      paddingInline: tokens.spacingHorizontalM,
    },
  },
  title: {
    margin: 0,
    [NARROW_MEDIA]: {
      fontSize: tokens.fontSizeBase500,
      lineHeight: tokens.lineHeightBase500,
    },
  },
  person: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
});

/** Props for {@link AppHeader}. */
export interface AppHeaderProps {
  readonly me: LoadState<SignedInUser>;
  /** Opens a chat with the bot; null where that cannot be offered. */
  readonly onChatWithBot: (() => void) | null;
}

/**
 * The app's name, a way to the bot's chat (inside Teams), and who is signed in,
 * saying so plainly when that is the local development identity.
 */
export function AppHeader({ me, onChatWithBot }: AppHeaderProps) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  return (
    <header className={styles.header}>
      <Title2 as="h1" className={styles.title}>
        Partner Pathway
      </Title2>
      <div className={styles.person}>
        <BotChatButton onChat={onChatWithBot} appearance="subtle" />
        {me.status === 'ready' && (
          <>
            <Body1>
              Signed in as <strong>{me.data.name}</strong>
            </Body1>
            {me.data.localDevelopment && (
              <Badge appearance="tint" color="warning" size="large" className={badge.badge}>
                Local development identity
              </Badge>
            )}
          </>
        )}
        {me.status === 'error' && <Caption1>Could not check who is signed in.</Caption1>}
      </div>
    </header>
  );
}
