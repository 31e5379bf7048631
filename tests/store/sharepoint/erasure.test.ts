import { createPathwayService, DEFAULT_ONE_TO_ONE_SETTINGS, DEFAULT_ROLE_SETTINGS, type Principal } from '../../../src/domain';
import { StoreUnavailableError, ValidationError } from '../../../src/domain/errors';
import type { RecordOf } from '../../../src/domain/schema/lists';
import type { ItemRef } from '../../../src/domain/store';
import { MAX_PURGE_ROUNDS } from '../../../src/store/sharepoint/purge';
import {
  aContext,
  anInvolvement,
  aOneToOne,
  aPartner,
  aRole,
  aStaffMember,
  aWorkstream,
  creating,
  deleting,
  unique,
  updating,
} from '../builders';
import { RECYCLE_BIN_STAGE } from './stand-in/site';
import { aStandInForThisFile, rejection } from './support';

const site = aStandInForThisFile();

const partners = () => site.standIn.list('PPP Partners');

/** A partner edited `edits` times, so that SharePoint keeps that many earlier versions. */
async function aPartnerWithHistory(edits: number): Promise<RecordOf<'partners'>> {
  let [partner] = (await site.store.commit([creating('partners', aPartner({ fullName: `Partner ${unique()}` }))], aContext())) as [
    RecordOf<'partners'>,
  ];
  for (let edit = 1; edit <= edits; edit += 1) {
    [partner] = (await site.store.commit([updating('partners', partner, { phone: `07700 90000${edit}` })], aContext())) as [
      RecordOf<'partners'>,
    ];
  }
  return partner;
}

function earlierVersions(id: number): number {
  return site.standIn.site.item(partners(), id).history.length;
}

/** The recycle bin entries (either stage) holding the partner or one of its versions. */
function binCopies(id: number) {
  const folder = partners().ServerRelativeUrl.slice(1);
  return site.standIn.site.recycleBin.filter((entry) => entry.DirName === folder && entry.LeafName === `${id}_.000`);
}

function ref(partner: { id: number }): ItemRef {
  return { list: 'partners', id: partner.id };
}

/**
 * Partner `kept` with three earlier versions, one more version already deleted by a
 * member of staff and moved on to the second-stage recycle bin; partner `deleted`
 * removed (so in the first-stage recycle bin with all its versions); partner
 * `other` with history and a deleted version of its own, not to be touched.
 */
async function anErasureScene() {
  const kept = await aPartnerWithHistory(4);
  site.standIn.site.deleteVersion(partners(), kept.id, 512);
  site.standIn.site.moveToSecondStage(binCopies(kept.id).map((entry) => entry.Id));
  const deleted = await aPartnerWithHistory(2);
  await site.store.commit([deleting('partners', deleted)], aContext());
  const other = await aPartnerWithHistory(2);
  site.standIn.site.deleteVersion(partners(), other.id, 512);
  return { kept, deleted, other };
}

describe('recording who viewed or exported a record', () => {
  const activityFor = (itemId: number) =>
    [...site.standIn.list('PPP Activity').items.values()].map((item) => item.values).filter((values) => values.PPPItemId === itemId);

  it('appends an entry to the PPP Activity list saying who, when, what and which record, with no values', async () => {
    const partner = await aPartnerWithHistory(0);
    const viewer = aStaffMember({ id: 'viewer-1', name: 'Sam Patel' });
    await site.store.recordAccess(
      { list: 'partners', id: partner.id, action: 'Viewed', summary: 'Opened the partner panel' },
      aContext({ actor: viewer, at: '2026-04-01T09:15:00.000Z' }),
    );
    await site.store.recordAccess(
      { list: 'partners', id: partner.id, action: 'Exported', summary: 'Subject access export' },
      aContext({ actor: viewer }),
    );
    const entries = activityFor(partner.id).filter((values) => values.PPPAction !== 'Created');
    expect(entries).toEqual([
      expect.objectContaining({
        PPPAction: 'Viewed',
        PPPActorId: 'viewer-1',
        PPPActorName: 'Sam Patel',
        PPPList: 'partners',
        PPPSummary: 'Opened the partner panel',
        PPPChanges: null,
        PPPAt: '2026-04-01T09:15:00Z',
      }),
      expect.objectContaining({ PPPAction: 'Exported', PPPSummary: 'Subject access export' }),
    ]);
  });

  it('refuses an action that is not a read, and a list that does not exist, writing nothing', async () => {
    const partner = await aPartnerWithHistory(0);
    site.standIn.resetCounts();
    const access = { list: 'partners', id: partner.id, summary: 'x' } as const;
    expect(await rejection(site.store.recordAccess({ ...access, action: 'Created' as 'Viewed' }, aContext()))).toBeInstanceOf(
      ValidationError,
    );
    expect(
      await rejection(site.store.recordAccess({ ...access, list: 'nope' as 'partners', action: 'Viewed' }, aContext())),
    ).toBeInstanceOf(ValidationError);
    expect(site.standIn.requests).toHaveLength(0);
  });

  it('writes one entry when the answer is lost and the create is sent again', async () => {
    const partner = await aPartnerWithHistory(0);
    site.standIn.inject({
      times: 1,
      reset: true,
      afterProcessing: true,
      match: (request) => request.method === 'POST' && request.path.includes('PPP Activity'),
    });
    await site.store.recordAccess({ list: 'partners', id: partner.id, action: 'Viewed', summary: 'Opened the partner panel' }, aContext());
    expect(activityFor(partner.id).filter((values) => values.PPPAction === 'Viewed')).toHaveLength(1);
  });
});

describe('purging the history of erased records', () => {
  it('leaves no earlier version and no copy in either recycle bin stage, and keeps the items as they are now', async () => {
    const { kept, deleted, other } = await anErasureScene();
    expect([earlierVersions(kept.id), binCopies(kept.id).length, binCopies(deleted.id).length]).toEqual([3, 1, 1]);
    const otherBefore = { versions: earlierVersions(other.id), copies: binCopies(other.id) };

    await site.store.purgeHistory([ref(kept), ref(deleted)]);

    expect(earlierVersions(kept.id)).toBe(0);
    expect(binCopies(kept.id)).toEqual([]);
    expect(binCopies(deleted.id)).toEqual([]);
    expect(await site.store.get('partners', kept.id)).toEqual(kept);
    expect(await site.store.get('partners', deleted.id)).toBeUndefined();
    expect({ versions: earlierVersions(other.id), copies: binCopies(other.id) }).toEqual(otherBefore);
  });

  it('costs five round trips when deleted versions go to the recycle bin (one for each read and each batch of deletes), however many items', async () => {
    for (const size of [1, 6]) {
      const scenes = [];
      for (let index = 0; index < size; index += 1) scenes.push(await anErasureScene());
      site.standIn.resetCounts();
      await site.store.purgeHistory(scenes.flatMap(({ kept, deleted }) => [ref(kept), ref(deleted)]));
      expect(site.standIn.requests.map((request) => request.path)).toEqual(Array(5).fill('$batch'));
      expect(
        scenes.every(({ kept, deleted }) => earlierVersions(kept.id) + binCopies(kept.id).length + binCopies(deleted.id).length === 0),
      ).toBe(true);
    }
  });

  it('costs three round trips when SharePoint deletes versions outright rather than recycling them', async () => {
    const { kept, deleted } = await anErasureScene();
    site.standIn.site.recycleDeletedVersions = false;
    site.standIn.resetCounts();
    try {
      await site.store.purgeHistory([ref(kept), ref(deleted)]);
    } finally {
      site.standIn.site.recycleDeletedVersions = true;
    }
    expect(site.standIn.requests).toHaveLength(3);
    expect([earlierVersions(kept.id), binCopies(kept.id).length, binCopies(deleted.id).length]).toEqual([0, 0, 0]);
  });

  it('is safe to repeat: a second purge reads once, finds nothing and changes nothing', async () => {
    const { kept, deleted } = await anErasureScene();
    await site.store.purgeHistory([ref(kept), ref(deleted)]);
    const bin = structuredClone(site.standIn.site.recycleBin);
    site.standIn.resetCounts();
    await site.store.purgeHistory([ref(kept), ref(deleted), ref(kept)]);
    expect(site.standIn.requests).toHaveLength(1);
    expect(site.standIn.operations.every((operation) => operation.method === 'GET')).toBe(true);
    expect(site.standIn.site.recycleBin).toEqual(bin);
  });

  it('asks nothing of SharePoint for no items, and refuses an item of no list without a request', async () => {
    site.standIn.resetCounts();
    await site.store.purgeHistory([]);
    expect(await rejection(site.store.purgeHistory([{ list: 'nope' as 'partners', id: 1 }]))).toBeInstanceOf(ValidationError);
    expect(await rejection(site.store.purgeHistory([{ list: 'partners', id: 0 }]))).toBeInstanceOf(ValidationError);
    expect(site.standIn.requests).toHaveLength(0);
  });

  it('finishes through throttling of whole batches and of single parts, with Retry-After in seconds and as a date', async () => {
    const { kept, deleted } = await anErasureScene();
    site.standIn.inject({ times: 2, status: 429, retryAfter: '1', match: (request) => request.path === '$batch' });
    site.standIn.inject({
      times: 1,
      status: 503,
      retryAfter: new Date(Date.now() + 2000).toUTCString(),
      match: (request) => request.path === '$batch',
    });
    site.standIn.inject({ times: 3, part: true, status: 429, retryAfter: '1', match: (request) => /versions\(\d+\)$/.test(request.path) });
    site.standIn.inject({ times: 1, part: true, status: 503, match: (request) => /DeleteByIds$/i.test(request.path) });
    await site.store.purgeHistory([ref(kept), ref(deleted)]);
    expect([earlierVersions(kept.id), binCopies(kept.id).length, binCopies(deleted.id).length]).toEqual([0, 0, 0]);
  });

  it('does not send deletes again when their answer is lost, and lets the next read find what is left', async () => {
    const { kept, deleted } = await anErasureScene();
    let batches = 0;
    site.standIn.inject({ times: 1, reset: true, afterProcessing: true, match: (request) => request.path === '$batch' && ++batches === 2 });
    site.standIn.resetCounts();
    await site.store.purgeHistory([ref(kept), ref(deleted)]);
    expect([earlierVersions(kept.id), binCopies(kept.id).length, binCopies(deleted.id).length]).toEqual([0, 0, 0]);
    expect(site.standIn.requests).toHaveLength(5);
  });

  it(`gives up after ${MAX_PURGE_ROUNDS} rounds of deletes that SharePoint does not carry out, saying the erasure should be tried again`, async () => {
    const { kept } = await anErasureScene();
    site.standIn.inject({ times: 1000, part: true, status: 500, match: (request) => /DeleteByIds$/i.test(request.path) });
    site.standIn.resetCounts();
    const error = await rejection(site.store.purgeHistory([ref(kept)]));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/Try the erasure again/);
    expect(site.standIn.requests).toHaveLength(2 * MAX_PURGE_ROUNDS + 1);
    expect(earlierVersions(kept.id)).toBe(0);
  });

  it('stops at once when SharePoint refuses the app access to the recycle bin', async () => {
    const { kept } = await anErasureScene();
    site.standIn.inject({ times: 1, part: true, status: 403, match: (request) => /DeleteByIds$/i.test(request.path) });
    const error = await rejection(site.store.purgeHistory([ref(kept)]));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/not allowed into its SharePoint site/);
  });

  it('leaves recycle bin entries of another list alone, even with the same item id', async () => {
    const kept = await aPartnerWithHistory(1);
    const elsewhere = {
      Id: 'a-workstream-with-the-same-id',
      ItemState: RECYCLE_BIN_STAGE.second,
      ItemType: 3,
      LeafName: `${kept.id}_.000`,
      DirName: site.standIn.list('PPP Workstreams').ServerRelativeUrl.slice(1),
      Title: '',
      DeletedDate: '2026-01-01T00:00:00Z',
      Size: 512,
    };
    site.standIn.site.recycleBin.push(elsewhere);
    await site.store.purgeHistory([ref(kept)]);
    expect(site.standIn.site.recycleBin).toContainEqual(elsewhere);
  });
});

describe('erasing a person through the service', () => {
  const engagement: Principal = { id: 'aad-engagement', name: 'Nadia Ali', email: 'nadia.ali@example.nhs.uk', tenantId: 'tenant-1' };

  it('leaves none of their data in any list, any earlier version or either recycle bin stage', async () => {
    const tag = unique();
    const secrets = {
      fullName: `Tamsin Erasable ${tag}`,
      email: `tamsin.${tag}@example.org`,
      postalAddress: `${tag} Example Row\nLeeds`,
      accessNeeds: `Hearing loop ${tag}`,
    };
    const [workstream, role] = (await site.store.commit(
      [creating('workstreams', aWorkstream(), { ref: 'ws' }), creating('roles', aRole({ ref: 'ws' }))],
      aContext(),
    )) as [RecordOf<'workstreams'>, RecordOf<'roles'>];
    let [partner, involvement, oneToOne] = (await site.store.commit(
      [
        creating('partners', aPartner(secrets), { ref: 'p' }),
        creating(
          'involvements',
          anInvolvement({ partnerId: { ref: 'p' }, roleId: role.id, workstreamId: workstream.id }, { chatNotes: `Chat about ${tag}` }),
          { ref: 'i' },
        ),
        creating('oneToOnes', aOneToOne({ ref: 'i' }, workstream.id, { notes: `One-to-one about ${tag}` })),
      ],
      aContext(),
    )) as [RecordOf<'partners'>, RecordOf<'involvements'>, RecordOf<'oneToOnes'>];
    [partner, involvement, oneToOne] = (await site.store.commit(
      [
        updating('partners', partner, { preferredName: `Tam ${tag}` }),
        updating('involvements', involvement, { chatAdjustments: `Captions for ${tag}` }),
        updating('oneToOnes', oneToOne, { notes: `Follow-up about ${tag}` }),
      ],
      aContext(),
    )) as [RecordOf<'partners'>, RecordOf<'involvements'>, RecordOf<'oneToOnes'>];
    const service = createPathwayService({
      store: site.store,
      clock: { now: () => new Date('2026-03-10T12:00:00Z') },
      settings: { ...DEFAULT_ONE_TO_ONE_SETTINGS, ...DEFAULT_ROLE_SETTINGS, timeZone: 'Europe/London' },
      access: { engagementTeamIds: [engagement.id] },
    });

    expect(JSON.stringify(site.standIn.site.lists.map((list) => [...list.items.values()].map((item) => item.history)))).toContain(
      secrets.email,
    );

    await service.personalData.erase(engagement, { partnerId: partner.id, version: partner.version });

    const everything = JSON.stringify(site.standIn.site.lists.map((list) => [...list.items.values()]));
    expect(everything).not.toContain(tag);
    const erased = [
      ['PPP Partners', partner.id],
      ['PPP Involvements', involvement.id],
      ['PPP One-to-ones', oneToOne.id],
    ] as const;
    for (const [title, id] of erased) {
      const folder = site.standIn.list(title).ServerRelativeUrl.slice(1);
      expect(site.standIn.site.recycleBin.filter((entry) => entry.DirName === folder && entry.LeafName === `${id}_.000`)).toEqual([]);
      expect(site.standIn.site.item(site.standIn.list(title), id).history).toEqual([]);
    }
  });
});
