import type { MouseEvent } from 'react';

/**
 * A link's click handler for a link the page follows itself (it has an `href`, so it can
 * still be opened in a new tab or window): a plain click calls `go`; a click meant for a
 * new tab or window (a modifier key, another button) is left to the browser.
 */
export function followInPage(go: () => void): (event: MouseEvent) => void {
  return (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go();
  };
}
