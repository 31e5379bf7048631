import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { AppHeader } from './app-header';
import type { ApiClient } from './api/client';
import { workstreamIdFromEntityId } from './config/tab-settings';
import { ErrorBoundary } from './shared/error-boundary';
import { LoadError } from './shared/load-error';
import { usePageStyles } from './shared/page-styles';
import { useLoad } from './shared/use-load';
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

/**
 * The workstream surface: the person's workstreams to pick from and the one shown,
 * chosen from the address (a saved channel tab or a shared link), the tab's channel,
 * or the first. A saved tab for a workstream the person is not a member of says so
 * above their own workstreams, rather than quietly showing another.
 */
export function WorkstreamWorkspace({ host, api }: { readonly host: TeamsHost | null; readonly api: ApiClient }) {
  const styles = usePageStyles();
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
    // Another workstream starts by showing all its partners, not those at the stage chosen in this one.
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${searchWithPartnerShow(window.location.search, 'all')}${window.location.hash}`,
    );
    setLinkedPartnerId(null);
    setRequestedId(workstreamId);
  }, []);

  // A workstream named in the address starts loading alongside the list rather than after it.
  let shownId: number | null = null;
  if (workstreams.status === 'loading') shownId = requestedId;
  if (workstreams.status === 'ready') shownId = chooseWorkstream(workstreams.data, requestedId, host?.channelId ?? null);
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
        {workstreams.status === 'loading' && shownId === null && <Spinner label="Loading your workstreams…" />}
        {noneToShow && <NoWorkstreams onChatWithBot={chatWithBot} />}
        {notAMember && <NotAMember />}
        {workstreams.status === 'ready' && !noneToShow && (
          <WorkstreamPicker workstreams={workstreams.data} selectedId={shownId} onSelect={choose} />
        )}
        {shownId !== null && workstreams.status !== 'error' && (
          <ErrorBoundary key={shownId} title="Could not show this workstream">
            <WorkstreamView
              api={api}
              workstreamId={shownId}
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
