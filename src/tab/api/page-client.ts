import type { Http, MemberGroup, PageCalls, TokenSource } from './contract';
import {
  ApiError,
  agendaFrom,
  apiErrorFrom,
  botIdFrom,
  dashboardFrom,
  membersFrom,
  overviewFrom,
  partnerDetailFrom,
  signedInUserFrom,
  unexpected,
  workstreamFrom,
  workstreamsFrom,
} from './parse';

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A gateway's HTML error page is not JSON; the status alone then explains the failure.
    return undefined;
  }
}

const id = (value: number): string => encodeURIComponent(String(value));

const membersPath = (group: MemberGroup): string =>
  group === 'engagement-team' ? '/api/engagement-team/members' : `/api/workstreams/${id(group.workstreamId)}/members`;

/** The file name the server gave in `Content-Disposition`, else the last part of the path. */
function fileNameOf(disposition: string | null, path: string): string {
  const named = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return named?.[1] ?? path.split('/').pop() ?? 'download';
}

type Method = 'GET' | 'POST' | 'PATCH';

/** What a page can call: the transport (with the token and the server's errors) and the calls a page makes as it opens. */
export interface PageClient extends PageCalls {
  readonly http: Http;
}

/**
 * A client for the API on the tab's own origin, sending the token `getToken` supplies:
 * the calls both pages make, and the transport the change calls use.
 */
export function createPageClient(getToken: TokenSource): PageClient {
  async function send(path: string, init: { method: Method; body?: unknown; signal?: AbortSignal; accept?: string }): Promise<Response> {
    const token = await getToken();
    const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method: init.method,
        headers,
        signal: init.signal,
        credentials: 'same-origin',
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError('network', 'The tab could not reach the server. Check your connection, then try again.', null);
    }
    if (!response.ok) throw apiErrorFrom(response.status, parseJson(await response.text()));
    return response;
  }
  async function call(path: string, init: { method: Method; body?: unknown; signal?: AbortSignal }): Promise<unknown> {
    return parseJson(await (await send(path, init)).text());
  }
  const http: Http = {
    get: (path, signal) => call(path, { method: 'GET', signal }),
    post: (path, body) => call(path, { method: 'POST', body }),
    patch: (path, body) => call(path, { method: 'PATCH', body }),
    unexpected,
  };
  const getJson = http.get;

  return {
    http,
    me: async (signal) => signedInUserFrom(await getJson('/api/me', signal)),
    workstreams: async (signal) => workstreamsFrom(await getJson('/api/workstreams', signal)),
    createWorkstream: async (workstream) =>
      workstreamFrom(
        await http.post('/api/workstreams', {
          title: workstream.title.trim(),
          ...(workstream.description?.trim() ? { description: workstream.description.trim() } : {}),
          key: workstream.key,
        }),
      ),
    dashboard: async (workstreamId, signal) => dashboardFrom(await getJson(`/api/workstreams/${id(workstreamId)}/dashboard`, signal)),
    agenda: async (workstreamId, signal) => agendaFrom(await getJson(`/api/workstreams/${id(workstreamId)}/agenda`, signal)),
    overview: async (signal) => overviewFrom(await getJson('/api/overview', signal)),
    botId: async (signal) => botIdFrom(await getJson('/api/bot', signal)),
    partnerDetail: async (involvementId, signal) => partnerDetailFrom(await getJson(`/api/involvements/${id(involvementId)}`, signal)),
    download: async (path) => {
      const response = await send(path, { method: 'GET', accept: '*/*' });
      return { fileName: fileNameOf(response.headers.get('Content-Disposition'), path), blob: await response.blob() };
    },
    members: async (group, signal) => membersFrom(await getJson(membersPath(group), signal)),
  };
}
