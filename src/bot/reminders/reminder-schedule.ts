import type { Clock } from '../../domain';
import type { Lease } from '../../domain/service/lease';
import { errorFields, type Logger } from '../../server/logger';

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
 * the one instance that takes the `lease`; the others skip it. Returns a function
 * that stops the schedule.
 */
export function startReminderSchedule(options: {
  readonly run: () => Promise<unknown>;
  readonly lease: Lease;
  readonly timeZone: string;
  readonly hour: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly everyMs?: number;
}): () => void {
  const tick = () => {
    if (hourIn(options.timeZone, options.clock.now()) < options.hour) return;
    options.lease.runIfFree(options.run).then(
      (outcome) => {
        if (!outcome.ran) options.logger.info('Scheduled reminders skipped: another instance holds the lease');
        else if (outcome.leaseLost) options.logger.warn('The reminders lease was lost during a run; reminders claimed before sending still went once');
      },
      (error: unknown) => options.logger.error('Scheduled reminders failed', errorFields(error)),
    );
  };
  const timer = setInterval(tick, options.everyMs ?? CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
