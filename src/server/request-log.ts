import type { RequestHandler, Response } from 'express';
import type { Logger } from '../logging/logger';

/** Records which route pattern answers a request, so logs name the pattern, not the raw path (which carries ids). */
export function markRoute(res: Response, pattern: string): void {
  res.locals.route = pattern;
}

/** Middleware form of {@link markRoute}, for routes whose body parser may fail before their handler runs. */
export function routeNamed(pattern: string): RequestHandler {
  return (_req, res, next) => {
    markRoute(res, pattern);
    next();
  };
}

/** The route pattern recorded for a response, or `unmatched`. */
export function routeOf(res: Response): string {
  const route: unknown = res.locals.route;
  return typeof route === 'string' ? route : 'unmatched';
}

/** The message of the one line logged per request. */
export const REQUEST_LINE = 'request';

/**
 * Logs one line per finished request: method, route pattern, status and duration.
 * Never bodies, query strings or raw paths, which can carry personal data.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      logger.info(REQUEST_LINE, { method: req.method, route: routeOf(res), status: res.statusCode, ms });
    });
    next();
  };
}
