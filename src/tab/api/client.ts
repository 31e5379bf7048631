import { ApiError, agendaFrom, apiErrorFrom, botIdFrom, dashboardFrom, membersFrom, overviewFrom, partnerDetailFrom, signedInUserFrom, workstreamFrom, workstreamsFrom } from './parse';
import type { Agenda, Dashboard, EngagementOverview, Member, PartnerDetail, SignedInUser, Stage, StageChange, Workstream } from './types';

/** Supplies a bearer token for the API, or null to call without one (outside Teams). */
export type TokenSource = () => Promise<string | null>;

/** A one-to-one to book: a date, and optionally a time (`14:30`) and place. */
export interface Booking {
  readonly date: string;
  readonly time?: string;
  readonly where?: string;
}

/** A one-to-one to record as held: the booked one it was, if any, and the day it happened. */
export interface HeldOneToOne {
  readonly date: string;
  readonly booked?: { readonly id: number; readonly version: number };
  readonly notes?: string;
}

/** Whose members: one workstream's, or the Engagement team's. */
export type MemberGroup = { readonly workstreamId: number } | 'engagement-team';

/** A person to add as a member: their Entra object id and name. */
export interface Person {
  readonly userId: string;
  readonly userName: string;
}

/** A workstream to start: its name, what it works on, and a key that makes a repeated request create it once. */
export interface NewWorkstream {
  readonly title: string;
  readonly description?: string;
  readonly key: string;
}

/** An advert waiting for the Engagement team: its role, and the version the tab read. */
export interface AdvertRef {
  readonly roleId: number;
  readonly version: number;
}

/** Approving an advert: its https link on the opportunities pages, and a key that makes a repeated request count once. */
export interface AdvertApproval {
  readonly advertUrl: string;
  readonly key: string;
}

/** Sending an advert back: what needs changing, and a key that makes a repeated request count once. */
export interface AdvertSentBack {
  readonly comment: string;
  readonly key: string;
}

/** A file from the server, ready to hand to the browser. */
export interface DownloadedFile {
  readonly fileName: string;
  readonly blob: Blob;
}

/** A record as the server knows it: its id and the version the tab read. */
export interface VersionedRef {
  readonly id: number;
  readonly version: number;
}

/** The server's JSON API, one method per call the tab makes. Every failure is an {@link ApiError}. */
export interface ApiClient {
  me(signal: AbortSignal): Promise<SignedInUser>;
  workstreams(signal: AbortSignal): Promise<Workstream[]>;
  /** Starts a workstream, with the person as its first member. */
  createWorkstream(workstream: NewWorkstream): Promise<Workstream>;
  dashboard(workstreamId: number, signal: AbortSignal): Promise<Dashboard>;
  agenda(workstreamId: number, signal: AbortSignal): Promise<Agenda>;
  overview(signal: AbortSignal): Promise<EngagementOverview>;
  /** The bot's Microsoft app id, for a link to chat with it; null when no bot is registered. */
  botId(signal: AbortSignal): Promise<string | null>;
  partnerDetail(involvementId: number, signal: AbortSignal): Promise<PartnerDetail>;
  /** Ticks an induction item, on `date` (an agreement's date signed) or today. */
  completeTask(task: { readonly id: number; readonly version: number }, date?: string): Promise<void>;
  reopenTask(task: { readonly id: number; readonly version: number }): Promise<void>;
  bookOneToOne(involvementId: number, booking: Booking): Promise<void>;
  recordHeld(involvementId: number, held: HeldOneToOne): Promise<void>;
  /** Records that the person's interest was acknowledged today. */
  acknowledgeInterest(involvement: { readonly id: number; readonly version: number }): Promise<void>;
  /**
   * A file the server offers (`partnersCsvUrl`, `invitationUrl`), fetched with the
   * sign-in token like every other call; a plain link could not send it.
   */
  download(path: string): Promise<DownloadedFile>;
  /** The people in a workstream or in the Engagement team, by name. */
  members(group: MemberGroup, signal: AbortSignal): Promise<Member[]>;
  /** Adds a person; someone already a member stays as they are. */
  addMember(group: MemberGroup, person: Person): Promise<void>;
  removeMember(member: { readonly id: number; readonly version: number }): Promise<void>;
  /** Records the partner's explicit consent to notes about their lived experience, dated today. */
  recordNotesConsent(partner: VersionedRef): Promise<void>;
  /** Records that they withdrew it; the server deletes those notes in every workstream. */
  withdrawNotesConsent(partner: VersionedRef): Promise<void>;
  /** Erases the partner's personal data everywhere (Engagement team only). */
  erasePartner(partner: VersionedRef): Promise<void>;
  /** Approves an advert with its link (Engagement team only): the role becomes Advertised. The server checks the link. */
  approveAdvert(advert: AdvertRef, approval: AdvertApproval): Promise<void>;
  /** Sends an advert back to its workstream with a comment (Engagement team only); the role stays Ready. */
  sendAdvertBack(advert: AdvertRef, sentBack: AdvertSentBack): Promise<void>;
  /** Moves an involvement on, from the stage it is at; the server applies the pathway's rules. */
  changeStage(involvement: { readonly id: number; readonly version: number; readonly stage: Stage }, change: StageChange): Promise<void>;
}

/** The API path of the workstream's partners as CSV, for {@link ApiClient.download}. */
export function partnersCsvUrl(workstreamId: number): string {
  return `/api/workstreams/${encodeURIComponent(String(workstreamId))}/partners.csv`;
}

/** The API path of a booked one-to-one's calendar invitation, for {@link ApiClient.download}. */
export function invitationUrl(oneToOneId: number): string {
  return `/api/one-to-ones/${encodeURIComponent(String(oneToOneId))}/invitation.ics`;
}

/** The API path of everything held about a partner, as JSON or as a readable summary, for {@link ApiClient.download}. */
export function personalDataUrl(partnerId: number, format: 'json' | 'txt'): string {
  return `/api/partners/${encodeURIComponent(String(partnerId))}/export.${format}`;
}

/** The API path and body for a stage change: the action that reaches `to` from `from`. */
export function stageRequest(from: Stage, change: StageChange): { readonly action: string; readonly body: Record<string, unknown> } {
  switch (change.to) {
    case 'Chat booked':
      return { action: 'book-chat', body: { at: change.at, where: change.where } };
    case 'Chat held':
      return { action: 'hold-chat', body: change.notes.trim() ? { notes: change.notes.trim() } : {} };
    case 'Offered':
      return { action: 'offer', body: {} };
    case 'Induction':
      return { action: 'start-induction', body: {} };
    case 'Active':
      return { action: from === 'Paused' ? 'resume' : 'activate', body: {} };
    case 'Paused':
      return { action: 'pause', body: { reason: change.reason } };
    case 'Not progressed':
      return { action: 'not-progressed', body: { reason: change.reason } };
    case 'Ended':
      return { action: 'end', body: { reason: change.reason, exitConversationOffered: change.exitConversationOffered } };
  }
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

const id = (value: number): string => encodeURIComponent(String(value));

const membersPath = (group: MemberGroup): string =>
  group === 'engagement-team' ? '/api/engagement-team/members' : `/api/workstreams/${id(group.workstreamId)}/members`;

/** The file name the server gave in `Content-Disposition`, else the last part of the path. */
function fileNameOf(disposition: string | null, path: string): string {
  const named = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return named?.[1] ?? path.split('/').pop() ?? 'download';
}

/** A client for the API on the tab's own origin, sending the token `getToken` supplies. */
export function createApiClient(getToken: TokenSource): ApiClient {
  async function send(path: string, init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal; accept?: string }): Promise<Response> {
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
  async function call(path: string, init: { method: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<unknown> {
    return parseJson(await (await send(path, init)).text());
  }
  const getJson = (path: string, signal: AbortSignal) => call(path, { method: 'GET', signal });
  const post = async (path: string, body: Record<string, unknown>): Promise<void> => {
    await call(path, { method: 'POST', body });
  };

  return {
    me: async (signal) => signedInUserFrom(await getJson('/api/me', signal)),
    workstreams: async (signal) => workstreamsFrom(await getJson('/api/workstreams', signal)),
    createWorkstream: async (workstream) =>
      workstreamFrom(
        await call('/api/workstreams', {
          method: 'POST',
          body: { title: workstream.title.trim(), ...(workstream.description?.trim() ? { description: workstream.description.trim() } : {}), key: workstream.key },
        }),
      ),
    dashboard: async (workstreamId, signal) => dashboardFrom(await getJson(`/api/workstreams/${id(workstreamId)}/dashboard`, signal)),
    agenda: async (workstreamId, signal) => agendaFrom(await getJson(`/api/workstreams/${id(workstreamId)}/agenda`, signal)),
    overview: async (signal) => overviewFrom(await getJson('/api/overview', signal)),
    botId: async (signal) => botIdFrom(await getJson('/api/bot', signal)),
    partnerDetail: async (involvementId, signal) => partnerDetailFrom(await getJson(`/api/involvements/${id(involvementId)}`, signal)),
    completeTask: (task, date) => post(`/api/induction-tasks/${id(task.id)}/complete`, { version: task.version, ...(date ? { date } : {}) }),
    reopenTask: (task) => post(`/api/induction-tasks/${id(task.id)}/reopen`, { version: task.version }),
    bookOneToOne: (involvementId, booking) =>
      post(`/api/involvements/${id(involvementId)}/one-to-ones`, {
        date: booking.date,
        ...(booking.time ? { time: booking.time } : {}),
        ...(booking.where?.trim() ? { where: booking.where.trim() } : {}),
      }),
    recordHeld: (involvementId, held) =>
      post(`/api/involvements/${id(involvementId)}/one-to-ones/held`, {
        date: held.date,
        ...(held.booked ? { oneToOneId: held.booked.id, oneToOneVersion: held.booked.version } : {}),
        ...(held.notes?.trim() ? { notes: held.notes.trim() } : {}),
      }),
    download: async (path) => {
      const response = await send(path, { method: 'GET', accept: '*/*' });
      return { fileName: fileNameOf(response.headers.get('Content-Disposition'), path), blob: await response.blob() };
    },
    members: async (group, signal) => membersFrom(await getJson(membersPath(group), signal)),
    addMember: (group, person) => post(membersPath(group), { userId: person.userId.trim(), userName: person.userName.trim() }),
    removeMember: (member) => post(`/api/members/${id(member.id)}/remove`, { version: member.version }),
    recordNotesConsent: (partner) => post(`/api/partners/${id(partner.id)}/notes-consent`, { version: partner.version }),
    withdrawNotesConsent: (partner) => post(`/api/partners/${id(partner.id)}/notes-consent/withdraw`, { version: partner.version }),
    erasePartner: (partner) => post(`/api/partners/${id(partner.id)}/erase`, { version: partner.version }),
    acknowledgeInterest: (involvement) => post(`/api/involvements/${id(involvement.id)}/acknowledge`, { version: involvement.version }),
    approveAdvert: (advert, approval) =>
      post(`/api/roles/${id(advert.roleId)}/approve-advert`, {
        roleId: advert.roleId,
        version: advert.version,
        advertUrl: approval.advertUrl.trim(),
        key: approval.key,
      }),
    sendAdvertBack: (advert, sentBack) =>
      post(`/api/roles/${id(advert.roleId)}/send-advert-back`, {
        roleId: advert.roleId,
        version: advert.version,
        comment: sentBack.comment.trim(),
        key: sentBack.key,
      }),
    changeStage: (involvement, change) => {
      const { action, body } = stageRequest(involvement.stage, change);
      return post(`/api/involvements/${id(involvement.id)}/${action}`, { version: involvement.version, ...body });
    },
  };
}
