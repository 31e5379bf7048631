import { countingStore } from '../counting-store';
import { advertisedRole, at, dueThisWeek, interested, workstream } from '../arrange';
import { buttonsOf, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
let counting: ReturnType<typeof countingStore>;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10', undefined, undefined, (store) => {
    counting = countingStore(store);
    return counting.store;
  });
});
afterEach(() => t.close());

/** How many times the audit trail says a partner's record was viewed. */
async function viewed(): Promise<number> {
  return (await t.store.find({ list: 'activity', where: { action: 'Viewed' } })).length;
}

describe('what one press of a partner card costs the store', () => {
  it('lead ticks a checklist item in chat / one write, the partner read once after it, one Viewed entry', async () => {
    const ws = await workstream(t.service);
    const role = await advertisedRole(t.service, ws.id);
    const involvement = await at(t.service, await interested(t.service, role.id), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const tick = buttonsOf(card).find((candidate) => candidate.verb === 'induction.tick' && candidate.title === 'Done');
    const before = await viewed();
    counting.reset();

    const { updated } = await t.presses('induction.tick', tick?.data ?? {});

    expect(textOf(updated)).toContain('1 of 12 done');
    const { get, find, findAll, commit, recordAccess } = counting.calls;
    expect(commit).toBe(1);
    expect(recordAccess).toBe(1);
    expect(await viewed()).toBe(before + 1);
    // 13 calls (2 of them Viewed entries) when each button read the partner before its write as well as after; 10 when
    // each step of the turn read the person's memberships and the workstream's records again; 8 when the item was read
    // before its involvement and checklist, for want of the involvement the card names.
    expect(get + find + findAll + commit + recordAccess).toBeLessThanOrEqual(7);
  });
});

describe('what a list of what is due costs the store', () => {
  it('lead says "due this week" with a one-to-one due and an induction open / the workstream, what is due, then their partners and roles in one read', async () => {
    await dueThisWeek(t.service);
    t.clock.goTo('2026-04-28');
    await t.says('my partners');
    counting.reset();

    const { cards } = await t.says('due this week');

    expect(textOf(cards[0])).toContain('Sam Patel · Maternity partner\nDue in 7 days');
    expect(textOf(cards[0])).toContain('Maya Jones · Maternity partner\n8 required items left');
    // 4 when the one-to-ones and the inductions each read their partners and roles.
    expect(counting.calls).toMatchObject({ get: 0, find: 0, findAll: 3 });
  });
});

describe('what a turn that needs no workstream costs the store', () => {
  it('lead says help in a chat set to their workstream / the help card, and nothing read from the store', async () => {
    await workstream(t.service);
    await t.says('my partners');
    counting.reset();

    const { cards } = await t.says('help');

    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('my partners');
    expect(Object.values(counting.calls).reduce((sum, calls) => sum + calls, 0)).toBe(0);
  });
});
