import { AccessDeniedError, DEFAULT_INDUCTION_TEMPLATE, TEMPLATE_CHANGES_APPLY, type Principal } from '../../../src/domain';
import { ENGAGEMENT, harness, LEAD } from './harness';

const OUTSIDER: Principal = { id: 'aad-sam', name: 'Sam Jones', email: 'sam.jones@example.nhs.uk', tenantId: 'tenant-1' };

const ORGANISATION_ITEMS = [
  { label: 'ICS welcome pack', kind: 'Task', required: true },
  { label: 'First one-to-one booked', kind: 'One-to-one booked', required: true },
] as const;

const OWN_ITEMS = [
  { label: 'Maternity voices welcome', kind: 'Task', required: false },
  { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
] as const;

async function organisation() {
  const { service } = await harness();
  const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
  return { service, maternity };
}

describe('reading the induction template in force', () => {
  it('reads the default for a workstream and the organisation until either has its own, and says so', async () => {
    const { service, maternity } = await organisation();
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual({
      source: 'default',
      revision: '',
      items: DEFAULT_INDUCTION_TEMPLATE,
      guidance: [
        'Maternity uses the default template, as the organisation has not saved one. Saving here gives Maternity its own.',
        TEMPLATE_CHANGES_APPLY,
      ],
    });
    expect(await service.workstreams.inductionTemplate(LEAD, null)).toEqual({
      source: 'default',
      revision: '',
      items: DEFAULT_INDUCTION_TEMPLATE,
      guidance: [
        'The organisation has not saved a template yet, so every workstream without its own uses the default. Saving makes it the organisation’s.',
        TEMPLATE_CHANGES_APPLY,
      ],
    });
  });

  it("reads the organisation's template for a workstream without its own, in its order", async () => {
    const { service, maternity } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS, basedOn: '' });
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual({
      source: 'organisation',
      // Maternity has nothing of its own yet: a save creates its own, based on nothing.
      revision: '',
      items: ORGANISATION_ITEMS,
      guidance: ['Maternity uses the organisation’s template. Saving here gives Maternity its own.', TEMPLATE_CHANGES_APPLY],
    });
    expect(await service.workstreams.inductionTemplate(ENGAGEMENT, null)).toEqual({
      source: 'organisation',
      revision: expect.stringMatching(/^\d+\.1 \d+\.1$/),
      items: ORGANISATION_ITEMS,
      guidance: ['This is the organisation’s template: every workstream without its own uses it.', TEMPLATE_CHANGES_APPLY],
    });
  });

  it("reads a workstream's own template once it has one, while the organisation's stays its own", async () => {
    const { service, maternity } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS, basedOn: '' });
    await service.workstreams.setInductionTemplate(LEAD, { workstreamId: maternity.id, items: OWN_ITEMS, basedOn: '' });
    const own = {
      source: 'workstream',
      items: OWN_ITEMS,
      revision: expect.stringMatching(/^\d+\.1 \d+\.1$/),
      guidance: ['Maternity uses its own template.', TEMPLATE_CHANGES_APPLY],
    };
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual(own);
    expect(await service.workstreams.inductionTemplate(ENGAGEMENT, maternity.id)).toEqual(own);
    expect(await service.workstreams.inductionTemplate(LEAD, null)).toEqual(
      expect.objectContaining({ source: 'organisation', items: ORGANISATION_ITEMS }),
    );
  });

  it("refuses a workstream's template to someone who is not its member, the same as for a workstream that does not exist", async () => {
    const { service, maternity } = await organisation();
    await expect(service.workstreams.inductionTemplate(OUTSIDER, maternity.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(service.workstreams.inductionTemplate(OUTSIDER, maternity.id + 100)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it('refuses a template save based on a version someone else has since saved over, keeping theirs; a save based on the one read goes through', async () => {
    const { service, maternity } = await organisation();
    const read = await service.workstreams.inductionTemplate(LEAD, maternity.id);
    const first = await service.workstreams.setInductionTemplate(ENGAGEMENT, {
      workstreamId: maternity.id,
      items: OWN_ITEMS,
      basedOn: read.revision,
    });
    await expect(
      service.workstreams.setInductionTemplate(LEAD, { workstreamId: maternity.id, items: ORGANISATION_ITEMS, basedOn: read.revision }),
    ).rejects.toThrow('This induction template was changed by someone else since you opened it. Reload to see the latest, then try again.');
    expect((await service.workstreams.inductionTemplate(LEAD, maternity.id)).items).toEqual(OWN_ITEMS);
    expect(first.revision).not.toBe(read.revision);
    const second = await service.workstreams.setInductionTemplate(LEAD, {
      workstreamId: maternity.id,
      items: ORGANISATION_ITEMS,
      basedOn: first.revision,
    });
    expect(second).toEqual(expect.objectContaining({ source: 'workstream', items: ORGANISATION_ITEMS }));
    await expect(service.workstreams.setInductionTemplate(LEAD, { workstreamId: maternity.id, items: OWN_ITEMS })).rejects.toThrow(
      /Based on/,
    );
  });

  it("lets anyone signed in read the organisation's template, though only the Engagement team changes it", async () => {
    const { service } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS, basedOn: '' });
    expect(await service.workstreams.inductionTemplate(OUTSIDER, null)).toEqual(
      expect.objectContaining({ source: 'organisation', items: ORGANISATION_ITEMS }),
    );
    await expect(service.workstreams.setInductionTemplate(OUTSIDER, { items: OWN_ITEMS, basedOn: '' })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
  });
});

describe('reading one workstream by id', () => {
  it('gives a member their workstream and the Engagement team any, as the list of workstreams would', async () => {
    const { service, maternity } = await organisation();
    const digital = await service.workstreams.create(OUTSIDER, { title: 'Digital' });
    expect(await service.workstreams.visible(LEAD, maternity.id)).toEqual((await service.workstreams.list(LEAD))[0]);
    expect((await service.workstreams.visible(ENGAGEMENT, digital.id))?.title).toBe('Digital');
  });

  it('gives nothing for a workstream the person is not a member of, or one that is not there', async () => {
    const { service, maternity } = await organisation();
    const digital = await service.workstreams.create(OUTSIDER, { title: 'Digital' });
    expect(await service.workstreams.visible(LEAD, digital.id)).toBeUndefined();
    expect(await service.workstreams.visible(OUTSIDER, maternity.id)).toBeUndefined();
    expect(await service.workstreams.visible(LEAD, 9999)).toBeUndefined();
    expect(await service.workstreams.visible(ENGAGEMENT, 9999)).toBeUndefined();
  });
});
