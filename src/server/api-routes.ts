import type { IdentityMode } from '../config';
import { API, type Answer, type FirstScreen, type Me, type ReadRoute, type UseCaseRoute } from '../contract/api';
import {
  acknowledgementFor,
  advertNote,
  advertText,
  CLAIMS_KEPT_ON_ERASURE,
  chatGuide,
  interestGuidance,
  itemDocuments,
  roleActions,
  roleDescriptionForm,
  type DocumentLinks,
  type GuidanceTexts,
  type PathwayService,
  type Principal,
} from '../domain';
import { dashboardForTab } from './dashboard-for-tab';

/** What answering one call of the API is given. */
export interface ApiCall {
  readonly service: PathwayService;
  readonly actor: Principal;
  /** The path's ids, already checked to be positive whole numbers. */
  readonly ids: Readonly<Record<string, number>>;
  /** The query parameters the route reads (see the contract's `query`), as given; the use case checks them. */
  readonly query: Readonly<Record<string, unknown>>;
  readonly identity: IdentityMode;
  /** Links to the organisation's documents, for the checklist items that concern them. */
  readonly documents: DocumentLinks;
  /** The organisation's guidance, for the words the tab shows beside its forms. */
  readonly guidance: GuidanceTexts;
}

/** The one read open to callers who are not signed in: the bot's id is public (it is in the app manifest). */
export type OpenRead = 'botId';

async function signedIn({ service, actor, identity }: ApiCall): Promise<Me> {
  const reach = await service.members.reach(actor);
  return {
    principal: actor,
    identity,
    engagementTeam: reach.engagementTeam,
    workstreamIds: [...reach.workstreamIds].sort((a, b) => a - b),
  };
}

/** The workstream tab's first screen from the same reads as `me`, `workstreams` and `dashboard`: see {@link FirstScreen}. */
async function firstScreen(call: ApiCall, asked: number | null): Promise<FirstScreen> {
  const { service, actor } = call;
  const [me, workstreams] = await Promise.all([signedIn(call), service.workstreams.list(actor)]);
  const shown = workstreams.find((workstream) => workstream.id === asked) ?? workstreams[0];
  return { me, workstreams, dashboard: shown ? dashboardForTab(await service.partnerViews.dashboard(actor, shown.id)) : null };
}

/** The server's answer to each route of the contract that runs no use case and needs sign-in. */
export const READS: { readonly [K in Exclude<ReadRoute, OpenRead>]: (call: ApiCall) => Promise<Answer<K>> } = {
  me: signedIn,
  firstScreen: (call) => firstScreen(call, null),
  firstScreenAt: (call) => firstScreen(call, call.ids.workstreamId),
  workstreams: ({ service, actor }) => service.workstreams.list(actor),
  dashboard: async ({ service, actor, ids }) => dashboardForTab(await service.partnerViews.dashboard(actor, ids.workstreamId)),
  agenda: ({ service, actor, ids }) => service.oneToOneViews.agenda(actor, ids.workstreamId),
  overview: ({ service, actor }) => service.engagementOverview.overview(actor),
  members: ({ service, actor, ids }) => service.members.list(actor, ids.workstreamId),
  engagementTeam: ({ service, actor }) => service.members.list(actor, null),
  organisationTemplate: ({ service, actor }) => service.workstreams.inductionTemplate(actor, null),
  workstreamTemplate: ({ service, actor, ids }) => service.workstreams.inductionTemplate(actor, ids.workstreamId),
  partnerDetail: async ({ service, actor, ids, documents }) => {
    const detail = await service.partnerViews.partnerDetail(actor, ids.involvementId);
    return { ...detail, documents: itemDocuments(detail.checklist, documents), claimsKeptOnErasure: CLAIMS_KEPT_ON_ERASURE };
  },
  duplicates: ({ service, actor }) => service.partners.duplicates(actor),
  reviews: ({ service, actor, ids }) => service.reviews.reviews(actor, ids.involvementId),
  roleDescription: async ({ guidance }) => roleDescriptionForm((section) => guidance.text('role-description', section)),
  role: async ({ service, actor, ids }) => {
    const outcome = await service.roleViews.role(actor, ids.roleId);
    // Approving an advert is the Engagement overview's, not the role's, so the role's steps leave it out as the bot's card does.
    return {
      ...outcome,
      actions: roleActions(outcome.role, false),
      advert: advertText(outcome.role),
      advertNote: advertNote(outcome.role),
    };
  },
  interestGuidance: async ({ guidance }) => interestGuidance(guidance),
  chatGuide: async ({ guidance }) => chatGuide(guidance),
  monitoringForm: ({ service, actor, ids }) => service.equalityMonitoring.form(actor, ids.involvementId),
  representativeness: ({ service, actor, query }) => service.equalityMonitoring.representativeness(actor, query),
  selectionRoles: ({ service, actor }) => service.roleViews.selectionRoles(actor),
  selectionSummary: ({ service, actor, ids }) => service.roleViews.selectionSummary(actor, ids.roleId),
  workstreamClaims: ({ service, actor, ids }) => service.claims.forWorkstream(actor, ids.workstreamId),
  involvementClaims: ({ service, actor, ids }) => service.claims.forInvolvement(actor, ids.involvementId),
  acknowledgement: async ({ service, actor, ids, guidance }) =>
    acknowledgementFor(guidance, await service.partnerViews.partnerDetail(actor, ids.involvementId), actor.name),
};

type UseCaseMethod = (actor: Principal, input: unknown) => Promise<unknown>;

/**
 * Runs the use case a route names with the JSON body and the path's ids merged in
 * under the use case's input names (the path wins; what the route decides itself is
 * left out). The use case validates the input, so nothing is checked twice.
 */
export function runUseCase(
  name: UseCaseRoute,
  service: PathwayService,
  actor: Principal,
  body: Readonly<Record<string, unknown>>,
  ids: Readonly<Record<string, number>>,
): Promise<unknown> {
  const route = API[name];
  const [group, method] = route.useCase;
  const input: Record<string, unknown> = { ...body, ...ids };
  if ('without' in route) for (const field of route.without) input[field] = undefined;
  const useCases = service[group] as unknown as Record<string, UseCaseMethod>;
  return useCases[method].call(useCases, actor, input);
}
