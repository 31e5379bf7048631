import { Button, type ButtonProps } from '@fluentui/react-components';
import { Chat20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { TeamsHost } from './teams-host';

/** The Teams deep link that opens a one-to-one chat with the bot whose Microsoft app id is `botId`. */
export function botChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId)}`;
}

/**
 * Opens a chat with the Partner Pathway bot, or null when that cannot be offered:
 * outside Teams (the link only works inside it) or when the server has no bot.
 * Asks the server for the bot's id once, inside Teams only, alongside the view's own call.
 */
export function useBotChat(host: TeamsHost | null, api: ApiClient): (() => void) | null {
  const [botId, setBotId] = useState<string | null>(null);
  useEffect(() => {
    if (!host) return;
    const controller = new AbortController();
    api.botId(controller.signal).then(setBotId, (error: unknown) => {
      // The chat link is a convenience: without it the tab works as before.
      if (!controller.signal.aborted) console.warn('Could not read the bot id; not offering a chat with the bot.', error);
    });
    return () => controller.abort();
  }, [host, api]);
  if (!host || !botId) return null;
  return () => {
    host.openLink(botChatLink(botId)).catch((error: unknown) => console.warn('Teams did not open the chat with the bot.', error));
  };
}

/** Props for {@link BotChatButton}. */
export interface BotChatButtonProps extends Pick<ButtonProps, 'appearance'> {
  /** From {@link useBotChat}; nothing is shown when it is null. */
  readonly onChat: (() => void) | null;
}

/** "Chat with the Partner Pathway bot", where the person can get reminders and move partners on from chat. */
export function BotChatButton({ onChat, appearance }: BotChatButtonProps) {
  if (!onChat) return null;
  return (
    <Button appearance={appearance} icon={<Chat20Regular />} onClick={onChat}>
      Chat with the Partner Pathway bot
    </Button>
  );
}
