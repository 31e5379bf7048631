import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/parse';
import { messageOf } from './use-load';

/** The outcome of the last change the person asked for. */
export type ActionOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'done'; readonly message: string }
  | {
      readonly kind: 'refused';
      readonly message: string;
      /** What is wrong with each field of the request, by field name; empty when the refusal is not about a field. */
      readonly fields: Readonly<Record<string, string>>;
    };

/** What {@link useAction} gives back. */
export interface Action {
  readonly outcome: ActionOutcome;
  /**
   * Runs one change; on success says `doneMessage` (or what it makes of the change's
   * result) and calls `onSaved`, on failure shows the server's reason.
   */
  run<T>(change: () => Promise<T>, doneMessage: string | ((result: T) => string)): Promise<boolean>;
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
    async <T>(change: () => Promise<T>, doneMessage: string | ((result: T) => string)) => {
      if (busy.current) return false;
      busy.current = true;
      setOutcome({ kind: 'busy' });
      try {
        const result = await change();
        setOutcome({ kind: 'done', message: typeof doneMessage === 'string' ? doneMessage : doneMessage(result) });
        return true;
      } catch (error) {
        setOutcome({ kind: 'refused', message: messageOf(error), fields: error instanceof ApiError ? error.fields : {} });
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
