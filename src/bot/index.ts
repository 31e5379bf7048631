/** The Teams bot: the adapter built from configuration, the bot and its commands. */
export { botRequestHandler, createBotAdapter, type BotRequestHandler } from './adapter';
export { PathwayBot } from './pathway-bot';
