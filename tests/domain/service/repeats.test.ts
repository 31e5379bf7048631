import { ConflictError, RefusedError } from '../../../src/domain';
import { advertisedRole, completeDescription, harness, LEAD, rejection, type Harness } from './harness';

/** A Draft role with a complete description, and the harness it lives in. */
async function draftRole(): Promise<{ h: Harness; roleId: number; version: number }> {
  const h = await harness();
  const workstream = await h.service.workstreams.create(LEAD, { title: 'Urgent and emergency care' });
  const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstream.id));
  return { h, roleId: role.id, version: role.version };
}

describe('a change a person sends again after its answer was lost', () => {
  it('the same Save again / answers with the role as saved, changing nothing more', async () => {
    const { h, roleId, version } = await draftRole();
    const first = await h.service.roles.updateRole(LEAD, {
      roleId,
      version,
      key: 'card-1:role.save',
      timeCommitment: 'Three hours a month',
    });
    const again = await h.service.roles.updateRole(LEAD, {
      roleId,
      version,
      key: 'card-1:role.save',
      timeCommitment: 'Three hours a month',
    });
    expect(again.role).toEqual(first.role);
    expect((await h.store.find({ list: 'activity', where: { list: 'roles', itemId: roleId } })).map((entry) => entry.summary)).toEqual([
      'Role planned as Draft',
      'Role description edited',
    ]);
  });

  it('the same Mark Ready again / answers with the Ready role instead of a refusal that it is Ready already', async () => {
    const { h, roleId, version } = await draftRole();
    await h.service.roles.markReady(LEAD, { roleId, version, key: 'card-1:role.ready' });
    const again = await h.service.roles.markReady(LEAD, { roleId, version, key: 'card-1:role.ready' });
    expect(again.role.status).toBe('Ready');
  });

  it('a genuinely stale card (another key, or none) / still refused as changed by someone else', async () => {
    const { h, roleId, version } = await draftRole();
    await h.service.roles.updateRole(LEAD, { roleId, version, key: 'card-1:role.save', timeCommitment: 'Three hours a month' });
    expect(
      await rejection(h.service.roles.updateRole(LEAD, { roleId, version, key: 'card-2:role.save', timeCommitment: 'Weekly' })),
    ).toBeInstanceOf(ConflictError);
    expect(await rejection(h.service.roles.updateRole(LEAD, { roleId, version, timeCommitment: 'Weekly' }))).toBeInstanceOf(ConflictError);
    expect((await h.store.get('roles', roleId))?.timeCommitment).toBe('Three hours a month');
  });

  it('another button of the same card after a lost answer / is refused, not taken for the first', async () => {
    const { h, roleId, version } = await draftRole();
    await h.service.roles.updateRole(LEAD, { roleId, version, key: 'card-1:role.save', timeCommitment: 'Three hours a month' });
    expect(await rejection(h.service.roles.close(LEAD, { roleId, version, key: 'card-1:role.close' }))).toBeInstanceOf(ConflictError);
    expect((await h.store.get('roles', roleId))?.status).toBe('Draft');
  });

  it('a partner moved on twice with the same key / answers with the involvement as it is, one stage change in the audit trail', async () => {
    const h = await harness();
    const { roleId } = await advertisedRole(h);
    const interested = await h.service.involvements.recordInterest(LEAD, {
      roleId,
      partner: { fullName: 'Maya Jones', consentGiven: true },
    });
    const ref = { involvementId: interested.id, version: interested.version, key: 'card-7:chat.book' };
    const booked = await h.service.involvements.bookChat(LEAD, { ...ref, at: '2026-03-12T10:00:00Z', where: 'Teams' });
    const again = await h.service.involvements.bookChat(LEAD, { ...ref, at: '2026-03-12T10:00:00Z', where: 'Teams' });
    expect(again).toEqual(booked);
    const audit = await h.store.find({ list: 'activity', where: { list: 'involvements', itemId: interested.id } });
    expect(audit.filter((entry) => entry.summary === 'Stage: Interested to Chat booked')).toHaveLength(1);
    const offered = await rejection(
      h.service.involvements.makeOffer(LEAD, {
        involvementId: interested.id,
        version: interested.version,
        key: 'card-7:chat.offer',
        reason: 'Recent experience of the service, and the time the role needs.',
      }),
    );
    expect(offered.message).toMatch(/chat/i);
    expect((await h.store.get('involvements', interested.id))?.stage).toBe('Chat booked');
  });

  it('a refusal by a rule for a key never committed / stands', async () => {
    const h = await harness();
    const { roleId } = await advertisedRole(h);
    const interested = await h.service.involvements.recordInterest(LEAD, {
      roleId,
      partner: { fullName: 'Maya Jones', consentGiven: true },
    });
    const refused = await rejection(
      h.service.involvements.activate(LEAD, {
        involvementId: interested.id,
        version: interested.version,
        key: 'card-9:induction.activate',
      }),
    );
    expect(refused).toBeInstanceOf(RefusedError);
  });
});
