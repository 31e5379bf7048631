import { ConflictError, type CommitContext } from '../../../src/domain';
import { ReadingOnce } from '../../../src/domain/service/read-once';
import { countingStore } from '../../bot/counting-store';
import { harness, LEAD } from './harness';

const AT: CommitContext = { actor: LEAD, at: '2026-03-10T12:00:00.000Z' };

async function arrange() {
  const { store, service } = await harness();
  const workstream = await service.workstreams.create(LEAD, { title: 'Maternity' });
  const counting = countingStore(store);
  return { store, workstream, counting, turn: new ReadingOnce(counting.store) };
}

function rename(id: number, version: number, title: string) {
  return [{ op: 'update' as const, list: 'workstreams' as const, id, version, values: { title } }];
}

describe('A turn reading the store once', () => {
  it('reads the same query, or an item it already read, from the store once', async () => {
    const { workstream, counting, turn } = await arrange();

    const [first] = await turn.find({ list: 'workstreams', where: { title: 'Maternity' } });
    const [again] = await turn.find({ list: 'workstreams', where: { title: 'Maternity' } });
    const [, [byId]] = await turn.findAll([
      { list: 'members', where: { userId: LEAD.id } },
      { list: 'workstreams', where: { id: workstream.id } },
    ] as const);
    const got = await turn.get('workstreams', workstream.id);

    expect([first.title, again.title, byId.title, got?.title]).toEqual(['Maternity', 'Maternity', 'Maternity', 'Maternity']);
    expect(counting.calls).toMatchObject({ find: 1, findAll: 1, get: 0 });
  });

  it('shows what its own commit wrote when it reads after the commit', async () => {
    const { workstream, turn } = await arrange();
    await turn.get('workstreams', workstream.id);
    await turn.find({ list: 'workstreams', where: { title: 'Maternity' } });

    await turn.commit(rename(workstream.id, workstream.version, 'Maternity services'), AT);

    expect((await turn.get('workstreams', workstream.id))?.title).toBe('Maternity services');
    expect(await turn.find({ list: 'workstreams', where: { title: 'Maternity' } })).toEqual([]);
  });

  it('after its commit, reads the lists it wrote afresh, gives the items it wrote as stored, and the other lists from what it read', async () => {
    const { workstream, counting, turn } = await arrange();
    const members = { list: 'members' as const, where: { workstreamId: workstream.id } };
    await turn.findAll([members, { list: 'workstreams', where: { title: 'Maternity' } }] as const);

    await turn.commit(rename(workstream.id, workstream.version, 'Maternity services'), AT);
    counting.reset();
    const [lead, byId] = await Promise.all([turn.find(members), turn.get('workstreams', workstream.id)]);

    expect(lead.map((member) => member.userId)).toEqual([LEAD.id]);
    expect(byId).toMatchObject({ title: 'Maternity services', version: workstream.version + 1 });
    expect(counting.calls).toMatchObject({ find: 0, findAll: 0, get: 0 });
    expect(await turn.find({ list: 'workstreams', where: { title: 'Maternity' } })).toEqual([]);
    expect(counting.calls.find).toBe(1);
  });

  it('leaves conflicts to the stored version: a commit on what the turn read before someone else wrote is refused, and the turn then reads their change', async () => {
    const { store, workstream, turn } = await arrange();
    await turn.get('workstreams', workstream.id);
    await store.commit(rename(workstream.id, workstream.version, 'Maternity and neonatal'), AT);

    await expect(turn.commit(rename(workstream.id, workstream.version, 'Maternity services'), AT)).rejects.toBeInstanceOf(ConflictError);

    expect(await turn.get('workstreams', workstream.id)).toMatchObject({
      title: 'Maternity and neonatal',
      version: workstream.version + 1,
    });
  });

  it('reads the audit trail afresh after recording an access, and the rest from what it read', async () => {
    const { workstream, counting, turn } = await arrange();
    const viewed = { list: 'activity' as const, where: { action: 'Viewed' as const } };
    await turn.findAll([viewed, { list: 'workstreams', where: { id: workstream.id } }] as const);

    await turn.recordAccess({ list: 'workstreams', id: workstream.id, action: 'Viewed', summary: 'Workstream viewed' }, AT);
    const [entries, [again]] = await turn.findAll([viewed, { list: 'workstreams', where: { id: workstream.id } }] as const);

    expect(entries).toHaveLength(1);
    expect(again.title).toBe('Maternity');
    expect(counting.calls.findAll).toBe(2);
  });

  it('asks the store again after a read that failed', async () => {
    const { workstream, counting, turn } = await arrange();
    await counting.store.close();
    await expect(turn.get('workstreams', workstream.id)).rejects.toThrow();
    expect(counting.calls.get).toBe(1);
    await expect(turn.get('workstreams', workstream.id)).rejects.toThrow();
    expect(counting.calls.get).toBe(2);
  });
});
