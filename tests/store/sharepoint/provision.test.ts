import { columnsOf, LISTS, type ListName } from '../../../src/domain/schema/lists';
import { provision, type ProvisionReport } from '../../../src/store/sharepoint';
import { INTERNAL_NAME_MAX, spColumns } from '../../../src/store/sharepoint/names';
import { LIST_VERSIONING, MAX_INDEXES, WANTED_VIEWS } from '../../../src/store/sharepoint/provision';
import { aContext, aWorkstream, creating } from '../builders';
import { SharePointStandIn } from './stand-in/stand-in-server';
import { aStoreOn, connectionTo } from './support';

const LIST_NAMES = Object.keys(LISTS) as ListName[];

function outcomes(report: ProvisionReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const step of report.steps) counts[step.outcome] = (counts[step.outcome] ?? 0) + 1;
  return counts;
}

describe('provisioning a site', () => {
  let standIn: SharePointStandIn;
  let first: ProvisionReport;
  const lines: string[] = [];

  beforeAll(async () => {
    standIn = await SharePointStandIn.start();
    first = await provision(connectionTo(standIn), (line) => lines.push(line));
  });

  afterAll(async () => {
    await standIn.stop();
  });

  it('creates every list of the schema with its readable title', () => {
    expect(standIn.site.lists.map((list) => list.Title)).toEqual(LIST_NAMES.map((list) => LISTS[list].title));
    expect(first.steps.filter((step) => step.target.startsWith('list ')).every((step) => step.outcome === 'created')).toBe(true);
  });

  it('creates each list with SharePoint’s list creation properties only, and turns version history on with an update after', () => {
    const creations = standIn.requests.filter((request) => request.method === 'POST' && /^web\/lists\/?$/i.test(request.path));
    expect(creations).toHaveLength(LIST_NAMES.length);
    const updates = standIn.requests.filter(
      (request) => request.method === 'MERGE' && /^web\/lists\/getbytitle\('[^']+'\)$/i.test(request.path),
    );
    expect(updates).toHaveLength(LIST_NAMES.length);
  });

  it('reads the columns on the site selecting only what every SharePoint field has', () => {
    const reads = standIn.requests.filter((request) => request.method === 'GET' && /\/fields\?/i.test(request.path));
    expect(reads).toHaveLength(LIST_NAMES.length);
    for (const read of reads) expect(read.path).not.toMatch(/MaxLength|Choices/);
  });

  it('turns version history on for every list, so staff can see earlier values', () => {
    for (const list of standIn.site.lists.filter((candidate) => candidate.Title !== LISTS.monitoringTallies.title))
      expect(list).toMatchObject({ EnableVersioning: true, MajorVersionLimit: LIST_VERSIONING.MajorVersionLimit });
  });

  it('keeps no version history of the equality monitoring counts, where each version would keep what one form added', () => {
    expect(standIn.list(LISTS.monitoringTallies.title).EnableVersioning).toBe(false);
  });

  it('creates every column with its type, title, required flag, length, choices and index', () => {
    for (const list of LIST_NAMES) {
      const fields = standIn.list(LISTS[list].title).fields;
      for (const column of spColumns(list)) {
        const field = fields.find((candidate) => candidate.InternalName === column.internalName);
        expect(field).toBeDefined();
        expect(field).toMatchObject({ Title: column.meta.title, Indexed: column.meta.indexed });
        if (column.meta.kind !== 'boolean') expect(field?.Required).toBe(column.meta.required);
        if (column.meta.kind === 'text') expect(field).toMatchObject({ TypeAsString: 'Text', MaxLength: column.meta.maxLength });
        if (column.meta.choices) expect(field?.Choices).toEqual(column.meta.choices);
        if (column.meta.kind === 'lookup') {
          const target = standIn.list(LISTS[column.meta.lookupList as ListName].title);
          expect(field).toMatchObject({ TypeAsString: 'Lookup', LookupList: `{${target.Id}}`, RelationshipDeleteBehavior: 1 });
        }
      }
      expect(fields.find((field) => field.InternalName === 'PPPKey')).toMatchObject({
        Indexed: true,
        EnforceUniqueValues: true,
        Required: true,
      });
      expect(fields.find((field) => field.InternalName === 'Title')?.Required).toBe(false);
      expect(fields.filter((field) => field.Indexed).length).toBeLessThanOrEqual(MAX_INDEXES);
    }
  });

  it('gives dates date-only fields and instants date-and-time fields', () => {
    const roles = standIn.list('PPP Roles').fields;
    expect(roles.find((field) => field.InternalName === 'PPPClosingDate')).toMatchObject({ TypeAsString: 'DateTime', DisplayFormat: 0 });
    expect(roles.find((field) => field.InternalName === 'PPPAdvertDecidedAt')).toMatchObject({
      TypeAsString: 'DateTime',
      DisplayFormat: 1,
    });
  });

  it('keeps every internal name within SharePoint’s 32 characters', () => {
    for (const list of LIST_NAMES) {
      for (const column of spColumns(list)) {
        expect(column.internalName.length).toBeLessThanOrEqual(INTERNAL_NAME_MAX);
        expect((column.answeredProperty ?? '').length).toBeLessThanOrEqual(INTERNAL_NAME_MAX);
      }
    }
  });

  it('creates the views staff use, with their filters and columns', () => {
    for (const wanted of WANTED_VIEWS) {
      const view = standIn.list(LISTS[wanted.list].title).views.find((candidate) => candidate.Title === wanted.title);
      expect(view).toMatchObject({ ViewQuery: wanted.query, ViewFields: [...wanted.fields] });
    }
    expect(WANTED_VIEWS.map((view) => view.title)).toEqual([
      'By stage',
      'Induction in progress',
      'One-to-ones due in 14 days',
      'Overdue one-to-ones',
      'Awaiting approval',
      'Claims awaiting approval',
    ]);
  });

  it('names only columns of its own list in each view', () => {
    for (const wanted of WANTED_VIEWS) {
      const names = spColumns(wanted.list).map((column) => column.internalName);
      const referenced = [...wanted.query.matchAll(/FieldRef Name="(\w+)"/g)].map((match) => match[1]);
      expect([...wanted.fields, ...referenced].filter((name) => !names.includes(name as string))).toEqual([]);
    }
  });

  it('prints its progress and what it created', () => {
    expect(lines[0]).toBe(`[1/${LIST_NAMES.length}] PPP Workstreams`);
    expect(lines).toContain('  created list PPP Roles');
    expect(lines.at(-1)).toMatch(/^Done: \d+ created, \d+ changed, \d+ left alone\.$/);
  });

  it('changes nothing when run a second time, and reports everything left alone', async () => {
    standIn.resetCounts();
    const second = await provision(connectionTo(standIn));
    expect(outcomes(second)).toEqual({ 'left alone': second.steps.length });
    const madeOnce = first.steps.filter((step) => !step.target.endsWith(' / Title')).map((step) => step.target);
    expect(second.steps.map((step) => step.target)).toEqual(madeOnce);
    expect(standIn.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});

describe('provisioning a site that already has data', () => {
  let standIn: SharePointStandIn;

  beforeAll(async () => {
    standIn = await SharePointStandIn.start();
    await provision(connectionTo(standIn));
  });

  afterAll(async () => {
    await standIn.stop();
  });

  it('adds the columns a newer schema has to a list already provisioned, and the items on the site stay', async () => {
    const store = aStoreOn(standIn);
    const [workstream] = await store.commit([creating('workstreams', aWorkstream({ title: 'Before the upgrade' }))], aContext());
    const involvements = standIn.list('PPP Involvements');
    const added = ['PPPInductionDone', 'PPPInductionTotal', 'PPPInductionStillRequired'];
    involvements.fields = involvements.fields.filter((field) => !added.includes(field.InternalName));
    const report = await provision(connectionTo(standIn));
    expect(report.steps.filter((step) => step.outcome === 'created').map((step) => step.target)).toEqual([
      'column PPP Involvements / Induction items done',
      'column PPP Involvements / Induction items',
      'column PPP Involvements / Still required before Active',
    ]);
    expect(involvements.fields.map((field) => field.InternalName)).toEqual(expect.arrayContaining(added));
    expect(await store.get('workstreams', workstream!.id)).toEqual(workstream);
    await store.close();
  });

  it('puts back a column changed by hand and keeps every item', async () => {
    const store = aStoreOn(standIn);
    const [workstream] = await store.commit([creating('workstreams', aWorkstream())], aContext());
    const stage = standIn.list('PPP Involvements').fields.find((field) => field.InternalName === 'PPPStage');
    const title = standIn.list('PPP Workstreams').fields.find((field) => field.InternalName === 'PPPTitle');
    if (!stage || !title) throw new Error('provisioning did not make the columns');
    stage.Choices = stage.Choices.slice(0, 3);
    stage.Indexed = false;
    title.Title = 'Name';
    title.MaxLength = 50;
    const report = await provision(connectionTo(standIn));
    const changed = report.steps.filter((step) => step.outcome === 'changed');
    expect(changed.map((step) => [step.target, step.detail])).toEqual([
      ['column PPP Workstreams / Workstream', 'Title, MaxLength'],
      ['column PPP Involvements / Stage', 'Indexed, Choices'],
    ]);
    expect(stage).toMatchObject({ Indexed: true, Choices: [...columnsOf('involvements').find((c) => c.name === 'stage')!.meta.choices!] });
    expect(await store.get('workstreams', workstream!.id)).toEqual(workstream);
    await store.close();
  });

  it('adds new audit actions to the Activity list and turns version history back on (keeping a limit set by hand) or off where the schema says, then changes nothing the second time', async () => {
    const action = standIn.list('PPP Activity').fields.find((field) => field.InternalName === 'PPPAction');
    if (!action) throw new Error('provisioning did not make the column');
    action.Choices = ['Created', 'Updated', 'Deleted'];
    standIn.list('PPP Partners').EnableVersioning = false;
    standIn.list('PPP Roles').MajorVersionLimit = 200;
    standIn.list('PPP Equality Monitoring').EnableVersioning = true;
    const report = await provision(connectionTo(standIn));
    expect(report.steps.filter((step) => step.outcome === 'changed').map((step) => [step.target, step.detail])).toEqual([
      ['list PPP Partners', 'version history on, 50 versions'],
      ['list PPP Equality Monitoring', 'version history off'],
      ['column PPP Activity / Action', 'Choices'],
    ]);
    expect(standIn.list('PPP Equality Monitoring').EnableVersioning).toBe(false);
    expect(action.Choices).toEqual(['Created', 'Updated', 'Deleted', 'Viewed', 'Exported', 'Erased']);
    expect(standIn.list('PPP Partners')).toMatchObject({ EnableVersioning: true, MajorVersionLimit: LIST_VERSIONING.MajorVersionLimit });
    expect(standIn.list('PPP Roles').MajorVersionLimit).toBe(200);
    standIn.resetCounts();
    const second = await provision(connectionTo(standIn));
    expect(outcomes(second)).toEqual({ 'left alone': second.steps.length });
    expect(standIn.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('keeps the equality monitoring counts to the app: the list stops inheriting the site’s permissions, again if someone resets them, and no other list does', async () => {
    const monitoring = standIn.list('PPP Equality Monitoring');
    const others = standIn.site.lists.filter((list) => list !== monitoring);
    expect(monitoring.HasUniqueRoleAssignments).toBe(true);
    expect(others.filter((list) => list.HasUniqueRoleAssignments).map((list) => list.Title)).toEqual([]);
    monitoring.HasUniqueRoleAssignments = false;
    const report = await provision(connectionTo(standIn));
    expect(report.steps.filter((step) => step.outcome === 'changed').map((step) => [step.target, step.detail])).toEqual([
      ['list PPP Equality Monitoring', "site permissions not inherited: only the app and the site collection's administrators read it"],
    ]);
    expect(monitoring.HasUniqueRoleAssignments).toBe(true);
  });

  it('leaves a column whose type was changed by hand alone, and says so', async () => {
    const field = standIn.list('PPP Roles').fields.find((candidate) => candidate.InternalName === 'PPPLevel');
    if (!field) throw new Error('provisioning did not make the column');
    field.TypeAsString = 'Text';
    const lines: string[] = [];
    const report = await provision(connectionTo(standIn), (line) => lines.push(line));
    const step = report.steps.find((candidate) => candidate.target === 'column PPP Roles / Involvement level');
    expect(step).toMatchObject({ outcome: 'left alone', detail: 'is Text on the site, the schema wants Number: change it by hand' });
    expect(lines).toContain(
      '  left alone column PPP Roles / Involvement level (is Text on the site, the schema wants Number: change it by hand)',
    );
    expect(field.TypeAsString).toBe('Text');
  });
});
