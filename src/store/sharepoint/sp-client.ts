import type { TokenCredential } from '@azure/identity';
import { delay, type TimelinePipe } from '@pnp/core';
import { DefaultParse, InjectHeaders, parseBinderWithErrorCheck, parseODataJSON, type Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs/index.js';
import '@pnp/sp/lists/index.js';
import '@pnp/sp/items/index.js';
import '@pnp/sp/fields/index.js';
import '@pnp/sp/views/index.js';
import '@pnp/sp/security/list.js';
import '@pnp/sp/batching.js';
import type { IWeb } from '@pnp/sp/webs/index.js';
import { ConflictError, NotFoundError, RefusedError, StoreUnavailableError } from '../../domain/errors';

/**
 * How patient requests are. Retries cover 429 and 503 (SharePoint did not do the
 * work), and 504, timeouts and dropped connections for requests that are safe to
 * repeat; they wait for `Retry-After` (seconds or an HTTP date, capped), otherwise
 * back off exponentially with jitter, all within a total time budget per request.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest wait a `Retry-After` can ask for. */
  readonly maxRetryAfterMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  readonly budgetMs: number;
  /** Each attempt is abandoned after this long. */
  readonly timeoutMs: number;
}

/** The defaults for a server talking to SharePoint Online. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  budgetMs: 180_000,
  timeoutMs: 60_000,
};

/** How requests prove who is calling. `none` is for a local stand-in of SharePoint only. */
export type SharePointAuth = { readonly kind: 'app-only-certificate'; readonly credential: TokenCredential } | { readonly kind: 'none' };

/** Everything needed to talk to one SharePoint site. */
export interface SharePointConnection {
  /** The site's absolute URL, `https://contoso.sharepoint.com/sites/partner-pathway`. */
  readonly siteUrl: string;
  readonly auth: SharePointAuth;
  /** Microsoft asks for `NONISV|<organisation>|<app>/<version>`; see {@link userAgent}. */
  readonly userAgent: string;
  readonly retry?: Partial<RetryPolicy>;
}

/** The decorated User-Agent Microsoft asks of applications calling SharePoint Online. */
export function userAgent(organisation: string, version: string): string {
  const clean = organisation.replace(/[|\r\n]/g, ' ').trim();
  return `NONISV|${clean}|PartnerPathway/${version}`;
}

/** What a failed SharePoint call said: HTTP status, SharePoint's error code and its message. */
export interface SharePointFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** The status and SharePoint error of a failed request, or undefined for anything else (a bug, a network error). */
export function sharePointFailure(error: unknown): SharePointFailure | undefined {
  if (typeof error !== 'object' || error === null || (error as { isHttpRequestError?: unknown }).isHttpRequestError !== true)
    return undefined;
  const { status, message } = error as { status: number; message: string };
  const body = message.slice(message.indexOf('::>') + 3).trim();
  try {
    const parsed = JSON.parse(body) as {
      'odata.error'?: { code?: string; message?: { value?: string } };
      error?: { code?: string; message?: { value?: string } };
    };
    const detail = parsed['odata.error'] ?? parsed.error;
    return { status, code: detail?.code ?? '', message: detail?.message?.value ?? '' };
  } catch (parseError) {
    if (!(parseError instanceof SyntaxError)) throw parseError;
    return { status, code: '', message: body };
  }
}

/** True when SharePoint answered that a list does not exist (the site is not provisioned), rather than an item. */
export function isMissingList(failure: SharePointFailure): boolean {
  return failure.status === 404 && /^List '.*' does not exist/.test(failure.message);
}

/** True when SharePoint refused a value because a unique column already holds it. */
export function isDuplicateValue(error: unknown): boolean {
  return /SPDuplicateValuesFoundException/.test(sharePointFailure(error)?.code ?? '');
}

/** Whether SharePoint refused a read because its filter's first indexed condition matches more than the list view threshold. */
export function isPastThreshold(error: unknown): boolean {
  return /SPQueryThrottledException/.test(sharePointFailure(error)?.code ?? '');
}

/**
 * The one translation of SharePoint failures into domain errors: 412 is a
 * conflict ("changed by someone else"), 404 not found (or, for a missing list,
 * a site not provisioned yet: unavailable), 401 and 403 (the app has no access to
 * the site: unavailable, saying so), throttling, server errors
 * and network failures leave the store unavailable, and a query SharePoint refuses
 * at its list view threshold is refused with code `too-many-items`. Anything else (a 400 for a
 * request this app built wrongly) is a bug and is rethrown as it is.
 */
export function toDomainError(error: unknown, itemName: string, id?: number): unknown {
  const failure = sharePointFailure(error);
  if (failure?.status === 412) return new ConflictError(itemName);
  if (failure?.status === 401 || failure?.status === 403) {
    const refused = new StoreUnavailableError(
      'Partner Pathway is not allowed into its SharePoint site. An administrator needs to grant the app access to the site (Sites.Selected); nothing was changed.',
    );
    refused.cause = error;
    return refused;
  }
  if (failure && isMissingList(failure)) {
    const unavailable = new StoreUnavailableError(
      'The SharePoint site does not have the Partner Pathway lists yet. An administrator needs to run npm run provision; nothing was changed.',
    );
    unavailable.cause = error;
    return unavailable;
  }
  if (isPastThreshold(error)) {
    return new RefusedError(
      'too-many-items',
      'This search covers more items than SharePoint will look through at once. Narrow it down (by workstream, say) and try again.',
    );
  }
  if (failure?.status === 404 && id !== undefined) return new NotFoundError(itemName, id);
  if (!failure || failure.status === 429 || failure.status >= 500) {
    if (failure === undefined && !isNetworkError(error)) return error;
    const unavailable = new StoreUnavailableError();
    unavailable.cause = error;
    return unavailable;
  }
  return error;
}

/** Recognised by shape, not `instanceof`: fetch's errors may come from another realm (jest runs tests in one). */
function isNetworkError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'TypeError' || name === 'AbortError' || name === 'TimeoutError';
}

/** A wait asked for by `Retry-After`, in milliseconds, or undefined when there is none or it cannot be read. */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (0 for the first): what `Retry-After`
 * asks for (seconds or an HTTP date), capped at `maxRetryAfterMs`; without one,
 * exponential backoff capped at `maxDelayMs`, of which a random half is jitter so
 * that instances throttled together do not come back together. `random` is in [0, 1).
 */
export function retryWaitMs(
  policy: RetryPolicy,
  retry: number,
  retryAfter: string | null | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const UNSAFE_BATCH_LINE = /^(MERGE|DELETE|PATCH|PUT) /m;
const BATCH_POST_LINE = /^POST (\S+) HTTP\/1\.1$/gm;
const ITEMS_PATH = /\/items\/?(\?.*)?$/i;

/**
 * Whether repeating a request that may have reached SharePoint is harmless: reads,
 * and creates of list items (every list has a unique key column, so a repeated
 * create is refused and the adapter finds the earlier item). Updates and deletes
 * are not repeated after a lost answer, nor are batches that hold them.
 */
function safeToRepeat(url: string, init: RequestInit): boolean {
  const headers = new Headers(init.headers);
  const method = (headers.get('X-HTTP-Method') ?? init.method ?? 'GET').toUpperCase();
  if (method === 'GET') return true;
  if (method !== 'POST') return false;
  const path = new URL(url).pathname;
  if (/\/_api\/\$batch$/i.test(path)) {
    const body = typeof init.body === 'string' ? init.body : '';
    if (UNSAFE_BATCH_LINE.test(body)) return false;
    return [...body.matchAll(BATCH_POST_LINE)].every((match) => ITEMS_PATH.test(match[1]));
  }
  return ITEMS_PATH.test(path);
}

/**
 * The send behaviour: fetch with a per-attempt timeout and the retries of
 * {@link RetryPolicy}. It replaces PnPjs's own (two retries, no cap, POSTs repeated blindly).
 */
export function RetryingFetch(policy: RetryPolicy): TimelinePipe<Queryable> {
  return (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit): Promise<Response> => {
      const started = Date.now();
      const href = url.toString();
      const repeatable = safeToRepeat(href, init);
      for (let attempt = 1; ; attempt += 1) {
        const last = attempt >= policy.maxAttempts;
        let response: Response;
        try {
          response = await fetch(href, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
        } catch (error) {
          const wait = retryWaitMs(policy, attempt - 1, undefined);
          if (!repeatable || last || Date.now() - started + wait > policy.budgetMs) throw error;
          await delay(wait);
          continue;
        }
        const retryable = response.status === 429 || response.status === 503 || (response.status === 504 && repeatable);
        if (!retryable || last) return response;
        const wait = retryWaitMs(policy, attempt - 1, response.headers.get('Retry-After'));
        if (Date.now() - started + wait > policy.budgetMs) return response;
        await response.arrayBuffer();
        await delay(wait);
      }
    });
    return instance;
  };
}

/** The authentication behaviour for app-only access with a certificate: a bearer token for the site's host. */
function AppOnlyCertificate(credential: TokenCredential, siteUrl: string): TimelinePipe<Queryable> {
  const scope = `${new URL(siteUrl).origin}/.default`;
  return (instance) => {
    instance.on.auth.replace(async (url: URL, init: RequestInit) => {
      const token = await credential.getToken(scope);
      if (!token)
        throw new StoreUnavailableError(
          'SharePoint sign-in failed: no token was issued for the app. Check the app registration and its certificate.',
        );
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token.token}` };
      return [url, init];
    });
    return instance;
  };
}

/** The fully resolved retry policy of a connection. */
export function retryPolicyOf(connection: SharePointConnection): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...connection.retry };
}

/**
 * The one place PnPjs is configured: every request to the site goes through
 * these behaviours (default headers and init, the User-Agent, authentication,
 * {@link RetryingFetch} and JSON parsing).
 */
export function createSp(connection: SharePointConnection): SPFI {
  const behaviours: Array<TimelinePipe<Queryable>> = [
    DefaultHeaders(),
    DefaultInit(),
    InjectHeaders({ 'User-Agent': connection.userAgent }),
    RetryingFetch(retryPolicyOf(connection)),
    DefaultParse(),
  ];
  if (connection.auth.kind === 'app-only-certificate') behaviours.push(AppOnlyCertificate(connection.auth.credential, connection.siteUrl));
  return spfi(connection.siteUrl).using(...(behaviours as TimelinePipe[]));
}

/** The most items SharePoint returns in one page of a read. */
export const MAX_PAGE_SIZE = 5000;

/** One page of items and the link to the next page, if there is one. */
export interface Page {
  readonly items: Array<Readonly<Record<string, unknown>>>;
  readonly next?: string;
}

/** The parse behaviour for reads of items: one page, keeping the link to the next page that PnPjs's default parser drops. */
export function PageParse(): TimelinePipe<Queryable> {
  return parseBinderWithErrorCheck(async (response): Promise<Page> => {
    const json = (await response.json()) as Record<string, unknown>;
    const next = (json['odata.nextLink'] ?? (json.d as { __next?: string } | undefined)?.__next) as string | undefined;
    return { items: parseODataJSON(json) as Page['items'], next: next || undefined };
  });
}

/** The outcome of one part of a batch. */
export type PartResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Runs requests as one `$batch` (more when there are many) and answers each
 * part's outcome. SharePoint answers a throttled part inside a successful batch
 * with its own 429 or 503, which PnPjs does not retry: those parts alone are sent
 * again in a new batch, after their Retry-After or a backoff, within the policy.
 * A failure of the whole batch rejects.
 */
export async function runBatch<T>(
  sp: SPFI,
  policy: RetryPolicy,
  parts: ReadonlyArray<(web: IWeb) => Promise<T>>,
): Promise<Array<PartResult<T>>> {
  const results: Array<PartResult<T> | undefined> = parts.map(() => undefined);
  let pending = parts.map((_, index) => index);
  const started = Date.now();
  for (let round = 0; pending.length > 0; round += 1) {
    const [web, execute] = sp.web.batched({ maxRequests: 100 });
    const settled = pending.map((index) =>
      parts[index](web).then(
        (value): PartResult<T> => ({ ok: true, value }),
        (error: unknown): PartResult<T> => ({ ok: false, error }),
      ),
    );
    await execute();
    const outcomes = await Promise.all(settled);
    const again: number[] = [];
    let wait = 0;
    outcomes.forEach((outcome, position) => {
      const index = pending[position];
      const status = outcome.ok ? undefined : sharePointFailure(outcome.error)?.status;
      if (status === 429 || status === 503) {
        again.push(index);
        const response = (outcome as { error: { response?: Response } }).error.response;
        wait = Math.max(wait, retryWaitMs(policy, round, response?.headers.get('Retry-After')));
      }
      results[index] = outcome;
    });
    if (again.length === 0 || round + 2 > policy.maxAttempts || Date.now() - started + wait > policy.budgetMs) break;
    await delay(wait);
    pending = again;
  }
  return results as Array<PartResult<T>>;
}
