import compression from 'compression';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config';
import type { GuidanceTexts, PathwayService, StoreHealth } from '../domain';
import { API, type Answer, type RouteName } from '../contract/api';
import { API_BODY_LIMIT, apiHandler } from './api-router';
import { sharePointCors } from './cors';
import { checkReadiness, readinessHandler, type Readiness } from './health';
import { errorHandler, sendError } from './http-errors';
import { jobHandler, type JobTrigger } from './job-routes';
import type { Logger } from '../logging/logger';
import { callerIdentity, principalMiddleware } from './principal';
import { FEED_PATHS, opportunitiesJsonHandler, opportunitiesRssHandler } from './opportunities-feed';
import { publicRateLimit, withinRateLimits, type RateLimitStoreFactory } from './rate-limit';
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
  /** The organisation's guidance, which the tab shows as the bot does. */
  readonly guidance: GuidanceTexts;
  /** The scheduled jobs a hosted scheduler may start over HTTP (reminders, retention); none when left out. */
  readonly jobs?: readonly JobTrigger[];
  /** Without `rateLimit` the tab API is not rate limited; the composition root always passes it. */
  readonly config: Pick<Config, 'identity' | 'tabDir'> &
    Partial<Pick<Config, 'bot' | 'signIn' | 'rateLimit' | 'sharePointWebOrigin' | 'opportunitiesFeed'>> & {
      /** The organisation's document links, sent with a partner's checklist; none when left out. */
      readonly botSettings?: Pick<Config['botSettings'], 'documents'>;
    };
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
const activityEnvelope = z
  .object({
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
      .array(
        z
          .object({ type: z.string(), mentioned: account.optional() })
          .refine((entity) => entity.type.toLowerCase() !== 'mention' || entity.mentioned),
      )
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
  .refine(
    (activity) => activity.channelId !== 'msteams' || !['messageUpdate', 'messageDelete'].includes(activity.type) || activity.channelData,
  );

/** What each door runs before a route's handler: its checks, then the body parser for what the route reads. */
interface DoorSteps {
  readonly check: readonly RequestHandler[];
  readonly body: readonly RequestHandler[];
}

function doorsFor(deps: AppDependencies): Record<Door, DoorSteps> {
  // Unauthenticated activities are trusted only by the local development server; anywhere else, a bot without credentials takes none.
  const botRefusesAll = deps.config.identity !== 'local-development' && !deps.config.bot;
  const signIn = principalMiddleware(callerIdentity(deps.config), deps.logger);
  const { rateLimit } = deps.config;
  const noStore: RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  return {
    anyone: { check: [], body: [] },
    public: { check: rateLimit ? [publicRateLimit(rateLimit, deps.logger, deps.rateLimitStore)] : [], body: [] },
    scheduler: { check: [], body: [] },
    bot: {
      check: [
        (_req, res, next) => {
          if (!botRefusesAll) return next();
          res.setHeader('WWW-Authenticate', 'Bearer');
          sendError(res, 401, 'bot-not-set-up', 'The bot is not set up: it has no Entra app (BOT_ID), so it accepts no messages.');
        },
      ],
      body: [express.json({ limit: ACTIVITY_BODY_LIMIT })],
    },
    'signed-in': {
      check: [noStore, rateLimit ? withinRateLimits(signIn, rateLimit, deps.logger, deps.rateLimitStore) : signIn],
      body: [express.json({ limit: API_BODY_LIMIT })],
    },
  };
}

function healthHandler(deps: AppDependencies): RequestHandler {
  return async (_req, res) => {
    const store = await deps.health();
    res.setHeader('Cache-Control', 'no-store');
    res.status(store.ok ? 200 : 503).json({
      status: store.ok ? 'ok' : 'unavailable',
      store: { kind: store.kind, ok: store.ok, detail: store.detail },
      identity: deps.config.identity,
    });
  };
}

/** Runs an activity once its envelope has what the adapter needs. */
function botHandler(bot: BotHandler): RequestHandler {
  return async (req, res) => {
    if (!activityEnvelope.safeParse(req.body).success) {
      return sendError(
        res,
        400,
        'not-an-activity',
        'The body must be a Bot Framework activity: a JSON object with a "type", a "serviceUrl" and the ids of its conversation, sender and recipient.',
      );
    }
    await bot(req, res);
  };
}

/** The bot's id, which the tab asks for only inside Teams. */
function botIdHandler(botId: string | null): RequestHandler {
  return (_req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.json({ botId } satisfies Answer<'botId'>);
  };
}

/** Who may call a route, checked before its handler runs. */
type Door =
  /** Anyone: health probes, the bot's public id, the tab's files. */
  | 'anyone'
  /** Anyone, within a rate limit per client address: the opportunities feed, which websites read. */
  | 'public'
  /** A scheduler presenting the job's own token (checked by the job's handler). */
  | 'scheduler'
  /** Bot Framework: an activity, its sender checked by the bot's adapter. */
  | 'bot'
  /** A signed-in person (the Teams SSO token, or the local identity), within their rate limits. */
  | 'signed-in';

/** One route of the app: method and path, who may call it, and what answers. */
interface AppRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly door: Door;
  readonly handler: RequestHandler;
}

/**
 * The HTTP app, and the one map of its routes (below, in the order they match):
 * `/healthz` (liveness), `/readyz` (readiness), the scheduled jobs' triggers, the bot at
 * `/api/messages`, every route of the tab's API contract (`src/contract/api.ts`) under
 * `/api`, the public opportunities feed under `/feed` (only when the organisation turns it on),
 * the built tab under `/tab`, and `/`. A known path with the wrong method is 405
 * (with Allow); anything else is 404. Every response carries the security headers;
 * every error is answered JSON and never with a stack trace. The API answers cross-origin
 * calls from the configured SharePoint origin only (`./cors`), for the web part.
 */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.rateLimit?.proxyHops ?? 0);
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(compressAllButTheBot);
  app.use('/api', sharePointCors(deps.config.sharePointWebOrigin, [...new Set(Object.values(API).map((route) => route.method))]));

  const api = {
    service: deps.service,
    identity: deps.config.identity,
    documents: deps.config.botSettings?.documents ?? {},
    guidance: deps.guidance,
  };
  const routes: readonly AppRoute[] = [
    { method: 'GET', path: '/healthz', door: 'anyone', handler: healthHandler(deps) },
    {
      method: 'GET',
      path: '/readyz',
      door: 'anyone',
      handler: readinessHandler(deps.readiness ?? (() => checkReadiness({ store: deps.health }))),
    },
    ...(deps.jobs ?? []).map((job): AppRoute => ({
      method: 'POST',
      path: job.path,
      door: 'scheduler',
      handler: jobHandler(job, deps.config.identity, deps.logger),
    })),
    { method: 'POST', path: '/api/messages', door: 'bot', handler: botHandler(deps.bot) },
    ...(Object.keys(API) as RouteName[]).map((name): AppRoute =>
      name === 'botId'
        ? { method: 'GET', path: `/api${API.botId.path}`, door: 'anyone', handler: botIdHandler(deps.config.bot?.appId ?? null) }
        : { method: API[name].method, path: `/api${API[name].path}`, door: 'signed-in', handler: apiHandler(name, api) },
    ),
    ...(deps.config.opportunitiesFeed
      ? [
          { method: 'GET', path: FEED_PATHS.json, door: 'public', handler: opportunitiesJsonHandler(deps.service) } as const,
          { method: 'GET', path: FEED_PATHS.rss, door: 'public', handler: opportunitiesRssHandler(deps.service) } as const,
        ]
      : []),
    { method: 'GET', path: '/', door: 'anyone', handler: (_req, res) => res.redirect(302, '/tab/') },
  ];

  const doors = doorsFor(deps);
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    const { check, body } = doors[route.door];
    app[route.method.toLowerCase() as Lowercase<AppRoute['method']>](route.path, routeNamed(route.path), ...check, ...body, route.handler);
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  for (const [path, methods] of methodsByPath) {
    // The API answers a wrong method only to someone signed in, as it answers everything else.
    const check = path.startsWith('/api/') && path !== '/api/messages' ? doors['signed-in'].check : [];
    app.all(path, routeNamed(path), ...check, (req, res) => {
      res.setHeader('Allow', methods.join(', '));
      sendError(res, 405, 'method-not-allowed', `${req.method} is not allowed here. Use ${methods.join(' or ')}.`);
    });
  }
  app.use('/api', routeNamed('/api/*'), ...doors['signed-in'].check, (req, res) => {
    sendError(res, 404, 'not-found', `There is no API at ${req.method} /api${req.path}.`);
  });
  app.use('/tab', tabRouter(deps.config.tabDir));
  app.use((req, res) => sendError(res, 404, 'not-found', `There is nothing at ${req.method} ${req.path}.`));
  app.use(errorHandler(deps.logger));
  return app;
}
