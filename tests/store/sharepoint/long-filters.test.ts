import { randomUUID } from 'node:crypto';
import type { RecordOf } from '../../../src/domain/schema/lists';
import { itemBody } from '../../../src/store/sharepoint/codec';
import { SYSTEM_FIELDS } from '../../../src/store/sharepoint/names';
import { MAX_URL_LENGTH } from './stand-in/stand-in-server';
import { aStandInForThisFile } from './support';

const PEOPLE = 600;
const shared = aStandInForThisFile();

function seedMembers(): Array<RecordOf<'members'>['userId']> {
  const userIds = Array.from({ length: PEOPLE }, (_, index) => `person-${String(index).padStart(4, '0')}-${randomUUID()}`);
  shared.standIn.site.seed(
    shared.standIn.list('PPP Members'),
    userIds.map((userId, index) => ({
      ...itemBody('members', { workstreamId: null, userId, userName: `Person ${PEOPLE - index}` }),
      [SYSTEM_FIELDS.key]: randomUUID(),
      [SYSTEM_FIELDS.created]: '2026-03-02T10:00:00Z',
      [SYSTEM_FIELDS.modified]: '2026-03-02T10:00:00Z',
    })),
  );
  return userIds;
}

let userIds: string[];
beforeAll(() => {
  userIds = seedMembers();
});

describe('long "is one of" conditions on SharePoint', () => {
  it('refuses a URL longer than SharePoint accepts with 414 and an HTML page, as the web server in front of SharePoint does', async () => {
    const long = `${shared.standIn.siteUrl}/_api/web/lists/getbytitle('PPP%20Members')/items?$filter=${'Id%20eq%201%20or%20'.repeat(200)}Id%20eq%201`;
    const answer = await fetch(long, { headers: { Accept: 'application/json' } });
    expect(answer.status).toBe(414);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answer.text()).toMatch(/The request URL is too long/);
  });

  it('reads items by hundreds of ids in one round trip, every URL within the limit', async () => {
    const everyone = await shared.store.find({ list: 'members', where: { userId: userIds.slice(0, 1) } });
    const ids = Array.from({ length: PEOPLE }, (_, index) => everyone[0].id + index);
    shared.standIn.resetCounts();
    const found = await shared.store.find({ list: 'members', where: { id: ids } });
    expect(found.map((member) => member.id)).toEqual(ids);
    expect(shared.standIn.requests).toHaveLength(1);
    expect(shared.standIn.operations.length).toBeGreaterThan(1);
    for (const operation of shared.standIn.operations) expect(operation.target.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
  });

  it('answers a long condition beside other queries in one batch, ordered and cut to top as one query would be', async () => {
    shared.standIn.resetCounts();
    const [byName, firstTen, none] = await shared.store.findAll([
      { list: 'members', where: { userId: userIds, workstreamId: null }, orderBy: [{ field: 'userName', descending: true }] },
      { list: 'members', where: { userId: [...userIds].reverse() }, orderBy: [{ field: 'userId' }], top: 10 },
      { list: 'members', where: { userId: [] } },
    ]);
    expect(shared.standIn.requests).toHaveLength(1);
    expect(byName).toHaveLength(PEOPLE);
    const names = byName.map((member) => member.userName.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
    expect(firstTen.map((member) => member.userId)).toEqual(userIds.slice(0, 10));
    expect(none).toEqual([]);
  });
});
