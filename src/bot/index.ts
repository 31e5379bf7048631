/** The Teams bot: the adapter built from configuration, the pathway engine and its capabilities. */
export { botRequestHandler, PathwayAdapter, type BotRequestHandler, type SenderCheckOptions } from './bot-framework/adapter';
export { createBot, type Bot, type BotOptions } from './create-bot';
