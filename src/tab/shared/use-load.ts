import { useCallback, useEffect, useRef, useState } from 'react';
import { isNoAccess } from '../api/parse';

/** Where one API read stands. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | {
      readonly status: 'error';
      readonly message: string;
      /** True when the server refused the person access (403). */
      readonly noAccess: boolean;
    };

/** Turns anything thrown into the sentence shown to the person. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') return error.message;
  return 'Something went wrong. Try again, and if it keeps happening tell your administrator.';
}

/** What {@link useLoad} gives back: the state, and two ways to read again. */
export type Loaded<T> = LoadState<T> & {
  /** Reads again from scratch, showing the loading state (after a failure). */
  retry(): void;
  /** Reads again while the current data stays on screen (after a change was saved). */
  refresh(): void;
};

/**
 * Runs `load` whenever `key` changes (and on `retry` or `refresh`), cancelling the
 * previous run so a slow answer for an old key can never replace a newer one. With
 * `initial` (the same read, answered before the component first rendered), `key`
 * starts ready with it and is not read again until refreshed or changed.
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, initial?: T): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>(initial === undefined ? { status: 'loading' } : { status: 'ready', data: initial });
  const [run, setRun] = useState({ count: 0, quiet: false });
  const answeredKey = useRef(initial === undefined ? null : key);
  const latestLoad = useRef(load);
  // Declared first, so it runs before the loading effect below and that always calls the newest `load`.
  useEffect(() => {
    latestLoad.current = load;
  });
  const shownKey = useRef(key);

  useEffect(() => {
    if (run.count === 0 && key === answeredKey.current) return;
    answeredKey.current = null;
    const controller = new AbortController();
    const keyChanged = shownKey.current !== key;
    shownKey.current = key;
    if (keyChanged || !run.quiet) setState({ status: 'loading' });
    latestLoad.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error), noAccess: isNoAccess(error) });
      },
    );
    return () => controller.abort();
  }, [key, run]);

  const retry = useCallback(() => setRun(({ count }) => ({ count: count + 1, quiet: false })), []);
  const refresh = useCallback(() => setRun(({ count }) => ({ count: count + 1, quiet: true })), []);
  return { ...state, retry, refresh };
}
