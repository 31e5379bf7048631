import { API, pathOf, type Me } from '../../contract/api';
import type { Http, PageCalls, TokenSource } from './contract';
import type { SignedInUser } from './types';
import { ApiError, apiErrorFrom, unexpected } from './parse';

/** An error answer's JSON, if it is JSON: a gateway's HTML error page is not, and its status alone then explains the failure. */
function errorJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The file name the server gave in `Content-Disposition`, else the last part of the path. */
function fileNameOf(disposition: string | null, path: string): string {
  const named = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return named?.[1] ?? path.split('/').pop() ?? 'download';
}

function signedInUser(me: Me): SignedInUser {
  return {
    id: me.principal.id,
    name: me.principal.name,
    localDevelopment: me.identity === 'local-development',
    engagementTeam: me.engagementTeam,
    workstreamIds: me.workstreamIds,
  };
}

/** What a page can call: the transport (with the token and the server's errors) and the calls a page makes as it opens. */
export interface PageClient extends PageCalls {
  readonly http: Http;
}

/**
 * A client for the API on the tab's own origin, sending the token `getToken` supplies:
 * the calls both pages make, and the transport the change calls use. Every call names
 * a route of the contract, so its path, body and answer are the server's own.
 */
export function createPageClient(getToken: TokenSource): PageClient {
  async function send(path: string, init: { method: string; body?: unknown; signal?: AbortSignal; accept?: string }): Promise<Response> {
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
    if (!response.ok) throw apiErrorFrom(response.status, errorJson(await response.text()));
    return response;
  }
  const http: Http = {
    async call(name, ids, body, signal, query) {
      const text = await (await send(pathOf(name, ids, query), { method: API[name].method, body, signal })).text();
      if (text.trim() === '') return undefined as never;
      try {
        return JSON.parse(text) as never;
      } catch {
        // A proxy's page, or the tab's own page served in place of the API, is not the server's JSON.
        throw unexpected('an answer');
      }
    },
  };

  return {
    http,
    me: async (signal) => signedInUser(await http.call('me', {}, undefined, signal)),
    firstScreen: async (workstreamId, signal) => {
      const answer =
        workstreamId === null
          ? await http.call('firstScreen', {}, undefined, signal)
          : await http.call('firstScreenAt', { workstreamId }, undefined, signal);
      return { ...answer, me: signedInUser(answer.me) };
    },
    workstreams: (signal) => http.call('workstreams', {}, undefined, signal),
    createWorkstream: (workstream) =>
      http.call(
        'createWorkstream',
        {},
        {
          title: workstream.title.trim(),
          ...(workstream.description?.trim() ? { description: workstream.description.trim() } : {}),
          key: workstream.key,
        },
      ),
    dashboard: (workstreamId, signal) => http.call('dashboard', { workstreamId }, undefined, signal),
    agenda: (workstreamId, signal) => http.call('agenda', { workstreamId }, undefined, signal),
    overview: (signal) => http.call('overview', {}, undefined, signal),
    representativeness: (period, signal) => http.call('representativeness', {}, undefined, signal, period),
    selectionRoles: (signal) => http.call('selectionRoles', {}, undefined, signal),
    selectionSummary: (roleId, signal) => http.call('selectionSummary', { roleId }, undefined, signal),
    botId: async (signal) => (await http.call('botId', {}, undefined, signal)).botId,
    partnerDetail: (involvementId, signal) => http.call('partnerDetail', { involvementId }, undefined, signal),
    download: async (name, ids, query) => {
      const path = pathOf(name, ids, query);
      const response = await send(path, { method: 'GET', accept: '*/*' });
      return { fileName: fileNameOf(response.headers.get('Content-Disposition'), path), blob: await response.blob() };
    },
    members: (group, signal) =>
      group === 'engagement-team'
        ? http.call('engagementTeam', {}, undefined, signal)
        : http.call('members', { workstreamId: group.workstreamId }, undefined, signal),
  };
}
