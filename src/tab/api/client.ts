import { CHANGE_CALLS, type ApiClient, type ChangeCalls, type TokenSource } from './contract';
import { createPageClient } from './page-client';

export type {
  AdvertApproval,
  AdvertRef,
  AdvertSentBack,
  ApiClient,
  Booking,
  ChangeKey,
  ClaimChanges,
  DownloadedFile,
  ExportPeriod,
  HeldOneToOne,
  Interest,
  MemberGroup,
  MergeChoice,
  MonitoringAnswers,
  NewClaim,
  NewPerson,
  NewWorkstream,
  PartnerCorrections,
  PaymentChoices,
  PeerNetworkAnswer,
  Person,
  RoleDescription,
  RoleMove,
  TemplateOwner,
  TokenSource,
  VersionedRef,
} from './contract';

/**
 * The whole API client for the tab's own origin, sending the token `getToken` supplies.
 * The change calls (see `CHANGE_CALLS`) load with the first of them, once: only views
 * loaded on first use make them, so the page opens without their code.
 */
export function createApiClient(getToken: TokenSource): ApiClient {
  const { http, ...pageCalls } = createPageClient(getToken);
  let changes: Promise<ChangeCalls> | undefined;
  const later =
    (name: keyof ChangeCalls) =>
    async (...args: unknown[]) => {
      changes ??= import('./changes').then((module) => module.changeCalls(http));
      return ((await changes)[name] as (...given: unknown[]) => Promise<unknown>)(...args);
    };
  return { ...pageCalls, ...(Object.fromEntries(CHANGE_CALLS.map((name) => [name, later(name)])) as unknown as ChangeCalls) };
}
