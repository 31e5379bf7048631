import { Link, Spinner } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { AppHeader } from './app-header';
import type { ApiClient } from './api/client';
import { NotEngagementTeam } from './engagement/not-engagement-team';
import { RepresentativenessView } from './equality/lazy';
import { SelectionView } from './selection/lazy';
import { TemplateEditor } from './induction/lazy';
import { PeoplePanel } from './people/lazy';
import { ErrorBoundary } from './shared/error-boundary';
import { followInPage } from './shared/in-page-link';
import { LoadError } from './shared/load-error';
import { usePageStyles } from './shared/page-styles';
import { searchForWorkstreams, searchOpeningWorkstream, searchWithoutWorkstream, workstreamIdFromSearch } from './shared/url-state';
import { useLoad } from './shared/use-load';
import { ViewTabs } from './shared/view-tabs';
import { useBotChat } from './teams/bot-chat';
import type { TeamsHost } from './teams/teams-host';
import { useReport } from './teams/use-report';
import { WorkstreamView } from './workstream-view';

// Only the Engagement team's personal tab needs it, so the workstream tab does not load it.
const EngagementView = lazy(() => import('./engagement/engagement-view').then((module) => ({ default: module.EngagementView })));

type EngagementPart = 'workstreams' | 'team' | 'template' | 'equality' | 'selection';

const ENGAGEMENT_PARTS: Record<EngagementPart, string> = {
  workstreams: 'Workstreams',
  team: 'Engagement team',
  template: 'Induction template',
  equality: 'Equality monitoring',
  selection: 'Selection',
};

/** The page's address with `search`. */
const addressWith = (search: string): string => `${window.location.pathname}${search}${window.location.hash}`;

// Teams was told once, when the overview loaded; a workstream opened in it is not the first view.
const alreadyReported = (): void => undefined;

/**
 * The Engagement team's personal tab: every workstream, who is in the team, and the
 * organisation's induction template. Who is signed in and the overview are read
 * together; someone outside the team (the server says so, or refuses the overview) is
 * told plainly what the view is for. A workstream opened from the overview shows as
 * its team sees it, its id in the address (a reload keeps it, the browser's Back
 * returns to the overview).
 */
export function EngagementWorkspace({ host, api }: { readonly host: TeamsHost | null; readonly api: ApiClient }) {
  const styles = usePageStyles();
  const me = useLoad('me', (signal) => api.me(signal));
  const overview = useLoad('overview', (signal) => api.overview(signal));
  const [part, setPart] = useState<EngagementPart>('workstreams');
  const [openId, setOpenId] = useState(() => workstreamIdFromSearch(window.location.search));
  // Where the focus goes as the page changes: to the title of a workstream opened, or back to the link of the one left.
  const [moved, setMoved] = useState(false);
  const [leftId, setLeftId] = useState<number | null>(null);
  const back = useRef<HTMLAnchorElement>(null);
  const { refresh } = overview;
  const show = useCallback(
    (next: number | null) => {
      setLeftId(next === null ? openId : null);
      setMoved(true);
      setOpenId(next);
      // What was done in the workstream may have changed its counts.
      if (next === null) refresh();
    },
    [openId, refresh],
  );
  useEffect(() => {
    const follow = () => show(workstreamIdFromSearch(window.location.search));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, [show]);
  const go = (next: number | null) => {
    const search = next === null ? searchWithoutWorkstream(window.location.search) : searchOpeningWorkstream(window.location.search, next);
    window.history.pushState(window.history.state, '', addressWith(search));
    show(next);
  };
  // Until the workstream's title is there to take it, the focus waits on the way back rather than falling to the page.
  useLayoutEffect(() => {
    if (moved && openId !== null) back.current?.focus();
  }, [moved, openId]);
  const chatWithBot = useBotChat(host, api);
  const report = useReport(host);
  const notInTeam = (me.status === 'ready' && !me.data.engagementTeam) || (overview.status === 'error' && overview.noAccess);
  const failure = overview.status === 'error' && !notInTeam ? overview.message : null;
  useEffect(() => {
    if (notInTeam || overview.status !== 'loading') report(failure);
  }, [notInTeam, overview.status, failure, report]);
  return (
    <>
      <AppHeader me={me} onChatWithBot={chatWithBot} />
      <main className={styles.main}>
        {notInTeam && <NotEngagementTeam workstreamsHref={`${window.location.pathname}${searchForWorkstreams(window.location.search)}`} />}
        {!notInTeam && overview.status === 'loading' && <Spinner label="Loading every workstream…" />}
        {!notInTeam && overview.status === 'error' && <LoadError title="Could not load the Engagement overview" failure={overview} />}
        {!notInTeam && overview.status === 'ready' && openId !== null && (
          <>
            <Link ref={back} href={addressWith(searchWithoutWorkstream(window.location.search))} onClick={followInPage(() => go(null))}>
              Back to the Engagement overview
            </Link>
            <ErrorBoundary key={openId} title="Could not show this workstream">
              <WorkstreamView
                api={api}
                workstreamId={openId}
                onSettled={alreadyReported}
                myId={me.status === 'ready' ? me.data.id : null}
                engagementTeam={me.status === 'ready' && me.data.engagementTeam}
                pickPeople={host?.pickPeople ?? null}
                focusTitle={moved}
              />
            </ErrorBoundary>
          </>
        )}
        {!notInTeam && overview.status === 'ready' && openId === null && (
          <ViewTabs
            label="Engagement views"
            names={ENGAGEMENT_PARTS}
            view={part}
            onSelect={(next) => {
              setLeftId(null);
              setPart(next);
            }}
          >
            {() => (
              <ErrorBoundary title="Could not show the Engagement overview">
                <Suspense fallback={<Spinner label="Loading…" />}>
                  {part === 'workstreams' && (
                    <EngagementView
                      overview={overview.data}
                      api={api}
                      onChanged={refresh}
                      opening={{ href: (id) => addressWith(searchOpeningWorkstream(window.location.search, id)), open: go, leftId }}
                    />
                  )}
                  {part === 'team' && (
                    <PeoplePanel
                      api={api}
                      group="engagement-team"
                      groupName="the Engagement team"
                      intro="The Engagement team sees every workstream, approves adverts and decides who else is in the team. People your administrator named in the server's settings are always in the team and are not listed here."
                      removalMeans="They will no longer see every workstream, only those they are a member of, and can no longer approve adverts or change who is in the Engagement team."
                      myId={me.status === 'ready' ? me.data.id : null}
                      pickPeople={host?.pickPeople ?? null}
                    />
                  )}
                  {part === 'template' && <TemplateEditor api={api} owner="organisation" ownerName="the organisation" />}
                  {part === 'equality' && <RepresentativenessView api={api} />}
                  {part === 'selection' && <SelectionView api={api} />}
                </Suspense>
              </ErrorBoundary>
            )}
          </ViewTabs>
        )}
      </main>
    </>
  );
}
