import type { Lease, LeaseOutcome } from '../lease';

/** What came of one tick: the run's outcome under the lease, or the error it failed with. */
export type TickOutcome<T> = LeaseOutcome<T> | { readonly ran: 'failed'; readonly error: unknown };

/** A piece of work run on a timer, on one instance at a time. */
export interface LeasedScheduleOptions<T> {
  readonly run: () => Promise<T>;
  /** Elects the instance that runs each tick; the others skip it. */
  readonly lease: Lease;
  readonly everyMs: number;
  /** Whether a tick at this moment should run at all; every tick runs when left out. */
  readonly isDue?: () => boolean;
  /** Told what each tick that was due came to, for the log. */
  readonly onTick: (outcome: TickOutcome<T>) => void;
}

/**
 * Runs `run` every `everyMs` while `isDue` says so, under the lease, and never two
 * ticks of this instance at once (a tick still running makes the next one skip).
 * Returns a function that stops the schedule and resolves once a tick in
 * progress has ended and given the lease back. The timer does not keep the
 * process alive.
 */
export function startLeasedSchedule<T>(options: LeasedScheduleOptions<T>): () => Promise<void> {
  let ticking: Promise<void> | undefined;
  const tick = () => {
    if (ticking || (options.isDue && !options.isDue())) return;
    ticking = options.lease
      .runIfFree(options.run)
      .then(options.onTick, (error: unknown) => options.onTick({ ran: 'failed', error }))
      .finally(() => {
        ticking = undefined;
      });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await ticking;
  };
}
