/** The Teams bot: the adapter built from configuration, the pathway engine and its capabilities. */
export { botRequestHandler, createBotAdapter, type BotRequestHandler } from './adapter';
export { createBot, type Bot, type BotOptions } from './create-bot';
