import { TeamsActivityHandler } from 'botbuilder';
import { commandWords, findCommand, type BotCommand } from './command';
import { COMMANDS } from './commands';
import { WELCOME_MESSAGE } from './welcome/welcome-message';

/** Said when nothing typed matches a command. */
const NOT_YET_MESSAGE = "Sorry, I can't do that yet. Type **help** to see what I can help with.";

/**
 * The Partner Pathway bot. A message runs the command its first word names
 * (after any @mention of the bot); anything else gets a short pointer to `help`.
 * When the bot itself is added to a conversation it says hello once.
 */
export class PathwayBot extends TeamsActivityHandler {
  constructor(private readonly commands: readonly BotCommand[] = COMMANDS) {
    super();

    this.onMessage(async (context, next) => {
      const command = findCommand(this.commands, commandWords(context));
      if (command) await command.handle(context);
      else await context.sendActivity(NOT_YET_MESSAGE);
      await next();
    });

    // Uses the plain members-added event, not the Teams one, which would look every member up over the network.
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await context.sendActivity(WELCOME_MESSAGE);
      await next();
    });
  }
}
