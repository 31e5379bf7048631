import type { Principal } from '../../../src/domain';
import { ENGAGEMENT, LEAD, advertisedRole, harness, rejection, type Harness } from './harness';

const SAM: Principal = { id: '5a7c9e1b-3d5f-4a6b-8c9d-0e1f2a3b4c5d', name: 'Sam Jones', email: 'sam@example.nhs.uk', tenantId: 'tenant-1' };
const MAYA = { fullName: 'Maya Thompson', email: 'Maya.Thompson@Example.org', phone: '07700  900123', consentGiven: true } as const;

describe('one person, one record', () => {
  let h: Harness;
  let first: { workstreamId: number; roleId: number };
  let second: { workstreamId: number; roleId: number };

  beforeEach(async () => {
    h = await harness('2026-03-10');
    first = await advertisedRole(h);
    second = await advertisedRole(h);
  });
  afterEach(() => h.store.close());

  it('keeps email in lower case and phone with single spaces, so the same details always match', async () => {
    const maya = await h.service.involvements.recordInterest(LEAD, { roleId: first.roleId, partner: MAYA });
    expect(await h.store.get('partners', maya.partnerId)).toMatchObject({ email: 'maya.thompson@example.org', phone: '07700 900123' });
  });

  it('refuses to make a second record for someone already known with the same email or phone, naming them, so the interest can be linked', async () => {
    const maya = await h.service.involvements.recordInterest(LEAD, { roleId: first.roleId, partner: MAYA });
    const refused = await rejection(
      h.service.involvements.recordInterest(LEAD, { roleId: second.roleId, partner: { ...MAYA, fullName: 'Maya T.' } }),
    );
    expect(refused.code).toBe('possibly-known');
    expect(refused.message).toBe(
      'Maya Thompson is already on record with the same email and phone as Maya T.. If it is the same person, link this interest to their record, so they have one record; if not, say they are a different person.',
    );
    expect((refused as unknown as { details: { matches: unknown[] } }).details.matches).toEqual([
      expect.objectContaining({
        partnerId: maya.partnerId,
        roles: [{ involvementId: maya.id, roleId: first.roleId, stage: 'Interested' }],
      }),
    ]);
    const linked = await h.service.involvements.recordInterest(LEAD, { roleId: second.roleId, partnerId: maya.partnerId });
    expect(linked.partnerId).toBe(maya.partnerId);
    const other = await h.service.involvements.recordInterest(LEAD, {
      roleId: second.roleId,
      partner: { ...MAYA, fullName: 'Maya Thompson (her daughter)' },
      newPerson: true,
    });
    expect(other.partnerId).not.toBe(maya.partnerId);
  });

  it('says nothing of a match known only to workstreams the person logging is not in; the Engagement team sees it among possible duplicates', async () => {
    const other = await h.service.workstreams.create(SAM, { title: 'Mental health' });
    const planned = await h.service.roles.planRole(SAM, { workstreamId: other.id, title: 'Peer supporter' });
    await h.store.commit(
      [{ op: 'update', list: 'roles', id: planned.role.id, version: planned.role.version, values: { status: 'Advertised' } }],
      { actor: SAM, at: '2026-03-10T12:00:00.000Z' },
    );
    await h.service.involvements.recordInterest(SAM, { roleId: planned.role.id, partner: MAYA });
    const mine = await h.service.involvements.recordInterest(LEAD, { roleId: first.roleId, partner: MAYA });
    expect(mine.stage).toBe('Interested');
    expect(await h.service.partners.possibleMatches(LEAD, { email: MAYA.email.toLowerCase() })).toEqual([
      expect.objectContaining({ partnerId: mine.partnerId }),
    ]);
    const groups = await h.service.partners.duplicates(ENGAGEMENT);
    expect(groups).toEqual([
      expect.objectContaining({
        sharing: 'maya.thompson@example.org',
        partners: [expect.objectContaining({ name: 'Maya Thompson' }), expect.objectContaining({ name: 'Maya Thompson' })],
      }),
    ]);
    expect(await rejection(h.service.partners.duplicates(LEAD))).toMatchObject({ code: 'no-access' });
  });

  it('merges a duplicate into the record to keep: involvements move, consent and details join, the duplicate is emptied and points to the survivor', async () => {
    const kept = await h.service.involvements.recordInterest(LEAD, {
      roleId: first.roleId,
      partner: { fullName: 'Maya Thompson', email: 'maya@example.org', consentGiven: true },
    });
    const duplicate = await h.service.involvements.recordInterest(LEAD, {
      roleId: second.roleId,
      partner: {
        fullName: 'Maya Thompson',
        phone: '07700 900123',
        postalAddress: '1 High Street, Leeds',
        consentGiven: true,
        notesConsent: true,
      },
    });
    const [survivor, copy] = await Promise.all([h.store.get('partners', kept.partnerId), h.store.get('partners', duplicate.partnerId)]);
    const merged = await h.service.partners.merge(ENGAGEMENT, {
      survivorId: survivor?.id,
      survivorVersion: survivor?.version,
      duplicateId: copy?.id,
      duplicateVersion: copy?.version,
    });
    expect(merged.moved).toBe(1);
    expect(merged.survivor).toMatchObject({
      email: 'maya@example.org',
      phone: '07700 900123',
      postalAddress: '1 High Street, Leeds',
      notesConsent: true,
      notesConsentDate: '2026-03-10',
    });
    expect(await h.store.get('involvements', duplicate.id)).toMatchObject({ partnerId: kept.partnerId });
    expect(await h.store.get('partners', duplicate.partnerId)).toMatchObject({
      fullName: `Merged into partner ${kept.partnerId}`,
      email: null,
      phone: null,
      postalAddress: null,
      mergedInto: kept.partnerId,
    });
    const exported = await h.service.personalData.export(ENGAGEMENT, kept.partnerId);
    expect(exported.involvements.map((item) => item.involvement.id).sort()).toEqual([kept.id, duplicate.id].sort());
    expect(exported.auditTrail.filter((entry) => entry.list === 'partners').map((entry) => entry.itemId)).toContain(duplicate.partnerId);
    const tombstone = await h.store.get('partners', duplicate.partnerId);
    expect(
      await rejection(
        h.service.partners.updateDetails(ENGAGEMENT, { partnerId: tombstone?.id, version: tombstone?.version, phone: '07700 900999' }),
      ),
    ).toMatchObject({ code: 'partner-merged' });
    const erased = await h.service.personalData.erase(ENGAGEMENT, { partnerId: kept.partnerId, version: merged.survivor.version });
    expect(erased.involvements).toBe(2);
  });

  it('refuses to merge two records both on the pathway for the same role, and lets only the Engagement team merge', async () => {
    const a = await h.service.involvements.recordInterest(LEAD, {
      roleId: first.roleId,
      partner: { fullName: 'Maya Thompson', consentGiven: true },
    });
    const b = await h.service.involvements.recordInterest(LEAD, {
      roleId: first.roleId,
      partner: { fullName: 'Maya Thompson', consentGiven: true },
    });
    const [pa, pb] = await Promise.all([h.store.get('partners', a.partnerId), h.store.get('partners', b.partnerId)]);
    const input = { survivorId: pa?.id, survivorVersion: pa?.version, duplicateId: pb?.id, duplicateVersion: pb?.version };
    expect((await rejection(h.service.partners.merge(ENGAGEMENT, input))).code).toBe('merge-same-role');
    expect((await rejection(h.service.partners.merge(LEAD, input))).code).toBe('no-access');
    expect(await h.store.get('involvements', b.id)).toMatchObject({ partnerId: b.partnerId });
  });
});
