import {
  FluentProvider,
  Spinner,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AppHeader } from './app-header';
import { createApiClient } from './api/client';
import { ErrorBoundary } from './shared/error-boundary';
import { LoadError } from './shared/load-error';
import { useLoad } from './shared/use-load';
import { chooseWorkstream, searchWithWorkstream, workstreamIdFromSearch } from './shared/url-state';
import type { TeamsHost } from './teams/teams-host';
import type { ThemeKind } from './teams/theme-kind';
import { useTeamsHost, useThemeKind } from './teams/use-host';
import { WorkstreamView } from './workstream-view';
import { NoWorkstreams } from './workstreams/no-workstreams';
import { WorkstreamPicker } from './workstreams/workstream-picker';

const THEMES: Record<ThemeKind, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
  starting: {
    paddingBlock: tokens.spacingVerticalXXXL,
  },
});

const noToken = async (): Promise<null> => null;

/** Puts the shown workstream in the address, so a reload or a shared link opens the same one. */
function rememberWorkstream(workstreamId: number): void {
  const search = searchWithWorkstream(window.location.search, workstreamId);
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
}

function Workspace({ host }: { readonly host: TeamsHost | null }) {
  const styles = useStyles();
  const api = useMemo(() => createApiClient(host ? host.getToken : noToken), [host]);
  const me = useLoad('me', (signal) => api.me(signal));
  const workstreams = useLoad('workstreams', (signal) => api.workstreams(signal));
  const [requestedId, setRequestedId] = useState(() => workstreamIdFromSearch(window.location.search));

  // A workstream named in the address starts loading alongside the list rather than after it.
  let shownId: number | null = null;
  if (workstreams.status === 'loading') shownId = requestedId;
  if (workstreams.status === 'ready') shownId = chooseWorkstream(workstreams.data, requestedId, host?.channelId ?? null);

  useEffect(() => {
    if (shownId !== null) rememberWorkstream(shownId);
  }, [shownId]);

  const report = useCallback(
    (failure: string | null) => {
      if (!host) return;
      if (failure === null) host.reportLoaded();
      else host.reportFailed(failure);
    },
    [host],
  );
  const noneToShow = workstreams.status === 'ready' && workstreams.data.length === 0;
  const listFailure = workstreams.status === 'error' ? workstreams.message : null;
  useEffect(() => {
    if (listFailure !== null) report(listFailure);
    else if (noneToShow) report(null);
  }, [listFailure, noneToShow, report]);

  return (
    <>
      <AppHeader me={me} />
      <main className={styles.main}>
        {workstreams.status === 'error' && (
          <LoadError title="Could not load your workstreams" message={workstreams.message} onRetry={workstreams.retry} />
        )}
        {workstreams.status === 'loading' && shownId === null && <Spinner label="Loading your workstreams…" />}
        {noneToShow && <NoWorkstreams />}
        {workstreams.status === 'ready' && !noneToShow && (
          <WorkstreamPicker workstreams={workstreams.data} selectedId={shownId} onSelect={setRequestedId} />
        )}
        {shownId !== null && workstreams.status !== 'error' && (
          <ErrorBoundary key={shownId} title="Could not show this workstream">
            <WorkstreamView api={api} workstreamId={shownId} onSettled={report} />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}

/** The workstream tab: follows the Teams theme inside Teams, and runs standalone in a browser. */
export function App() {
  const styles = useStyles();
  const host = useTeamsHost();
  const theme = useThemeKind(host);
  return (
    <FluentProvider theme={THEMES[theme]} className={styles.provider}>
      {host === undefined ? (
        <Spinner className={styles.starting} label="Starting Partner Pathway…" />
      ) : (
        <Workspace host={host} />
      )}
    </FluentProvider>
  );
}
