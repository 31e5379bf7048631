import { TurnContext } from 'botbuilder';

/**
 * One thing the bot can do when someone types to it. A capability is added as a
 * folder with its handler and card, plus one line in `commands.ts`.
 */
export interface BotCommand {
  /** Lower-case words that start this command when typed first ("help", "hi"). */
  readonly triggers: readonly string[];
  /** Answers the turn. Errors it does not handle itself reach the adapter's `onTurnError`. */
  handle(context: TurnContext): Promise<void>;
}

/**
 * What someone typed, reduced to the words that pick a command: the @mention of
 * the bot removed (channel messages start with one), lower case, punctuation dropped.
 */
export function commandWords(context: TurnContext): string[] {
  const text = context.activity.text ? TurnContext.removeRecipientMention(context.activity) : '';
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The command whose trigger is the first word typed, if any. */
export function findCommand(commands: readonly BotCommand[], words: readonly string[]): BotCommand | undefined {
  const first = words[0];
  return first === undefined ? undefined : commands.find((command) => command.triggers.includes(first));
}
