import { BotMemory } from '../../src/bot/pathway/memory';
import type { Messenger } from '../../src/bot/pathway/messenger';
import { ReminderRunner } from '../../src/bot/reminders/reminder-runner';
import { hourIn, startReminderSchedule } from '../../src/bot/reminders/reminder-schedule';
import { localLease } from '../../src/domain/lease';
import type { LogFields } from '../../src/logging/logger';
import { advertisedRole, at, interested, workstream } from './arrange';
import { ENGAGEMENT_CHANNEL, LEAD_PRINCIPAL, textOf, Transcript, WINDOWS } from './transcript-harness';

let t: Transcript;
let logged: Array<{ message: string; fields: LogFields }>;
let runner: ReminderRunner;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeEach(async () => {
  // 2026-01-06 is a Tuesday: no digest unless a test moves to a Monday.
  t = await Transcript.start('2026-01-06');
  logged = [];
  const record = (message: string, fields: LogFields = {}) => logged.push({ message, fields });
  runner = t.reminderRunner({ info: record, warn: record, error: record });
});
afterEach(() => t.close());

/** An active partner of the lead whose next one-to-one is due 8 weeks after today (2026-03-03). */
async function activePartner(name = 'Maya Jones') {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', startDate: '2026-09-01' });
  return at(t.service, await interested(t.service, role.id, name), 'Active');
}

const titles = () => t.messenger.sent.map((sent) => ('card' in sent.reply ? sent.reply.summary : sent.reply.text));
/** The reminders other than the Monday digest, for tests on days that happen to be Mondays. */
const besidesDigest = () => titles().filter((title) => !title.startsWith('Your partners this week'));

describe('Proactive reminders', () => {
  it('a one-to-one due within 7 days / the named contact is reminded once, however often the reminders run', async () => {
    await activePartner();
    t.clock.goTo('2026-02-24');
    expect(await runner.run()).toMatchObject({ due: 1, sent: 1 });
    expect(await runner.run()).toMatchObject({ due: 1, sent: 0, alreadySent: 1 });
    expect(t.messenger.sent).toEqual([
      { to: { userId: 'aad-priya' }, reply: expect.objectContaining({ summary: 'One-to-one coming up: Maya Jones' }) },
    ]);
    expect(textOf((t.messenger.sent[0].reply as { card: object }).card)).toContain('due on Tuesday 3 March 2026');
  });

  it('a one-to-one 8 days away / no reminder yet', async () => {
    await activePartner();
    t.clock.goTo('2026-02-23');
    await runner.run();
    expect(besidesDigest()).toEqual([]);
  });

  it('a one-to-one 13 days overdue / the owner is told, the Engagement team is not', async () => {
    await activePartner();
    t.clock.goTo('2026-03-16');
    await runner.run();
    expect(besidesDigest()).toEqual(['One-to-one overdue: Maya Jones']);
    expect(t.messenger.sent.map((sent) => sent.to)).not.toContainEqual({ teamsChannelId: ENGAGEMENT_CHANNEL });
  });

  it('a one-to-one 14 days overdue / the Engagement team is told as well', async () => {
    await activePartner();
    t.clock.goTo('2026-03-17');
    await runner.run();
    expect(t.messenger.sent.map((sent) => sent.to)).toEqual([{ userId: 'aad-priya' }, { teamsChannelId: ENGAGEMENT_CHANNEL }]);
    expect(titles()[1]).toBe('One-to-one 14 days overdue: Maya Jones');
  });

  it('a one-to-one held after a reminder / the next due date gets its own reminder in time', async () => {
    const involvement = await activePartner();
    t.clock.goTo('2026-03-04');
    await runner.run();
    await t.service.oneToOnes.recordHeld(LEAD_PRINCIPAL, { involvementId: involvement.id, date: '2026-03-04' });
    t.clock.goTo('2026-04-25');
    await runner.run();
    expect(titles()).toEqual(['One-to-one overdue: Maya Jones', 'One-to-one coming up: Maya Jones']);
  });

  it('an induction with nothing ticked for 14 days / the owner is nudged; at 13 days they are not', async () => {
    const ws = await workstream(t.service);
    const role = await advertisedRole(t.service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', startDate: '2026-09-01' });
    await at(t.service, await interested(t.service, role.id), 'Induction');
    t.clock.goTo('2026-01-19');
    await runner.run();
    expect(besidesDigest()).toEqual([]);
    t.clock.goTo('2026-01-20');
    await runner.run();
    expect(besidesDigest()).toEqual(['Induction waiting: Maya Jones']);
  });

  it('an advertised role closing in 7 days / its lead is reminded', async () => {
    const ws = await workstream(t.service);
    await advertisedRole(t.service, ws.id, 'Digital partner', LEAD_PRINCIPAL, { closingDate: '2026-01-13', startDate: '2026-06-01' });
    await runner.run();
    expect(titles()).toEqual(['Closing in 7 days: Digital partner']);
  });

  it('on a Monday / each named contact gets a digest of their partners', async () => {
    await activePartner('Maya Jones');
    t.clock.goTo('2026-02-23');
    await runner.run();
    expect(titles()).toEqual(['Your partners this week (Monday 23 February 2026)']);
    expect(textOf((t.messenger.sent[0].reply as { card: object }).card)).toContain('1 partner with you as named contact');
  });

  it('an owner the bot cannot reach yet / the reminder is not marked sent, and goes out once they can be reached', async () => {
    await activePartner();
    t.clock.goTo('2026-02-24');
    t.messenger.reachable = false;
    expect(await runner.run()).toMatchObject({ sent: 0, unreachable: 1 });
    t.messenger.reachable = true;
    expect(await runner.run()).toMatchObject({ sent: 1, unreachable: 0 });
  });

  it('a reminder claimed by a sender that died before delivering it / sent by the first run after the claim expires, then never again', async () => {
    await activePartner();
    t.clock.goTo('2026-02-24');
    // Only the clock the claims expire by is moved by hand; nothing here waits on real time.
    jest.useFakeTimers({
      now: new Date('2026-02-24T09:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    try {
      const shortClaims = new BotMemory(t.state, 100);
      const dead = await shortClaims.claimReminder((await t.service.worklists.reminders(WINDOWS))[0].key);
      expect(dead).toBeDefined();
      const taking = t.reminderRunner(quiet, { memory: shortClaims });
      expect(await taking.run()).toMatchObject({ sent: 0, alreadySent: 1 });
      jest.setSystemTime(Date.now() + 150);
      expect(await taking.run()).toMatchObject({ sent: 1, alreadySent: 0 });
      jest.setSystemTime(Date.now() + 150);
      expect(await taking.run()).toMatchObject({ sent: 0, alreadySent: 1 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('stopped during a run / ends after the reminder it is sending, and runs asked for afterwards send nothing', async () => {
    await activePartner('Maya Jones');
    await activePartner('Omar Ali');
    t.clock.goTo('2026-03-17');
    let stopped: Promise<void> | undefined;
    // Shutdown arrives while the first reminder is being delivered.
    const stoppingMessenger: Messenger = {
      send: (to, reply) => {
        stopped ??= stopping.stop();
        return t.messenger.send(to, reply);
      },
    };
    const stopping = t.reminderRunner(quiet, { messenger: stoppingMessenger });
    expect(await stopping.run()).toMatchObject({ due: 4, sent: 1 });
    await stopped;
    expect(await stopping.run()).toMatchObject({ due: 0, sent: 0 });
    expect(await runner.run()).toMatchObject({ due: 4, sent: 3, alreadySent: 1 });
  });

  it('logs counts, by kind, never the names in the reminders', async () => {
    await activePartner('Samira Patel');
    t.clock.goTo('2026-03-17');
    expect((await runner.run()).sentByKind).toEqual({ 'one-to-one-overdue': 1, 'one-to-one-escalated': 1 });
    expect(logged).toEqual([
      {
        message: 'Reminders run',
        fields: {
          due: 2,
          sent: 2,
          alreadySent: 0,
          unreachable: 0,
          failed: 0,
          'sent.one-to-one-overdue': 1,
          'sent.one-to-one-escalated': 1,
        },
      },
    ]);
    expect(JSON.stringify(logged)).not.toContain('Samira');
  });

  it('"today" is the organisation\'s: the day after the clocks go forward, 23:30 UTC is already tomorrow in London', async () => {
    t.clock.goTo('2026-02-02');
    await activePartner();
    // Due Monday 30 March 2026, the day after British Summer Time starts.
    t.clock.set('2026-03-30T22:59:00Z');
    await runner.run();
    expect(besidesDigest()).toEqual(['One-to-one coming up: Maya Jones']);
    t.clock.set('2026-03-30T23:30:00Z');
    await runner.run();
    expect(besidesDigest()).toEqual(['One-to-one coming up: Maya Jones', 'One-to-one overdue: Maya Jones']);
  });

  it("the schedule reads the hour in the organisation's time zone, summer time included", () => {
    expect(hourIn('Europe/London', new Date('2026-01-15T08:30:00Z'))).toBe(8);
    expect(hourIn('Europe/London', new Date('2026-06-15T08:30:00Z'))).toBe(9);
  });

  describe('the in-process schedule', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
    afterEach(() => jest.useRealTimers());

    it('runs the reminders only from the configured hour in London', async () => {
      const runs: string[] = [];
      let now = new Date('2026-06-15T07:30:00Z');
      const stop = startReminderSchedule({
        run: async () => runs.push(now.toISOString()),
        lease: localLease(),
        timeZone: 'Europe/London',
        hour: 9,
        clock: { now: () => now },
        logger: quiet,
        everyMs: 1000,
      });
      await jest.advanceTimersByTimeAsync(3000);
      expect(runs).toEqual([]);
      now = new Date('2026-06-15T08:00:00Z');
      await jest.advanceTimersByTimeAsync(3000);
      await stop();
      expect(runs).toEqual(['2026-06-15T08:00:00.000Z', '2026-06-15T08:00:00.000Z', '2026-06-15T08:00:00.000Z']);
    });

    it('skips a tick, and says so, while another instance holds the lease', async () => {
      const runs: number[] = [];
      const lines: string[] = [];
      const stop = startReminderSchedule({
        run: async () => runs.push(1),
        lease: { runIfFree: async () => ({ ran: false }) },
        timeZone: 'Europe/London',
        hour: 0,
        clock: { now: () => new Date('2026-06-15T10:00:00Z') },
        logger: { ...quiet, info: (message) => lines.push(message) },
        everyMs: 1000,
      });
      await jest.advanceTimersByTimeAsync(1000);
      await stop();
      expect(runs).toEqual([]);
      expect(lines).toEqual(['Scheduled reminders skipped: another instance holds the lease']);
    });
  });
});
