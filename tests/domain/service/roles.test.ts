import { ENGAGEMENT, LEAD, completeDescription, harness, rejection, type Harness } from './harness';

describe('planning and advertising a role', () => {
  let h: Harness;
  let workstreamId: number;

  beforeEach(async () => {
    h = await harness('2026-03-10');
    workstreamId = (await h.service.workstreams.create(LEAD, { title: 'Mental health' })).id;
  });

  afterEach(() => h.store.close());

  it('saves a new role as Draft with the lead as owner and lists what the description still needs', async () => {
    const outcome = await h.service.roles.planRole(LEAD, { workstreamId, title: 'Lived experience partner', purpose: 'Shape services' });
    expect(outcome.role).toMatchObject({
      status: 'Draft',
      ownerName: 'Priya Shah',
      advertState: 'Not sent',
      statusChangedBy: 'Priya Shah',
    });
    expect(outcome.missing).toEqual([
      'What the partner will do',
      'Time commitment',
      'Where',
      'Payment and expenses',
      'Skills or experience welcomed',
      'Support offered',
      'Contact',
      'Closing date',
      'Involvement level',
      'Accessible formats offered',
    ]);
  });

  it('warns when the start date leaves less than the 2 to 4 months recruitment takes', async () => {
    const { warnings } = await h.service.roles.planRole(LEAD, {
      ...completeDescription(workstreamId),
      startDate: '2026-04-14',
      closingDate: '2026-03-31',
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('5 weeks away');
  });

  it('refuses a role for a workstream that does not exist: not found to the Engagement team, no access to anyone else', async () => {
    expect((await rejection(h.service.roles.planRole(LEAD, { workstreamId: 999, title: 'Ghost role' }))).code).toBe('no-access');
    const error = await rejection(h.service.roles.planRole(ENGAGEMENT, { workstreamId: 999, title: 'Ghost role' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('There is no workstream with id 999. It may have been removed; reload to see the latest.');
  });

  it('explains every field at fault in one validation error', async () => {
    const error = await rejection(
      h.service.roles.planRole(LEAD, { workstreamId, title: 'x'.repeat(121), level: 7, closingDate: '2026-02-30', location: 'Mars' }),
    );
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual({
      title: 'Role title must be 120 characters or fewer.',
      level: 'Involvement level must be at most 4.',
      closingDate: 'Closing date is not a real date.',
      location: 'Where must be one of: In person, Online, Both.',
    });
    expect(await h.store.find({ list: 'roles' })).toEqual([]);
  });

  it('refuses Ready until the description is complete, then allows it', async () => {
    const { role } = await h.service.roles.planRole(LEAD, { workstreamId, title: 'Lived experience partner' });
    const error = await rejection(h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version }));
    expect(error.code).toBe('description-incomplete');
    const { workstreamId: _workstream, ...description } = completeDescription(workstreamId);
    const edited = await h.service.roles.updateRole(LEAD, { roleId: role.id, version: role.version, ...description });
    expect(edited.missing).toEqual([]);
    const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: edited.role.version });
    expect(ready.role.status).toBe('Ready');
  });

  it('becomes Advertised only when the Engagement team approves, recording who and when', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
    expect(sent.role).toMatchObject({ status: 'Ready', advertState: 'Awaiting approval' });

    h.clock.set('2026-03-11T09:15:00Z');
    const approved = await h.service.roles.approveAdvert(ENGAGEMENT, {
      roleId: role.id,
      version: sent.role.version,
      advertUrl: 'https://opportunities.example.nhs.uk/roles/7',
    });
    expect(approved.role).toMatchObject({
      status: 'Advertised',
      advertState: 'Approved',
      advertUrl: 'https://opportunities.example.nhs.uk/roles/7',
      advertDecidedBy: 'Nadia Ali',
      advertDecidedAt: '2026-03-11T09:15:00.000Z',
    });
  });

  it('keeps the role Ready when the advert is sent back with a comment', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
    const back = await h.service.roles.sendAdvertBack(ENGAGEMENT, {
      roleId: role.id,
      version: sent.role.version,
      comment: 'Please add a phone number.',
    });
    expect(back.role).toMatchObject({ status: 'Ready', advertState: 'Sent back', advertComment: 'Please add a phone number.' });
    const again = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: back.role.version });
    expect(again.role).toMatchObject({ advertState: 'Awaiting approval', advertComment: null });
  });

  it('refuses to approve an advert without an https link, or one that was never sent', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    const notSent = await rejection(
      h.service.roles.approveAdvert(ENGAGEMENT, { roleId: role.id, version: role.version, advertUrl: 'https://x.example/a' }),
    );
    expect(notSent.code).toBe('advert-not-awaiting-approval');
    const badLink = await rejection(
      h.service.roles.approveAdvert(ENGAGEMENT, { roleId: role.id, version: role.version, advertUrl: 'http://x.example/a' }),
    );
    expect(badLink.fields).toEqual({ advertUrl: 'Advert link must be the https address of the advert on the opportunities pages.' });
  });

  it('refuses to edit an advertised role', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const sent = await h.service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
    const approved = await h.service.roles.approveAdvert(ENGAGEMENT, {
      roleId: role.id,
      version: sent.role.version,
      advertUrl: 'https://x.example/a',
    });
    const error = await rejection(h.service.roles.updateRole(LEAD, { roleId: role.id, version: approved.role.version, purpose: 'New' }));
    expect(error.code).toBe('role-not-editable');
  });

  it('refuses an edit that would leave a Ready role incomplete', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    const ready = await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const error = await rejection(h.service.roles.updateRole(LEAD, { roleId: role.id, version: ready.role.version, contact: null }));
    expect(error.code).toBe('description-incomplete');
    expect((await h.store.get('roles', role.id))?.contact).toBe('Priya Shah, priya.shah@example.nhs.uk');
  });

  it('refuses a stale version and writes nothing', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    await h.service.roles.updateRole(LEAD, { roleId: role.id, version: role.version, timeCommitment: 'Three hours a month' });
    const error = await rejection(h.service.roles.updateRole(LEAD, { roleId: role.id, version: role.version, timeCommitment: 'One hour' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('This role was changed by someone else since you opened it. Reload to see the latest, then try again.');
    expect((await h.store.get('roles', role.id))?.timeCommitment).toBe('Three hours a month');
  });

  it('records each step in the audit trail with who, when and what changed', async () => {
    const { role } = await h.service.roles.planRole(LEAD, completeDescription(workstreamId));
    h.clock.set('2026-03-12T10:00:00Z');
    await h.service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
    const entries = await h.store.find({ list: 'activity', where: { list: 'roles', itemId: role.id }, orderBy: [{ field: 'at' }] });
    expect(entries.map((entry) => [entry.action, entry.actorName, entry.at, entry.summary])).toEqual([
      ['Created', 'Priya Shah', '2026-03-10T12:00:00.000Z', 'Role planned as Draft'],
      ['Updated', 'Priya Shah', '2026-03-12T10:00:00.000Z', 'Status: Draft to Ready'],
    ]);
    expect(JSON.parse(entries[1].changes ?? '{}')).toMatchObject({ status: { from: 'Draft', to: 'Ready' } });
  });
});
