import { loadConfig } from '../../src/config';
import { createPathwayService, type PathwayService } from '../../src/domain';
import { localLease } from '../../src/domain/lease';
import { startServer, type RunningServer } from '../../src/entry/server';
import { startRetentionSchedule } from '../../src/server/retention';
import { advertisedRole, ENGAGEMENT_PRINCIPAL, interested, workstream } from '../bot/arrange';
import { LEAD_PRINCIPAL } from '../bot/transcript-harness';
import { until } from '../wait';
import { recordingLogger } from './support';

const SETTINGS = { timeZone: 'Europe/London', defaultCadenceWeeks: 8, dueSoonDays: 14, recruitmentLeadWeeks: 8, paidLevels: [4] };
const TOKEN = 'a-long-random-token-for-the-retention-tests';

/** A clock the test moves by hand. */
function movableClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

/** A partner whose only involvement was not progressed on the service's day. */
async function closedPartner(service: PathwayService): Promise<number> {
  const ws = await workstream(service);
  const role = await advertisedRole(service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', startDate: '2026-09-01' });
  const involvement = await interested(service, role.id, 'Samira Patel');
  await service.involvements.notProgress(LEAD_PRINCIPAL, {
    involvementId: involvement.id,
    version: involvement.version,
    reason: 'Chose another role',
  });
  return involvement.partnerId;
}

describe('the retention schedule runs in the server, apart from the bot and its reminders', () => {
  let server: RunningServer | undefined;
  afterEach(() => server?.close());

  it('with REMINDERS=off, erases a partner once the retention period has passed, and logs the count without a name', async () => {
    const clock = movableClock('2026-01-06T10:00:00Z');
    const logger = recordingLogger();
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', REMINDERS: 'off' });
    server = await startServer({ ...config, port: 0 }, { logger, clock, retentionCheckEveryMs: 20 });
    const service = createPathwayService({
      store: server.store,
      clock,
      settings: SETTINGS,
      access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
    });
    const partnerId = await closedPartner(service);
    clock.set('2032-01-07T10:00:00Z');
    await until(() => logger.lines.some((line) => line.message === 'Retention schedule run' && line.fields.erased === 1));
    expect((await server.store.get('partners', partnerId))?.fullName).toBe(`Erased partner ${partnerId}`);
    expect(JSON.stringify(logger.lines)).not.toContain('Samira');
    expect(logger.lines.map((line) => line.message)).not.toContain('Reminders run');
  });

  it('POST /api/retention/run erases at once on the local development server, and answers with the count', async () => {
    const clock = movableClock('2026-01-06T10:00:00Z');
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', RETENTION_SCHEDULE: 'off', REMINDERS: 'off' });
    server = await startServer({ ...config, port: 0 }, { logger: recordingLogger(), clock });
    const service = createPathwayService({
      store: server.store,
      clock,
      settings: SETTINGS,
      access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
    });
    const partnerId = await closedPartner(service);
    const [involvement] = await server.store.find({ list: 'involvements', where: { partnerId } });
    const claim = await service.claims.create(LEAD_PRINCIPAL, {
      involvementId: involvement.id,
      activityDate: '2026-01-05',
      description: 'Travel to the informal chat',
      expenses: [{ kind: 'Public transport', amountPence: 480, receiptHeld: true }],
    });
    const early = await fetch(`${server.url}/api/retention/run`, { method: 'POST' });
    expect(await early.json()).toEqual({ erased: 0, claimsDeleted: 0 });
    clock.set('2032-01-07T10:00:00Z');
    const due = await fetch(`${server.url}/api/retention/run`, { method: 'POST' });
    expect(due.status).toBe(200);
    expect(await due.json()).toEqual({ erased: 1, claimsDeleted: 0 });
    expect((await server.store.get('partners', partnerId))?.fullName).toBe(`Erased partner ${partnerId}`);
    // The claim's financial year ended on 31 March 2026: it is kept until 31 March 2032, and deleted the day after.
    clock.set('2032-03-31T10:00:00Z');
    expect(await (await fetch(`${server.url}/api/retention/run`, { method: 'POST' })).json()).toEqual({ erased: 0, claimsDeleted: 0 });
    clock.set('2032-04-01T10:00:00Z');
    expect(await (await fetch(`${server.url}/api/retention/run`, { method: 'POST' })).json()).toEqual({ erased: 0, claimsDeleted: 1 });
    expect(await server.store.get('claims', claim.id)).toBeUndefined();
    expect((await fetch(`${server.url}/api/retention/run`)).status).toBe(405);
  });

  it('with RETENTION_TOKEN, refuses a call without the token (401) and runs with it', async () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', RETENTION_TOKEN: TOKEN, REMINDERS: 'off' });
    server = await startServer({ ...config, port: 0 }, { logger: recordingLogger() });
    const refused = await fetch(`${server.url}/api/retention/run`, { method: 'POST', headers: { Authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { code: 'unauthorised', message: 'Send the token as "Authorization: Bearer <RETENTION_TOKEN>".' },
    });
    expect((await fetch(`${server.url}/api/retention/run`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
  });

  it('off the local development server, refuses every call until RETENTION_TOKEN is set (403)', async () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:', SEED_DEMO: 'never', LOCAL_IDENTITY: 'false', REMINDERS: 'off' });
    server = await startServer({ ...config, port: 0 }, { logger: recordingLogger() });
    const refused = await fetch(`${server.url}/api/retention/run`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'retention-token-not-set',
        message: 'Set RETENTION_TOKEN on the server to let a scheduler start the retention schedule.',
      },
    });
  });
});

describe('the in-process retention schedule', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it("runs once a day in the organisation's time zone, and again the next day", async () => {
    const clock = movableClock('2026-06-15T10:00:00Z');
    const runs: string[] = [];
    const stop = startRetentionSchedule({
      run: async () => {
        runs.push(clock.now().toISOString());
        return { erased: 0, claimsDeleted: 0 };
      },
      lease: localLease(),
      timeZone: 'Europe/London',
      clock,
      logger: recordingLogger(),
      everyMs: 1000,
    });
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toEqual(['2026-06-15T10:00:00.000Z']);
    // 23:30 UTC in June is already the next day in London.
    clock.set('2026-06-15T23:30:00Z');
    await jest.advanceTimersByTimeAsync(5000);
    await stop();
    expect(runs).toEqual(['2026-06-15T10:00:00.000Z', '2026-06-15T23:30:00.000Z']);
  });

  it('logs a failed run and tries again at the next check', async () => {
    const logger = recordingLogger();
    let attempts = 0;
    const stop = startRetentionSchedule({
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('store down');
        return { erased: 0, claimsDeleted: 0 };
      },
      lease: localLease(),
      timeZone: 'Europe/London',
      clock: movableClock('2026-06-15T10:00:00Z'),
      logger,
      everyMs: 1000,
    });
    await jest.advanceTimersByTimeAsync(5000);
    await stop();
    expect(attempts).toBe(2);
    expect(logger.lines.map((line) => line.message)).toEqual(['The retention schedule could not run; it is tried again at the next check']);
  });
});
