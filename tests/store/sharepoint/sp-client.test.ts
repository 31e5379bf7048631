import { StoreUnavailableError } from '../../../src/domain/errors';
import {
  createSp,
  DEFAULT_RETRY_POLICY,
  isDuplicateValue,
  retryAfterMs,
  retryWaitMs,
  runBatch,
  sharePointFailure,
  toDomainError,
  userAgent,
} from '../../../src/store/sharepoint/sp-client';
import type { SharePointStandIn } from './stand-in/stand-in-server';
import { aProvisionedStandIn, connectionTo, FAST_RETRY } from './support';

let standIn: SharePointStandIn;

beforeAll(async () => {
  standIn = await aProvisionedStandIn();
});

beforeEach(() => {
  standIn.clearFaults();
  standIn.resetCounts();
});

afterAll(async () => {
  await standIn.stop();
});

const webRead = (request: { path: string }) => request.path.startsWith('web?');

describe('Retry-After', () => {
  it('reads whole seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-03-02T10:30:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:30:20 GMT', now)).toBe(20_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:29:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('the wait before a retry', () => {
  const policy = DEFAULT_RETRY_POLICY;
  const now = Date.parse('2026-03-02T10:30:00Z');

  it('is what Retry-After asks for, in seconds or as an HTTP date, up to the cap', () => {
    expect(retryWaitMs(policy, 0, '7', Math.random, now)).toBe(7000);
    expect(retryWaitMs(policy, 0, '3600', Math.random, now)).toBe(policy.maxRetryAfterMs);
    expect(retryWaitMs(policy, 0, 'Mon, 02 Mar 2026 12:30:00 GMT', Math.random, now)).toBe(policy.maxRetryAfterMs);
  });

  it('otherwise doubles with each retry up to the most allowed, half of it random jitter', () => {
    const lowest = [0, 1, 2, 3, 10].map((retry) => retryWaitMs(policy, retry, undefined, () => 0, now));
    const highest = [0, 1, 2, 3, 10].map((retry) => retryWaitMs(policy, retry, undefined, () => 0.999_999, now));
    expect(lowest).toEqual([250, 500, 1000, 2000, policy.maxDelayMs / 2]);
    expect(highest).toEqual([500, 1000, 2000, 4000, policy.maxDelayMs]);
    expect(retryWaitMs(policy, 2, 'soon', () => 0.5, now)).toBe(1500);
  });
});

describe('the retry behaviour', () => {
  it('retries a throttled read, whether Retry-After is in seconds or an HTTP date', async () => {
    standIn.inject({ times: 1, status: 429, retryAfter: '3', match: webRead });
    standIn.inject({ times: 1, status: 503, retryAfter: new Date(Date.now() + 60_000).toUTCString(), match: webRead });
    const sp = createSp(connectionTo(standIn));
    expect(await sp.web.select('Title')()).toMatchObject({ Title: 'Partner Pathway test site' });
    expect(standIn.requests.filter(webRead)).toHaveLength(3);
  });

  it('retries a read whose connection was dropped', async () => {
    standIn.inject({ times: 2, reset: true, match: webRead });
    const sp = createSp(connectionTo(standIn));
    await sp.web.select('Title')();
    expect(standIn.requests.filter(webRead)).toHaveLength(3);
  });

  it('stops after the most attempts allowed and leaves the store unavailable', async () => {
    standIn.inject({ times: 100, status: 503, match: webRead });
    const sp = createSp(connectionTo(standIn, { ...FAST_RETRY, maxAttempts: 4 }));
    const error = await sp.web
      .select('Title')()
      .catch((caught: unknown) => caught);
    expect(sharePointFailure(error)?.status).toBe(503);
    expect(toDomainError(error, 'workstream')).toBeInstanceOf(StoreUnavailableError);
    expect(standIn.requests.filter(webRead)).toHaveLength(4);
  });

  it('says the app has no access to the site when SharePoint answers 403, without retrying', async () => {
    standIn.inject({ times: 1, status: 403, match: webRead });
    const error = await createSp(connectionTo(standIn))
      .web.select('Title')()
      .catch((caught: unknown) => caught);
    const translated = toDomainError(error, 'workstream');
    expect(translated).toBeInstanceOf(StoreUnavailableError);
    expect((translated as Error).message).toContain('Sites.Selected');
    expect(standIn.requests.filter(webRead)).toHaveLength(1);
  });

  it('starts no retry that would overrun the time budget', async () => {
    standIn.inject({ times: 100, status: 429, retryAfter: '1', match: webRead });
    const sp = createSp(connectionTo(standIn, { ...FAST_RETRY, maxRetryAfterMs: 60_000, budgetMs: 500 }));
    await sp.web
      .select('Title')()
      .catch((caught: unknown) => caught);
    expect(standIn.requests.filter(webRead)).toHaveLength(1);
  });

  it('sends a create again after its answer is lost, which the key column then refuses as a duplicate, but never an update', async () => {
    const items = createSp(connectionTo(standIn)).web.lists.getByTitle('PPP Workstreams').items;
    const body = {
      PPPKey: 'lost-answer',
      PPPTitle: 'Lost answer',
      PPPCreatedAt: '2026-03-02T10:30:00Z',
      PPPModifiedAt: '2026-03-02T10:30:00Z',
    };
    standIn.inject({ times: 1, reset: true, afterProcessing: true, match: (request) => request.method === 'POST' });
    const error = await items.add(body).catch((caught: unknown) => caught);
    expect(isDuplicateValue(error)).toBe(true);
    expect(standIn.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    const stored = [...standIn.list('PPP Workstreams').items.values()].filter((item) => item.values.PPPKey === 'lost-answer');
    expect(stored).toHaveLength(1);
    standIn.inject({ times: 1, reset: true, match: (request) => request.method === 'MERGE' });
    await expect(items.getById(stored[0].id).update({ PPPTitle: 'Changed' }, '"1"')).rejects.toBeDefined();
    expect(standIn.requests.filter((request) => request.method === 'MERGE')).toHaveLength(1);
  });

  it('sends again only the throttled parts of a batch', async () => {
    standIn.inject({ times: 1, part: true, status: 429, retryAfter: '1', match: (request) => request.path.includes("'PPP Roles'") });
    const sp = createSp(connectionTo(standIn));
    const lists = ['PPP Workstreams', 'PPP Roles', 'PPP Partners'];
    const results = await runBatch(
      sp,
      FAST_RETRY,
      lists.map((title) => (web) => web.lists.getByTitle(title).select('Title')()),
    );
    expect(results.map((result) => result.ok)).toEqual([true, true, true]);
    expect(standIn.requests.map((request) => request.path)).toEqual(['$batch', '$batch']);
    expect(standIn.operations.map((operation) => operation.path)).toEqual([
      "web/lists/getByTitle('PPP Workstreams')?$select=Title",
      "web/lists/getByTitle('PPP Roles')?$select=Title",
      "web/lists/getByTitle('PPP Partners')?$select=Title",
      "web/lists/getByTitle('PPP Roles')?$select=Title",
    ]);
  });
});

describe('app-only sign-in', () => {
  it('sends a bearer token asked for the site’s host with the .default scope', async () => {
    const scopes: Array<string | string[]> = [];
    const credential = {
      getToken: async (scope: string | string[]) => {
        scopes.push(scope);
        return { token: 'token-for-the-site', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const sp = createSp({ ...connectionTo(standIn), auth: { kind: 'app-only-certificate', credential } });
    await sp.web.select('Title')();
    expect(scopes).toEqual([`${new URL(standIn.siteUrl).origin}/.default`]);
    expect(standIn.requests[0].headers.authorization).toBe('Bearer token-for-the-site');
  });
});

describe('userAgent', () => {
  it('follows NONISV|organisation|app/version, keeping the separator out of the organisation', () => {
    expect(userAgent('NHS West Yorkshire | ICB', '1.4.0')).toBe('NONISV|NHS West Yorkshire   ICB|PartnerPathway/1.4.0');
  });
});
