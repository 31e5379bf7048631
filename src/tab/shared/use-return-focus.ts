import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What {@link useReturnFocus} gives back. */
export interface ReturnFocus<T extends HTMLElement> {
  /** For the button that opens the form. */
  readonly opener: RefObject<T | null>;
  /** Call as the form is dismissed: the button gets the focus back once it is shown again. */
  readonly returnFocus: () => void;
}

/**
 * Gives the keyboard focus back to the button that opened a form when the form is
 * dismissed, rather than letting it fall to the page (in the partner panel, out of it).
 */
export function useReturnFocus<T extends HTMLElement>(): ReturnFocus<T> {
  const opener = useRef<T>(null);
  const [returning, setReturning] = useState(false);
  useLayoutEffect(() => {
    if (!returning) return;
    opener.current?.focus();
    setReturning(false);
  }, [returning]);
  return { opener, returnFocus: () => setReturning(true) };
}
