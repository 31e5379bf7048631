import { LIST_VIEW_THRESHOLD } from './site';
import { SharePointStandIn } from './stand-in-server';

let standIn: SharePointStandIn;

beforeAll(async () => {
  standIn = await SharePointStandIn.start();
});

afterAll(async () => {
  await standIn.stop();
});

async function call(
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; message: string; json: Record<string, unknown> }> {
  const response = await fetch(`${standIn.siteUrl}/_api/${path}`, {
    method: method === 'GET' ? 'GET' : 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(method === 'GET' || method === 'POST' ? {} : { 'X-HTTP-Method': method }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const error = json['odata.error'] as { message: { value: string } } | undefined;
  return { status: response.status, message: error?.message.value ?? '', json };
}

describe('the stand-in refuses what SharePoint refuses', () => {
  it('creates a list from the list creation properties only: versioning is set by an update after', async () => {
    const refused = await call('web/lists', 'POST', { Title: 'Strict', BaseTemplate: 100, EnableVersioning: true, MajorVersionLimit: 50 });
    expect(refused).toMatchObject({ status: 400, message: expect.stringContaining("'EnableVersioning'") });
    expect(standIn.site.lists.map((list) => list.Title)).not.toContain('Strict');
    expect((await call('web/lists', 'POST', { Title: 'Strict', BaseTemplate: 100, Description: 'A list' })).status).toBe(201);
    expect((await call("web/lists/getbytitle('Strict')", 'MERGE', { EnableVersioning: true, MajorVersionLimit: 20 })).status).toBe(204);
    expect(standIn.list('Strict')).toMatchObject({ EnableVersioning: true, MajorVersionLimit: 20 });
  });

  it('refuses a read of fields selecting a derived type’s property, in SharePoint’s words, and gives the definition instead', async () => {
    const refused = await call("web/lists/getbytitle('Strict')/fields?$select=InternalName,MaxLength");
    expect(refused).toMatchObject({
      status: 400,
      message:
        "The property 'MaxLength' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.",
    });
    const read = await call("web/lists/getbytitle('Strict')/fields?$select=InternalName,SchemaXml");
    expect(read.json.value).toEqual([
      { InternalName: 'Title', SchemaXml: expect.stringMatching(/^<Field .*Type="Text".*MaxLength="255"/) },
    ]);
  });

  it('past the threshold, refuses a sort on a column without an index even when an indexed filter narrows the read', async () => {
    await call("web/lists/getbytitle('Strict')/fields/createfieldasxml", 'POST', {
      parameters: { SchemaXml: '<Field Type="Number" Name="Group" Indexed="TRUE"/>' },
    });
    await call("web/lists/getbytitle('Strict')/fields/createfieldasxml", 'POST', {
      parameters: { SchemaXml: '<Field Type="Number" Name="Rank"/>' },
    });
    const rows = Array.from({ length: LIST_VIEW_THRESHOLD + 1 }, (_, index) => ({ Group: index % 10, Rank: index }));
    standIn.site.seed(standIn.list('Strict'), rows);
    const items = "web/lists/getbytitle('Strict')/items?$filter=Group eq 3";
    expect(await call(`${items}&$orderby=Rank`)).toMatchObject({ status: 500, message: expect.stringContaining('list view threshold') });
    expect(await call("web/lists/getbytitle('Strict')/items?$orderby=Rank")).toMatchObject({ status: 500 });
    expect(await call(`${items}&$orderby=Group,Id&$top=5`)).toMatchObject({ status: 200 });
  });

  it('shows text, numbers and dates through a lookup only, and only a lookup the read expands', async () => {
    await call('web/lists', 'POST', { Title: 'Targets', BaseTemplate: 100 });
    await call('web/lists', 'POST', { Title: 'Pointers', BaseTemplate: 100 });
    const field = (list: string, schemaXml: string) =>
      call(`web/lists/getbytitle('${list}')/fields/createfieldasxml`, 'POST', { parameters: { SchemaXml: schemaXml } });
    await field('Targets', '<Field Type="Choice" Name="Colour"><CHOICES><CHOICE>Red</CHOICE></CHOICES></Field>');
    await field('Targets', '<Field Type="Text" Name="Label"/>');
    await field('Pointers', `<Field Type="Lookup" Name="Target" List="{${standIn.list('Targets').Id}}" ShowField="ID"/>`);
    await call("web/lists/getbytitle('Targets')/items", 'POST', { Title: 'One', Colour: 'Red', Label: 'First' });
    await call("web/lists/getbytitle('Pointers')/items", 'POST', { Title: 'Pointer', TargetId: 1 });
    const items = "web/lists/getbytitle('Pointers')/items";

    expect(await call(`${items}?$select=Id,Target/Label`)).toMatchObject({
      status: 400,
      message: expect.stringContaining('the $expand query string must contains Target'),
    });
    expect(await call(`${items}?$select=Id,Target/Colour&$expand=Target`)).toMatchObject({
      status: 400,
      message: expect.stringContaining("a column of type 'Choice' cannot be shown through a lookup"),
    });
    expect((await call(`${items}?$select=Id,Target/Label,Target/Id&$expand=Target`)).json.value).toEqual([
      { 'odata.etag': '"1"', Id: 1, Target: { Label: 'First', Id: 1 } },
    ]);
  });
});
