import { useEffect, useState } from 'react';
import type { TeamsHost } from './teams-host';
import { standaloneThemeKind, type ThemeKind } from './theme-kind';

/** The Teams host once `connecting` settles: `undefined` while connecting, `null` when running standalone. */
export function useTeamsHost(connecting: Promise<TeamsHost | null>): TeamsHost | null | undefined {
  const [host, setHost] = useState<TeamsHost | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    connecting.then(
      (connected) => {
        if (current) setHost(connected);
      },
      (error: unknown) => {
        // teams-js did not load, or Teams answered `initialize` but not `getContext`: the tab still works standalone.
        console.error('Could not connect to Teams; running without Teams.', error);
        if (current) setHost(null);
      },
    );
    return () => {
      current = false;
    };
  }, [connecting]);
  return host;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme to show: Teams' theme inside Teams (following changes), else the system's light or dark. */
export function useThemeKind(host: TeamsHost | null | undefined): ThemeKind {
  const [teamsTheme, setTeamsTheme] = useState<ThemeKind | null>(null);
  const [prefersDark, setPrefersDark] = useState(() => window.matchMedia(DARK_QUERY).matches);

  useEffect(() => {
    if (!host) return;
    setTeamsTheme(host.theme);
    host.onThemeChange(setTeamsTheme);
  }, [host]);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const follow = (event: MediaQueryListEvent) => setPrefersDark(event.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  return host && teamsTheme ? teamsTheme : standaloneThemeKind(prefersDark);
}
