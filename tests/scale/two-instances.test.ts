import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config';
import { loadBotSettings } from '../../src/config/bot';
import { createPathwayService, systemClock, type Clock, type PathwayService, type Principal } from '../../src/domain';
import type { LogFields, Logger } from '../../src/server/logger';
import { REMINDERS_LEASE, startServer, type RunningServer } from '../../src/server/main';
import { advertisedRole, at, ENGAGEMENT_PRINCIPAL, interested, workstream } from '../bot/arrange';
import { postActivity, startChannelStandIn, type ChannelStandIn } from '../bot/channel-stand-in';
import { button, textOf } from '../bot/transcript-harness';
import { freePort, startAzurite, type Azurite } from '../store/blob/azurite';

const BOT = { id: '28:partner-pathway-bot', name: 'Partner Pathway' };
const USER = { id: '29:jo-bloggs', name: 'Jo Bloggs', aadObjectId: '6a1f0c2e-1d4b-4b52-9c1e-3f0b2a7d5e11' };
const JO: Principal = { id: USER.aadObjectId, name: USER.name, email: '', tenantId: 'tenant' };
const NADIA = { id: '29:nadia-ali', name: ENGAGEMENT_PRINCIPAL.name, aadObjectId: ENGAGEMENT_PRINCIPAL.id };
const TENANT = { id: '0d4e2b7a-5c3f-4a8e-9b61-2f7c8d9e0a1b' };
const PERSONAL_CHAT = { id: 'a:1personal-chat-with-jo', conversationType: 'personal', tenantId: TENANT.id };
const JO_IN_PERSONAL_CHAT = { channelId: 'msteams', from: USER, conversation: PERSONAL_CHAT, recipient: BOT, channelData: { tenant: TENANT } };
const ENGAGEMENT_CHANNEL = '19:engagement@thread.tacv2';
const IN_ENGAGEMENT_CHANNEL = {
  from: NADIA,
  conversation: { id: `${ENGAGEMENT_CHANNEL};messageid=99`, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
  channelData: { tenant: TENANT, teamsChannelId: ENGAGEMENT_CHANNEL },
};
const SETTINGS = { timeZone: 'Europe/London', defaultCadenceWeeks: 8, dueSoonDays: 14, recruitmentLeadWeeks: 8, paidLevels: [4] };
/** The servers' day: a Monday at 10:00 in London, after the reminders hour, so the weekly digest is due too. */
const NOW = new Date('2026-03-02T10:00:00Z');
const DUE_REMINDERS = 6;

interface TimedLine {
  readonly at: number;
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that keeps each line with the time it was written. */
function timedLogger(): Logger & { readonly lines: TimedLine[] } {
  const lines: TimedLine[] = [];
  const record = (message: string, fields: LogFields = {}) => {
    lines.push({ at: Date.now(), message, fields });
  };
  return { lines, info: record, warn: record, error: record };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await sleep(50);
  }
}

let azurite: Azurite;
let channel: ChannelStandIn;
let folder: string;
let activities = 0;

beforeAll(async () => {
  [azurite, channel] = await Promise.all([startAzurite(), startChannelStandIn()]);
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
}, 30_000);
afterAll(async () => {
  await Promise.all([azurite.stop(), channel.close()]);
  fs.rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  channel.sent.length = 0;
  channel.updated.length = 0;
});

/** Two servers on one SQLite file and one blob container, as two App Service instances on SharePoint and Blob Storage. */
async function startInstances(name: string, reminders: 'on' | 'off', clock: Clock = { now: () => NOW }): Promise<Array<RunningServer & { readonly logger: ReturnType<typeof timedLogger> }>> {
  const config = loadConfig({
    DATABASE_PATH: path.join(folder, `${name}.db`),
    SEED_DEMO: 'never',
    BOT_STATE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    BOT_STATE_CONTAINER: name,
  });
  const botSettings = loadBotSettings({ ENGAGEMENT_CHANNEL_ID: ENGAGEMENT_CHANNEL, REMINDERS: reminders });
  const start = async () => {
    const logger = timedLogger();
    const server = await startServer({ ...config, port: 0 }, { logger, clock, botSettings, reminderCheckEveryMs: 200 });
    return Object.assign(server, { logger });
  };
  return [await start(), await start()];
}

function serviceOn(server: RunningServer, date: string): PathwayService {
  return createPathwayService({
    store: server.store,
    clock: { now: () => new Date(`${date}T12:00:00Z`) },
    settings: SETTINGS,
    access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
  });
}

/** Posts an activity to one instance as Teams would (Jo in personal chat unless `activity` says otherwise). */
function post(server: RunningServer, activity: Record<string, unknown>) {
  activities += 1;
  return postActivity(server.url, { id: `scale-${activities}`, serviceUrl: channel.url, ...JO_IN_PERSONAL_CHAT, ...activity });
}

function press(server: RunningServer, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return post(server, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...extra });
}

/** Connects the bot to the Engagement channel and Jo's chat, and makes six reminders due on NOW (as tests/bot/over-http.test.ts). */
async function arrangeDueReminders(server: RunningServer): Promise<void> {
  await post(server, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...IN_ENGAGEMENT_CHANNEL });
  const december = serviceOn(server, '2025-12-01');
  const ws = await workstream(december, 'Maternity', [JO]);
  await post(server, { type: 'message', text: 'help' });
  const role = await advertisedRole(december, ws.id, 'Closing soon', JO, { closingDate: '2026-03-06', startDate: '2026-06-01' });
  await at(december, await interested(december, role.id, 'Asha Long Overdue'), 'Active');
  const january = serviceOn(server, '2026-01-06');
  await at(january, await interested(january, role.id, 'Ben Due Soon'), 'Active');
  const february = serviceOn(server, '2026-02-01');
  await at(february, await interested(february, role.id, 'Cara Induction'), 'Induction');
}

const summaries = () => channel.sent.map((sent) => String(sent.activity.summary ?? sent.activity.text)).sort();

describe('Two instances sharing Blob Storage: any turn on any instance', () => {
  let one: RunningServer;
  let other: RunningServer;
  beforeAll(async () => {
    [one, other] = await startInstances('turns', 'off');
  });
  afterAll(() => Promise.all([one.close(), other.close()]));

  it('keeps the bot state in the container, with nothing in a local file', async () => {
    const blobs: string[] = [];
    await post(one, { type: 'message', text: 'help' });
    for await (const blob of new ContainerClient(azurite.connectionString, 'turns').listBlobsFlat()) blobs.push(decodeURIComponent(blob.name));
    expect(blobs).toEqual(expect.arrayContaining([`reference:conversation:${PERSONAL_CHAT.id}`, `reference:user:${JO.id}`, 'leases/reminders']));
    expect(blobs.some((name) => name.startsWith(`seen:${PERSONAL_CHAT.id}:`))).toBe(true);
    const database = new Database(path.join(folder, 'turns.db'), { readonly: true });
    expect(database.prepare(`SELECT "name" FROM "sqlite_master" WHERE "name" = 'bot_state'`).all()).toEqual([]);
    database.close();
  });

  it('a conversation whose turns alternate between the instances goes on as on one: workstream chosen, role planned, question relayed and answered', async () => {
    const service = serviceOn(one, '2026-03-02');
    const maternity = await workstream(service, 'Maternity services', [JO]);
    await workstream(service, 'Mental health', [JO]);
    await post(other, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...IN_ENGAGEMENT_CHANNEL });

    await post(one, { type: 'message', text: 'plan a role' });
    expect(channel.sent.at(-1)?.activity.summary).toBe('Which workstream is this?');

    const chosen = await press(other, 'workstream.choose', { workstreamId: String(maternity.id) });
    expect(textOf(chosen.body.value)).toContain('This conversation works on **Maternity services**.');
    // The command waiting for the choice resumes; it shows the roles, whose button opens the form.
    expect(channel.sent.at(-1)?.activity.summary).toBe('Open roles');
    await press(one, 'role.new', button(channel.sent.at(-1)?.activity.attachments[0].content, 'role.new'));
    expect(channel.sent.at(-1)?.activity.summary).toBe('Plan a role');
    const form = channel.sent.at(-1)?.activity.attachments[0].content;

    const saved = await press(other, 'role.save', { ...button(form, 'role.save'), title: 'Antenatal classes partner' });
    expect(textOf(saved.body.value)).toContain('Still needed before this role can be Ready');
    const roles = await other.store.find({ list: 'roles' });
    expect(roles.filter((role) => role.title === 'Antenatal classes partner').map((role) => role.workstreamId)).toEqual([maternity.id]);

    await post(one, { type: 'message', text: 'ask' });
    expect(channel.sent.at(-1)?.activity.text).toBe('What would you like to ask the Engagement team? Type your question and I will pass it on.');
    await post(other, { type: 'message', text: 'Can partners claim taxi fares to the hospital?' });
    expect(channel.sent.at(-1)?.activity.text).toBe('I have passed your question to the Engagement team. Their answer will come back here.');
    const question = channel.sent.find((sent) => sent.conversationId === ENGAGEMENT_CHANNEL)?.activity.attachments[0].content;

    const answered = await press(one, 'ask.answer', { ...button(question, 'ask.answer'), answer: 'Yes, with a receipt.' }, IN_ENGAGEMENT_CHANNEL);
    expect(textOf(answered.body.value)).toContain('Answered by Nadia Ali: Yes, with a receipt.');
    expect(channel.sent.at(-1)).toMatchObject({ conversationId: PERSONAL_CHAT.id });
    expect(channel.sent.at(-1)?.activity.text).toContain('Yes, with a receipt.');
  });

  it('the same activity delivered to both instances at once is handled once', async () => {
    const activity = { id: 'delivered-twice', type: 'message', text: 'help' };
    await Promise.all([post(one, activity), post(other, activity)]);
    expect(channel.sent).toHaveLength(1);
  });

  it('reminders triggered on both instances at once send each reminder exactly once', async () => {
    await arrangeDueReminders(one);
    channel.sent.length = 0;
    const runs = await Promise.all([one, other].map(async (server) => (await fetch(`${server.url}/api/reminders/run`, { method: 'POST' })).json()));
    expect(runs.map((run) => run.due)).toEqual([DUE_REMINDERS, DUE_REMINDERS]);
    expect(runs[0].sent + runs[1].sent).toBe(DUE_REMINDERS);
    expect(runs[0].alreadySent + runs[1].alreadySent).toBe(DUE_REMINDERS);
    expect(channel.sent).toHaveLength(DUE_REMINDERS);
    expect(new Set(summaries()).size).toBe(DUE_REMINDERS);
  }, 30_000);
});

describe('Two instances ticking on a schedule: one runs each tick, and a crashed holder is taken over', () => {
  it('while a crashed holder still has the lease both skip; once it expires one instance runs and sends each reminder once', async () => {
    const container = new ContainerClient(azurite.connectionString, 'ticks');
    await container.createIfNotExists();
    const leaseBlob = container.getBlockBlobClient(REMINDERS_LEASE);
    await leaseBlob.upload('', 0);
    // An instance that took the lease and then crashed: it never renews nor releases it.
    await leaseBlob.getBlobLeaseClient().acquireLease(15);
    const crashedAt = Date.now();

    const [one, other] = await startInstances('ticks', 'on');
    try {
      await arrangeDueReminders(one);
      channel.sent.length = 0;
      await sleep(1500);
      expect(channel.sent).toEqual([]);
      const skipped = (server: typeof one) => server.logger.lines.filter((line) => line.message === 'Scheduled reminders skipped: another instance holds the lease');
      expect(skipped(one).length).toBeGreaterThan(0);
      expect(skipped(other).length).toBeGreaterThan(0);

      await until(() => channel.sent.length >= DUE_REMINDERS, 25_000);
      expect(channel.sent[0].at - crashedAt).toBeGreaterThanOrEqual(14_000);
      await sleep(1500);
      expect(channel.sent).toHaveLength(DUE_REMINDERS);
      expect(new Set(summaries()).size).toBe(DUE_REMINDERS);

      const runs = [one, other].flatMap((server) => server.logger.lines.filter((line) => line.message === 'Reminders run'));
      expect(runs.reduce((total, run) => total + Number(run.fields.sent), 0)).toBe(DUE_REMINDERS);
      const tookOver = runs.find((run) => Number(run.fields.sent) > 0);
      // The run lasts seconds (messages to Jo are a second apart), and the other instance's ticks meanwhile are skipped.
      const ranOn = one.logger.lines.includes(tookOver as TimedLine) ? one : other;
      const waiting = ranOn === one ? other : one;
      expect(skipped(waiting).some((line) => line.at > crashedAt + 15_000)).toBe(true);
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  }, 45_000);
});

describe('An instance killed in the middle of a reminders run', () => {
  const built = path.join(os.tmpdir(), `scale-build-${process.pid}`);
  beforeAll(() => {
    execFileSync(path.resolve('node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', built]);
  }, 60_000);
  afterAll(() => fs.rmSync(built, { recursive: true, force: true }));

  it('is never followed by a second send: what it claimed stays claimed, and the other instance sends the rest once', async () => {
    // The killed instance runs on the real clock, so the survivor does too.
    const [survivor, spare] = await startInstances('killed', 'off', systemClock);
    const port = await freePort();
    const doomed = spawn(process.execPath, [path.join(built, 'server/main.js')], {
      env: {
        PATH: process.env.PATH,
        // The build is outside the checkout; its packages are the checkout's.
        NODE_PATH: path.resolve('node_modules'),
        PORT: String(port),
        DATABASE_PATH: path.join(folder, 'killed.db'),
        SEED_DEMO: 'never',
        BOT_STATE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        BOT_STATE_CONTAINER: 'killed',
        ENGAGEMENT_CHANNEL_ID: ENGAGEMENT_CHANNEL,
        REMINDERS: 'off',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    try {
      await arrangeDueReminders(survivor);
      channel.sent.length = 0;
      const doomedUrl = `http://localhost:${port}`;
      await until(async () => (await fetch(`${doomedUrl}/healthz`).catch(() => undefined))?.ok === true, 15_000);
      void fetch(`${doomedUrl}/api/reminders/run`, { method: 'POST' }).catch(() => undefined);
      await until(() => channel.sent.length >= 2, 15_000);
      doomed.kill('SIGKILL');
      const sentBeforeKill = summaries();

      const run = await (await fetch(`${survivor.url}/api/reminders/run`, { method: 'POST' })).json();
      expect(run.due).toBeGreaterThan(sentBeforeKill.length);
      expect(run.alreadySent).toBeGreaterThanOrEqual(sentBeforeKill.length);
      expect(new Set(summaries()).size).toBe(channel.sent.length);
      // A reminder claimed but not yet delivered when the instance died is not sent again: at most once, never twice.
      expect(channel.sent.length).toBeGreaterThanOrEqual(run.due - 1);
    } finally {
      doomed.kill('SIGKILL');
      await Promise.all([survivor.close(), spare.close()]);
    }
  }, 60_000);
});
