import type { Booking, ChangeCalls, Http, MemberGroup } from './contract';
import type { DuplicateGroup, MergeResult, Stage, StageChange } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The groups of records that may be one person. */
function duplicatesFrom(http: Http, body: unknown): DuplicateGroup[] {
  if (!Array.isArray(body) || !body.every((group) => isRecord(group) && typeof group.sharing === 'string' && Array.isArray(group.partners))) {
    throw http.unexpected('the possible duplicates');
  }
  return body as DuplicateGroup[];
}

/** What a merge did. */
function mergeFrom(http: Http, body: unknown): MergeResult {
  if (!isRecord(body) || !isRecord(body.survivor) || typeof body.moved !== 'number') throw http.unexpected('the merged record');
  return body as unknown as MergeResult;
}

/** The API path and body for a stage change: the action that reaches `to` from `from`. */
export function stageRequest(from: Stage, change: StageChange): { readonly action: string; readonly body: Record<string, unknown> } {
  const cancelBooked = 'cancelBooked' in change && change.cancelBooked !== undefined ? { cancelBooked: change.cancelBooked } : {};
  switch (change.to) {
    case 'Chat booked':
      return { action: 'book-chat', body: { at: change.at, where: change.where, ...(change.adjustments?.trim() ? { adjustments: change.adjustments.trim() } : {}) } };
    case 'Chat held':
      return { action: 'hold-chat', body: change.notes.trim() ? { notes: change.notes.trim() } : {} };
    case 'Offered':
      return { action: 'offer', body: {} };
    case 'Induction':
      return { action: 'start-induction', body: {} };
    case 'Active':
      return { action: from === 'Paused' ? 'resume' : 'activate', body: {} };
    case 'Paused':
      return { action: 'pause', body: { reason: change.reason, ...cancelBooked } };
    case 'Not progressed':
      return { action: 'not-progressed', body: { reason: change.reason, ...cancelBooked } };
    case 'Ended':
      return { action: 'end', body: { reason: change.reason, exitConversationOffered: change.exitConversationOffered, ...cancelBooked } };
  }
}

const id = (value: number): string => encodeURIComponent(String(value));

/** A booking's date, and its time and place when given. */
const bookingBody = (booking: Booking) => ({
  date: booking.date,
  ...(booking.time ? { time: booking.time } : {}),
  ...(booking.where?.trim() ? { where: booking.where.trim() } : {}),
});

const membersPath = (group: MemberGroup): string =>
  group === 'engagement-team' ? '/api/engagement-team/members' : `/api/workstreams/${id(group.workstreamId)}/members`;

/** The change calls of the API client, on its transport. Each change carries the version read and, where the server takes one, its key. */
export function changeCalls(http: Http): ChangeCalls {
  const post = async (path: string, body: Record<string, unknown>): Promise<void> => {
    await http.post(path, body);
  };
  return {
    completeTask: (task, key, date) => post(`/api/induction-tasks/${id(task.id)}/complete`, { version: task.version, key, ...(date ? { date } : {}) }),
    reopenTask: (task, key) => post(`/api/induction-tasks/${id(task.id)}/reopen`, { version: task.version, key }),
    bookOneToOne: (involvementId, booking, key) => post(`/api/involvements/${id(involvementId)}/one-to-ones`, { ...bookingBody(booking), key }),
    moveOneToOne: (oneToOne, booking, key) => post(`/api/one-to-ones/${id(oneToOne.id)}/move`, { version: oneToOne.version, ...bookingBody(booking), key }),
    cancelOneToOne: (oneToOne, key) => post(`/api/one-to-ones/${id(oneToOne.id)}/cancel`, { version: oneToOne.version, key }),
    recordHeld: (involvementId, held, key) =>
      post(`/api/involvements/${id(involvementId)}/one-to-ones/held`, {
        date: held.date,
        ...(held.booked ? { oneToOneId: held.booked.id, oneToOneVersion: held.booked.version } : {}),
        ...(held.notes?.trim() ? { notes: held.notes.trim() } : {}),
        key,
      }),
    acknowledgeInterest: (involvement, key) => post(`/api/involvements/${id(involvement.id)}/acknowledge`, { version: involvement.version, key }),
    correctPartner: async (partner, corrections, key) => {
      await http.patch(`/api/partners/${id(partner.id)}`, { version: partner.version, key, ...corrections });
    },
    changeNamedContact: (involvement, ownerId, key) => post(`/api/involvements/${id(involvement.id)}/named-contact`, { version: involvement.version, key, ownerId }),
    invitePeerNetwork: (partner, key) => post(`/api/partners/${id(partner.id)}/peer-network/invite`, { version: partner.version, key }),
    duplicates: async (signal) => duplicatesFrom(http, await http.get('/api/partners/duplicates', signal)),
    mergePartners: async ({ survivor, duplicate }, key) =>
      mergeFrom(
        http,
        await http.post('/api/partners/merge', {
          survivorId: survivor.id,
          survivorVersion: survivor.version,
          duplicateId: duplicate.id,
          duplicateVersion: duplicate.version,
          key,
        }),
      ),
    addMember: (group, person) => post(membersPath(group), { userId: person.userId.trim(), userName: person.userName.trim() }),
    removeMember: (member) => post(`/api/members/${id(member.id)}/remove`, { version: member.version }),
    recordNotesConsent: (partner) => post(`/api/partners/${id(partner.id)}/notes-consent`, { version: partner.version }),
    withdrawNotesConsent: (partner) => post(`/api/partners/${id(partner.id)}/notes-consent/withdraw`, { version: partner.version }),
    erasePartner: (partner) => post(`/api/partners/${id(partner.id)}/erase`, { version: partner.version }),
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
    changeStage: (involvement, change, key) => {
      const { action, body } = stageRequest(involvement.stage, change);
      return post(`/api/involvements/${id(involvement.id)}/${action}`, { version: involvement.version, key, ...body });
    },
  };
}
