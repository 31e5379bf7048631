import { RETENTION_ACTOR, todayIn, type Clock, type PathwayService } from '../domain';
import type { Lease } from '../domain/lease';
import { startLeasedSchedule } from '../domain/service/schedule';
import { errorFields, type Logger } from '../logging/logger';

/** How often the in-process retention schedule looks at the clock; it runs once a day per instance. */
export const RETENTION_CHECK_EVERY_MS = 60 * 60 * 1000;

/** What one run of the retention schedule did: how many people it erased and how many of their claims it deleted (never whose). */
export interface RetentionRun {
  readonly erased: number;
  readonly claimsDeleted: number;
}

/**
 * One run of the retention schedule: erases the personal data of everyone whose
 * involvements all closed more than RETENTION_MONTHS ago, then deletes erased
 * partners' claims six years after the end of the financial year they relate to,
 * as the "Retention schedule" actor (audited), and logs how many. Independent of
 * the bot and of the reminders, so turning those off never stops it.
 */
export function retentionRun(service: PathwayService, logger: Logger): () => Promise<RetentionRun> {
  return async () => {
    const erased = await service.personalData.applyRetention(RETENTION_ACTOR);
    const claimsDeleted = await service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR);
    logger.info('Retention schedule run', { erased, claimsDeleted });
    return { erased, claimsDeleted };
  };
}

/**
 * Runs the retention schedule on the first check of each day (in the
 * organisation's time zone) on this instance, under the lease so that two
 * instances never erase at once. A failed run is logged and tried again at the
 * next check. Returns a function that stops the schedule once a run in progress ends.
 */
export function startRetentionSchedule(options: {
  readonly run: () => Promise<RetentionRun>;
  readonly lease: Lease;
  readonly timeZone: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly everyMs?: number;
}): () => Promise<void> {
  const { logger } = options;
  const today = () => todayIn(options.timeZone, options.clock);
  let lastRunOn: string | undefined;
  return startLeasedSchedule({
    run: async () => {
      const day = today();
      const result = await options.run();
      lastRunOn = day;
      return result;
    },
    lease: options.lease,
    everyMs: options.everyMs ?? RETENTION_CHECK_EVERY_MS,
    isDue: () => lastRunOn !== today(),
    onTick: (outcome) => {
      if (outcome.ran === 'failed')
        logger.error('The retention schedule could not run; it is tried again at the next check', errorFields(outcome.error));
      else if (!outcome.ran) logger.info('Scheduled retention skipped: another instance holds the lease');
    },
  });
}
