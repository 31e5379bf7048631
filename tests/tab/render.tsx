import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';

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
