import { CardFactory, MessageFactory } from 'botbuilder';
import type { BotCommand } from '../command';
import { helpCard } from './help-card';

/** `help` (or a greeting): what Partner Pathway helps with at each stage. */
export const helpCommand: BotCommand = {
  triggers: ['help', 'hi', 'hello'],
  async handle(context) {
    const message = MessageFactory.attachment(CardFactory.adaptiveCard(helpCard()));
    message.summary = 'What Partner Pathway can help with';
    await context.sendActivity(message);
  },
};
