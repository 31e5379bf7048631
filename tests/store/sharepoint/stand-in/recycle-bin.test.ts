import { SharePointStandIn } from './stand-in-server';

let standIn: SharePointStandIn;

beforeAll(async () => {
  standIn = await SharePointStandIn.start();
});

afterAll(async () => {
  await standIn.stop();
});

async function call(path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${standIn.siteUrl}/_api/${path}`, {
    method: method === 'GET' ? 'GET' : 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(method === 'GET' || method === 'POST' ? {} : { 'X-HTTP-Method': method, 'IF-Match': '*' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const values = (answer: { json: Record<string, unknown> }) => answer.json.value as Array<Record<string, unknown>>;

describe('the stand-in’s version history and recycle bins', () => {
  const list = "web/lists/getbytitle('Notes')";

  beforeAll(async () => {
    await call('web/lists', 'POST', { Title: 'Notes', BaseTemplate: 100 });
    await call(list, 'MERGE', { EnableVersioning: true, MajorVersionLimit: 50 });
    await call(`${list}/items`, 'POST', { Title: 'first' });
    await call(`${list}/items(1)`, 'MERGE', { Title: 'second' });
    await call(`${list}/items(1)`, 'MERGE', { Title: 'third' });
  });

  it('lists an item’s versions current first, numbered 512 apart, as SP.ListItemVersion', async () => {
    const versions = values(await call(`${list}/items(1)/versions?$select=VersionId,VersionLabel,IsCurrentVersion`));
    expect(versions).toEqual([
      { 'odata.type': 'SP.ListItemVersion', VersionId: 1536, VersionLabel: '3.0', IsCurrentVersion: true },
      { 'odata.type': 'SP.ListItemVersion', VersionId: 1024, VersionLabel: '2.0', IsCurrentVersion: false },
      { 'odata.type': 'SP.ListItemVersion', VersionId: 512, VersionLabel: '1.0', IsCurrentVersion: false },
    ]);
  });

  it('refuses to delete the current version, and recycles an earlier one into the first stage', async () => {
    expect((await call(`${list}/items(1)/versions(1536)`, 'DELETE')).status).toBe(400);
    expect((await call(`${list}/items(1)/versions(512)`, 'DELETE')).status).toBe(200);
    expect(values(await call('web/RecycleBin'))).toEqual([
      expect.objectContaining({
        'odata.type': 'SP.RecycleBinItem',
        ItemType: 8,
        ItemState: 1,
        LeafName: '1_.000',
        DirName: 'sites/pathway/Lists/Notes',
        Title: 'Version 1.0',
      }),
    ]);
  });

  it('moves an entry deleted from the first stage on to the second, where only the site collection’s bin reaches it', async () => {
    await call(`${list}/items(1)`, 'DELETE');
    const first = values(await call("web/RecycleBin?$filter=LeafName eq '1_.000' and ItemType eq 3&$select=Id,ItemState"));
    expect(first).toEqual([{ 'odata.type': 'SP.RecycleBinItem', 'odata.id': expect.any(String), Id: expect.any(String), ItemState: 1 }]);
    await call('web/RecycleBin/DeleteByIds', 'POST', { ids: [first[0].Id] });
    expect(values(await call('web/RecycleBin')).map((entry) => entry.ItemType)).toEqual([8]);
    expect(values(await call('site/RecycleBin')).map((entry) => [entry.ItemType, entry.ItemState])).toEqual([
      [8, 1],
      [3, 2],
    ]);
    await call('site/RecycleBin/DeleteByIds', 'POST', { ids: [first[0].Id] });
    expect(values(await call('site/RecycleBin')).map((entry) => entry.ItemType)).toEqual([8]);
  });
});
