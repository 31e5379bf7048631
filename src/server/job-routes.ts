import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { IdentityMode } from '../config';
import type { Lease } from '../domain/lease';
import { errorFields, type Logger } from '../logging/logger';
import { sendError } from './http-errors';

/** The path a hosted scheduler (Azure Functions timer, Logic App, cron) calls to send the reminders now. */
export const REMINDERS_PATH = '/api/reminders/run';

/** The path a hosted scheduler calls to apply the retention schedule now. */
export const RETENTION_PATH = '/api/retention/run';

/** A scheduled job that a hosted scheduler may also start over HTTP. */
export interface JobTrigger {
  readonly path: string;
  /** Runs the job once; resolves to counts of what it did (never names). */
  readonly run: () => Promise<object>;
  /** The bearer token callers must present; without one, only the local development server accepts calls. */
  readonly token: string | undefined;
  /** The setting that holds the token, named in refusals. */
  readonly tokenSetting: string;
  /** What the job is, completing "The … could not run just now". */
  readonly name: string;
  /** The lease its scheduled runs take: a run started over HTTP takes it too, so runs never overlap, whichever instance starts them. */
  readonly lease: Lease;
}

/** How long a caller refused because a run is in progress is asked to wait before trying again, in seconds. */
const RUN_IN_PROGRESS_RETRY_AFTER_SECONDS = 60;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Answers a scheduler's trigger of one job: the job's own token (compared in constant
 * time) or, with no token set, only on the local development server; the job's counts,
 * or 503 if it failed (it logs why, never names).
 */
export function jobHandler(job: JobTrigger, identity: IdentityMode, logger: Logger): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (job.token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (!sameToken(given, job.token)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        return sendError(res, 401, 'unauthorised', `Send the token as "Authorization: Bearer <${job.tokenSetting}>".`);
      }
    } else if (identity !== 'local-development') {
      return sendError(
        res,
        403,
        `${job.tokenSetting.toLowerCase().replaceAll('_', '-')}-not-set`,
        `Set ${job.tokenSetting} on the server to let a scheduler start the ${job.name}.`,
      );
    }
    try {
      const outcome = await job.lease.runIfFree(job.run);
      if (!outcome.ran) {
        res.setHeader('Retry-After', String(RUN_IN_PROGRESS_RETRY_AFTER_SECONDS));
        return sendError(
          res,
          409,
          'run-in-progress',
          `A run of the ${job.name} is already in progress (on this instance or another), so this call started nothing. That run does what is due; try again once it has finished.`,
        );
      }
      if (outcome.leaseLost)
        logger.warn(`The ${job.name} lease was lost during a triggered run; what was claimed before being done still happened once`);
      res.status(200).json(outcome.result);
    } catch (error) {
      logger.error(`Triggered ${job.name} failed`, errorFields(error));
      sendError(
        res,
        503,
        'job-unavailable',
        `The ${job.name} could not run just now. Nothing was done twice; please try again in a few minutes.`,
      );
    }
  };
}
