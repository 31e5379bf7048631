import compression from 'compression';
import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config';
import type { PathwayService, StoreHealth } from '../domain';
import { apiRouter } from './api-router';
import { downloadRouter } from './download-routes';
import { errorHandler, sendError } from './http-errors';
import type { Logger } from './logger';
import { callerIdentity, principalMiddleware } from './principal';
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
  readonly bot: BotHandler;
  readonly config: Pick<Config, 'identity' | 'tabDir'> & Partial<Pick<Config, 'bot' | 'signIn'>>;
  readonly logger: Logger;
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

/**
 * What the adapter needs before it can run a turn and reply. Without a string
 * `type` it throws outside the bot's error handling; without a usable
 * `serviceUrl` it fails with a 500. Real channels always send all of these.
 */
const activityEnvelope = z.object({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string().min(1) }),
});

/**
 * The HTTP app: `/healthz`, the bot at `/api/messages`, the tab API under `/api`,
 * the built tab under `/tab`. Every response carries the security headers; every
 * error is answered JSON and never with a stack trace.
 */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
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
  const principal = principalMiddleware(callerIdentity(deps.config), deps.logger);
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
