import { advertisedRole, at, COMPLETE, interested, workstream } from '../arrange';
import { button, LEAD_PRINCIPAL, textOf, Transcript } from '../transcript-harness';

let t: Transcript;
beforeEach(async () => {
  t = await Transcript.start('2026-03-10');
});
afterEach(() => t.close());

/** A Draft role's card, as the lead sees it after "roles" and Open. */
async function draftRoleCard() {
  const ws = await workstream(t.service);
  const { role } = await t.service.roles.planRole(LEAD_PRINCIPAL, { workstreamId: ws.id, title: 'Maternity partner', ...COMPLETE });
  return { role, card: (await t.presses('role.open', { roleId: role.id })).updated };
}

describe('A button pressed again after its answer never reached Teams', () => {
  it('lead presses Save changes twice on the same card / the second answer is the saved role, not "changed by someone else"', async () => {
    const { role, card } = await draftRoleCard();
    const save = { ...button(card, 'role.save'), timeCommitment: 'Three hours a month' };
    await t.presses('role.save', save);
    const { updated } = await t.presses('role.save', save);
    expect(textOf(updated)).toContain('Three hours a month');
    expect(textOf(updated)).not.toContain('changed by someone else');
    const edits = await t.store.find({ list: 'activity', where: { list: 'roles', itemId: role.id, summary: 'Role description edited' } });
    expect(edits).toHaveLength(1);
  });

  it('lead presses Mark Ready twice on the same card / the second answer is the Ready role', async () => {
    const { card } = await draftRoleCard();
    await t.presses('role.ready', button(card, 'role.ready'));
    const { updated, invoke } = await t.presses('role.ready', button(card, 'role.ready'));
    expect(invoke?.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(textOf(updated)).toContain('Ready');
  });

  it('someone presses Save on a card made before another change / still refused, nothing overwritten', async () => {
    const { role, card } = await draftRoleCard();
    const other = (await t.presses('role.open', { roleId: role.id })).updated;
    await t.presses('role.save', { ...button(other, 'role.save'), timeCommitment: 'Weekly' });
    const { invoke } = await t.presses('role.save', { ...button(card, 'role.save'), timeCommitment: 'Monthly' });
    expect(invoke?.body.value).toMatch(/changed by someone else/);
    expect((await t.store.get('roles', role.id))?.timeCommitment).toBe('Weekly');
  });

  it('lead presses an induction tick twice on the same partner card / one tick recorded, the card shows it done', async () => {
    const ws = await workstream(t.service);
    const involvement = await at(t.service, await interested(t.service, (await advertisedRole(t.service, ws.id)).id), 'Induction');
    const card = (await t.presses('partner.open', { involvementId: involvement.id })).updated;
    const tick = button(card, 'induction.tick');
    await t.presses('induction.tick', tick);
    const { updated } = await t.presses('induction.tick', tick);
    expect(textOf(updated)).toMatch(/1 of \d+/);
    const ticks = await t.store.find({
      list: 'activity',
      where: { list: 'inductionTasks', itemId: tick.taskId as number, action: 'Updated' },
    });
    expect(ticks).toHaveLength(1);
  });
});
