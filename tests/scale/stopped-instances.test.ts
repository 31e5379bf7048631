import type { ChildProcess } from 'node:child_process';
import { ContainerClient } from '@azure/storage-blob';
import { StoreUnavailableError, systemClock } from '../../src/domain';
import { REMINDERS_LEASE } from '../../src/entry/server';
import { sleep, until } from '../wait';
import { builtServer, scaleWorld, SHORT_CLAIM_MS, startProcess, type Instance } from './support';

const world = scaleWorld();
const built = builtServer();

const SKIPPED = 'Scheduled reminders skipped: another instance holds the lease';
const linesOf = (instance: Instance, message: string) => instance.logger.lines.filter((line) => line.message === message);
const run = async (url: string) => (await fetch(`${url}/api/reminders/run`, { method: 'POST' })).json();
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
/** Resolves once at least `count` messages were sent and none for `quietMs`: the sender is waiting to space its next one. */
const sentThenQuiet = (count: number, quietMs = 300) =>
  until(() => world.channel.sent.length >= count && Date.now() - (world.channel.sent.at(-1)?.at ?? 0) > quietMs);

/** Takes the reminders lease at once, as another instance would: refused (409) while anyone holds it. */
async function leaseIsFree(container: string): Promise<boolean> {
  const lease = new ContainerClient(world.azurite.connectionString, container).getBlockBlobClient(REMINDERS_LEASE).getBlobLeaseClient();
  try {
    await lease.acquireLease(15);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 409) return false;
    throw error;
  }
  await lease.releaseLease();
  return true;
}

/**
 * Due reminders arranged through an in-process instance (schedule off), then the built
 * server started as its own process through `main` with the schedule on from midnight,
 * ticking every 200 ms and spacing messages 1.5 s apart: it takes the lease and sends.
 * `options` adds start options to the call.
 */
async function holderWithDueReminders(name: string, options = '') {
  const [arranger] = await world.startInstances(name, 1, { reminders: 'off', clock: systemClock });
  await world.arrangeDueReminders(arranger);
  world.channel.sent.length = 0;
  const holder = await startProcess(world, built, name, {
    env: { REMINDERS: 'on', REMINDER_HOUR: '0' },
    script: `built('entry/server.js').main({ reminderCheckEveryMs: 200, botPaceMs: 1500${options} });`,
  });
  return { arranger, holder };
}

describe('The lease holder SIGKILLed in the middle of a scheduled reminders run (a separate process, on the real clock)', () => {
  it('still sends each due reminder exactly once: once its lease expires another instance sends the rest, the one it claimed but never delivered included', async () => {
    const { arranger, holder: doomed } = await holderWithDueReminders('killed', `, reminderClaimMs: ${SHORT_CLAIM_MS}`);
    let survivor: Instance | undefined;
    try {
      // Two delivered and recorded; the next claimed and waiting to be spaced from the last.
      await sentThenQuiet(2);
      [survivor] = await world.startInstances('killed', 1, {
        reminders: 'on',
        reminderHour: 0,
        clock: systemClock,
        reminderClaimMs: SHORT_CLAIM_MS,
      });
      await until(() => linesOf(survivor as Instance, SKIPPED).length > 0);
      doomed.child.kill('SIGKILL');
      await exited(doomed.child);
      const sentBeforeKill = world.channel.sent.length;
      const killedAt = Date.now();

      await until(() => linesOf(survivor as Instance, 'Reminders run').length > 0);
      const [takeover] = linesOf(survivor, 'Reminders run');
      expect(Number(takeover.fields.due)).toBeGreaterThan(sentBeforeKill + 1);
      // What the killed holder recorded stays sent; what it only claimed is sent now.
      expect(takeover.fields).toMatchObject({ alreadySent: sentBeforeKill, sent: Number(takeover.fields.due) - sentBeforeKill });
      // The lease (30 s, renewed every 10 s) outlives its holder by 20 s or more; until then every tick is skipped.
      expect(world.channel.sent[sentBeforeKill].at - killedAt).toBeGreaterThanOrEqual(15_000);
      expect(world.channel.sent).toHaveLength(Number(takeover.fields.due));
      expect(new Set(world.summaries()).size).toBe(Number(takeover.fields.due));
    } finally {
      doomed.child.kill('SIGKILL');
      await Promise.all([arranger.close(), survivor?.close()]);
    }
  });
});

describe('An instance stopped with SIGTERM in the middle of a scheduled reminders run (a separate process)', () => {
  it('finishes the reminder in flight, records it, gives the lease back, closes its stores and exits 0; another instance sends the rest once', async () => {
    const { arranger: other, holder: stopping } = await holderWithDueReminders('drained');
    try {
      await sentThenQuiet(2);
      const exit = exited(stopping.child);
      stopping.child.kill('SIGTERM');
      expect(await exit).toBe(0);
      const sentByStopped = world.channel.sent.length;
      expect(await leaseIsFree('drained')).toBe(true);
      await sleep(500);
      expect(world.channel.sent).toHaveLength(sentByStopped);

      // Every reminder it sent was recorded as sent, none left claimed: the rest go at once, each once.
      const rest = await run(other.url);
      expect(rest.alreadySent).toBe(sentByStopped);
      expect(rest.sent).toBe(rest.due - sentByStopped);
      expect(rest.sent).toBeGreaterThan(0);
      expect(new Set(world.summaries()).size).toBe(rest.due);
      expect(world.channel.sent).toHaveLength(rest.due);
    } finally {
      stopping.child.kill('SIGKILL');
      await other.close();
    }
  });

  it('in process: close() stops the schedule, gives the lease back and closes the bot state and the store', async () => {
    const [server] = await world.startInstances('closed', 1, { reminders: 'on', reminderCheckEveryMs: 50 });
    await until(() => server.logger.lines.some((line) => line.message === 'Reminders run'));
    await server.close();
    const linesAtClose = server.logger.lines.length;
    expect(await leaseIsFree('closed')).toBe(true);
    await expect(server.botState.read('anything')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(server.store.health()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(fetch(`${server.url}/readyz`)).rejects.toThrow();
    await sleep(300);
    expect(server.logger.lines).toHaveLength(linesAtClose);
  });
});
