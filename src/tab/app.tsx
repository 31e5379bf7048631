import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { AppHeader } from './app-header';
import { createApiClient, type ApiClient } from './api/client';
import { ErrorBoundary } from './shared/error-boundary';
import { LoadError } from './shared/load-error';
import { useLoad } from './shared/use-load';
import { workstreamIdFromEntityId } from './config/tab-settings';
import { chooseWorkstream, partnerIdFromSubPage, searchWithWorkstream, surfaceFromSearch, workstreamIdFromSearch } from './shared/url-state';
import { useBotChat } from './teams/bot-chat';
import type { TeamsHost } from './teams/teams-host';
import { Hosted } from './teams/hosted';
import { WorkstreamView } from './workstream-view';
import { NoWorkstreams } from './workstreams/no-workstreams';
import { WorkstreamPicker } from './workstreams/workstream-picker';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
});

// Only the Engagement team's personal tab needs it, so the workstream tab does not load it.
const EngagementView = lazy(() => import('./engagement/engagement-view').then((module) => ({ default: module.EngagementView })));

const noToken = async (): Promise<null> => null;

/** Puts the shown workstream in the address, so a reload or a shared link opens the same one. */
function rememberWorkstream(workstreamId: number): void {
  const search = searchWithWorkstream(window.location.search, workstreamId);
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
}

/** Tells Teams, once, whether the first view loaded. */
function useReport(host: TeamsHost | null) {
  return useCallback(
    (failure: string | null) => {
      if (!host) return;
      if (failure === null) host.reportLoaded();
      else host.reportFailed(failure);
    },
    [host],
  );
}

function EngagementWorkspace({ host, api }: { readonly host: TeamsHost | null; readonly api: ApiClient }) {
  const styles = useStyles();
  const me = useLoad('me', (signal) => api.me(signal));
  const overview = useLoad('overview', (signal) => api.overview(signal));
  const chatWithBot = useBotChat(host, api);
  const report = useReport(host);
  const failure = overview.status === 'error' ? overview.message : null;
  useEffect(() => {
    if (overview.status !== 'loading') report(failure);
  }, [overview.status, failure, report]);
  return (
    <>
      <AppHeader me={me} onChatWithBot={chatWithBot} />
      <main className={styles.main}>
        {overview.status === 'loading' && <Spinner label="Loading every workstream…" />}
        {overview.status === 'error' && (
          <LoadError title="Could not load the Engagement overview" message={overview.message} onRetry={overview.retry} />
        )}
        {overview.status === 'ready' && (
          <ErrorBoundary title="Could not show the Engagement overview">
            <Suspense fallback={<Spinner label="Loading every workstream…" />}>
              <EngagementView overview={overview.data} />
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}

function Workspace({ host, api }: { readonly host: TeamsHost | null; readonly api: ApiClient }) {
  const styles = useStyles();
  const me = useLoad('me', (signal) => api.me(signal));
  const workstreams = useLoad('workstreams', (signal) => api.workstreams(signal));
  const chatWithBot = useBotChat(host, api);
  // A saved channel tab names its workstream in its address; a deep link into it may carry only the tab's entity id.
  const [requestedId, setRequestedId] = useState(
    () => workstreamIdFromSearch(window.location.search) ?? workstreamIdFromEntityId(host?.pageId ?? null),
  );
  // The partner a deep link from the bot asks for, opened once in the first workstream shown.
  const [linkedPartnerId, setLinkedPartnerId] = useState(() => partnerIdFromSubPage(host?.subPageId ?? null));
  const choose = useCallback((workstreamId: number) => {
    setLinkedPartnerId(null);
    setRequestedId(workstreamId);
  }, []);

  // A workstream named in the address starts loading alongside the list rather than after it.
  let shownId: number | null = null;
  if (workstreams.status === 'loading') shownId = requestedId;
  if (workstreams.status === 'ready') shownId = chooseWorkstream(workstreams.data, requestedId, host?.channelId ?? null);

  useEffect(() => {
    if (shownId !== null) rememberWorkstream(shownId);
  }, [shownId]);

  const report = useReport(host);
  const noneToShow = workstreams.status === 'ready' && workstreams.data.length === 0;
  const listFailure = workstreams.status === 'error' ? workstreams.message : null;
  useEffect(() => {
    if (listFailure !== null) report(listFailure);
    else if (noneToShow) report(null);
  }, [listFailure, noneToShow, report]);

  return (
    <>
      <AppHeader me={me} onChatWithBot={chatWithBot} />
      <main className={styles.main}>
        {workstreams.status === 'error' && (
          <LoadError title="Could not load your workstreams" message={workstreams.message} onRetry={workstreams.retry} />
        )}
        {workstreams.status === 'loading' && shownId === null && <Spinner label="Loading your workstreams…" />}
        {noneToShow && <NoWorkstreams onChatWithBot={chatWithBot} />}
        {workstreams.status === 'ready' && !noneToShow && (
          <WorkstreamPicker workstreams={workstreams.data} selectedId={shownId} onSelect={choose} />
        )}
        {shownId !== null && workstreams.status !== 'error' && (
          <ErrorBoundary key={shownId} title="Could not show this workstream">
            <WorkstreamView api={api} workstreamId={shownId} linkedPartnerId={linkedPartnerId} onSettled={report} />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}

/** The Engagement overview or the workstream view, as the address asks, calling the API with Teams' token when in Teams. */
function Surface({ host }: { readonly host: TeamsHost | null }) {
  const api = useMemo(() => createApiClient(host ? host.getToken : noToken), [host]);
  if (surfaceFromSearch(window.location.search) === 'engagement') return <EngagementWorkspace host={host} api={api} />;
  return <Workspace host={host} api={api} />;
}

/** The tab: the Engagement overview or a workstream, following the Teams theme inside Teams and running standalone in a browser. */
export function App() {
  return <Hosted>{(host) => <Surface host={host} />}</Hosted>;
}
