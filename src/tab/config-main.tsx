import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigApp } from './config-app';
import { startTeams } from './teams/start';

const container = document.getElementById('root');
if (!container) throw new Error('The configuration page has no element with id "root" to render into.');
createRoot(container).render(
  <StrictMode>
    <ConfigApp teams={startTeams(window)} />
  </StrictMode>,
);
