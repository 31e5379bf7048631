import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';
import type { BotCredentials } from '../config';
import { errorFields, type Logger } from '../server/logger';
import type { PathwayBot } from './pathway-bot';

/** Said to the person whose message hit an unexpected error. */
const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side and I could not finish that. Please try again in a minute.';

/**
 * Handles one POST to `/api/messages`: authenticates it and runs the bot's turn.
 * The request body must already be parsed into an object with a string `type`.
 */
export type BotRequestHandler = (req: Request, res: Response) => Promise<void>;

/**
 * The Bot Framework adapter. With credentials it authenticates the single-tenant
 * bot app both ways; without, it accepts unauthenticated traffic and sends replies
 * unsigned, which only a local client (Agents Playground, tests) will accept.
 * Its `onTurnError` is the bot's one catch-all: it logs the failure without
 * message text or personal data and tells the person something went wrong.
 */
export function createBotAdapter(credentials: BotCredentials | undefined, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.password,
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    logger.error('Bot turn failed', { activityType: context.activity.type, channelId: context.activity.channelId, ...errorFields(error) });
    // A failed apology is logged rather than thrown, so the channel does not retry a turn that has already failed.
    await context.sendActivity(TURN_ERROR_MESSAGE).catch((sendError: unknown) => {
      logger.error('Bot could not report a failed turn', errorFields(sendError));
    });
  };
  return adapter;
}

/** Connects the adapter to the bot: what `/api/messages` calls for each activity. */
export function botRequestHandler(adapter: CloudAdapter, bot: PathwayBot): BotRequestHandler {
  return (req, res) => adapter.process(req, res, (context) => bot.run(context));
}
