import { Router, type Request, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';
import type { Principal } from '../domain';
import type { RateLimitSettings } from '../config';
import { sendError } from './http-errors';
import { errorFields, type Logger } from '../logging/logger';
import { routeOf } from './request-log';

/** The counts kept: reads and writes per signed-in person; refused sign-ins and public reads per client address. */
export type RateLimitName = 'reads' | 'writes' | 'refused-sign-ins' | 'public-reads';

/**
 * Makes the store that keeps one limit's counts. The default keeps them in this
 * process's memory, so with several instances each counts on its own; a shared
 * store (Redis, Azure) goes here.
 */
export type RateLimitStoreFactory = (name: RateLimitName) => Store;

const inMemory: RateLimitStoreFactory = () => new MemoryStore();

const WINDOW_MS = 60_000;

/** Said to a caller over a limit; the same for every limit, so it names neither the person nor the count. */
export const RATE_LIMITED_MESSAGE = 'You are going a little fast. Wait a minute and try again.';

/** GET and HEAD only read; every other method may change something. */
const READ_METHODS = new Set(['GET', 'HEAD']);

function limiter(
  name: RateLimitName,
  perMinute: number,
  options: { store: RateLimitStoreFactory; logger: Logger; key: (req: Request, res: Response) => string; refusalsOnly?: boolean },
): RequestHandler {
  // The library's own complaints (a store failing, a misconfiguration) go to the server's log, redacted like any error.
  const report = (level: 'error' | 'warn') => (error: unknown, message?: string) =>
    options.logger[level](message ?? 'Rate limit problem', { limit: name, ...errorFields(error) });
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    identifier: name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: options.store(name),
    keyGenerator: options.key,
    // A shared store that cannot be reached lets requests through rather than shutting every member of staff out.
    passOnStoreError: true,
    logger: { error: report('error'), warn: report('warn') },
    ...(options.refusalsOnly
      ? { skipSuccessfulRequests: true, requestWasSuccessful: (_req: Request, res: Response) => res.statusCode !== 401 }
      : {}),
    // Logged by limit and route only: the key is a person's id or an address, both personal data.
    handler: (req, res) => {
      options.logger.warn('Rate limited', { limit: name, method: req.method, route: routeOf(res) });
      sendError(res, 429, 'rate-limited', RATE_LIMITED_MESSAGE);
    },
  });
}

function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'unknown');
}

function principalId(_req: Request, res: Response): string {
  return (res.locals.principal as Principal).id;
}

/**
 * Wraps the tab API's sign-in (`principal`) in its rate limits. Before sign-in,
 * a client address that has been refused more than `refusedSignInsPerMinute`
 * times in the last minute is answered 429; after it, each person may make
 * `readsPerMinute` reads and `writesPerMinute` writes a minute. A limited
 * request is answered 429 JSON with `Retry-After` and the `RateLimit` headers
 * (IETF draft 8) before its body is read, so it changes nothing.
 */
export function withinRateLimits(
  principal: RequestHandler,
  settings: RateLimitSettings,
  logger: Logger,
  store: RateLimitStoreFactory = inMemory,
): RequestHandler {
  const reads = limiter('reads', settings.readsPerMinute, { store, logger, key: principalId });
  const writes = limiter('writes', settings.writesPerMinute, { store, logger, key: principalId });
  const perPerson: RequestHandler = (req, res, next) => (READ_METHODS.has(req.method) ? reads : writes)(req, res, next);
  return Router().use(
    limiter('refused-sign-ins', settings.refusedSignInsPerMinute, { store, logger, key: clientAddress, refusalsOnly: true }),
    principal,
    perPerson,
  );
}

/**
 * The limit on public routes that anyone may read without signing in (the opportunities
 * feed): `readsPerMinute` a minute from each client address, answered 429 as above.
 */
export function publicRateLimit(settings: RateLimitSettings, logger: Logger, store: RateLimitStoreFactory = inMemory): RequestHandler {
  return limiter('public-reads', settings.readsPerMinute, { store, logger, key: clientAddress });
}
