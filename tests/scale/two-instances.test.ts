import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import Database from 'better-sqlite3';
import { REMINDERS_LEASE, type RunningServer } from '../../src/entry/server';
import { workstream } from '../bot/arrange';
import { button, textOf } from '../bot/transcript-harness';
import {
  BOT,
  DUE_REMINDERS,
  ENGAGEMENT_CHANNEL,
  IN_ENGAGEMENT_CHANNEL,
  JO,
  PERSONAL_CHAT,
  scaleWorld,
  serviceOn,
  type Instance,
  type TimedLine,
} from './support';
import { sleep, until } from '../wait';

const world = scaleWorld();
const post = (server: RunningServer, activity: Record<string, unknown>) => world.post(server, activity);
const press = (server: RunningServer, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  post(server, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...extra });

describe('Two instances sharing Blob Storage: any turn on any instance', () => {
  let one: RunningServer;
  let other: RunningServer;
  beforeAll(async () => {
    [one, other] = await world.startInstances('turns', 2, { reminders: 'off' });
  });
  afterAll(() => Promise.all([one.close(), other.close()]));

  it('keeps the bot state in the container, with nothing in a local file', async () => {
    const blobs: string[] = [];
    await post(one, { type: 'message', text: 'help' });
    for await (const blob of new ContainerClient(world.azurite.connectionString, 'turns').listBlobsFlat())
      blobs.push(decodeURIComponent(blob.name));
    expect(blobs).toEqual(
      expect.arrayContaining([`reference:conversation:${PERSONAL_CHAT.id}`, `reference:user:${JO.id}`, 'leases/reminders']),
    );
    expect(blobs.some((name) => name.startsWith(`seen:${PERSONAL_CHAT.id}:`))).toBe(true);
    const database = new Database(path.join(world.folder, 'turns.db'), { readonly: true });
    expect(database.prepare(`SELECT "name" FROM "sqlite_master" WHERE "name" = 'bot_state'`).all()).toEqual([]);
    database.close();
  });

  it('a conversation whose turns alternate between the instances goes on as on one: workstream chosen, role planned, question relayed and answered', async () => {
    const service = serviceOn(one, '2026-03-02');
    const maternity = await workstream(service, 'Maternity services', [JO]);
    await workstream(service, 'Mental health', [JO]);
    await post(other, { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...IN_ENGAGEMENT_CHANNEL });

    await post(one, { type: 'message', text: 'plan a role' });
    expect(world.channel.sent.at(-1)?.activity.summary).toBe('Which workstream is this?');

    const chosen = await press(other, 'workstream.choose', { workstreamId: String(maternity.id) });
    expect(textOf(chosen.body.value)).toContain('This conversation works on **Maternity services**.');
    // The command waiting for the choice resumes on the instance that took the choice: the form.
    expect(world.channel.sent.at(-1)?.activity.summary).toBe('Plan a role');
    const form = world.channel.sent.at(-1)?.activity.attachments[0].content;

    const saved = await press(other, 'role.save', { ...button(form, 'role.save'), title: 'Antenatal classes partner' });
    expect(textOf(saved.body.value)).toContain('Still needed before this role can be Ready');
    const roles = await other.store.find({ list: 'roles' });
    expect(roles.filter((role) => role.title === 'Antenatal classes partner').map((role) => role.workstreamId)).toEqual([maternity.id]);

    await post(one, { type: 'message', text: 'ask' });
    expect(world.channel.sent.at(-1)?.activity.text).toBe(
      'What would you like to ask the Engagement team? Type your question and I will pass it on.',
    );
    await post(other, { type: 'message', text: 'Can partners claim taxi fares to the hospital?' });
    expect(world.channel.sent.at(-1)?.activity.text).toBe(
      'I have passed your question to the Engagement team. Their answer will come back here.',
    );
    const question = world.channel.sent.find((sent) => sent.conversationId === ENGAGEMENT_CHANNEL)?.activity.attachments[0].content;

    const answered = await press(
      one,
      'ask.answer',
      { ...button(question, 'ask.answer'), answer: 'Yes, with a receipt.' },
      IN_ENGAGEMENT_CHANNEL,
    );
    expect(textOf(answered.body.value)).toContain('Answered by Nadia Ali: Yes, with a receipt.');
    expect(world.channel.sent.at(-1)).toMatchObject({ conversationId: PERSONAL_CHAT.id });
    expect(world.channel.sent.at(-1)?.activity.text).toContain('Yes, with a receipt.');
  });

  it('the same activity delivered to both instances at once is handled once', async () => {
    const activity = { id: 'delivered-twice', type: 'message', text: 'help' };
    await Promise.all([post(one, activity), post(other, activity)]);
    expect(world.channel.sent).toHaveLength(1);
  });

  it('a card press delivered to both instances at once, and again after it was answered, is done once and every delivery answers with the card', async () => {
    const ws = await workstream(serviceOn(one, '2026-03-02'), 'Twice pressed', [JO]);
    const chat = { conversation: { ...PERSONAL_CHAT, id: 'a:1another-chat-with-jo' } };
    await press(one, 'workstream.choose', { workstreamId: String(ws.id) }, chat);
    await post(other, { type: 'message', text: 'plan a role', ...chat });
    const form = world.channel.sent.at(-1)?.activity.attachments[0].content;
    const save = { id: 'pressed-twice', type: 'invoke', name: 'adaptiveCard/action', ...chat };
    const value = { action: { type: 'Action.Execute', verb: 'role.save', data: { ...button(form, 'role.save'), title: 'Pressed twice' } } };

    const answers = await Promise.all([post(one, { ...save, value }), post(other, { ...save, value })]);
    const retried = await post(other, { ...save, value });

    for (const answer of [...answers, retried]) {
      expect(answer.status).toBe(200);
      expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(textOf(answer.body.value)).toContain('Still needed before this role can be Ready');
    }
    const roles = await one.store.find({ list: 'roles', where: { workstreamId: ws.id } });
    expect(roles.map((role) => role.title)).toEqual(['Pressed twice']);
  });

  it('reminders triggered on both instances at once: one run sends each reminder once; the other caller, and the Engagement team asking meanwhile, are told a run is in progress', async () => {
    await world.arrangeDueReminders(one);
    world.channel.sent.length = 0;
    const triggered = Promise.all(
      [one, other].map(async (server) => {
        const response = await fetch(`${server.url}/api/reminders/run`, { method: 'POST' });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
      }),
    );
    // While that run is spacing its messages, the Engagement team asks for a run in their channel on either instance.
    await until(() => world.channel.sent.length > 0);
    await post(other, { type: 'message', text: 'send reminders', ...IN_ENGAGEMENT_CHANNEL });
    const told = world.channel.sent.find((sent) => sent.activity.text?.startsWith('The reminders are being sent just now'));
    expect(told?.activity.text).toBe(
      'The reminders are being sent just now by another run, so I started nothing. That run sends everything that is due; ask again once it has finished if you want to be sure.',
    );
    world.channel.sent.splice(world.channel.sent.indexOf(told as (typeof world.channel.sent)[number]), 1);
    const answers = await triggered;
    const ran = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(ran.map((answer) => answer.body)).toEqual([
      expect.objectContaining({ due: DUE_REMINDERS, sent: DUE_REMINDERS, alreadySent: 0 }),
    ]);
    expect(refused).toEqual([
      {
        status: 409,
        retryAfter: '60',
        body: {
          error: {
            code: 'run-in-progress',
            message:
              'A run of the reminders is already in progress (on this instance or another), so this call started nothing. That run does what is due; try again once it has finished.',
          },
        },
      },
    ]);
    expect(world.channel.sent).toHaveLength(DUE_REMINDERS);
    expect(new Set(world.summaries()).size).toBe(DUE_REMINDERS);
  });
});

describe('Two instances ticking on a schedule: one runs each tick, and a crashed holder is taken over', () => {
  it('while a crashed holder still has the lease both skip; once it expires one instance runs and sends each reminder once', async () => {
    const container = new ContainerClient(world.azurite.connectionString, 'ticks');
    await container.createIfNotExists();
    const leaseBlob = container.getBlockBlobClient(REMINDERS_LEASE);
    await leaseBlob.upload('', 0);
    // An instance that took the lease and then crashed: it never renews nor releases it.
    await leaseBlob.getBlobLeaseClient().acquireLease(15);
    const crashedAt = Date.now();

    const [one, other] = await world.startInstances('ticks', 2, { reminders: 'on' });
    try {
      await world.arrangeDueReminders(one);
      world.channel.sent.length = 0;
      const skipped = (server: Instance) =>
        server.logger.lines.filter((line) => line.message === 'Scheduled reminders skipped: another instance holds the lease');
      // Both tick and find the lease held; nothing goes out until it expires.
      await until(() => skipped(one).length > 0 && skipped(other).length > 0);

      await until(() => world.channel.sent.length >= DUE_REMINDERS);
      expect(world.channel.sent.every((sent) => sent.at - crashedAt >= 14_000)).toBe(true);
      await sleep(1500);
      expect(world.channel.sent).toHaveLength(DUE_REMINDERS);
      expect(new Set(world.summaries()).size).toBe(DUE_REMINDERS);

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
  });
});
