import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createPathwayService, type Clock, type PathwayService, type Principal } from '../../src/domain';
import type { LogFields, Logger } from '../../src/logging/logger';
import { startServer, type RunningServer, type StartOptions } from '../../src/entry/server';
import { advertisedRole, at, ENGAGEMENT_PRINCIPAL, interested, workstream } from '../bot/arrange';
import { postActivity, startChannelStandIn, type ChannelStandIn } from '../bot/channel-stand-in';
import { freePort, startAzurite, type Azurite } from '../store/blob/azurite';
import { until } from '../wait';

export const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
const USER = { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' };
export const JO: Principal = { id: USER.aadObjectId, name: USER.name, email: '', tenantId: 'tenant' };
const NADIA = { id: '29:nadia-ali', name: ENGAGEMENT_PRINCIPAL.name, aadObjectId: ENGAGEMENT_PRINCIPAL.id };
const TENANT = { id: '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b' };
export const PERSONAL_CHAT = { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT.id };
const JO_IN_PERSONAL_CHAT = {
  channelId: 'msteams',
  from: USER,
  conversation: PERSONAL_CHAT,
  recipient: BOT,
  channelData: { tenant: TENANT },
};
export const ENGAGEMENT_CHANNEL = '19:engagement@thread.tacv2';
export const IN_ENGAGEMENT_CHANNEL = {
  from: NADIA,
  conversation: { id: `${ENGAGEMENT_CHANNEL};messageid=99`, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
  channelData: { tenant: TENANT, teamsChannelId: ENGAGEMENT_CHANNEL },
};
export const SETTINGS = { timeZone: 'Europe/London', defaultCadenceWeeks: 8, dueSoonDays: 14, recruitmentLeadWeeks: 8, paidLevels: [4] };
/** The servers' day: a Monday at 10:00 in London, after the reminders hour, so the weekly digest is due too. */
export const NOW = new Date('2026-03-02T10:00:00Z');
/** What {@link arrangeDueReminders} makes due on NOW. */
export const DUE_REMINDERS = 6;
/** The claim on a reminder being sent, shortened from two minutes so a takeover can be watched. */
export const SHORT_CLAIM_MS = 3_000;

export interface TimedLine {
  readonly at: number;
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that keeps each line with the time it was written. */
export function timedLogger(): Logger & { readonly lines: TimedLine[] } {
  const lines: TimedLine[] = [];
  const record = (message: string, fields: LogFields = {}) => {
    lines.push({ at: Date.now(), message, fields });
  };
  return { lines, info: record, warn: record, error: record };
}

export type Instance = RunningServer & { readonly logger: ReturnType<typeof timedLogger> };

/** What every scale test shares: one Azurite, one channel stand-in and a folder for the SQLite files, for the whole test file. */
export interface ScaleWorld {
  readonly azurite: Azurite;
  readonly channel: ChannelStandIn;
  readonly folder: string;
  /** Server instances, as several App Service instances on SharePoint and Blob Storage: one SQLite file and one blob container per `name`. */
  startInstances(
    name: string,
    count: number,
    options: {
      readonly reminders: 'on' | 'off';
      readonly reminderHour?: number;
      readonly clock?: Clock;
      /** Where the instances reach Blob Storage, when not straight at Azurite (through a {@link faultyLink}, say). */
      readonly connectionString?: string;
    } & StartOptions,
  ): Promise<Instance[]>;
  /** Posts an activity to one instance as Teams would (Jo in personal chat unless `activity` says otherwise). */
  post(server: RunningServer, activity: Record<string, unknown>): ReturnType<typeof postActivity>;
  /** Connects the bot to the Engagement channel and Jo's chat, and makes {@link DUE_REMINDERS} reminders due on NOW. */
  arrangeDueReminders(server: RunningServer): Promise<void>;
  /** The summaries of the messages sent, sorted. */
  summaries(): string[];
  /** The settings of a server started as its own process, as App Service would (see {@link startProcess}). */
  processEnv(name: string, port: number): NodeJS.ProcessEnv;
}

/** A service over one instance's store whose today is `date`, for arranging records in the past. */
export function serviceOn(server: RunningServer, date: string): PathwayService {
  return createPathwayService({
    store: server.store,
    clock: { now: () => new Date(`${date}T12:00:00Z`) },
    settings: SETTINGS,
    access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
  });
}

/** Starts Azurite and the channel stand-in before the file's tests and stops them after; the channel is emptied before each test. */
export function scaleWorld(): ScaleWorld {
  let azurite: Azurite;
  let channel: ChannelStandIn;
  let folder: string;
  let activities = 0;
  beforeAll(async () => {
    [azurite, channel] = await Promise.all([startAzurite(), startChannelStandIn()]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
  });
  afterAll(async () => {
    await Promise.all([azurite.stop(), channel.close()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    channel.sent.length = 0;
    channel.updated.length = 0;
  });

  const world: ScaleWorld = {
    get azurite() {
      return azurite;
    },
    get channel() {
      return channel;
    },
    get folder() {
      return folder;
    },
    async startInstances(name, count, { reminders, reminderHour = 9, clock = { now: () => NOW }, connectionString, ...options }) {
      const config = loadConfig({
        DATABASE_PATH: path.join(folder, `${name}.db`),
        SEED_DEMO: 'never',
        BOT_STATE_STORAGE_CONNECTION_STRING: connectionString ?? azurite.connectionString,
        BOT_STATE_CONTAINER: name,
        ENGAGEMENT_CHANNEL_ID: ENGAGEMENT_CHANNEL,
        REMINDERS: reminders,
        REMINDER_HOUR: String(reminderHour),
      });
      const instances: Instance[] = [];
      for (let i = 0; i < count; i += 1) {
        const logger = timedLogger();
        const server = await startServer({ ...config, port: 0 }, { logger, clock, reminderCheckEveryMs: 200, ...options });
        instances.push(Object.assign(server, { logger }));
      }
      return instances;
    },
    post(server, activity) {
      activities += 1;
      return postActivity(server.url, { id: `scale-${activities}`, serviceUrl: channel.url, ...JO_IN_PERSONAL_CHAT, ...activity });
    },
    async arrangeDueReminders(server) {
      await world.post(server, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...IN_ENGAGEMENT_CHANNEL });
      const december = serviceOn(server, '2025-12-01');
      const ws = await workstream(december, 'Maternity', [JO]);
      await world.post(server, { type: 'message', text: 'help' });
      const role = await advertisedRole(december, ws.id, 'Closing soon', JO, { closingDate: '2026-03-06', startDate: '2026-06-01' });
      await at(december, await interested(december, role.id, 'Asha Long Overdue'), 'Active');
      const january = serviceOn(server, '2026-01-06');
      await at(january, await interested(january, role.id, 'Ben Due Soon'), 'Active');
      const february = serviceOn(server, '2026-02-01');
      await at(february, await interested(february, role.id, 'Cara Induction'), 'Induction');
    },
    summaries: () => channel.sent.map((sent) => String(sent.activity.summary ?? sent.activity.text)).sort(),
    processEnv: (name, port) => ({
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_PATH: path.join(folder, `${name}.db`),
      SEED_DEMO: 'never',
      BOT_STATE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      BOT_STATE_CONTAINER: name,
      ENGAGEMENT_CHANNEL_ID: ENGAGEMENT_CHANNEL,
      REMINDERS: 'off',
      LOG_LEVEL: 'silent',
    }),
  };
  return world;
}

/** The server compiled by tsc into a temporary folder before the file's tests, so a test can run it as its own process. */
export function builtServer(): { readonly folder: string } {
  const built = { folder: path.join(os.tmpdir(), `scale-build-${process.pid}`) };
  beforeAll(() => {
    execFileSync(path.resolve('node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', built.folder]);
  });
  afterAll(() => fs.rmSync(built.folder, { recursive: true, force: true }));
  return built;
}

/**
 * Runs the built server as its own process on a free port, with the settings of
 * {@link ScaleWorld.processEnv} and `env` on top: `node dist/entry/server.js` as App
 * Service does, or, given `script`, that script with `built(file)` requiring a file
 * of the build (to pass start options no setting reaches). Resolves once it answers
 * `/healthz`.
 */
export async function startProcess(
  world: ScaleWorld,
  built: { readonly folder: string },
  name: string,
  { script, env = {} }: { readonly script?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<{ readonly child: ChildProcess; readonly url: string }> {
  const port = await freePort();
  const args =
    script === undefined
      ? [path.join(built.folder, 'entry/server.js')]
      : ['-e', `const built = (file) => require(${JSON.stringify(built.folder)} + '/' + file);\n${script}`];
  // The build is outside the checkout; its packages are the checkout's.
  const child = spawn(process.execPath, args, {
    env: { ...world.processEnv(name, port), ...env, NODE_PATH: path.resolve('node_modules') },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  await until(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true);
  return { child, url };
}
