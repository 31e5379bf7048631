import type { Clock } from '../../domain';
import type { Lease } from '../../domain/lease';
import { startLeasedSchedule } from '../../domain/service/schedule';
import { errorFields, type Logger } from '../../logging/logger';

/** How often the in-process schedule looks at the clock. */
export const CHECK_EVERY_MS = 15 * 60 * 1000;

/** The hour of the day an instant falls in, in a time zone. */
export function hourIn(timeZone: string, instant: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant));
}

/**
 * Runs the reminders every `everyMs` from `hour` o'clock in the organisation's time
 * zone until midnight. Each reminder is sent once, so running again in the same day
 * sends only what has newly fallen due. With several instances each tick runs on
 * the one instance that takes the `lease`; the others skip it, and so does this
 * instance while its own tick is still running. Returns a function that stops the
 * schedule and resolves once a tick in progress has ended and given the lease back.
 */
export function startReminderSchedule(options: {
  readonly run: () => Promise<unknown>;
  readonly lease: Lease;
  readonly timeZone: string;
  readonly hour: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly everyMs?: number;
}): () => Promise<void> {
  const { logger } = options;
  return startLeasedSchedule({
    run: options.run,
    lease: options.lease,
    everyMs: options.everyMs ?? CHECK_EVERY_MS,
    isDue: () => hourIn(options.timeZone, options.clock.now()) >= options.hour,
    onTick: (outcome) => {
      if (outcome.ran === 'failed') logger.error('Scheduled reminders failed', errorFields(outcome.error));
      else if (!outcome.ran) logger.info('Scheduled reminders skipped: another instance holds the lease');
      else if (outcome.leaseLost)
        logger.warn('The reminders lease was lost during a run; reminders claimed before sending still went once');
    },
  });
}
