import { ConflictError, RefusedError, StoreUnavailableError } from '../../../src/domain/errors';
import type { RecordOf } from '../../../src/domain/schema/lists';
import { aContext, aPartner, aRole, anInvolvement, aOneToOne, aWorkstream, creating, deleting, updating } from '../builders';
import { SharePointStandIn } from './stand-in/stand-in-server';
import { aStandInForThisFile, aStoreOn, rejection } from './support';

const site = aStandInForThisFile();

/** A workstream with one role and `partners` partners, each with an involvement and a one-to-one. */
async function aWorkstreamWith(partners: number) {
  const [workstream, role] = (await site.store.commit(
    [creating('workstreams', aWorkstream(), { ref: 'ws' }), creating('roles', aRole({ ref: 'ws' }))],
    aContext(),
  )) as [RecordOf<'workstreams'>, RecordOf<'roles'>];
  for (let index = 0; index < partners; index += 1) {
    await site.store.commit(
      [
        creating('partners', aPartner({ fullName: `Partner ${index}` }), { ref: 'p' }),
        creating('involvements', anInvolvement({ partnerId: { ref: 'p' }, roleId: role.id, workstreamId: workstream.id }), { ref: 'i' }),
        creating('oneToOnes', aOneToOne({ ref: 'i' }, workstream.id)),
      ],
      aContext(),
    );
  }
  return { workstream, role };
}

describe('reads', () => {
  it('answers a workstream dashboard in one round trip, whatever the number of partners', async () => {
    for (const partners of [1, 12]) {
      const { workstream } = await aWorkstreamWith(partners);
      site.standIn.resetCounts();
      const [roles, involvements, oneToOnes] = await site.store.findAll([
        { list: 'roles', where: { workstreamId: workstream.id } },
        { list: 'involvements', where: { workstreamId: workstream.id } },
        { list: 'oneToOnes', where: { workstreamId: workstream.id } },
      ] as const);
      expect([roles.length, involvements.length, oneToOnes.length]).toEqual([1, partners, partners]);
      expect(site.standIn.requests.map((request) => request.path)).toEqual(['$batch']);
    }
  });

  it('reads a partner’s Peer Support Network status through the involvement’s lookup from its text copy, written with every change of the partner', async () => {
    const { workstream } = await aWorkstreamWith(2);
    const [involvements] = await site.store.findAll([{ list: 'involvements', where: { workstreamId: workstream.id } }] as const);
    const [first] = await site.store.find({ list: 'partners', where: { id: involvements[0].partnerId } });
    await site.store.commit([updating('partners', first, { peerNetworkStatus: 'Declined' })], aContext());
    // The other partner's copy is gone, as on an item written before the copy existed.
    site.standIn.list('PPP Partners').items.get(involvements[1].partnerId)!.values.PPPPeerNetworkStatusText = null;
    site.standIn.resetCounts();
    const [expanded] = await site.store.findAll([
      {
        list: 'involvements',
        where: { workstreamId: workstream.id },
        expand: { lookup: 'partnerId', list: 'partners', fields: ['peerNetworkStatus'] },
      },
    ] as const);
    expect(expanded.map((involvement) => involvement.expanded)).toEqual([
      { peerNetworkStatus: 'Declined' },
      { peerNetworkStatus: 'Not invited' },
    ]);
    expect(site.standIn.requests).toHaveLength(2);
    expect(decodeURIComponent(site.standIn.operations[0].target)).toContain('PPPPartner/PPPPeerNetworkStatusText&$expand=PPPPartner');
  });

  it('names every property it reads with $select', async () => {
    const { workstream } = await aWorkstreamWith(1);
    site.standIn.resetCounts();
    await site.store.find({ list: 'involvements', where: { workstreamId: workstream.id } });
    await site.store.get('workstreams', workstream.id);
    const reads = site.standIn.operations.filter((operation) => operation.method === 'GET');
    expect(reads).toHaveLength(2);
    for (const read of reads) expect(read.path).toMatch(/[?&]\$select=Id,PPPKey,/);
  });

  it('sends the decorated User-Agent Microsoft asks for on every request', async () => {
    site.standIn.resetCounts();
    await site.store.find({ list: 'workstreams', top: 1 });
    expect(site.standIn.requests[0].headers['user-agent']).toBe('NONISV|Test ICS|PartnerPathway/0.0.0-test');
  });

  it.each([
    ['an apostrophe', "Siobhán O'Brien"],
    ['an ampersand', 'Carers & families'],
    ['a hash', 'Ward #7 voices'],
    ['a percent sign', '100% lived experience'],
    ['a plus and a question mark', 'C++ or not? 1+1'],
    ['non-Latin scripts', 'Ffion Jones – Гаянэ – 李小龍 – أحمد'],
  ])('finds a workstream by a title with %s, escaped in $filter', async (_what, title) => {
    const [created] = await site.store.commit([creating('workstreams', aWorkstream({ title }))], aContext());
    site.standIn.resetCounts();
    const found = await site.store.find({ list: 'workstreams', where: { title } });
    expect(found.map((workstream) => workstream.id)).toEqual([(created as RecordOf<'workstreams'>).id]);
    expect(site.standIn.operations[0].path).toContain(`PPPTitle eq '${title.replaceAll("'", "''")}'`);
  });
});

describe('a site that is not provisioned', () => {
  it('says the lists need provisioning, for reads and writes alike', async () => {
    const empty = await SharePointStandIn.start();
    const unprovisioned = aStoreOn(empty);
    try {
      const failures = [
        await rejection(unprovisioned.get('workstreams', 1)),
        await rejection(unprovisioned.find({ list: 'workstreams', where: { title: 'Any' } })),
        await rejection(unprovisioned.commit([creating('workstreams', aWorkstream())], aContext())),
      ];
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(StoreUnavailableError);
        expect((failure as Error).message).toContain('npm run provision');
      }
    } finally {
      await unprovisioned.close();
      await empty.stop();
    }
  });
});

describe('writes', () => {
  it('refuses to delete a workstream that roles still refer to, and keeps it', async () => {
    const { workstream } = await aWorkstreamWith(0);
    const error = await rejection(site.store.commit([deleting('workstreams', workstream)], aContext()));
    expect(error).toBeInstanceOf(RefusedError);
    expect(error).toMatchObject({ code: 'in-use', details: { references: { roles: 1 } } });
    expect(await site.store.get('workstreams', workstream.id)).toEqual(workstream);
  });

  it('sends the version it read as If-Match with every update and delete, never a blind overwrite', async () => {
    const { role } = await aWorkstreamWith(0);
    const [spare] = (await site.store.commit([creating('workstreams', aWorkstream({ title: `Spare ${Date.now()}` }))], aContext())) as [
      RecordOf<'workstreams'>,
    ];
    site.standIn.resetCounts();
    await site.store.commit([updating('roles', role, { title: 'Edited with its version' })], aContext());
    await site.store.commit([deleting('workstreams', spare)], aContext());
    const writes = site.standIn.operations.filter((operation) => operation.method === 'MERGE' || operation.method === 'DELETE');
    expect(writes.map((operation) => [operation.method, operation.headers['if-match']])).toEqual([
      ['MERGE', `"${role.version}"`],
      ['DELETE', `"${spare.version}"`],
    ]);
  });

  it('refuses the slower of two concurrent edits of the same item with a conflict, keeping the first', async () => {
    const { role } = await aWorkstreamWith(0);
    const other = aStoreOn(site.standIn);
    const results = await Promise.allSettled([
      site.store.commit([updating('roles', role, { title: 'Edited in the tab' })], aContext()),
      other.commit([updating('roles', role, { title: 'Edited in the bot' })], aContext()),
    ]);
    await other.close();
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(ConflictError);
    const stored = await site.store.get('roles', role.id);
    expect(stored?.version).toBe(2);
    expect(['Edited in the tab', 'Edited in the bot']).toContain(stored?.title);
  });

  it('undoes the rest of a commit when an item changes in SharePoint between the check and the write (412)', async () => {
    const { workstream, role } = await aWorkstreamWith(0);
    const newTitle = `Written then undone ${Date.now()}`;
    // Someone edits the role in the list itself just before the adapter's MERGE reaches it.
    site.standIn.inject({
      times: 1,
      part: true,
      match: (request) => {
        if (request.method === 'MERGE' && request.path.includes(`items(${role.id})`)) {
          const item = site.standIn.list('PPP Roles').items.get(role.id);
          if (item && item.version === role.version) item.version += 1;
        }
        return false;
      },
    });
    const error = await rejection(
      site.store.commit(
        [creating('roles', aRole(workstream.id, { title: newTitle })), updating('roles', role, { title: 'Based on an old read' })],
        aContext(),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(await site.store.find({ list: 'roles', where: { workstreamId: workstream.id, title: newTitle } })).toEqual([]);
    expect((await site.store.get('roles', role.id))?.title).toBe(role.title);
    const audit = await site.store.find({ list: 'activity', where: { list: 'roles', itemId: role.id } });
    expect(audit.map((entry) => entry.action)).toEqual(['Created']);
    // The role the commit created, then removed when it was undone, is in the trail as removed again.
    const removed = (await site.store.find({ list: 'activity', where: { list: 'roles', action: 'Deleted' } })).filter(
      (entry) => entry.summary === 'Removed again after a failure: Created',
    );
    expect(removed).toHaveLength(1);
    expect(site.standIn.list('PPP Roles').items.has(removed[0].itemId)).toBe(false);
  });

  it('sends an update with its audit entry in one batch, after one batch of checks', async () => {
    const { role } = await aWorkstreamWith(0);
    site.standIn.resetCounts();
    await site.store.commit([updating('roles', role, { title: `Retitled ${Date.now()}` }, 'Retitled')], aContext());
    expect(site.standIn.requests).toHaveLength(2);
    const writes = site.standIn.operations.filter((operation) => operation.method !== 'GET');
    expect(writes.map((operation) => operation.method)).toEqual(['MERGE', 'POST']);
    expect(writes[1].path).toMatch(/PPP Activity'\)\/items$/);
  });

  it('undoes an update when its audit entry, sent in the same batch, is refused', async () => {
    const { role } = await aWorkstreamWith(0);
    site.standIn.inject({
      times: 1,
      part: true,
      status: 400,
      match: (request) => request.method === 'POST' && /PPP Activity'\)\/items$/.test(request.path),
    });
    await rejection(
      site.store.commit([updating('roles', role, { title: 'Never audited' }, 'Retitled')], aContext({ key: 'card-1:role.save' })),
    );
    const stored = await site.store.get('roles', role.id);
    expect(stored?.title).toBe(role.title);
    // Two versions on (written, then put back); the trail says so, with no values and no action key, so the action may be tried again.
    expect(stored?.version).toBe(role.version + 2);
    const audit = await site.store.find({ list: 'activity', where: { list: 'roles', itemId: role.id } });
    expect(audit.map(({ action, summary, changes, operation }) => ({ action, summary, changes, operation }))).toEqual([
      expect.objectContaining({ action: 'Created' }),
      { action: 'Updated', summary: 'Undone after a failure: Retitled', changes: null, operation: null },
    ]);
  });

  it('deletes nothing when the audit entry of the delete is refused: the entry goes first, the delete last', async () => {
    const [spare] = (await site.store.commit([creating('workstreams', aWorkstream({ title: `Kept ${Date.now()}` }))], aContext())) as [
      RecordOf<'workstreams'>,
    ];
    site.standIn.inject({
      times: 1,
      part: true,
      status: 400,
      match: (request) => request.method === 'POST' && /PPP Activity'\)\/items$/.test(request.path),
    });
    await rejection(site.store.commit([deleting('workstreams', spare)], aContext()));
    expect(await site.store.get('workstreams', spare.id)).toEqual(spare);
  });

  it('makes one item when the answer to a create is lost and the create is sent again', async () => {
    const title = `Lost answer ${Date.now()}`;
    let batches = 0;
    // The first batch is the checks before writing; the second holds the create.
    site.standIn.inject({ times: 1, afterProcessing: true, reset: true, match: (request) => request.path === '$batch' && ++batches === 2 });
    site.standIn.resetCounts();
    const [created] = await site.store.commit([creating('workstreams', aWorkstream({ title }))], aContext());
    const creates = site.standIn.operations.filter(
      (operation) => operation.method === 'POST' && /Workstreams'\)\/items$/.test(operation.path),
    );
    expect(creates).toHaveLength(2);
    const found = await site.store.find({ list: 'workstreams', where: { title } });
    expect(found).toEqual([created]);
    const audit = await site.store.find({ list: 'activity', where: { list: 'workstreams', itemId: found[0].id } });
    expect(audit).toHaveLength(1);
  });

  it('does not send an update again when the connection drops; having checked that it was not done, says the store is unavailable', async () => {
    const { workstream, role } = await aWorkstreamWith(0);
    const title = `Made with the update ${Date.now()}`;
    site.standIn.resetCounts();
    let batches = 0;
    site.standIn.inject({ times: 1, reset: true, match: (request) => request.path === '$batch' && ++batches === 2 });
    const error = await rejection(
      site.store.commit(
        [creating('roles', aRole(workstream.id, { title })), updating('roles', role, { title: 'Maybe written' })],
        aContext(),
      ),
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(site.standIn.operations.filter((operation) => operation.method === 'MERGE')).toHaveLength(0);
    expect(await site.store.get('roles', role.id)).toEqual(role);
    expect(await site.store.find({ list: 'roles', where: { workstreamId: workstream.id, title } })).toEqual([]);
  });

  it('finds out that an update was done when its answer is lost, and completes the commit without sending it again', async () => {
    const { role } = await aWorkstreamWith(0);
    site.standIn.resetCounts();
    let batches = 0;
    site.standIn.inject({ times: 1, reset: true, afterProcessing: true, match: (request) => request.path === '$batch' && ++batches === 2 });
    const [updated] = await site.store.commit([updating('roles', role, { title: 'Written, answer lost' }, 'Retitled')], aContext());
    expect(updated).toMatchObject({ title: 'Written, answer lost', version: 2 });
    expect(await site.store.get('roles', role.id)).toEqual(updated);
    expect(site.standIn.operations.filter((operation) => operation.method === 'MERGE')).toHaveLength(1);
    const audit = await site.store.find({ list: 'activity', where: { list: 'roles', itemId: role.id } });
    expect(audit.map((entry) => entry.summary)).toEqual([null, 'Retitled']);
  });
});

describe('throttling', () => {
  it('writes every change exactly once through a storm of 429 and 503 answers, whole batches and single parts alike', async () => {
    const { workstream, role } = await aWorkstreamWith(0);
    let count = 0;
    const everyThird = () => {
      count += 1;
      return count % 3 === 0;
    };
    site.standIn.inject({ times: 1000, status: 429, retryAfter: '1', match: everyThird });
    site.standIn.inject({ times: 1000, status: 503, retryAfter: new Date(Date.now() + 5000).toUTCString(), match: () => count % 5 === 0 });
    site.standIn.inject({ times: 1000, part: true, status: 429, retryAfter: '2', match: everyThird });
    const keys: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const change = creating('partners', aPartner({ fullName: `Storm partner ${index}` }), { ref: 'p' });
      keys.push((change as { key: string }).key);
      await site.store.commit(
        [change, creating('involvements', anInvolvement({ partnerId: { ref: 'p' }, roleId: role.id, workstreamId: workstream.id }))],
        aContext(),
      );
    }
    site.standIn.clearFaults();
    const involvements = await site.store.find({ list: 'involvements', where: { workstreamId: workstream.id } });
    expect(involvements).toHaveLength(8);
    const partners = await site.store.find({ list: 'partners', where: { id: involvements.map((involvement) => involvement.partnerId) } });
    expect(partners.map((partner) => partner.key).sort()).toEqual([...keys].sort());
    const audit = await site.store.find({
      list: 'activity',
      where: { list: 'involvements', itemId: involvements.map((involvement) => involvement.id) },
    });
    expect(audit).toHaveLength(8);
  });

  it('gives up with "store unavailable" once the retries are used up, having written nothing', async () => {
    const title = `Never through ${Date.now()}`;
    site.standIn.inject({ times: 1000, status: 503, match: () => true });
    const error = await rejection(site.store.commit([creating('workstreams', aWorkstream({ title }))], aContext()));
    site.standIn.clearFaults();
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(await site.store.find({ list: 'workstreams', where: { title } })).toEqual([]);
  });
});
