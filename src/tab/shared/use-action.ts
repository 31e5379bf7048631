import { useCallback, useMemo, useRef, useState } from 'react';
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

/** What {@link useChangeKeys} gives back. */
export interface ChangeKeys {
  /**
   * The idempotency key for the change `what` describes (what is changed and how, not
   * the version read): the key of the last press when it asked for the same and did
   * not succeed, so pressing again after a lost answer repeats that change rather than
   * making another; otherwise a fresh one.
   */
  keyFor(what: unknown): string;
  /** Forgets the last press once it succeeded: the next press is a change of its own. */
  succeeded(): void;
}

/** One key per press, reused when the same press is tried again after it did not succeed. */
export function useChangeKeys(): ChangeKeys {
  const last = useRef<{ readonly what: string; readonly key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(what: unknown): string {
        const described = JSON.stringify(what);
        if (last.current?.what !== described) last.current = { what: described, key: globalThis.crypto.randomUUID() };
        return last.current.key;
      },
      succeeded(): void {
        last.current = null;
      },
    }),
    [],
  );
}
