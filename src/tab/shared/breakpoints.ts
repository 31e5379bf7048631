import { useSyncExternalStore } from 'react';

/**
 * The page is compact below this width: Teams on a phone (320 to 430 px) and narrow
 * panes. Less room around the edges, smaller tabs and buttons, so the partners come first.
 */
export const NARROW = '(max-width: 39.99rem)';

/** Below this width the partners show as a list of cards; the table needs about 64rem to show every column. */
export const PARTNERS_AS_LIST = '(max-width: 63.99rem)';

/** For `makeStyles`: styles for the compact page. */
export const NARROW_MEDIA = `@media ${NARROW}`;

/**
 * Whether the window matches a media query, following changes (a rotated phone, a
 * resized pane). False where the browser cannot tell (jsdom), which shows the wide layout.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
}
