import type { z } from 'zod';
import type {
  Acknowledgement,
  Agenda,
  ChatGuide,
  ClaimLine,
  Dashboard,
  DashboardRow,
  DuplicateGroup,
  EngagementOverview,
  InductionTemplate,
  ItemDocument,
  InterestGuidance,
  InvolvementReviews,
  Member,
  MonitoringForm,
  PartnerClaims,
  PartnerDetail,
  PathwayService,
  Principal,
  RoleActions,
  RoleDescriptionForm,
  Representativeness,
  RoleOutcome,
  SelectionRole,
  SelectionSummary,
  USE_CASE_INPUTS,
  Workstream,
} from '../domain';

/*
 * The one contract between the server and the tab: every route of the JSON API under
 * `/api`, what each takes and what it answers. The server's router mounts exactly these
 * routes (`src/server/api-router.ts`) and the tab's client calls them by name
 * (`src/tab/api/`), so a changed path, body field or answer fails the typecheck on both
 * sides. A route that runs a use case names it: its body is the use case's input (from
 * the schema that checks it, less the ids the path carries) and its answer is what the
 * use case returns. Only types come from the domain; nothing of it runs in the browser.
 */

type Inputs = typeof USE_CASE_INPUTS;
type Group = keyof Inputs;

/** A use case by its group and method in {@link PathwayService}. */
type UseCase = { [G in Group]: readonly [G, keyof Inputs[G]] }[Group];

interface RouteSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Relative to `/api`. Each `:name` is a positive whole number, passed to the use case under that name. */
  readonly path: string;
  /** 201 for a route that creates a record; 200 otherwise. */
  readonly status?: 201;
  /** The use case the route runs with the body and the path's ids; routes without one are answered by the server's own reads. */
  readonly useCase?: UseCase;
  /** Inputs of the use case this route never takes from the body (the route itself decides them). */
  readonly without?: readonly string[];
  /** Answered with a file to download rather than JSON. */
  readonly file?: true;
  /** The query parameters the route reads (text, each optional); any other is ignored. */
  readonly query?: readonly string[];
}

/** Every route of the API, by the name both sides call it. */
export const API = {
  me: { method: 'GET', path: '/me' },
  firstScreen: { method: 'GET', path: '/first-screen' },
  firstScreenAt: { method: 'GET', path: '/first-screen/:workstreamId' },
  botId: { method: 'GET', path: '/bot' },
  workstreams: { method: 'GET', path: '/workstreams' },
  createWorkstream: { method: 'POST', path: '/workstreams', status: 201, useCase: ['workstreams', 'create'] },
  dashboard: { method: 'GET', path: '/workstreams/:workstreamId/dashboard' },
  partnersCsv: { method: 'GET', path: '/workstreams/:workstreamId/partners.csv', file: true },
  agenda: { method: 'GET', path: '/workstreams/:workstreamId/agenda' },
  overview: { method: 'GET', path: '/overview' },
  members: { method: 'GET', path: '/workstreams/:workstreamId/members' },
  addMember: { method: 'POST', path: '/workstreams/:workstreamId/members', status: 201, useCase: ['members', 'add'] },
  engagementTeam: { method: 'GET', path: '/engagement-team/members' },
  addEngagementTeamMember: {
    method: 'POST',
    path: '/engagement-team/members',
    status: 201,
    useCase: ['members', 'add'],
    without: ['workstreamId'],
  },
  removeMember: { method: 'POST', path: '/members/:memberId/remove', useCase: ['members', 'remove'] },
  organisationTemplate: { method: 'GET', path: '/induction-template' },
  workstreamTemplate: { method: 'GET', path: '/workstreams/:workstreamId/induction-template' },
  setOrganisationTemplate: {
    method: 'PUT',
    path: '/induction-template',
    useCase: ['workstreams', 'setInductionTemplate'],
    without: ['workstreamId'],
  },
  setWorkstreamTemplate: {
    method: 'PUT',
    path: '/workstreams/:workstreamId/induction-template',
    useCase: ['workstreams', 'setInductionTemplate'],
  },

  roleDescription: { method: 'GET', path: '/role-description' },
  role: { method: 'GET', path: '/roles/:roleId' },
  advertText: { method: 'GET', path: '/roles/:roleId/advert.txt', file: true },
  advertHtml: { method: 'GET', path: '/roles/:roleId/advert.html', file: true },
  planRole: { method: 'POST', path: '/roles', status: 201, useCase: ['roles', 'planRole'] },
  updateRole: { method: 'PATCH', path: '/roles/:roleId', useCase: ['roles', 'updateRole'] },
  markRoleReady: { method: 'POST', path: '/roles/:roleId/ready', useCase: ['roles', 'markReady'] },
  roleBackToDraft: { method: 'POST', path: '/roles/:roleId/draft', useCase: ['roles', 'backToDraft'] },
  sendAdvert: { method: 'POST', path: '/roles/:roleId/send-advert', useCase: ['roles', 'sendAdvert'] },
  approveAdvert: { method: 'POST', path: '/roles/:roleId/approve-advert', useCase: ['roles', 'approveAdvert'] },
  sendAdvertBack: { method: 'POST', path: '/roles/:roleId/send-advert-back', useCase: ['roles', 'sendAdvertBack'] },
  markRoleFilled: { method: 'POST', path: '/roles/:roleId/filled', useCase: ['roles', 'markFilled'] },
  closeRole: { method: 'POST', path: '/roles/:roleId/close', useCase: ['roles', 'close'] },
  changeRoleLead: { method: 'POST', path: '/roles/:roleId/lead', useCase: ['roles', 'reassignLead'] },

  interestGuidance: { method: 'GET', path: '/guidance/interest' },
  recordInterest: { method: 'POST', path: '/involvements', status: 201, useCase: ['involvements', 'recordInterest'] },
  partnerDetail: { method: 'GET', path: '/involvements/:involvementId' },
  acknowledgement: { method: 'GET', path: '/involvements/:involvementId/acknowledgement' },
  acknowledgeInterest: {
    method: 'POST',
    path: '/involvements/:involvementId/acknowledge',
    useCase: ['involvements', 'acknowledgeInterest'],
  },
  chatGuide: { method: 'GET', path: '/guidance/informal-chat' },
  bookChat: { method: 'POST', path: '/involvements/:involvementId/book-chat', useCase: ['involvements', 'bookChat'] },
  holdChat: { method: 'POST', path: '/involvements/:involvementId/hold-chat', useCase: ['involvements', 'holdChat'] },
  makeOffer: { method: 'POST', path: '/involvements/:involvementId/offer', useCase: ['involvements', 'makeOffer'] },
  notProgress: { method: 'POST', path: '/involvements/:involvementId/not-progressed', useCase: ['involvements', 'notProgress'] },
  startInduction: { method: 'POST', path: '/involvements/:involvementId/start-induction', useCase: ['involvements', 'startInduction'] },
  activate: { method: 'POST', path: '/involvements/:involvementId/activate', useCase: ['involvements', 'activate'] },
  pause: { method: 'POST', path: '/involvements/:involvementId/pause', useCase: ['involvements', 'pause'] },
  resume: { method: 'POST', path: '/involvements/:involvementId/resume', useCase: ['involvements', 'resume'] },
  end: { method: 'POST', path: '/involvements/:involvementId/end', useCase: ['involvements', 'end'] },
  setCadence: { method: 'POST', path: '/involvements/:involvementId/cadence', useCase: ['involvements', 'setCadence'] },
  changeNamedContact: { method: 'POST', path: '/involvements/:involvementId/named-contact', useCase: ['involvements', 'reassign'] },
  reviews: { method: 'GET', path: '/involvements/:involvementId/reviews' },
  renewTerm: { method: 'POST', path: '/involvements/:involvementId/renew-term', useCase: ['reviews', 'renewTerm'] },
  reconfirmAgreements: {
    method: 'POST',
    path: '/involvements/:involvementId/reconfirm-agreements',
    useCase: ['reviews', 'reconfirmAgreements'],
  },
  reviewAccessNeeds: { method: 'POST', path: '/involvements/:involvementId/access-review', useCase: ['reviews', 'reviewAccessNeeds'] },

  bookOneToOne: { method: 'POST', path: '/involvements/:involvementId/one-to-ones', status: 201, useCase: ['oneToOnes', 'book'] },
  recordHeld: { method: 'POST', path: '/involvements/:involvementId/one-to-ones/held', useCase: ['oneToOnes', 'recordHeld'] },
  cancelOneToOne: { method: 'POST', path: '/one-to-ones/:oneToOneId/cancel', useCase: ['oneToOnes', 'cancel'] },
  moveOneToOne: { method: 'POST', path: '/one-to-ones/:oneToOneId/move', useCase: ['oneToOnes', 'move'] },
  invitation: { method: 'GET', path: '/one-to-ones/:oneToOneId/invitation.ics', file: true },

  completeTask: { method: 'POST', path: '/induction-tasks/:taskId/complete', useCase: ['induction', 'completeTask'] },
  reopenTask: { method: 'POST', path: '/induction-tasks/:taskId/reopen', useCase: ['induction', 'reopenTask'] },

  // A search by email or phone is a POST, so the personal details searched for stay out of URLs and logs.
  possibleMatches: { method: 'POST', path: '/partners/matches', useCase: ['partners', 'possibleMatches'] },
  duplicates: { method: 'GET', path: '/partners/duplicates' },
  mergePartners: { method: 'POST', path: '/partners/merge', useCase: ['partners', 'merge'] },
  correctPartner: { method: 'PATCH', path: '/partners/:partnerId', useCase: ['partners', 'updateDetails'] },
  invitePeerNetwork: { method: 'POST', path: '/partners/:partnerId/peer-network/invite', useCase: ['partners', 'invitePeerNetwork'] },
  recordPeerNetworkAnswer: {
    method: 'POST',
    path: '/partners/:partnerId/peer-network/answer',
    useCase: ['partners', 'recordPeerNetworkAnswer'],
  },
  withdrawPeerNetworkInvitation: {
    method: 'POST',
    path: '/partners/:partnerId/peer-network/withdraw',
    useCase: ['partners', 'withdrawPeerNetworkInvitation'],
  },
  recordNotesConsent: { method: 'POST', path: '/partners/:partnerId/notes-consent', useCase: ['personalData', 'recordNotesConsent'] },
  withdrawNotesConsent: {
    method: 'POST',
    path: '/partners/:partnerId/notes-consent/withdraw',
    useCase: ['personalData', 'withdrawNotesConsent'],
  },
  erasePartner: { method: 'POST', path: '/partners/:partnerId/erase', useCase: ['personalData', 'erase'] },
  personalDataJson: { method: 'GET', path: '/partners/:partnerId/export.json', file: true },
  personalDataText: { method: 'GET', path: '/partners/:partnerId/export.txt', file: true },

  monitoringForm: { method: 'GET', path: '/involvements/:involvementId/equality-monitoring' },
  submitMonitoring: {
    method: 'POST',
    path: '/involvements/:involvementId/equality-monitoring',
    useCase: ['equalityMonitoring', 'submit'],
  },
  declineMonitoring: {
    method: 'POST',
    path: '/involvements/:involvementId/equality-monitoring/decline',
    useCase: ['equalityMonitoring', 'decline'],
  },
  // The period, as quarters (2026-Q1): from and to, each end included and either left open.
  representativeness: { method: 'GET', path: '/equality-monitoring', query: ['from', 'to'] },
  representativenessCsv: { method: 'GET', path: '/equality-monitoring/representativeness.csv', file: true, query: ['from', 'to'] },
  selectionRoles: { method: 'GET', path: '/selection' },
  selectionSummary: { method: 'GET', path: '/roles/:roleId/selection' },
  selectionCsv: { method: 'GET', path: '/roles/:roleId/selection.csv', file: true },
  setPopulationProfile: {
    method: 'PUT',
    path: '/equality-monitoring/population-profile',
    useCase: ['equalityMonitoring', 'setPopulationProfile'],
  },
  setPostcodeDeciles: {
    method: 'PUT',
    path: '/equality-monitoring/postcode-deciles',
    useCase: ['equalityMonitoring', 'setPostcodeDeciles'],
  },
  workstreamClaims: { method: 'GET', path: '/workstreams/:workstreamId/claims' },
  involvementClaims: { method: 'GET', path: '/involvements/:involvementId/claims' },
  createClaim: { method: 'POST', path: '/involvements/:involvementId/claims', status: 201, useCase: ['claims', 'create'] },
  editClaim: { method: 'PATCH', path: '/claims/:claimId', useCase: ['claims', 'edit'] },
  withdrawClaim: { method: 'POST', path: '/claims/:claimId/withdraw', useCase: ['claims', 'withdraw'] },
  submitClaim: { method: 'POST', path: '/claims/:claimId/submit', useCase: ['claims', 'submit'] },
  approveClaim: { method: 'POST', path: '/claims/:claimId/approve', useCase: ['claims', 'approve'] },
  rejectClaim: { method: 'POST', path: '/claims/:claimId/reject', useCase: ['claims', 'reject'] },
  setPaymentPreferences: {
    method: 'PUT',
    path: '/partners/:partnerId/payment-preferences',
    useCase: ['claims', 'setPaymentPreferences'],
  },
  // A POST, not a download: the export marks the claims it holds Paid. It answers the CSV inside JSON, for the tab to save.
  financeExport: { method: 'POST', path: '/claims/finance-export', useCase: ['claims', 'financeExport'] },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof API;
type Spec<K extends RouteName> = (typeof API)[K];

/** The names of the `:params` in a path. */
type ParamsIn<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsIn<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The ids a route's path carries, by name. */
export type PathIds<K extends RouteName> = { readonly [Name in ParamsIn<Spec<K>['path']>]: number };

/** The query parameters a route reads, each optional. */
export type QueryOf<K extends RouteName> =
  Spec<K> extends { readonly query: readonly (infer Name extends string)[] } ? { readonly [P in Name]?: string } : Record<string, never>;

/** The routes that run a use case, and those the server answers with its own reads or files. */
export type UseCaseRoute = { [K in RouteName]: Spec<K> extends { readonly useCase: UseCase } ? K : never }[RouteName];
export type FileRoute = { [K in RouteName]: Spec<K> extends { readonly file: true } ? K : never }[RouteName];
export type ReadRoute = Exclude<RouteName, UseCaseRoute | FileRoute>;

type InputOf<K extends UseCaseRoute> = Spec<K>['useCase'] extends readonly [infer G extends Group, infer M]
  ? Inputs[G][M & keyof Inputs[G]] extends z.ZodType
    ? z.input<Inputs[G][M & keyof Inputs[G]]>
    : never
  : never;

type Without<K extends RouteName> = Spec<K> extends { readonly without: readonly (infer Name extends string)[] } ? Name : never;

/** What a route that runs a use case takes as its JSON body: the use case's input, less the path's ids and what the route decides. */
export type Body<K extends UseCaseRoute> = Omit<InputOf<K>, ParamsIn<Spec<K>['path']> | Without<K>>;

/** Who the server says is signed in (`GET /me`). */
export interface Me {
  readonly principal: Principal;
  /** `local-development` when the server runs with its local identity rather than Entra sign-in. */
  readonly identity: 'local-development' | 'entra';
  readonly engagementTeam: boolean;
  /** The workstreams they are a member of, in id order (the Engagement team sees others too). */
  readonly workstreamIds: readonly number[];
}

/**
 * What the workstream tab shows first, in one call (`GET /first-screen`, or
 * `/first-screen/:workstreamId` for a tab opened at a workstream): who is signed in,
 * their workstreams, and the dashboard of the workstream asked for if they can see it,
 * else of the first of theirs (by title); null when they have none. A workstream they
 * cannot see is never named in the answer.
 */
export interface FirstScreen {
  readonly me: Me;
  readonly workstreams: Workstream[];
  readonly dashboard: TabDashboard | null;
}

/** A dashboard row as the tab's table reads it: without the fields the table never shows or sends back. */
export type TabDashboardRow = Omit<DashboardRow, 'version' | 'roleId' | 'stageChangedAt'>;

/** The workstream dashboard as the tab reads it. */
export type TabDashboard = Omit<Dashboard, 'rows'> & { readonly rows: TabDashboardRow[] };

/**
 * One partner in one role as the panel reads it: the domain's detail, a link on each
 * checklist item that concerns one of the organisation's documents with a link set,
 * and what erasing them would keep of their claims.
 */
export type TabPartnerDetail = PartnerDetail & { readonly documents: readonly ItemDocument[]; readonly claimsKeptOnErasure: string };

/** One role as the tab opens it: what the domain works out for it (missing, warnings, next steps) and its advert. */
export type TabRole = RoleOutcome & {
  readonly actions: RoleActions;
  /** The advert as plain text, for the opportunities pages. */
  readonly advert: string;
  /** Where the advert is, in a sentence; empty before it is first sent. */
  readonly advertNote: string;
};

/** What the routes without a use case answer. */
export interface ReadAnswers {
  me: Me;
  firstScreen: FirstScreen;
  firstScreenAt: FirstScreen;
  botId: { readonly botId: string | null };
  workstreams: Workstream[];
  dashboard: TabDashboard;
  agenda: Agenda;
  overview: EngagementOverview;
  members: Member[];
  engagementTeam: Member[];
  organisationTemplate: InductionTemplate;
  workstreamTemplate: InductionTemplate;
  partnerDetail: TabPartnerDetail;
  duplicates: DuplicateGroup[];
  roleDescription: RoleDescriptionForm;
  role: TabRole;
  interestGuidance: InterestGuidance;
  acknowledgement: Acknowledgement;
  chatGuide: ChatGuide;
  monitoringForm: MonitoringForm;
  representativeness: Representativeness;
  selectionRoles: SelectionRole[];
  selectionSummary: SelectionSummary;
  workstreamClaims: ClaimLine[];
  involvementClaims: PartnerClaims;
  reviews: InvolvementReviews;
}

type UseCaseAnswer<K extends UseCaseRoute> = Spec<K>['useCase'] extends readonly [infer G extends keyof PathwayService, infer M]
  ? PathwayService[G][M & keyof PathwayService[G]] extends (...args: never[]) => Promise<infer R>
    ? R
    : never
  : never;

/** What a route answers (JSON): for a use case, what the use case returns. */
export type Answer<K extends Exclude<RouteName, FileRoute>> = K extends ReadRoute
  ? ReadAnswers[K]
  : K extends UseCaseRoute
    ? UseCaseAnswer<K>
    : never;

/** The body of every failed call: a stable code, a sentence a person can act on, and field messages or details where they apply. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** What is wrong with each field of the request, by field name (400). */
    readonly fields?: Readonly<Record<string, string>>;
    /** Facts behind a refusal by a rule (422). */
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/** The path of a route under `/api`, with its ids filled in. */
export function pathOf<K extends RouteName>(name: K, ids: PathIds<K>, query: QueryOf<K> = {} as QueryOf<K>): string {
  const values = ids as Readonly<Record<string, number>>;
  const given = Object.entries(query as Readonly<Record<string, string | undefined>>).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const search = given.length > 0 ? `?${new URLSearchParams(given).toString()}` : '';
  return `/api${API[name].path.replace(/:(\w+)/g, (_match, param: string) => encodeURIComponent(String(values[param])))}${search}`;
}

/** The domain's records and views the API answers with, for the tab to read (types only). */
export type {
  Acknowledgement,
  Agenda,
  AgendaItem,
  AgreementReview,
  AdvertAwaitingApproval,
  CalendarDate,
  ChatGuide,
  Claim,
  ClaimLine,
  ClaimStatus,
  DueState,
  ExpenseLine,
  FinanceExport,
  DuplicateGroup,
  EngagementOverview,
  InductionProgress,
  InterestGuidance,
  InductionTask,
  InductionTemplate,
  Involvement,
  InvolvementReviews,
  ItemDocument,
  Member,
  Merge,
  MonitoringForm,
  MonitoringFormQuestion,
  MonitoringTable,
  NextOneToOne,
  OneToOne,
  Partner,
  PartnerActions,
  PartnerDetail,
  PartnerMatch,
  PartnerClaims,
  PaymentPreference,
  PeerNetworkMember,
  FormsCounted,
  LoadedTable,
  MonitoringTableState,
  ProfileCell,
  ProfileRow,
  Representativeness,
  Role,
  RoleActions,
  RoleDescriptionField,
  RoleDescriptionForm,
  RoleOutcome,
  RoleStatus,
  RoleSummary,
  ReviewItem,
  SelectionQuestion,
  SelectionRole,
  SelectionSummary,
  SelectionVerdict,
  CriterionSummary,
  VerdictCounts,
  Stage,
  StageCounts,
  TemplateItem,
  TemplateSource,
  Workstream,
  WorkstreamOverview,
} from '../domain';
