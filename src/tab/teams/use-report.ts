import { useCallback } from 'react';
import type { TeamsHost } from './teams-host';

/** Tells Teams, once, whether the first view loaded: null for loaded, else the failure. Nothing outside Teams. */
export function useReport(host: TeamsHost | null): (failure: string | null) => void {
  return useCallback(
    (failure: string | null) => {
      if (!host) return;
      if (failure === null) host.reportLoaded();
      else host.reportFailed(failure);
    },
    [host],
  );
}
