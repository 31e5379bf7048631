import { AccessDeniedError, createPathwayService, DEFAULT_INDUCTION_TEMPLATE, type Principal } from '../../../src/domain';
import { openSqliteStore } from '../../../src/store/sqlite';
import { ENGAGEMENT, LEAD, SETTINGS, TestClock } from './harness';

const OUTSIDER: Principal = {
  id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  name: 'Sam Jones',
  email: 'sam.jones@example.nhs.uk',
  tenantId: 'tenant-1',
};

const ORGANISATION_ITEMS = [
  { label: 'ICS welcome pack', kind: 'Task', required: true },
  { label: 'First one-to-one booked', kind: 'One-to-one booked', required: true },
] as const;

const OWN_ITEMS = [
  { label: 'Maternity voices welcome', kind: 'Task', required: false },
  { label: 'Confidentiality agreement signed', kind: 'Agreement', required: true },
] as const;

async function organisation() {
  const store = await openSqliteStore({ path: ':memory:' });
  const service = createPathwayService({
    store,
    clock: new TestClock('2026-03-10'),
    settings: SETTINGS,
    access: { engagementTeamIds: [ENGAGEMENT.id] },
  });
  const maternity = await service.workstreams.create(LEAD, { title: 'Maternity' });
  return { service, maternity };
}

describe('reading the induction template in force', () => {
  it('reads the default for a workstream and the organisation until either has its own, and says so', async () => {
    const { service, maternity } = await organisation();
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual({
      source: 'default',
      items: DEFAULT_INDUCTION_TEMPLATE,
    });
    expect(await service.workstreams.inductionTemplate(LEAD, null)).toEqual({ source: 'default', items: DEFAULT_INDUCTION_TEMPLATE });
  });

  it("reads the organisation's template for a workstream without its own, in its order", async () => {
    const { service, maternity } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS });
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual({ source: 'organisation', items: ORGANISATION_ITEMS });
    expect(await service.workstreams.inductionTemplate(ENGAGEMENT, null)).toEqual({ source: 'organisation', items: ORGANISATION_ITEMS });
  });

  it("reads a workstream's own template once it has one, while the organisation's stays its own", async () => {
    const { service, maternity } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS });
    await service.workstreams.setInductionTemplate(LEAD, { workstreamId: maternity.id, items: OWN_ITEMS });
    expect(await service.workstreams.inductionTemplate(LEAD, maternity.id)).toEqual({ source: 'workstream', items: OWN_ITEMS });
    expect(await service.workstreams.inductionTemplate(ENGAGEMENT, maternity.id)).toEqual({ source: 'workstream', items: OWN_ITEMS });
    expect(await service.workstreams.inductionTemplate(LEAD, null)).toEqual({ source: 'organisation', items: ORGANISATION_ITEMS });
  });

  it("refuses a workstream's template to someone who is not its member, the same as for a workstream that does not exist", async () => {
    const { service, maternity } = await organisation();
    await expect(service.workstreams.inductionTemplate(OUTSIDER, maternity.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(service.workstreams.inductionTemplate(OUTSIDER, maternity.id + 100)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("lets anyone signed in read the organisation's template, though only the Engagement team changes it", async () => {
    const { service } = await organisation();
    await service.workstreams.setInductionTemplate(ENGAGEMENT, { items: ORGANISATION_ITEMS });
    expect(await service.workstreams.inductionTemplate(OUTSIDER, null)).toEqual({ source: 'organisation', items: ORGANISATION_ITEMS });
    await expect(service.workstreams.setInductionTemplate(OUTSIDER, { items: OWN_ITEMS })).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
