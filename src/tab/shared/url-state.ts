import { STAGES, type Stage } from '../api/types';

/** The query parameter that remembers the chosen workstream, so a link or reload keeps it. */
const WORKSTREAM_PARAM = 'workstream';

/** `params` as a query string: `?a=1`, or nothing when none is left. */
function queryOf(params: URLSearchParams): string {
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

/** The workstream id in a query string (`?workstream=12`), or null when absent or not a whole number. */
export function workstreamIdFromSearch(search: string): number | null {
  const value = new URLSearchParams(search).get(WORKSTREAM_PARAM);
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** The query string with the workstream set, keeping every other parameter (Teams passes its own). */
export function searchWithWorkstream(search: string, workstreamId: number): string {
  const params = new URLSearchParams(search);
  params.set(WORKSTREAM_PARAM, String(workstreamId));
  return `?${params.toString()}`;
}

/**
 * Which workstream to show: the one the URL names if the person can see it, else the
 * one linked to the Teams channel the tab is in, else the first.
 */
export function chooseWorkstream(
  workstreams: ReadonlyArray<{ readonly id: number; readonly teamsChannelId: string | null }>,
  fromUrl: number | null,
  channelId: string | null,
): number | null {
  if (fromUrl !== null && workstreams.some((workstream) => workstream.id === fromUrl)) return fromUrl;
  const linked = channelId ? workstreams.find((workstream) => workstream.teamsChannelId === channelId) : undefined;
  return linked?.id ?? workstreams[0]?.id ?? null;
}

/** The query parameter that remembers which partners are shown: a stage, or those needing attention. */
const SHOW_PARAM = 'show';

const NEEDS_ATTENTION = 'needs-attention';

/** The partners the address asks to show (`?show=Induction`, `?show=needs-attention`); all of them when absent or unknown. */
export function partnerShowFromSearch(search: string): 'all' | 'needs-attention' | Stage {
  const value = new URLSearchParams(search).get(SHOW_PARAM);
  if (value === NEEDS_ATTENTION) return NEEDS_ATTENTION;
  return STAGES.find((stage) => stage === value) ?? 'all';
}

/** The query string showing `show` (everyone: no parameter), keeping every other parameter. */
export function searchWithPartnerShow(search: string, show: 'all' | 'needs-attention' | Stage): string {
  const params = new URLSearchParams(search);
  if (show === 'all') params.delete(SHOW_PARAM);
  else params.set(SHOW_PARAM, show);
  return queryOf(params);
}

const VIEW_PARAM = 'view';

/** Which surface the page shows: the Engagement team's overview (`?view=engagement`, the personal tab) or a workstream. */
export function surfaceFromSearch(search: string): 'engagement' | 'workstream' {
  return new URLSearchParams(search).get(VIEW_PARAM) === 'engagement' ? 'engagement' : 'workstream';
}

/** The query string for the workstream surface: `search` without the surface, keeping every other parameter. */
export function searchForWorkstreams(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(VIEW_PARAM);
  return queryOf(params);
}

/**
 * The query string of the Engagement overview with one workstream opened in it
 * (`?view=engagement&workstream=12`), showing all its partners, keeping every other parameter.
 */
export function searchOpeningWorkstream(search: string, workstreamId: number): string {
  return searchWithPartnerShow(searchWithWorkstream(search, workstreamId), 'all');
}

/** The query string with no workstream opened (nor which of its partners were shown), keeping every other parameter. */
export function searchWithoutWorkstream(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(WORKSTREAM_PARAM);
  params.delete(SHOW_PARAM);
  return queryOf(params);
}

/** The partner a deep link's sub-page (`partner-34`, as the bot sends it) asks the tab to open, or null. */
export function partnerIdFromSubPage(subPageId: string | null): number | null {
  const match = subPageId ? /^partner-(\d+)$/.exec(subPageId.trim()) : null;
  return match ? Number(match[1]) : null;
}
