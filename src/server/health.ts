import type { RequestHandler } from 'express';
import type { StoreHealth } from '../domain';
import type { KeyValueState } from '../domain/key-value-state';

/** How long readiness waits for a dependency: App Service's health check gives up on a slow answer. */
const DEFAULT_TIMEOUT_MS = 5_000;

/** The key readiness reads from the bot state; nothing is ever stored under it. */
const PROBE_KEY = 'readiness-probe';

/** One dependency as readiness sees it; `reason` says in plain words why it is not ready. */
export interface DependencyReadiness {
  readonly kind: string;
  readonly ok: boolean;
  readonly reason?: string;
}

/** Whether this instance can take traffic: the store and the bot state both answer. */
export interface Readiness {
  readonly ok: boolean;
  readonly store: DependencyReadiness;
  readonly botState?: DependencyReadiness;
}

/** What readiness checks: the store's own health and, when given, the bot state (SQLite or Blob Storage). */
export interface ReadinessChecks {
  readonly store: () => Promise<StoreHealth>;
  readonly botState?: { readonly kind: 'sqlite' | 'blob'; readonly state: KeyValueState };
  readonly timeoutMs?: number;
}

/** Resolves `work`'s outcome, or `{ ok: false }` with `reason` when it fails or outlasts `timeoutMs`. */
async function withinTime(work: Promise<DependencyReadiness>, kind: string, timeoutMs: number): Promise<DependencyReadiness> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DependencyReadiness>((resolve) => {
    timer = setTimeout(() => resolve({ kind, ok: false, reason: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
  });
  // The reason is fixed text: an adapter's error message may name the account or the site.
  const failed = work.catch((): DependencyReadiness => ({ kind, ok: false, reason: 'not reachable' }));
  try {
    return await Promise.race([failed, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks both dependencies at once, each bounded by the timeout. The store reports
 * its own kind and, when unhealthy, its detail (site or file and an HTTP status,
 * never credentials); the bot state is read at a key that is never written.
 */
export async function checkReadiness(checks: ReadinessChecks): Promise<Readiness> {
  const timeoutMs = checks.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const store = withinTime(
    checks
      .store()
      .then((health) => (health.ok ? { kind: health.kind, ok: true } : { kind: health.kind, ok: false, reason: health.detail })),
    'store',
    timeoutMs,
  );
  const { botState } = checks;
  const state =
    botState &&
    withinTime(
      botState.state.read(PROBE_KEY).then(() => ({ kind: botState.kind, ok: true })),
      botState.kind,
      timeoutMs,
    );
  const [storeReadiness, stateReadiness] = await Promise.all([store, state]);
  return {
    ok: storeReadiness.ok && (stateReadiness?.ok ?? true),
    store: storeReadiness,
    ...(stateReadiness ? { botState: stateReadiness } : {}),
  };
}

/** `GET /readyz`: 200 `{ status: 'ready', ... }` or 503 `{ status: 'not-ready', ... }` with each dependency and why. */
export function readinessHandler(readiness: () => Promise<Readiness>): RequestHandler {
  return async (_req, res) => {
    const { ok, ...dependencies } = await readiness();
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', ...dependencies });
  };
}
