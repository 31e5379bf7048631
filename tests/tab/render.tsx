import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { configure, render, screen, waitFor, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

// A lazily loaded view (the people panel, its dialog) is compiled on first use under
// jest, which can take longer than Testing Library's default second on a busy machine.
configure({ asyncUtilTimeout: 4000 });

/** jsdom has no ResizeObserver; Fluent's message bars and text areas watch their size with one. */
class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.assign(window, { ResizeObserver: StillResizeObserver });
}

/** jsdom has no object URLs; a download made from a fetched file needs one. */
export function stubObjectUrls(): { created: Blob[] } {
  const created: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    },
    revokeObjectURL: () => undefined,
  });
  // jsdom cannot follow a link; the download itself is the browser's job, tested end to end.
  HTMLAnchorElement.prototype.click = function click() {};
  return { created };
}

/** Renders `ui` inside the Fluent provider the tab uses, as the tab shows it. */
export function renderInFluent(ui: ReactElement): RenderResult {
  return render(<FluentProvider theme={teamsLightTheme}>{ui}</FluentProvider>);
}

/**
 * The open confirmation dialog titled `title` (its `aria-labelledby`). In jsdom,
 * Tabster's modal trap soon marks the dialog itself aria-hidden (it never sees the
 * dialog take focus), which empties its accessible name, so the title is read
 * directly and controls inside are found with `hidden: true`. In Chromium the
 * end-to-end tests find it by role and name and check it with axe-core.
 */
export function findConfirmation(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const titled = screen
      .getAllByRole('alertdialog', { hidden: true })
      .find((dialog) => document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent === title);
    if (!titled) throw new Error(`No confirmation titled "${title}" is open.`);
    return titled;
  });
}
