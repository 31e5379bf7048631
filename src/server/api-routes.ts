import type { IdentityMode } from '../config';
import type { PathwayService, Principal } from '../domain';
import { dashboardForTab } from './dashboard-for-tab';

/** What a route's call is given. */
export interface ApiCall {
  readonly service: PathwayService;
  readonly actor: Principal;
  /** The JSON body, with the path's ids merged in under the use case's input names (path wins). */
  readonly input: Readonly<Record<string, unknown>>;
  /** The path's ids, already checked to be positive whole numbers. */
  readonly ids: Readonly<Record<string, number>>;
  readonly identity: IdentityMode;
}

/** One capability of the tab API: a method and path pattern, the status on success, and the use case it calls. */
export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put' | 'patch';
  /** Relative to `/api`. Each `:param` names an id and is the use case's input name for it. */
  readonly path: string;
  readonly status: 200 | 201;
  readonly call: (call: ApiCall) => Promise<unknown>;
}

type Call = ApiRoute['call'];

const get = (path: string, call: Call): ApiRoute => ({ method: 'get', path, status: 200, call });
const post = (path: string, call: Call): ApiRoute => ({ method: 'post', path, status: 200, call });
const create = (path: string, call: Call): ApiRoute => ({ method: 'post', path, status: 201, call });
const put = (path: string, call: Call): ApiRoute => ({ method: 'put', path, status: 200, call });
const patch = (path: string, call: Call): ApiRoute => ({ method: 'patch', path, status: 200, call });

/** The tab API, one line per capability. Inputs are validated by the use cases. */
export const API_ROUTES: readonly ApiRoute[] = [
  get('/me', async ({ service, actor, identity }) => {
    const reach = await service.members.reach(actor);
    return { principal: actor, identity, engagementTeam: reach.engagementTeam, workstreamIds: [...reach.workstreamIds].sort((a, b) => a - b) };
  }),

  get('/workstreams', ({ service, actor }) => service.workstreams.list(actor)),
  create('/workstreams', ({ service, actor, input }) => service.workstreams.create(actor, input)),
  get('/workstreams/:workstreamId/dashboard', async ({ service, actor, ids }) => dashboardForTab(await service.partnerViews.dashboard(actor, ids.workstreamId))),
  get('/workstreams/:workstreamId/agenda', ({ service, actor, ids }) => service.oneToOneViews.agenda(actor, ids.workstreamId)),
  get('/overview', ({ service, actor }) => service.engagementOverview.overview(actor)),
  get('/workstreams/:workstreamId/members', ({ service, actor, ids }) => service.members.list(actor, ids.workstreamId)),
  create('/workstreams/:workstreamId/members', ({ service, actor, input }) => service.members.add(actor, input)),
  get('/engagement-team/members', ({ service, actor }) => service.members.list(actor, null)),
  create('/engagement-team/members', ({ service, actor, input }) => service.members.add(actor, { ...input, workstreamId: undefined })),
  post('/members/:memberId/remove', ({ service, actor, input }) => service.members.remove(actor, input)),
  put('/induction-template', ({ service, actor, input }) => service.workstreams.setInductionTemplate(actor, input)),
  put('/workstreams/:workstreamId/induction-template', ({ service, actor, input }) => service.workstreams.setInductionTemplate(actor, input)),

  create('/roles', ({ service, actor, input }) => service.roles.planRole(actor, input)),
  patch('/roles/:roleId', ({ service, actor, input }) => service.roles.updateRole(actor, input)),
  post('/roles/:roleId/ready', ({ service, actor, input }) => service.roles.markReady(actor, input)),
  post('/roles/:roleId/draft', ({ service, actor, input }) => service.roles.backToDraft(actor, input)),
  post('/roles/:roleId/send-advert', ({ service, actor, input }) => service.roles.sendAdvert(actor, input)),
  post('/roles/:roleId/approve-advert', ({ service, actor, input }) => service.roles.approveAdvert(actor, input)),
  post('/roles/:roleId/send-advert-back', ({ service, actor, input }) => service.roles.sendAdvertBack(actor, input)),
  post('/roles/:roleId/filled', ({ service, actor, input }) => service.roles.markFilled(actor, input)),
  post('/roles/:roleId/close', ({ service, actor, input }) => service.roles.close(actor, input)),
  post('/roles/:roleId/lead', ({ service, actor, input }) => service.roles.reassignLead(actor, input)),

  create('/involvements', ({ service, actor, input }) => service.involvements.recordInterest(actor, input)),
  get('/involvements/:involvementId', ({ service, actor, ids }) => service.partnerViews.partnerDetail(actor, ids.involvementId)),
  post('/involvements/:involvementId/acknowledge', ({ service, actor, input }) => service.involvements.acknowledgeInterest(actor, input)),
  post('/involvements/:involvementId/book-chat', ({ service, actor, input }) => service.involvements.bookChat(actor, input)),
  post('/involvements/:involvementId/hold-chat', ({ service, actor, input }) => service.involvements.holdChat(actor, input)),
  post('/involvements/:involvementId/offer', ({ service, actor, input }) => service.involvements.makeOffer(actor, input)),
  post('/involvements/:involvementId/not-progressed', ({ service, actor, input }) => service.involvements.notProgress(actor, input)),
  post('/involvements/:involvementId/start-induction', ({ service, actor, input }) => service.involvements.startInduction(actor, input)),
  post('/involvements/:involvementId/activate', ({ service, actor, input }) => service.involvements.activate(actor, input)),
  post('/involvements/:involvementId/pause', ({ service, actor, input }) => service.involvements.pause(actor, input)),
  post('/involvements/:involvementId/resume', ({ service, actor, input }) => service.involvements.resume(actor, input)),
  post('/involvements/:involvementId/end', ({ service, actor, input }) => service.involvements.end(actor, input)),
  post('/involvements/:involvementId/cadence', ({ service, actor, input }) => service.involvements.setCadence(actor, input)),
  post('/involvements/:involvementId/named-contact', ({ service, actor, input }) => service.involvements.reassign(actor, input)),

  create('/involvements/:involvementId/one-to-ones', ({ service, actor, input }) => service.oneToOnes.book(actor, input)),
  post('/involvements/:involvementId/one-to-ones/held', ({ service, actor, input }) => service.oneToOnes.recordHeld(actor, input)),
  post('/one-to-ones/:oneToOneId/cancel', ({ service, actor, input }) => service.oneToOnes.cancel(actor, input)),
  post('/one-to-ones/:oneToOneId/move', ({ service, actor, input }) => service.oneToOnes.move(actor, input)),

  post('/induction-tasks/:taskId/complete', ({ service, actor, input }) => service.induction.completeTask(actor, input)),
  post('/induction-tasks/:taskId/reopen', ({ service, actor, input }) => service.induction.reopenTask(actor, input)),

  // A search by email or phone is a POST, so the personal details searched for stay out of URLs and logs.
  post('/partners/matches', ({ service, actor, input }) => service.partners.possibleMatches(actor, input)),
  get('/partners/duplicates', ({ service, actor }) => service.partners.duplicates(actor)),
  post('/partners/merge', ({ service, actor, input }) => service.partners.merge(actor, input)),
  patch('/partners/:partnerId', ({ service, actor, input }) => service.partners.updateDetails(actor, input)),
  post('/partners/:partnerId/peer-network/invite', ({ service, actor, input }) => service.partners.invitePeerNetwork(actor, input)),
  post('/partners/:partnerId/peer-network/answer', ({ service, actor, input }) => service.partners.recordPeerNetworkAnswer(actor, input)),
  post('/partners/:partnerId/peer-network/withdraw', ({ service, actor, input }) => service.partners.withdrawPeerNetworkInvitation(actor, input)),
  post('/partners/:partnerId/notes-consent', ({ service, actor, input }) => service.personalData.recordNotesConsent(actor, input)),
  post('/partners/:partnerId/notes-consent/withdraw', ({ service, actor, input }) => service.personalData.withdrawNotesConsent(actor, input)),
  post('/partners/:partnerId/erase', ({ service, actor, input }) => service.personalData.erase(actor, input)),
];
