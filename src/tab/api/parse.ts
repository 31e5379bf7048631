import type { Agenda, ApiErrorBody, Dashboard, EngagementOverview, Member, PartnerDetail, SignedInUser, Workstream } from './types';

/** A failed API call, carrying the server's plain-language message for the person to read. */
export class ApiError extends Error {
  constructor(
    /** The server's stable error code, or one of the tab's own (`network`, `unexpected-response`). */
    readonly code: string,
    message: string,
    /** The HTTP failure status, or null when there was none (no answer, or an answer the tab could not read). */
    readonly status: number | null,
    /** What is wrong with each field of the request, by field name, when the server said (400). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  return typeof body.error.message === 'string' && body.error.message.trim() !== '';
}

function textFields(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The error for an answer the tab cannot read as `what`. */
export function unexpected(what: string): ApiError {
  return new ApiError('unexpected-response', `The server sent ${what} in a form this tab does not understand.`, null);
}

/**
 * The error to show for a failed response: the server's own message (and field
 * messages) when it sent `{ error: { code, message, fields } }`, else a plain
 * sentence built from the status (a proxy or gateway may answer with HTML).
 */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isApiErrorBody(body)) {
    const { code, message } = body.error;
    return new ApiError(typeof code === 'string' ? code : 'error', message, status, textFields(body.error.fields));
  }
  if (status === 401) return new ApiError('unauthenticated', 'Your sign-in could not be checked. Close and reopen the tab.', status);
  if (status === 403) {
    return new ApiError('no-access', 'You do not have access to this. Ask the Engagement team or a member of the workstream to add you.', status);
  }
  if (status === 404) return new ApiError('not-found', 'The server could not find what the tab asked for.', status);
  return new ApiError('server-error', `The server could not answer just now (HTTP ${status}).`, status);
}

/** The workstream list, whether the server sends a bare array or `{ workstreams: [...] }`. */
export function workstreamsFrom(body: unknown): Workstream[] {
  const list = isRecord(body) ? body.workstreams : body;
  if (!Array.isArray(list)) throw unexpected('the list of workstreams');
  return list as Workstream[];
}

/** One workstream, as the server answers its creation. */
export function workstreamFrom(body: unknown): Workstream {
  if (!isRecord(body) || typeof body.id !== 'number' || typeof body.title !== 'string') throw unexpected('the new workstream');
  return body as unknown as Workstream;
}

/** The dashboard, whether bare or wrapped as `{ dashboard: ... }`. */
export function dashboardFrom(body: unknown): Dashboard {
  const dashboard = isRecord(body) && isRecord(body.dashboard) ? body.dashboard : body;
  if (!isRecord(dashboard) || !Array.isArray(dashboard.rows) || !Array.isArray(dashboard.roles)) {
    throw unexpected('the workstream dashboard');
  }
  return dashboard as unknown as Dashboard;
}

function firstText(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Whether an error is the server refusing the person access (403), as opposed to a fault. */
export function isNoAccess(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * Who is signed in, read tolerantly from `/api/me`: the principal may be bare or
 * wrapped (`me`, `principal`, `user`), its name may be `name` or `displayName`, and
 * the local development identity may be flagged by `identity`, `kind` or `source`
 * saying `local-development`, or by `localDevelopment: true`. Only an explicit
 * `engagementTeam: true` counts as the Engagement team.
 */
export function signedInUserFrom(body: unknown): SignedInUser {
  if (!isRecord(body)) throw unexpected('who is signed in');
  const wrapped = [body.me, body.principal, body.user].find(isRecord);
  const principal = wrapped ?? body;
  const name = firstText(principal, ['name', 'displayName', 'email']) ?? 'Unknown person';
  const identity = firstText(principal, ['identity', 'kind', 'source']) ?? firstText(body, ['identity', 'kind', 'source']);
  const localDevelopment =
    identity === 'local-development' || principal.localDevelopment === true || body.localDevelopment === true;
  const workstreamIds = Array.isArray(body.workstreamIds) ? body.workstreamIds.filter((id): id is number => Number.isInteger(id)) : [];
  return { id: firstText(principal, ['id', 'oid']) ?? '', name, localDevelopment, engagementTeam: body.engagementTeam === true, workstreamIds };
}

function isMember(value: unknown): value is Member {
  return isRecord(value) && typeof value.id === 'number' && typeof value.version === 'number' && typeof value.userId === 'string' && typeof value.userName === 'string';
}

/** The members of a workstream or of the Engagement team. */
export function membersFrom(body: unknown): Member[] {
  if (!Array.isArray(body) || !body.every(isMember)) throw unexpected('the list of people');
  return body;
}

/** A partner's detail, whether bare or wrapped as `{ detail: ... }`. */
export function partnerDetailFrom(body: unknown): PartnerDetail {
  const detail = isRecord(body) && isRecord(body.detail) ? body.detail : body;
  if (
    !isRecord(detail) ||
    !isRecord(detail.partner) ||
    !isRecord(detail.involvement) ||
    !Array.isArray(detail.checklist) ||
    !isRecord(detail.actions) ||
    !Array.isArray(detail.actions.nextStages)
  ) {
    throw unexpected("the partner's details");
  }
  return detail as unknown as PartnerDetail;
}

/** The one-to-one agenda. */
export function agendaFrom(body: unknown): Agenda {
  if (!isRecord(body) || !Array.isArray(body.items)) throw unexpected('the one-to-one agenda');
  return body as unknown as Agenda;
}

/** The Engagement overview. */
export function overviewFrom(body: unknown): EngagementOverview {
  if (!isRecord(body) || !Array.isArray(body.workstreams) || !isRecord(body.peerNetwork)) {
    throw unexpected('the Engagement overview');
  }
  return body as unknown as EngagementOverview;
}

/** The bot's Microsoft app id from `/api/bot`, or null when the server has no bot registered. */
export function botIdFrom(body: unknown): string | null {
  const botId = isRecord(body) ? body.botId : undefined;
  if (botId === null) return null;
  if (typeof botId !== 'string') throw unexpected("the bot's details");
  return botId.trim() || null;
}
