import type { TeamsConnection } from './teams-host';

/**
 * Whether the page may be inside Teams: shown in a frame, opened by another window, or
 * in Teams' mobile web view (`nativeInterface`), the places teams-js itself looks for
 * a host. A page opened on its own in a browser is none of these.
 */
export function mayBeInTeams(page: Window): boolean {
  return page.parent !== page.self || Boolean(page.opener) || 'nativeInterface' in page;
}

const STANDALONE: TeamsConnection = { host: Promise.resolve(null), firstToken: Promise.resolve(null) };

/**
 * Starts connecting to Teams where the page may be in it, loading teams-js only then;
 * a page opened on its own in a browser is standalone at once, without that JavaScript.
 * If teams-js cannot be loaded, the host rejects and the page runs standalone.
 */
export function startTeams(page: Window): TeamsConnection {
  if (!mayBeInTeams(page)) return STANDALONE;
  const connection = import('./teams-host').then((module) => module.connectToTeams());
  return {
    host: connection.then((connected) => connected.host),
    firstToken: connection.then(
      (connected) => connected.firstToken,
      // The host reports this failure; the first call goes without a token and the server decides.
      () => null,
    ),
  };
}
