import { ApiError, apiErrorFrom, dashboardFrom, signedInUserFrom, workstreamsFrom } from './parse';
import type { Dashboard, SignedInUser, Workstream } from './types';

/** Supplies a bearer token for the API, or null to call without one (outside Teams). */
export type TokenSource = () => Promise<string | null>;

/** The server's JSON API, one method per call the tab makes. Every failure is an {@link ApiError}. */
export interface ApiClient {
  me(signal: AbortSignal): Promise<SignedInUser>;
  workstreams(signal: AbortSignal): Promise<Workstream[]>;
  dashboard(workstreamId: number, signal: AbortSignal): Promise<Dashboard>;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A gateway's HTML error page is not JSON; the status alone then explains the failure.
    return undefined;
  }
}

/** A client for the API on the tab's own origin, sending the token `getToken` supplies. */
export function createApiClient(getToken: TokenSource): ApiClient {
  async function getJson(path: string, signal: AbortSignal): Promise<unknown> {
    const token = await getToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(path, { headers, signal, credentials: 'same-origin' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ApiError('network', 'The tab could not reach the server. Check your connection, then try again.', null);
    }
    const body = parseJson(await response.text());
    if (!response.ok) throw apiErrorFrom(response.status, body);
    return body;
  }

  return {
    me: async (signal) => signedInUserFrom(await getJson('/api/me', signal)),
    workstreams: async (signal) => workstreamsFrom(await getJson('/api/workstreams', signal)),
    dashboard: async (workstreamId, signal) =>
      dashboardFrom(await getJson(`/api/workstreams/${encodeURIComponent(String(workstreamId))}/dashboard`, signal)),
  };
}
