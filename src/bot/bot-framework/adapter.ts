import {
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { BotCredentials } from '../../config';
import { errorFields, type Logger } from '../../logging/logger';
import { messageResponse, type PathwayBot } from './pathway-bot';

/** Said to the person whose message hit an unexpected error. */
export const TURN_ERROR_MESSAGE = 'Sorry, something went wrong on my side and I could not finish that. Please try again in a minute.';

/** How long checking a sender (which may mean fetching Bot Framework's signing keys) may take before the activity is answered 503. */
export const DEFAULT_SENDER_CHECK_TIMEOUT_MS = 5_000;

/** How long the channel is asked to wait before it sends the activity again, when the sender could not be checked. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Handles one POST to `/api/messages`: authenticates it and runs the bot's turn.
 * The request body must already be parsed into a Bot Framework activity with a
 * string `type`, a `serviceUrl` and its conversation, sender and recipient.
 */
export type BotRequestHandler = (req: Request, res: Response) => Promise<void>;

/** How the adapter checks the tokens Teams sends; tests point it at a stand-in. */
export interface SenderCheckOptions {
  /** Bot Framework's OpenID metadata document (where its signing keys are published); the public one when left out. */
  readonly openIdMetadataUrl?: string;
  /** {@link DEFAULT_SENDER_CHECK_TIMEOUT_MS} when left out. */
  readonly timeoutMs?: number;
}

/** What checking the sender of an activity decided. */
type SenderCheck =
  | { readonly outcome: 'checked'; readonly result: AuthenticateRequestResult }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'unavailable'; readonly reason: string };

/** Errors the JWT library raises for a token it checked and found wrong (botframework-connector passes them through). */
const TOKEN_VERDICTS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Whether an error from authentication is a verdict on the token (it was checked
 * and is wrong) rather than a failure to check it. botframework-connector raises
 * an AuthenticationError with status 401 for a verdict, and one with status 500
 * ("Failed to load openID config", "Failed to load Keys") or a network error
 * when Bot Framework's signing keys cannot be fetched.
 */
function isVerdict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { statusCode, name } = error as { statusCode?: unknown; name?: unknown };
  return statusCode === 401 || (typeof name === 'string' && TOKEN_VERDICTS.has(name));
}

/** Settles with `promise`, or with `onTimeout()` once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * botbuilder's settings for the single-tenant bot app. With `openIdMetadataUrl`
 * every endpoint is given, as botbuilder then expects, each its public cloud
 * default but the signing keys' document (for the emulator's tokens too).
 */
function authenticationSettings(
  credentials: BotCredentials | undefined,
  openIdMetadataUrl: string | undefined,
): ConfigurationBotFrameworkAuthenticationOptions {
  if (!credentials) return {};
  const app = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.password,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: credentials.tenantId,
  };
  if (!openIdMetadataUrl) return app;
  return {
    ...app,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * The Bot Framework adapter. With credentials it authenticates the single-tenant
 * bot app both ways; without, it accepts unauthenticated traffic and sends replies
 * unsigned, which only a local client (Agents Playground, tests) will accept.
 * Its `onTurnError` is the bot's one catch-all: it logs the failure without
 * message text or personal data and tells the person something went wrong.
 *
 * It answers `/api/messages` itself rather than through `CloudAdapter.process`,
 * which answers any failure to check a token with 500 and the library's own
 * error text: here a token checked and found wrong is 401, a token that cannot
 * be checked (Bot Framework's signing keys unreachable, or slower than the
 * timeout) is 503 with `Retry-After`, both in our own words, and in neither case
 * does the turn run.
 */
export class PathwayAdapter extends CloudAdapter {
  private readonly timeoutMs: number;

  constructor(
    credentials: BotCredentials | undefined,
    private readonly logger: Logger,
    options: SenderCheckOptions = {},
  ) {
    super(new ConfigurationBotFrameworkAuthentication(authenticationSettings(credentials, options.openIdMetadataUrl)));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_SENDER_CHECK_TIMEOUT_MS;
    this.onTurnError = async (context, error) => {
      logger.error('Bot turn failed', {
        activityType: context.activity.type,
        channelId: context.activity.channelId,
        ...errorFields(error),
      });
      // A card press is answered in the card's place; anything else with a message. A failed apology is logged
      // rather than thrown, so the channel does not retry a turn that has already failed.
      const apology =
        context.activity.type === ActivityTypes.Invoke
          ? { type: ActivityTypes.InvokeResponse, value: { status: 200, body: messageResponse(TURN_ERROR_MESSAGE) } }
          : TURN_ERROR_MESSAGE;
      await context.sendActivity(apology).catch((sendError: unknown) => {
        logger.error('Bot could not report a failed turn', errorFields(sendError));
      });
    };
  }

  /**
   * Checks the sender of the activity in `req.body`, then runs `logic` for it and
   * answers with the turn's invoke response (200 with no body for other activities).
   * A failure after the sender was checked is thrown for the server's error handler.
   */
  async handle(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    // The server checked the envelope (type, serviceUrl, conversation, sender, recipient) before handing it over.
    const activity = req.body as unknown as Activity;
    const header = req.headers.authorization ?? req.headers.Authorization;
    const check = await this.checkSender(activity, typeof header === 'string' ? header : '');
    if (check.outcome === 'refused') {
      res.header('WWW-Authenticate', 'Bearer');
      return this.answer(res, 401, {
        error: {
          code: 'not-signed-in',
          message: 'This request did not come from Microsoft Teams with a valid sign-in, so the bot did not read it.',
        },
      });
    }
    if (check.outcome === 'unavailable') {
      this.logger.warn('Bot activity not taken: its sender could not be checked', { activityType: activity.type, reason: check.reason });
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return this.answer(res, 503, {
        error: {
          code: 'sender-check-unavailable',
          message:
            'The bot cannot check who sent this just now, because the Bot Framework sign-in service did not answer. Nothing was read or stored; send it again shortly.',
        },
      });
    }
    const invokeResponse = await this.processActivity(check.result, activity, logic);
    return this.answer(res, invokeResponse?.status ?? 200, invokeResponse?.body);
  }

  private async checkSender(activity: Activity, authHeader: string): Promise<SenderCheck> {
    try {
      const result = await within<AuthenticateRequestResult | 'timed out'>(
        this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
        this.timeoutMs,
        () => 'timed out',
      );
      return result === 'timed out' ? { outcome: 'unavailable', reason: 'timed out' } : { outcome: 'checked', result };
    } catch (error) {
      if (isVerdict(error)) {
        this.logger.warn('Bot activity refused: its sender is not a valid Bot Framework token', { activityType: activity.type });
        return { outcome: 'refused' };
      }
      return { outcome: 'unavailable', reason: error instanceof Error ? error.name : 'unknown' };
    }
  }

  private answer(res: Response, status: number, body: unknown): void {
    res.status(status);
    if (body !== undefined) res.send(body);
    res.end();
  }
}

/** Connects the adapter to the bot: what `/api/messages` calls for each activity. */
export function botRequestHandler(adapter: PathwayAdapter, bot: PathwayBot): BotRequestHandler {
  return (req, res) => adapter.handle(req, res, (context) => bot.run(context));
}
