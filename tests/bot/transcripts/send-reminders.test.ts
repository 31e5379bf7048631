import { sendRemindersCapability } from '../../../src/bot/capabilities/send-reminders/send-reminders-handler';
import type { TurnScope } from '../../../src/bot/pathway/turn';
import { advertisedRole, at, interested, workstream } from '../arrange';
import { button, ENGAGEMENT, LEAD_PRINCIPAL, NADIA, PERSONAL, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  // A Tuesday, so no weekly digest is due.
  t = await Transcript.start('2026-01-06');
});
afterEach(() => t.close());

/** Two active partners of the lead: on 2026-02-24 one one-to-one is coming up and one is overdue. */
async function dueAndOverdue() {
  const ws = await workstream(t.service);
  const role = await advertisedRole(t.service, ws.id, undefined, LEAD_PRINCIPAL, { closingDate: '2026-06-30', startDate: '2026-09-01' });
  await at(t.service, await interested(t.service, role.id, 'Maya Jones'), 'Active');
  t.clock.goTo('2025-12-20');
  await at(t.service, await interested(t.service, role.id, 'Sam Patel'), 'Active');
  t.clock.goTo('2026-02-24');
}

describe('Send reminders on demand', () => {
  it('the Engagement team says "send reminders" in their channel / the due reminders go out and the reply counts them by kind', async () => {
    await dueAndOverdue();
    const { texts } = await t.says('send reminders', ENGAGEMENT, NADIA);
    expect(texts).toEqual(['I sent 2 reminders: 1 one-to-one coming up, 1 overdue one-to-one.']);
    expect(t.messenger.sent.map((sent) => sent.to)).toEqual([{ userId: LEAD_PRINCIPAL.id }, { userId: LEAD_PRINCIPAL.id }]);
  });

  it('"send reminders" twice / the second run sends nothing new and says they went earlier', async () => {
    await dueAndOverdue();
    await t.says('send reminders', ENGAGEMENT, NADIA);
    const { texts } = await t.says('send reminders', ENGAGEMENT, NADIA);
    expect(texts).toEqual(['No new reminders were due, so I sent none.\n\n2 reminders were already sent earlier, so not sent again.']);
    expect(t.messenger.sent).toHaveLength(2);
  });

  it('the Engagement team presses "Send reminders" on the help card in their channel / the same run', async () => {
    await dueAndOverdue();
    const help = (await t.says('help', ENGAGEMENT, NADIA)).cards[0];
    const { invoke } = await t.presses('reminders.send', button(help, 'reminders.send'), ENGAGEMENT, NADIA);
    expect(invoke?.body.value).toBe('I sent 2 reminders: 1 one-to-one coming up, 1 overdue one-to-one.');
  });

  it('a reminder nobody can receive yet / the reply says so, and the next run tries again', async () => {
    await dueAndOverdue();
    t.messenger.reachable = false;
    expect((await t.says('send reminders', ENGAGEMENT, NADIA)).texts).toEqual([
      "No new reminders were due, so I sent none.\n\n2 reminders have nobody to go to yet: the member of staff has not talked to me and their workstream's channel has not added me.",
    ]);
    t.messenger.reachable = true;
    expect((await t.says('send reminders', ENGAGEMENT, NADIA)).texts).toEqual([
      'I sent 2 reminders: 1 one-to-one coming up, 1 overdue one-to-one.',
    ]);
  });

  it('a lead says "send reminders" in personal chat / told plainly why not, and nothing is sent', async () => {
    await dueAndOverdue();
    const { texts } = await t.says('send reminders', PERSONAL);
    expect(texts).toEqual([expect.stringMatching(/^Only the Engagement team can send reminders on demand, from their own channel/)]);
    expect(t.messenger.sent).toEqual([]);
  });

  it('the help card outside the Engagement channel / offers no Send reminders button', async () => {
    const { cards } = await t.says('help', PERSONAL);
    expect(() => button(cards[0], 'reminders.send')).toThrow(/No reminders.send button/);
  });

  it('a server with no Engagement team channel configured / says plainly where reminders come from, and runs nothing', async () => {
    let runs = 0;
    const scope = {
      engagementChannelId: undefined,
      isEngagementTeam: false,
      runReminders: async () => {
        runs += 1;
      },
    } as unknown as TurnScope;
    const result = await sendRemindersCapability.onText?.(scope, '');
    expect(result?.replies).toEqual([
      { text: expect.stringMatching(/not connected to Partner Pathway yet\. Reminders still go out by themselves each morning/) },
    ]);
    expect(runs).toBe(0);
  });
});
