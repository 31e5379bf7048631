import { AccessDeniedError, createPathwayService, NotFoundError, type Principal } from '../../../src/domain';
import { openSqliteStore } from '../../../src/store/sqlite';
import { ENGAGEMENT, LEAD, rejection, SETTINGS, TestClock } from './harness';

const OUTSIDER: Principal = {
  id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  name: 'Sam Jones',
  email: 'sam.jones@example.nhs.uk',
  tenantId: 'tenant-1',
};

async function organisation() {
  const store = await openSqliteStore({ path: ':memory:' });
  const service = createPathwayService({
    store,
    clock: new TestClock('2026-03-10'),
    settings: SETTINGS,
    access: { engagementTeamIds: [ENGAGEMENT.id] },
  });
  const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
  const diabetes = await service.workstreams.create(ENGAGEMENT, { title: 'Diabetes' });
  return { store, service, maternity, diabetes };
}

describe('workstream membership', () => {
  it('makes the person who adds a workstream its first member', async () => {
    const { service, maternity } = await organisation();
    expect(await service.members.list(LEAD, maternity.id)).toEqual([
      expect.objectContaining({ userId: LEAD.id, userName: 'Priya Shah', workstreamId: maternity.id }),
    ]);
    const reach = await service.members.reach(LEAD);
    expect(reach.engagementTeam).toBe(false);
    expect([...reach.workstreamIds]).toEqual([maternity.id]);
  });

  it('gives the configured Engagement team every workstream', async () => {
    const { service, maternity } = await organisation();
    expect((await service.members.reach(ENGAGEMENT)).engagementTeam).toBe(true);
    expect(await service.members.list(ENGAGEMENT, maternity.id)).toHaveLength(1);
  });

  it('lets a member add a colleague, once however often it is asked', async () => {
    const { service, maternity } = await organisation();
    const first = await service.members.add(LEAD, { workstreamId: maternity.id, userId: OUTSIDER.id, userName: OUTSIDER.name });
    const again = await service.members.add(LEAD, { workstreamId: maternity.id, userId: OUTSIDER.id, userName: OUTSIDER.name });
    expect(again.id).toBe(first.id);
    expect((await service.members.list(LEAD, maternity.id)).map((member) => member.userName)).toEqual(['Priya Shah', 'Sam Jones']);
    expect([...(await service.members.reach(OUTSIDER)).workstreamIds]).toEqual([maternity.id]);
  });

  it('refuses someone outside the workstream, saying what to do and naming nothing', async () => {
    const { service, store, diabetes } = await organisation();
    const before = await store.find({ list: 'members' });
    const refusal = await rejection(service.members.add(LEAD, { workstreamId: diabetes.id, userId: OUTSIDER.id, userName: OUTSIDER.name }));
    expect(refusal).toBeInstanceOf(AccessDeniedError);
    expect(refusal.message).toBe(
      'You are not a member of this workstream, so you cannot see or change its records. Ask the Engagement team or a member of the workstream to add you.',
    );
    expect(await rejection(service.members.list(LEAD, diabetes.id))).toBeInstanceOf(AccessDeniedError);
    expect(await store.find({ list: 'members' })).toEqual(before);
  });

  it('keeps the Engagement team for the Engagement team to change', async () => {
    const { service } = await organisation();
    const refusal = await rejection(service.members.add(LEAD, { userId: OUTSIDER.id, userName: OUTSIDER.name }));
    expect(refusal.message).toMatch(/^Only the Engagement team can change who is in the Engagement team\./);
    const added = await service.members.add(ENGAGEMENT, { userId: OUTSIDER.id, userName: OUTSIDER.name });
    expect(added.workstreamId).toBeNull();
    expect(await service.members.reach(OUTSIDER)).toEqual({ engagementTeam: true, workstreamIds: new Set() });
  });

  it('removes a member, who then reaches nothing there', async () => {
    const { service, maternity } = await organisation();
    const sam = await service.members.add(LEAD, { workstreamId: maternity.id, userId: OUTSIDER.id, userName: OUTSIDER.name });
    await service.members.remove(LEAD, { memberId: sam.id, version: sam.version });
    expect((await service.members.reach(OUTSIDER)).workstreamIds.size).toBe(0);
    expect(await rejection(service.members.list(OUTSIDER, maternity.id))).toBeInstanceOf(AccessDeniedError);
  });

  it('answers an unknown membership id as not found to the Engagement team and as no access to anyone else', async () => {
    const { service } = await organisation();
    expect(await rejection(service.members.remove(ENGAGEMENT, { memberId: 999, version: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(service.members.remove(LEAD, { memberId: 999, version: 1 }))).toBeInstanceOf(AccessDeniedError);
  });

  it.each([
    ['an email address', 'sam.jones@example.nhs.uk'],
    ['a made-up string', 'not a guid at all!! ;drop'],
    ['a GUID with a digit too many', '00000000-0000-0000-0000-0000000000020'],
  ])('refuses %s as an Entra object id, saying what one is, and adds nobody', async (_case, userId) => {
    const { service, maternity } = await organisation();
    const refusal = await rejection(service.members.add(LEAD, { workstreamId: maternity.id, userId, userName: 'Sam Jones' }));
    expect(refusal.fields).toEqual({
      userId:
        "This is not an Entra object id, so nobody could sign in as it. An object id has 36 characters, such as 0f1b2a3c-4d5e-6f70-8192-a3b4c5d6e7f8: copy it from the person's profile in the Entra admin centre, or add them with the people picker in the tab inside Teams.",
    });
    expect(await service.members.list(LEAD, maternity.id)).toHaveLength(1);
  });

  it('takes an object id pasted with spaces around it or in capitals as the id Entra signs in with', async () => {
    const { service, maternity } = await organisation();
    const added = await service.members.add(LEAD, {
      workstreamId: maternity.id,
      userId: ` ${OUTSIDER.id.toUpperCase()} `,
      userName: OUTSIDER.name,
    });
    expect(added.userId).toBe(OUTSIDER.id);
    expect((await service.members.reach(OUTSIDER)).workstreamIds).toEqual(new Set([maternity.id]));
  });

  it('checks the fields of a new member', async () => {
    const { service, maternity } = await organisation();
    const refusal = await rejection(service.members.add(LEAD, { workstreamId: maternity.id, userId: '', userName: 'x'.repeat(121) }));
    expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(['userId', 'userName']);
  });
});
