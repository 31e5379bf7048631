// First: telemetry must be watching before the HTTP modules load.
import { telemetry } from '../server/instrument';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, type SenderCheckOptions } from '../bot';
import { Guidance } from '../content/guidance';
import { ConfigError, loadConfig, type Config } from '../config';
import { seedDemo } from '../demo/seed';
import { createPathwayService, systemClock, type AccessSettings, type Clock, type Store } from '../domain';
import type { KeyValueState, SweepOptions } from '../domain/key-value-state';
import { localLease, type Lease } from '../domain/lease';
import { openBlobLease } from '../store/blob/blob-lease';
import { openBlobState } from '../store/blob/blob-state';
import { openSharePointStore } from '../store/sharepoint';
import { openSqliteStore, type SqliteStore } from '../store/sqlite';
import { openSqliteState } from '../store/sqlite/sqlite-state';
import { createApp } from '../server/app';
import { startupBanner, type DemoData } from '../server/banner';
import { checkReadiness } from '../server/health';
import { atLevel, consoleLogger, errorFields, type Logger } from '../logging/logger';
import { LOCAL_DEVELOPER, PLAYGROUND_USER } from '../server/principal';
import { REMINDERS_PATH, RETENTION_PATH, type JobTrigger } from '../server/job-routes';
import { retentionRun, startRetentionSchedule } from '../server/retention';
import { withTelemetry } from '../server/telemetry';

/** The database metadata entry that records when demo data was seeded. */
export const DEMO_SEEDED_AT = 'demoSeededAt';

/** The blob whose lease elects the instance that runs each scheduled reminders tick. */
export const REMINDERS_LEASE = 'leases/reminders';

/** The blob whose lease elects the instance that applies the retention schedule. */
export const RETENTION_LEASE = 'leases/retention';

/** How often an instance sweeps expired entries (activities handled, reminders sent) out of the bot state. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** How long shutdown waits for requests in flight before cutting their connections. */
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/** Replaced by tests: where log lines go and what time it is. */
export interface StartOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly drainTimeoutMs?: number;
  /** Spacing between bot messages into one conversation; tests shorten it. */
  readonly botPaceMs?: number;
  /** How often the reminders schedule looks at the clock; tests shorten it. */
  readonly reminderCheckEveryMs?: number;
  /** How often the retention schedule looks at the clock; tests shorten it. */
  readonly retentionCheckEveryMs?: number;
  /** How long a reminder being sent stays claimed before another instance may send it; tests shorten it. */
  readonly reminderClaimMs?: number;
  /** Where and for how long the bot checks who sent an activity; tests point it at a stand-in of Bot Framework's signing keys. */
  readonly senderCheck?: SenderCheckOptions;
  /** Demo data put into a SharePoint store before the server started (`npm run start:sharepoint-local` fills its stand-in); the server seeds only the embedded store. */
  readonly demo?: DemoData;
}

/** A server that is listening. */
export interface RunningServer {
  /** Its base address, `http://localhost:<port>`. */
  readonly url: string;
  /** The start-up summary for the console. */
  readonly banner: string;
  /** The store it opened; closed by {@link RunningServer.close}. */
  readonly store: Store;
  /** The bot state it opened; closed by {@link RunningServer.close}. */
  readonly botState: KeyValueState;
  /**
   * Stops accepting connections and lets requests in flight finish (cutting them
   * off after the drain timeout) while it stops the reminders schedule (a run in
   * progress ends after its current reminder and gives the lease back), then closes
   * the bot state and the store. Safe to call more than once.
   */
  close(): Promise<void>;
}

/**
 * The configured Engagement team. On the local development server the tab's local
 * identity and the Agents Playground's default user are in it, so one person can
 * try everything in the tab and in chat.
 */
function accessOf(config: Config): AccessSettings {
  const local = config.identity === 'local-development' ? [LOCAL_DEVELOPER.id, PLAYGROUND_USER.id] : [];
  return { engagementTeamIds: [...config.engagementTeamIds, ...local] };
}

function openStore(config: Config): Store {
  if (config.store.kind === 'sharepoint') return openSharePointStore(config.store);
  return openSqliteStore({ path: config.store.databasePath });
}

/** The leases that elect one instance for each piece of scheduled work. */
interface Leases {
  readonly reminders: Lease;
  readonly retention: Lease;
}

/**
 * The bot's own state and the leases for the scheduled work: in the shared Blob
 * Storage container when one is configured (created if missing), so any instance
 * can take any turn; otherwise in SQLite, for one instance, with no lease needed.
 */
async function openBotState(config: Config, logger: Logger): Promise<{ readonly state: KeyValueState; readonly leases: Leases }> {
  const sweeping: SweepOptions = {
    sweepEveryMs: SWEEP_EVERY_MS,
    onSweep: (outcome) => {
      if ('error' in outcome) logger.error('Expired bot state could not be swept', errorFields(outcome.error));
      else logger.info('Expired bot state swept', { swept: outcome.swept });
    },
  };
  if (config.botState.kind === 'sqlite') {
    logger.info('Bot state in SQLite, for this one instance');
    return {
      state: openSqliteState({ path: config.botState.path }, sweeping),
      leases: { reminders: localLease(), retention: localLease() },
    };
  }
  const state = await openBlobState(config.botState, sweeping);
  logger.info('Bot state in Azure Blob Storage, shared by every instance', { container: config.botState.container });
  const [reminders, retention] = await Promise.all([
    openBlobLease({ ...config.botState, name: REMINDERS_LEASE }),
    openBlobLease({ ...config.botState, name: RETENTION_LEASE }),
  ]);
  return { state, leases: { reminders, retention } };
}

/** Seeds demo data only into a database with no workstreams, and remembers when it did. */
async function prepareDemoData(config: Config, store: SqliteStore, clock: Clock): Promise<DemoData> {
  if (config.seedDemo === 'never') return { state: 'off' };
  const existing = await store.find({ list: 'workstreams', top: 1 });
  if (existing.length > 0) {
    const seededAt = store.getMeta(DEMO_SEEDED_AT);
    return seededAt ? { state: 'present', seededAt } : { state: 'own-data' };
  }
  const summary = await seedDemo({ store, clock, settings: config.pathway, access: accessOf(config) });
  store.setMeta(DEMO_SEEDED_AT, clock.now().toISOString());
  return { state: 'seeded', ...summary };
}

function listen(server: http.Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError([`PORT: ${port} is already in use by another program. Stop that program or set PORT to a free port.`])
          : error,
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/**
 * Stops accepting connections and resolves once every connection has ended.
 * Connections that fall idle after their response are closed as they do;
 * any still busy after `timeoutMs` are cut.
 */
function drain(server: http.Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * The composition root: opens the store (SQLite, creating its folder, or SharePoint) and the
 * bot state (Blob Storage when configured, else SQLite), builds the
 * pathway service, seeds demo data into an empty database when SEED_DEMO=auto,
 * records the induction progress of checklists that have none stored,
 * builds the bot and its adapter, and listens on the configured port: on
 * 127.0.0.1 only while the local development identity is in use, on every
 * interface otherwise. Throws {@link ConfigError} for a port in use.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? consoleLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = openStore(config);
  let botState: KeyValueState | undefined;
  try {
    const { state, leases } = await openBotState(config, logger);
    botState = state;
    const service = createPathwayService({ store, clock, settings: config.pathway, access: accessOf(config) });
    // The server seeds the embedded store only: a SharePoint site holds the organisation's real records.
    const demo: DemoData =
      store.kind === 'sqlite' ? await prepareDemoData(config, store as SqliteStore, clock) : (options.demo ?? { state: 'off' });
    const recorded = await service.induction.recordMissingProgress();
    if (recorded > 0) logger.info('Induction progress recorded for checklists that had none stored', { involvements: recorded });
    const guidance = new Guidance(config.botSettings.guidanceDir, config.botSettings.documents);
    const bot = createBot({
      service,
      guidance,
      state,
      lease: leases.reminders,
      settings: config.botSettings,
      credentials: config.bot,
      teamsAppId: config.teamsAppId,
      timeZone: config.pathway.timeZone,
      clock,
      logger,
      paceMs: options.botPaceMs,
      scheduleEveryMs: options.reminderCheckEveryMs,
      reminderClaimMs: options.reminderClaimMs,
      senderCheck: options.senderCheck,
    });
    const health = () => store.health();
    const readiness = () => checkReadiness({ store: health, botState: { kind: config.botState.kind, state } });
    const retention = retentionRun(service, logger);
    const jobs: JobTrigger[] = [
      {
        path: REMINDERS_PATH,
        run: () => bot.reminders.run(),
        token: config.botSettings.reminders.triggerToken,
        tokenSetting: 'REMINDERS_TOKEN',
        name: 'reminders',
        lease: leases.reminders,
      },
      {
        path: RETENTION_PATH,
        run: retention,
        token: config.retention.triggerToken,
        tokenSetting: 'RETENTION_TOKEN',
        name: 'retention schedule',
        lease: leases.retention,
      },
    ];
    const app = createApp({ service, health, readiness, bot: bot.handler, guidance, jobs, config, logger });
    const server = http.createServer(app);
    const host = config.identity === 'local-development' ? '127.0.0.1' : undefined;
    await listen(server, config.port, host);
    bot.startSchedule();
    const stopRetention = config.retention.schedule
      ? startRetentionSchedule({
          run: retention,
          lease: leases.retention,
          timeZone: config.pathway.timeZone,
          clock,
          logger,
          everyMs: options.retentionCheckEveryMs,
        })
      : undefined;
    const url = `http://localhost:${(server.address() as AddressInfo).port}`;
    let closing: Promise<void> | undefined;
    return {
      url,
      banner: startupBanner({ baseUrl: url, config, host: host ?? 'every interface', demo }),
      store,
      botState: state,
      close() {
        closing ??= Promise.all([drain(server, options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS), bot.stop(), stopRetention?.()])
          .then(() => state.close())
          .then(() => store.close());
        return closing;
      },
    };
  } catch (error) {
    await botState?.close();
    await store.close();
    throw error;
  }
}

/**
 * `node dist/entry/server.js`: starts the server from the environment and, on SIGTERM
 * (App Service stopping or moving the instance) or SIGINT, closes it, sends the
 * telemetry still buffered (when Application Insights is configured) and exits.
 * Tests pass `options` no setting reaches, such as a shorter schedule.
 */
export async function main(options: StartOptions = {}): Promise<void> {
  const config = loadConfig();
  const logger = withTelemetry(consoleLogger(config.logLevel), telemetry && atLevel(config.logLevel, telemetry.logger));
  const running = await startServer(config, { logger, ...options });
  console.log(running.banner);
  if (telemetry) logger.info('Sending telemetry to Application Insights');
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('Shutting down: finishing requests in flight', { signal });
    running
      .close()
      .then(() =>
        telemetry?.shutdown().catch((error: unknown) => logger.warn('Telemetry still buffered could not be sent', errorFields(error))),
      )
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('Shutdown failed', errorFields(error));
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('Partner Pathway could not start:', error);
    process.exit(1);
  });
}
