import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppHeader } from './app-header';
import type { ApiClient } from './api/client';
import type { FirstScreenView, SignedInUser } from './api/types';
import { workstreamIdFromEntityId } from './config/tab-settings';
import { ErrorBoundary } from './shared/error-boundary';
import { LoadError } from './shared/load-error';
import { usePageStyles } from './shared/page-styles';
import { useLoad, type LoadState } from './shared/use-load';
import {
  chooseWorkstream,
  partnerIdFromSubPage,
  searchWithPartnerShow,
  searchWithWorkstream,
  workstreamIdFromSearch,
} from './shared/url-state';
import { useBotChat } from './teams/bot-chat';
import type { TeamsHost } from './teams/teams-host';
import { useReport } from './teams/use-report';
import { WorkstreamView } from './workstream-view';
import { NoWorkstreams } from './workstreams/no-workstreams';
import { NotAMember } from './workstreams/not-a-member';
import { WorkstreamPicker } from './workstreams/workstream-picker';

/** Puts the shown workstream in the address, so a reload or a shared link opens the same one. */
function rememberWorkstream(workstreamId: number): void {
  const search = searchWithWorkstream(window.location.search, workstreamId);
  if (search === window.location.search) return;
  window.history.replaceState(window.history.state, '', `${search}${window.location.hash}`);
}

/** Props for {@link WorkstreamWorkspace}. */
export interface WorkstreamWorkspaceProps {
  readonly host: TeamsHost | null;
  readonly api: ApiClient;
  /**
   * The first screen's read, started before the page first rendered (for the workstream
   * the address names), used once; without it, or to try again, the workspace reads it.
   */
  readonly started?: Promise<FirstScreenView> | null;
}

/**
 * The workstream surface: the person's workstreams to pick from and the one shown,
 * chosen from the address (a saved channel tab or a shared link), the tab's channel,
 * or the first. A saved tab for a workstream the person is not a member of says so
 * above their own workstreams, rather than quietly showing another. Who is signed in,
 * their workstreams and the dashboard shown first come in one call.
 */
export function WorkstreamWorkspace({ host, api, started = null }: WorkstreamWorkspaceProps) {
  const styles = usePageStyles();
  const chatWithBot = useBotChat(host, api);
  // A saved channel tab names its workstream in its address; a deep link into it may carry only the tab's entity id.
  const [requestedId, setRequestedId] = useState(
    () => workstreamIdFromSearch(window.location.search) ?? workstreamIdFromEntityId(host?.pageId ?? null),
  );
  const firstRead = useRef(started);
  const firstRequestedId = useRef(requestedId);
  const first = useLoad('first-screen', (signal) => {
    const early = firstRead.current;
    firstRead.current = null;
    return early ?? api.firstScreen(firstRequestedId.current, signal);
  });
  const me: LoadState<SignedInUser> = first.status === 'ready' ? { status: 'ready', data: first.data.me } : first;
  const workstreams = first.status === 'ready' ? { status: 'ready' as const, data: first.data.workstreams } : first;
  // Once the person picks a workstream, the dashboard read with the first screen is no longer the one to show.
  const [picked, setPicked] = useState(false);
  // The partner a deep link from the bot asks for, opened once in the first workstream shown.
  const [linkedPartnerId, setLinkedPartnerId] = useState(() => partnerIdFromSubPage(host?.subPageId ?? null));
  const choose = useCallback((workstreamId: number) => {
    // Another workstream starts by showing all its partners, not those at the stage chosen in this one.
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${searchWithPartnerShow(window.location.search, 'all')}${window.location.hash}`,
    );
    setLinkedPartnerId(null);
    setPicked(true);
    setRequestedId(workstreamId);
  }, []);

  const shownId = workstreams.status === 'ready' ? chooseWorkstream(workstreams.data, requestedId, host?.channelId ?? null) : null;
  const firstDashboard = first.status === 'ready' && !picked ? first.data.dashboard : null;
  const notAMember = workstreams.status === 'ready' && workstreams.data.length > 0 && requestedId !== null && shownId !== requestedId;

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
        {workstreams.status === 'error' && <LoadError title="Could not load your workstreams" failure={workstreams} />}
        {workstreams.status === 'loading' && <Spinner label="Loading your workstreams…" />}
        {noneToShow && <NoWorkstreams onChatWithBot={chatWithBot} />}
        {notAMember && <NotAMember />}
        {workstreams.status === 'ready' && !noneToShow && (
          <WorkstreamPicker workstreams={workstreams.data} selectedId={shownId} onSelect={choose} />
        )}
        {shownId !== null && (
          <ErrorBoundary key={shownId} title="Could not show this workstream">
            <WorkstreamView
              api={api}
              workstreamId={shownId}
              initialDashboard={firstDashboard?.workstream.id === shownId ? firstDashboard : undefined}
              linkedPartnerId={linkedPartnerId}
              onSettled={report}
              myId={me.status === 'ready' ? me.data.id : null}
              engagementTeam={me.status === 'ready' && me.data.engagementTeam}
              pickPeople={host?.pickPeople ?? null}
            />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
