import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { IdentityMode } from '../config';
import { errorFields, type Logger } from './logger';
import { sendError } from './http-errors';
import { requestLog, routeNamed } from './request-log';
import { securityHeaders } from './security-headers';

/** The path a hosted scheduler (Azure Functions timer, Logic App, cron) calls to send the reminders now. */
export const REMINDERS_PATH = '/api/reminders/run';

/** What the trigger needs: the run itself, who may call it, and the log. */
export interface ReminderRouteOptions {
  /** Runs the reminders once; resolves to the counts of what was sent. */
  readonly run: () => Promise<object>;
  /** The bearer token callers must present; without one, only the local development server accepts calls. */
  readonly token: string | undefined;
  readonly identity: IdentityMode;
  readonly logger: Logger;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST /api/reminders/run`: sends the reminders that are due, each once, and
 * answers with counts (never names). Guarded by `REMINDERS_TOKEN` as a bearer
 * token; with none set it works only for the local development server, which
 * listens on 127.0.0.1.
 */
export function reminderRoutes(options: ReminderRouteOptions): Router {
  const router = express.Router();
  router.use(REMINDERS_PATH, requestLog(options.logger), securityHeaders(), routeNamed(REMINDERS_PATH));
  router.post(REMINDERS_PATH, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (options.token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameToken(given, options.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return sendError(res, 401, 'unauthorised', 'Send the reminders token as "Authorization: Bearer <REMINDERS_TOKEN>".');
      }
    } else if (options.identity !== 'local-development') {
      return sendError(res, 403, 'reminders-token-not-set', 'Set REMINDERS_TOKEN on the server to let a scheduler trigger reminders.');
    }
    try {
      res.status(200).json(await options.run());
    } catch (error) {
      options.logger.error('Triggered reminders failed', errorFields(error));
      sendError(res, 503, 'reminders-unavailable', 'The reminders could not run just now. Nothing was sent twice; please try again in a few minutes.');
    }
  });
  router.all(REMINDERS_PATH, (req, res) => {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, 'method-not-allowed', `${req.method} is not allowed here. Use POST.`);
  });
  return router;
}
