import compression from 'compression';
import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config';
import type { PathwayService, StoreHealth } from '../domain';
import { apiRouter } from './api-router';
import { downloadRouter } from './download-routes';
import { checkReadiness, readinessHandler, type Readiness } from './health';
import { errorHandler, sendError } from './http-errors';
import { jobRoutes, type JobTrigger } from './job-routes';
import type { Logger } from '../logging/logger';
import { callerIdentity, principalMiddleware } from './principal';
import { withinRateLimits, type RateLimitStoreFactory } from './rate-limit';
import { requestLog, routeNamed } from './request-log';
import { securityHeaders } from './security-headers';
import { tabRouter } from './tab-files';

/** Runs one Bot Framework activity: given the parsed activity in `req.body`, it answers through `res`. */
export type BotHandler = (req: Request, res: Response) => Promise<void>;

/** What the app is built from; the composition root (`main.ts`) and tests supply these. */
export interface AppDependencies {
  readonly service: PathwayService;
  /** The store's own health, for `/healthz`. */
  readonly health: () => Promise<StoreHealth>;
  /** Whether this instance can take traffic, for `/readyz`; the store's health alone when absent. */
  readonly readiness?: () => Promise<Readiness>;
  readonly bot: BotHandler;
  /** The scheduled jobs a hosted scheduler may start over HTTP (reminders, retention); none when left out. */
  readonly jobs?: readonly JobTrigger[];
  /** Without `rateLimit` the tab API is not rate limited; the composition root always passes it. */
  readonly config: Pick<Config, 'identity' | 'tabDir'> & Partial<Pick<Config, 'bot' | 'signIn' | 'rateLimit'>>;
  readonly logger: Logger;
  /** Where the rate limits keep their counts; this process's memory by default. */
  readonly rateLimitStore?: RateLimitStoreFactory;
}

/** Activities are larger than tab requests (cards, entities), but still bounded. */
const ACTIVITY_BODY_LIMIT = '256kb';

/**
 * Compresses what the tab reads (JSON, scripts, styles, pages) when the client
 * accepts it, but never the bot's answers: they are small, and the Bot Framework
 * connector is not documented to accept an encoded reply.
 */
const compressAllButTheBot = compression({
  filter: (req, res) => !req.path.startsWith('/api/messages') && compression.filter(req, res),
});

/** An id the bot's reply puts in its URL path (the conversation, the activity replied to or updated); Teams' are printable ASCII. */
const pathId = z.string().regex(/^[\x21-\x7e]+$/);

/** A person or bot in an activity; the bot reads these and botbuilder copies them into its replies. */
const account = z.object({ id: z.string().min(1), name: z.string().nullish(), aadObjectId: z.string().nullish() });

/**
 * What the adapter needs before it can run a turn and reply. Without a string
 * `type` it throws outside the bot's error handling; without a usable
 * `serviceUrl` it fails with a 500; a field the bot reads, or botbuilder copies
 * into its reply, of the wrong type fails the turn. Real channels always send
 * these, with these types.
 */
const activityEnvelope = z.object({
  type: z.string().min(1),
  id: pathId.nullish(),
  name: z.string().nullish(),
  text: z.string().nullish(),
  replyToId: pathId.nullish(),
  channelId: z.string().nullish(),
  locale: z.string().nullish(),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({
    id: pathId,
    name: z.string().nullish(),
    conversationType: z.string().nullish(),
    tenantId: z.string().nullish(),
    isGroup: z.boolean().nullish(),
  }),
  from: account,
  recipient: account,
  membersAdded: z.array(account).nullish(),
  // botbuilder reads the `mentioned` account of every mention to take the bot's @mention out of the text.
  entities: z
    .array(z.object({ type: z.string(), mentioned: account.optional() }).refine((entity) => entity.type.toLowerCase() !== 'mention' || entity.mentioned))
    .nullish(),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().nullish() }).nullish(),
      teamsChannelId: z.string().nullish(),
      channel: z.object({ id: z.string().nullish() }).nullish(),
    })
    .nullish(),
})
  // botbuilder's Teams handler reads `channelData.eventType` of every Teams message edit and deletion.
  .refine((activity) => activity.channelId !== 'msteams' || !['messageUpdate', 'messageDelete'].includes(activity.type) || activity.channelData);

/**
 * The HTTP app: `/healthz` (liveness), `/readyz` (readiness), the scheduled jobs' triggers, the bot at `/api/messages`, the tab API under `/api`,
 * the built tab under `/tab`. Every response carries the security headers; every
 * error is answered JSON and never with a stack trace.
 */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.rateLimit?.proxyHops ?? 0);
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(compressAllButTheBot);

  app.get('/healthz', routeNamed('/healthz'), async (_req, res) => {
    const store = await deps.health();
    res.setHeader('Cache-Control', 'no-store');
    res.status(store.ok ? 200 : 503).json({
      status: store.ok ? 'ok' : 'unavailable',
      store: { kind: store.kind, ok: store.ok, detail: store.detail },
      identity: deps.config.identity,
    });
  });

  app.get('/readyz', routeNamed('/readyz'), readinessHandler(deps.readiness ?? (() => checkReadiness({ store: deps.health }))));

  // Before the API's sign-in: a scheduler presents its own token, not a person's.
  app.use(jobRoutes(deps.jobs ?? [], deps.config.identity, deps.logger));

  // Unauthenticated activities are trusted only by the local development server; anywhere else, a bot without credentials takes none.
  const botRefusesAll = deps.config.identity !== 'local-development' && !deps.config.bot;
  app.post('/api/messages', routeNamed('/api/messages'), (_req, res, next) => {
    if (!botRefusesAll) return next();
    res.setHeader('WWW-Authenticate', 'Bearer');
    sendError(res, 401, 'bot-not-set-up', 'The bot is not set up: it has no Entra app (BOT_ID), so it accepts no messages.');
  });
  app.post('/api/messages', routeNamed('/api/messages'), express.json({ limit: ACTIVITY_BODY_LIMIT }), async (req, res) => {
    if (!activityEnvelope.safeParse(req.body).success) {
      return sendError(
        res,
        400,
        'not-an-activity',
        'The body must be a Bot Framework activity: a JSON object with a "type", a "serviceUrl" and the ids of its conversation, sender and recipient.',
      );
    }
    await deps.bot(req, res);
  });
  app.all('/api/messages', routeNamed('/api/messages'), (req, res) => {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, 'method-not-allowed', `${req.method} is not allowed here. Use POST.`);
  });

  // Before the API's sign-in: the bot's id is public (it is in the app manifest), and the tab asks for it only inside Teams.
  app.get('/api/bot', routeNamed('/api/bot'), (_req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.json({ botId: deps.config.bot?.appId ?? null });
  });
  const signIn = principalMiddleware(callerIdentity(deps.config), deps.logger);
  const { rateLimit } = deps.config;
  const principal = rateLimit ? withinRateLimits(signIn, rateLimit, deps.logger, deps.rateLimitStore) : signIn;
  app.use('/api', downloadRouter(deps.service, principal));
  app.use('/api', apiRouter(deps.service, deps.config.identity, principal));
  app.use('/tab', tabRouter(deps.config.tabDir));
  app.get('/', routeNamed('/'), (_req, res) => {
    res.redirect(302, '/tab/');
  });
  app.use((req, res) => sendError(res, 404, 'not-found', `There is nothing at ${req.method} ${req.path}.`));
  app.use(errorHandler(deps.logger));
  return app;
}
