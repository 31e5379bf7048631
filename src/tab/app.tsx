import { lazy, Suspense, useMemo } from 'react';
import { Spinner } from '@fluentui/react-components';
import { createApiClient } from './api/client';
import type { FirstScreenView } from './api/types';
import { surfaceFromSearch } from './shared/url-state';
import type { TeamsConnection, TeamsHost } from './teams/teams-host';
import { Hosted } from './teams/hosted';
import { WorkstreamWorkspace } from './workstream-workspace';

const noToken = async (): Promise<null> => null;

// The personal tab's surface: loaded only there, so a workstream's first screen needs less JavaScript.
const EngagementWorkspace = lazy(() => import('./engagement-workspace').then((module) => ({ default: module.EngagementWorkspace })));

/** Props for {@link App}. */
export interface AppProps {
  /** Teams being connected to (see `startTeams`). */
  readonly teams: TeamsConnection;
  /** The workstream surface's first screen, already being read; null on the Engagement overview. */
  readonly firstScreen: Promise<FirstScreenView> | null;
}

/** The Engagement overview or the workstream view, as the address asks, calling the API with Teams' token when in Teams. */
function Surface({ host, firstScreen }: { readonly host: TeamsHost | null; readonly firstScreen: Promise<FirstScreenView> | null }) {
  const api = useMemo(() => createApiClient(host ? host.getToken : noToken), [host]);
  if (surfaceFromSearch(window.location.search) === 'engagement') {
    return (
      <Suspense fallback={<Spinner label="Loading every workstream…" />}>
        <EngagementWorkspace host={host} api={api} />
      </Suspense>
    );
  }
  return <WorkstreamWorkspace host={host} api={api} started={firstScreen} />;
}

/** The tab: the Engagement overview or a workstream, following the Teams theme inside Teams and running standalone in a browser. */
export function App({ teams, firstScreen }: AppProps) {
  return <Hosted teams={teams}>{(host) => <Surface host={host} firstScreen={firstScreen} />}</Hosted>;
}
