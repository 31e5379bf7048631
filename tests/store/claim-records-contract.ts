import { createPathwayService, RETENTION_ACTOR, type Involvement } from '../../src/domain';
import type { Store } from '../../src/domain/store';
import {
  ENGAGEMENT,
  LEAD,
  SETTINGS,
  TestClock,
  activeInvolvement,
  advertisedRole,
  rejection,
  type Harness,
} from '../domain/service/harness';

/** What a store suite opens: the store, and where the adapter keeps copies of a deleted item (SharePoint's recycle bins), if anywhere. */
export interface ClaimRecordsStore {
  readonly store: Store;
  readonly copiesOfDeleted?: (list: 'claims', id: number) => number;
}

/**
 * The changes to claims that write, delete and audit through the service: a Draft
 * changed or withdrawn (a stale version refused), and an erased partner's claims
 * deleted by the retention schedule six years after the end of their financial
 * year. Registered once per adapter, so both stores keep the same rules.
 */
export function describeClaimRecords(name: string, open: () => Promise<ClaimRecordsStore>): void {
  describe(`claims changed and deleted on ${name}`, () => {
    let opened: ClaimRecordsStore;
    let h: Harness;
    let involvement: Involvement;

    beforeAll(async () => {
      opened = await open();
    });

    afterAll(() => opened.store.close());

    beforeEach(async () => {
      const clock = new TestClock('2026-03-10');
      const service = createPathwayService({
        store: opened.store,
        clock,
        settings: SETTINGS,
        access: { engagementTeamIds: [ENGAGEMENT.id] },
      });
      h = { store: opened.store, clock, service };
      involvement = await activeInvolvement(h, (await advertisedRole(h)).roleId, 'Jordan Ellis');
    });

    const draft = () =>
      h.service.claims.create(LEAD, {
        involvementId: involvement.id,
        activityDate: '2026-03-09',
        description: 'Design group',
        expenses: [{ kind: 'Mileage', miles: 10, receiptHeld: false }],
      });

    const entriesOf = async (claimId: number) =>
      (await h.store.find({ list: 'activity', where: { list: 'claims', itemId: claimId } })).map((entry) => [entry.action, entry.summary]);

    it('saves a change to a draft at its version, refuses one made on the version before, and audits the change', async () => {
      const claim = await draft();
      const changed = await h.service.claims.edit(LEAD, {
        claimId: claim.id,
        version: claim.version,
        expenses: [{ kind: 'Parking', amountPence: 350, receiptHeld: true }],
      });
      expect(await h.store.get('claims', claim.id)).toMatchObject({ version: changed.version, expensesPence: 350 });
      expect(await rejection(h.service.claims.edit(LEAD, { claimId: claim.id, version: claim.version, description: 'Old' }))).toMatchObject(
        {
          code: 'conflict',
        },
      );
      expect(await h.store.get('claims', claim.id)).toMatchObject({ description: 'Design group', expensesPence: 350 });
      expect(await entriesOf(claim.id)).toEqual([
        ['Created', 'Claim recorded'],
        ['Updated', 'Draft claim changed'],
      ]);
    });

    it('withdraws a draft at its version, after refusing the version before, and audits the withdrawal', async () => {
      const claim = await draft();
      const changed = await h.service.claims.edit(LEAD, { claimId: claim.id, version: claim.version, description: 'Design group, March' });
      expect(await rejection(h.service.claims.withdraw(LEAD, { claimId: claim.id, version: claim.version }))).toMatchObject({
        code: 'conflict',
      });
      await h.service.claims.withdraw(LEAD, { claimId: claim.id, version: changed.version });
      expect(await h.store.get('claims', claim.id)).toBeUndefined();
      expect((await entriesOf(claim.id)).at(-1)).toEqual(['Deleted', 'Draft claim withdrawn']);
    });

    it("deletes an erased partner's claims once six years have passed since the end of their financial year, leaving no copy", async () => {
      const claim = await draft();
      const partner = await h.store.get('partners', involvement.partnerId);
      await h.service.personalData.erase(ENGAGEMENT, { partnerId: involvement.partnerId, version: partner?.version });
      h.clock.goTo('2032-03-31');
      await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR);
      expect(await h.store.get('claims', claim.id)).toMatchObject({ description: 'Details erased' });
      h.clock.goTo('2032-04-01');
      expect(await h.service.personalData.deleteErasedClaimsAfterSixYears(RETENTION_ACTOR)).toBeGreaterThanOrEqual(1);
      expect(await h.store.get('claims', claim.id)).toBeUndefined();
      expect((await entriesOf(claim.id)).at(-1)).toEqual([
        'Deleted',
        'Financial record deleted: six years after the end of its financial year',
      ]);
      expect(opened.copiesOfDeleted?.('claims', claim.id) ?? 0).toBe(0);
    });
  });
}
