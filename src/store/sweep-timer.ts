import type { SweepOptions, SweptState } from '../domain/key-value-state';

/**
 * Sweeps `state` every `everyMs` on a timer that does not keep the process alive,
 * telling `onSweep` how many entries went or why none could. The caller clears the
 * timer it returns when it closes.
 */
export function sweepTimer(state: Pick<SweptState, 'sweepExpired'>, everyMs: number, onSweep: SweepOptions['onSweep']): NodeJS.Timeout {
  const timer = setInterval(() => {
    state.sweepExpired().then(
      (swept) => onSweep?.({ swept }),
      (error: unknown) => onSweep?.({ error }),
    );
  }, everyMs);
  timer.unref();
  return timer;
}
