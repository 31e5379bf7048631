import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPageClient } from './api/page-client';
import { App } from './app';
import { surfaceFromSearch, workstreamIdFromSearch } from './shared/url-state';
import { startTeams } from './teams/start';

const teams = startTeams(window);
// The workstream's first screen is asked for now, alongside Teams' start and the first render rather than after them:
// standalone at once, inside Teams as soon as it gives the sign-in token.
const firstScreen =
  surfaceFromSearch(window.location.search) === 'workstream'
    ? createPageClient(() => teams.firstToken).firstScreen(workstreamIdFromSearch(window.location.search))
    : null;

const container = document.getElementById('root');
if (!container) throw new Error('The tab page has no element with id "root" to render into.');
createRoot(container).render(
  <StrictMode>
    <App teams={teams} firstScreen={firstScreen} />
  </StrictMode>,
);
