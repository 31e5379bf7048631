import type { BotCommand } from './command';
import { helpCommand } from './help/help-command';

/** Every command the bot answers, one line each. */
export const COMMANDS: readonly BotCommand[] = [helpCommand];
