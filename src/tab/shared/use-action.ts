import { useCallback, useRef, useState } from 'react';
import { messageOf } from './use-load';

/** The outcome of the last change the person asked for. */
export type ActionOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

/** What {@link useAction} gives back. */
export interface Action {
  readonly outcome: ActionOutcome;
  /** Runs one change; on success says `doneMessage` and calls `onSaved`, on failure shows the server's reason. */
  run(change: () => Promise<void>, doneMessage: string): Promise<boolean>;
}

/**
 * Runs changes one at a time and keeps the outcome for the person to read: the
 * server's plain refusal (a rule, a conflict, a bad date) or what was done. Either
 * way `onSaved` runs after a conflict too, so the next attempt starts from the latest.
 */
export function useAction(onSaved: () => void): Action {
  const [outcome, setOutcome] = useState<ActionOutcome>({ kind: 'idle' });
  const busy = useRef(false);
  const run = useCallback(
    async (change: () => Promise<void>, doneMessage: string) => {
      if (busy.current) return false;
      busy.current = true;
      setOutcome({ kind: 'busy' });
      try {
        await change();
        setOutcome({ kind: 'done', message: doneMessage });
        return true;
      } catch (error) {
        setOutcome({ kind: 'refused', message: messageOf(error) });
        return false;
      } finally {
        busy.current = false;
        onSaved();
      }
    },
    [onSaved],
  );
  return { outcome, run };
}
