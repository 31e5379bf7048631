import { createPathwayService, DEFAULT_ONE_TO_ONE_SETTINGS, DEFAULT_ROLE_SETTINGS, type PathwayService } from '../../../src/domain';
import { completeDescription, ENGAGEMENT, LEAD, rejection } from '../../domain/service/harness';
import { aStandInForThisFile } from './support';

const site = aStandInForThisFile();
let service: PathwayService;

beforeAll(() => {
  service = createPathwayService({
    store: site.store,
    clock: { now: () => new Date('2026-03-10T12:00:00Z') },
    settings: { ...DEFAULT_ONE_TO_ONE_SETTINGS, ...DEFAULT_ROLE_SETTINGS, timeZone: 'Europe/London' },
    access: { engagementTeamIds: [ENGAGEMENT.id] },
  });
});

async function advertised(title: string): Promise<number> {
  const workstream = await service.workstreams.create(LEAD, { title });
  const { role } = await service.roles.planRole(LEAD, { ...completeDescription(workstream.id), title: `${title} partner` });
  const ready = await service.roles.markReady(LEAD, { roleId: role.id, version: role.version });
  const sent = await service.roles.sendAdvert(LEAD, { roleId: role.id, version: ready.role.version });
  await service.roles.approveAdvert(ENGAGEMENT, { roleId: role.id, version: sent.role.version, advertUrl: 'https://example.org/roles/1' });
  return role.id;
}

describe('one person, one record, on SharePoint lists', () => {
  it('finds the person by email through the indexed column, links the second interest to them, merges a duplicate and exports every involvement', async () => {
    const first = await advertised('Maternity');
    const second = await advertised('Urgent care');
    const third = await advertised('Digital');
    const maya = await service.involvements.recordInterest(LEAD, {
      roleId: first,
      partner: { fullName: 'Maya Thompson', email: 'maya@example.org', consentGiven: true },
    });
    expect(
      (
        await rejection(
          service.involvements.recordInterest(LEAD, {
            roleId: second,
            partner: { fullName: 'Maya Thompson', email: 'MAYA@example.org', consentGiven: true },
          }),
        )
      ).code,
    ).toBe('possibly-known');
    const linked = await service.involvements.recordInterest(LEAD, { roleId: second, partnerId: maya.partnerId });
    const copy = await service.involvements.recordInterest(LEAD, {
      roleId: third,
      partner: { fullName: 'Maya Thompson', phone: '07700 900123', consentGiven: true },
    });
    const [survivor, duplicate] = await Promise.all([
      site.store.get('partners', maya.partnerId),
      site.store.get('partners', copy.partnerId),
    ]);
    await service.partners.merge(ENGAGEMENT, {
      survivorId: survivor?.id,
      survivorVersion: survivor?.version,
      duplicateId: duplicate?.id,
      duplicateVersion: duplicate?.version,
    });
    const exported = await service.personalData.export(ENGAGEMENT, maya.partnerId);
    expect(exported.involvements.map((item) => item.involvement.id).sort((a, b) => a - b)).toEqual(
      [maya.id, linked.id, copy.id].sort((a, b) => a - b),
    );
    expect(exported.partner).toMatchObject({ email: 'maya@example.org', phone: '07700 900123' });
  });
});
