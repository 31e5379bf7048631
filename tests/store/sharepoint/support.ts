import { SharePointStore, provision, type RetryPolicy, type SharePointConnection } from '../../../src/store/sharepoint';
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
