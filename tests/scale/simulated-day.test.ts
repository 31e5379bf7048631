import { loadConfig } from '../../src/config';
import { createPathwayService } from '../../src/domain';
import { advertisedRole, at, ENGAGEMENT_PRINCIPAL, interested, workstream } from '../bot/arrange';
import { DUE_REMINDERS, JO, scaleWorld, serviceOn, SETTINGS, type Instance } from './support';
import { sleep, until } from '../wait';

const world = scaleWorld();

/** Monday 2 March 2026 in London (GMT, so UTC), from midnight in half hours. */
const MIDNIGHT = Date.parse('2026-03-02T00:00:00Z');
const STEP_MS = 30 * 60 * 1000;
const STEPS = 48;
/** Real time each simulated half hour before 09:00 lasts, for a reminder that must not go to have its chance: every instance ticks (every 100 ms) a few times in it. */
const QUIET_STEP_MS = 400;
const hourOf = (step: number) => (step * STEP_MS) / (60 * 60 * 1000);

describe('Three instances ticking through a day of simulated time on one clock', () => {
  it("send every reminder exactly once, each from the first tick at or after its time: none before 09:00, the morning's at 09:00, one that falls due at 14:00 soon after", async () => {
    let now = new Date(MIDNIGHT);
    const instances = await world.startInstances('day', 3, {
      reminders: 'on',
      clock: { now: () => now },
      reminderCheckEveryMs: 100,
      botPaceMs: 5,
    });
    try {
      await world.arrangeDueReminders(instances[0]);
      world.channel.sent.length = 0;
      const sentBy: number[] = [];
      const runCount = () => instances.reduce((count, instance) => count + linesOf(instance, 'Reminders run').length, 0);
      for (let step = 0; step < STEPS; step += 1) {
        now = new Date(MIDNIGHT + step * STEP_MS);
        if (hourOf(step) === 14) await partnerOverdueFrom(instances[1]);
        if (hourOf(step) < 9) {
          await sleep(QUIET_STEP_MS);
        } else {
          // Runs never overlap (the lease, and one tick at a time per instance), so of two runs ending after the clock moved, the second began after it.
          const before = runCount();
          await until(() => runCount() >= before + 2);
        }
        sentBy.push(world.channel.sent.length);
      }

      expect(sentBy.slice(0, 18)).toEqual(new Array(18).fill(0));
      expect(sentBy[18]).toBe(DUE_REMINDERS);
      expect(sentBy[27]).toBe(DUE_REMINDERS);
      expect(sentBy[28]).toBeGreaterThan(DUE_REMINDERS);
      expect(sentBy.at(-1)).toBe(sentBy[28]);

      const due = await createPathwayService({
        store: instances[0].store,
        clock: { now: () => now },
        settings: SETTINGS,
        access: { engagementTeamIds: [ENGAGEMENT_PRINCIPAL.id] },
      }).worklists.reminders(loadConfig({}).botSettings.reminders);
      expect(world.channel.sent).toHaveLength(due.length);
      expect(new Set(world.summaries()).size).toBe(due.length);
      expect(world.summaries().filter((summary) => summary.includes('Dan Late'))).not.toEqual([]);

      const runs = instances.flatMap((instance) => linesOf(instance, 'Reminders run'));
      expect(runs.reduce((total, line) => total + Number(line.fields.sent), 0)).toBe(due.length);
      // Every instance ticked, and each tick ran on one of them while the others skipped it.
      for (const instance of instances)
        expect(
          linesOf(instance, 'Reminders run').length +
            linesOf(instance, 'Scheduled reminders skipped: another instance holds the lease').length,
        ).toBeGreaterThan(0);
      expect(runs.length).toBeGreaterThan(STEPS - 18);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });
});

function linesOf(instance: Instance, message: string) {
  return instance.logger.lines.filter((line) => line.message === message);
}

/** A partner active since December with no one-to-one yet, in a second workstream: overdue from the moment they are recorded. */
async function partnerOverdueFrom(instance: Instance): Promise<void> {
  const december = serviceOn(instance, '2025-12-01');
  const ws = await workstream(december, 'Mental health', [JO]);
  const role = await advertisedRole(december, ws.id, 'Peer support', JO, { closingDate: '2026-06-30', startDate: '2026-09-01' });
  await at(december, await interested(december, role.id, 'Dan Late Starter'), 'Active');
}
