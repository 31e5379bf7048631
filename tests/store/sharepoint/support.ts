import { randomUUID } from 'node:crypto';
import { createPathwayService, DEFAULT_ONE_TO_ONE_SETTINGS, DEFAULT_ROLE_SETTINGS, type PathwayService } from '../../../src/domain';
import type { ListName } from '../../../src/domain/schema/lists';
import type { Store } from '../../../src/domain/store';
import { SharePointStore, provision, type RetryPolicy, type SharePointConnection } from '../../../src/store/sharepoint';
import { itemBody } from '../../../src/store/sharepoint/codec';
import { listTitle, SYSTEM_FIELDS } from '../../../src/store/sharepoint/names';
import { SharePointStandIn } from './stand-in/stand-in-server';

/** Retries as in production, but with waits of milliseconds so tests stay quick on a loaded machine. */
export const FAST_RETRY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 2,
  maxDelayMs: 20,
  maxRetryAfterMs: 20,
  budgetMs: 30_000,
  timeoutMs: 15_000,
};

/** A connection to the stand-in, with no sign-in. */
export function connectionTo(standIn: SharePointStandIn, retry: Partial<RetryPolicy> = FAST_RETRY): SharePointConnection {
  return { siteUrl: standIn.siteUrl, auth: { kind: 'none' }, userAgent: 'NONISV|Test ICS|PartnerPathway/0.0.0-test', retry };
}

/** A stand-in site, provisioned from the schema. */
export async function aProvisionedStandIn(): Promise<SharePointStandIn> {
  const standIn = await SharePointStandIn.start();
  await provision(connectionTo(standIn));
  standIn.resetCounts();
  return standIn;
}

/** A store on the stand-in. */
export function aStoreOn(standIn: SharePointStandIn, options: { pageSize?: number; retry?: Partial<RetryPolicy> } = {}): SharePointStore {
  return new SharePointStore({ ...connectionTo(standIn, options.retry), pageSize: options.pageSize });
}

/** One provisioned stand-in and a store on it for a test file: faults are cleared after each test, both stopped after all. */
export function aStandInForThisFile(): { readonly standIn: SharePointStandIn; readonly store: SharePointStore } {
  const shared = {} as { standIn: SharePointStandIn; store: SharePointStore };
  beforeAll(async () => {
    shared.standIn = await aProvisionedStandIn();
    shared.store = aStoreOn(shared.standIn);
  });
  afterEach(() => {
    shared.standIn.clearFaults();
  });
  afterAll(async () => {
    await shared.store.close();
    await shared.standIn.stop();
  });
  return shared;
}

/** What a promise is rejected with; a promise that resolves fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Puts items straight into a list of the stand-in, as the app would have written them (quick, for thousands); returns the first id. */
export function seedList<L extends ListName>(standIn: SharePointStandIn, list: L, values: ReadonlyArray<Record<string, unknown>>): number {
  const target = standIn.list(listTitle(list));
  const first = target.nextId;
  standIn.site.seed(
    target,
    values.map((fields) => ({
      ...itemBody(list, fields),
      [SYSTEM_FIELDS.key]: randomUUID(),
      [SYSTEM_FIELDS.created]: '2026-03-02T10:30:00Z',
      [SYSTEM_FIELDS.modified]: '2026-03-02T10:30:00Z',
    })),
  );
  return first;
}

/** `count` things made by `make` from their index. */
export function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index));
}

/** The service on a store at noon UTC on `today`, in England, with the given Engagement team. */
export function aServiceOn(store: Store, today: string, engagementTeamIds: readonly string[] = []): PathwayService {
  return createPathwayService({
    store,
    clock: { now: () => new Date(`${today}T12:00:00Z`) },
    settings: { ...DEFAULT_ONE_TO_ONE_SETTINGS, ...DEFAULT_ROLE_SETTINGS, timeZone: 'Europe/London' },
    access: { engagementTeamIds: [...engagementTeamIds] },
  });
}
