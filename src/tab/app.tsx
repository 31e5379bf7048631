import { useMemo } from 'react';
import { createApiClient } from './api/client';
import { EngagementWorkspace } from './engagement-workspace';
import { surfaceFromSearch } from './shared/url-state';
import type { TeamsHost } from './teams/teams-host';
import { Hosted } from './teams/hosted';
import { WorkstreamWorkspace } from './workstream-workspace';

const noToken = async (): Promise<null> => null;

/** The Engagement overview or the workstream view, as the address asks, calling the API with Teams' token when in Teams. */
function Surface({ host }: { readonly host: TeamsHost | null }) {
  const api = useMemo(() => createApiClient(host ? host.getToken : noToken), [host]);
  if (surfaceFromSearch(window.location.search) === 'engagement') return <EngagementWorkspace host={host} api={api} />;
  return <WorkstreamWorkspace host={host} api={api} />;
}

/** The tab: the Engagement overview or a workstream, following the Teams theme inside Teams and running standalone in a browser. */
export function App() {
  return <Hosted>{(host) => <Surface host={host} />}</Hosted>;
}
