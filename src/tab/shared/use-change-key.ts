import { useMemo, useRef } from 'react';

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
