import { randomUUID } from 'node:crypto';
import {
  compareValues,
  firstField,
  matches,
  parseFilter,
  spInstant,
  FilterSyntaxError,
  type FilterNode,
  type Literal,
} from './odata-filter';

/** A failure the stand-in answers with, shaped like SharePoint's `odata.error`. */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A column of a stand-in list, with the properties SharePoint reports for it. */
export interface StandInField {
  Id: string;
  InternalName: string;
  StaticName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  MaxLength: number | null;
  Choices: string[];
  LookupList: string | null;
  LookupField: string | null;
  DisplayFormat: number;
  RelationshipDeleteBehavior: number;
  Hidden: boolean;
}

/** A view of a stand-in list. */
export interface StandInView {
  Id: string;
  Title: string;
  ViewQuery: string;
  RowLimit: number;
  PersonalView: boolean;
  ViewFields: string[];
}

/** An earlier version of an item, as its version history keeps it. */
interface StoredVersion {
  readonly version: number;
  readonly values: Record<string, unknown>;
}

interface StoredItem {
  id: number;
  version: number;
  values: Record<string, unknown>;
  /** Earlier versions, oldest first; kept only while the list has versioning on. */
  history: StoredVersion[];
}

/** A list: its fields, views, items and versioning settings. */
export interface StandInList {
  Id: string;
  Title: string;
  Description: string;
  BaseTemplate: number;
  /** The list's folder, server-relative (`/sites/pathway/Lists/PPP Roles`). */
  ServerRelativeUrl: string;
  EnableVersioning: boolean;
  MajorVersionLimit: number;
  /** Whether the list has permissions of its own rather than the site's (`breakroleinheritance`). */
  HasUniqueRoleAssignments: boolean;
  fields: StandInField[];
  views: StandInView[];
  items: Map<number, StoredItem>;
  nextId: number;
}

/** `SP.RecycleBinItemType`: what a recycle bin entry holds. */
export const RECYCLE_BIN_ITEM_TYPE = { listItem: 3, listItemVersion: 8 } as const;

/** `SP.RecycleBinItemState`: which stage of the recycle bin an entry is in. */
export const RECYCLE_BIN_STAGE = { first: 1, second: 2 } as const;

/** An entry of the site's recycle bins, with the properties SharePoint reports for an `SP.RecycleBinItem`. */
export interface RecycleBinEntry {
  Id: string;
  ItemState: number;
  ItemType: number;
  /** `<item id>_.000` for a list item and for a version of one. */
  LeafName: string;
  /** The list's folder, server-relative without the leading slash (`sites/pathway/Lists/PPP Roles`). */
  DirName: string;
  Title: string;
  DeletedDate: string;
  Size: number;
}

/**
 * What a list may be created with: the properties of `SP.ListCreationInformation`
 * that the REST endpoint takes (Microsoft Learn, "Working with lists and list items
 * with REST": Title, Description, BaseTemplate, AllowContentTypes, ContentTypesEnabled).
 * Anything else, versioning included, is set by updating the list once it exists.
 */
export const LIST_CREATION_PROPERTIES: ReadonlySet<string> = new Set([
  'Title',
  'Description',
  'BaseTemplate',
  'AllowContentTypes',
  'ContentTypesEnabled',
]);

/**
 * The properties of `SP.Field` itself (Microsoft Learn, "SP.Field" in the SharePoint
 * REST reference), which a read of a list's fields may `$select`. A derived type's own
 * properties (`MaxLength` of `SP.FieldText`, `Choices` of `SP.FieldChoice`, `LookupList`
 * of `SP.FieldLookup`...) are refused there, as SharePoint Online does ("The property
 * 'MaxLength' does not exist on type 'SP.Field'", reported in pnp/pnpcore#1541).
 */
export const SP_FIELD_PROPERTIES: ReadonlySet<string> = new Set([
  'Id',
  'InternalName',
  'StaticName',
  'Title',
  'TypeAsString',
  'FieldTypeKind',
  'Required',
  'Indexed',
  'EnforceUniqueValues',
  'Hidden',
  'ReadOnlyField',
  'Sortable',
  'Filterable',
  'Description',
  'Group',
  'DefaultValue',
  'SchemaXml',
]);

/** SharePoint's list view threshold: a query that scans more items than this is refused. */
export const LIST_VIEW_THRESHOLD = 5000;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 5000;
const SYSTEM_PROPERTIES = new Set(['Id', 'ID']);
/** The field types SharePoint shows through a lookup (see `expansions`). */
const SHOWN_THROUGH_LOOKUP = new Set(['Text', 'Number', 'DateTime']);
/** SharePoint numbers versions 512 apart: version 1.0 is 512, 2.0 is 1024. */
export const VERSION_ID_STEP = 512;

function baseField(internalName: string, title: string, type: string, overrides: Partial<StandInField> = {}): StandInField {
  return {
    Id: randomUUID(),
    InternalName: internalName,
    StaticName: internalName,
    Title: title,
    TypeAsString: type,
    Required: false,
    Indexed: false,
    EnforceUniqueValues: false,
    MaxLength: type === 'Text' ? 255 : null,
    Choices: [],
    LookupList: null,
    LookupField: null,
    DisplayFormat: 0,
    RelationshipDeleteBehavior: 0,
    Hidden: false,
    ...overrides,
  };
}

function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A field's `SchemaXml` as SharePoint reports it: its definition, derived-type settings included. */
function schemaXmlOf(field: StandInField): string {
  const attributes = [
    `ID="{${field.Id}}"`,
    `Type="${field.TypeAsString}"`,
    `Name="${field.InternalName}"`,
    `StaticName="${field.StaticName}"`,
    `DisplayName="${xmlEscape(field.Title)}"`,
    `Required="${field.Required ? 'TRUE' : 'FALSE'}"`,
    `Indexed="${field.Indexed ? 'TRUE' : 'FALSE'}"`,
  ];
  if (field.EnforceUniqueValues) attributes.push('EnforceUniqueValues="TRUE"');
  if (field.MaxLength !== null) attributes.push(`MaxLength="${field.MaxLength}"`);
  if (field.LookupList) attributes.push(`List="${field.LookupList}"`, `ShowField="${field.LookupField ?? 'ID'}"`);
  const choices =
    field.Choices.length > 0 ? `<CHOICES>${field.Choices.map((choice) => `<CHOICE>${xmlEscape(choice)}</CHOICE>`).join('')}</CHOICES>` : '';
  return `<Field ${attributes.join(' ')}>${choices}</Field>`;
}

function xmlUnescape(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

function bool(value: string | undefined): boolean {
  return value?.toUpperCase() === 'TRUE';
}

/** Query options of an items read, as they arrive in the URL. */
export interface ItemQuery {
  readonly select?: string;
  readonly expand?: string;
  readonly filter?: string;
  readonly orderby?: string;
  readonly top?: string;
  readonly skiptoken?: string;
}

/** One page of items, and where the next page starts (undefined on the last page). */
export interface ItemPage {
  readonly items: Array<Record<string, unknown>>;
  readonly next?: number;
}

/** The ids a filter asks for when it is nothing but `Id eq n`, alone or joined by `or`. */
function idsOf(node: FilterNode): number[] | undefined {
  if (node.kind === 'compare') return node.op === 'eq' && node.field === 'Id' && typeof node.value === 'number' ? [node.value] : undefined;
  if (node.kind !== 'or') return undefined;
  const left = idsOf(node.left);
  const right = left && idsOf(node.right);
  return right && [...(left as number[]), ...right];
}

/** The conditions of a filter joined by `and`, in the order written. */
function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

/** The in-memory site behind the stand-in server. */
export class StandInSite {
  readonly lists: StandInList[] = [];
  readonly title = 'Partner Pathway test site';
  /**
   * Both stages of the recycle bin. Deleting an item or an earlier version puts it
   * in the first stage; deleting it from there moves it to the second stage (as
   * SharePoint's own pages do), and only a delete from the second stage removes it.
   */
  readonly recycleBin: RecycleBinEntry[] = [];
  /** Whether a deleted earlier version goes to the recycle bin (true) or is gone at once. */
  recycleDeletedVersions = true;

  /** `path`: the site's server-relative URL. */
  constructor(readonly path: string) {}

  list(title: string): StandInList {
    const found = this.lists.find((list) => list.Title.toLowerCase() === title.toLowerCase());
    if (!found) throw new SpError(404, '-1, System.ArgumentException', `List '${title}' does not exist at site with URL 'stand-in'.`);
    return found;
  }

  listById(id: string): StandInList | undefined {
    const bare = id.replace(/[{}]/g, '').toLowerCase();
    return this.lists.find((list) => list.Id === bare);
  }

  addList(body: Record<string, unknown>): StandInList {
    for (const name of Object.keys(body)) {
      if (LIST_CREATION_PROPERTIES.has(name) || name.startsWith('odata.') || name.startsWith('@odata') || name === '__metadata') continue;
      throw new SpError(
        400,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        `The property '${name}' cannot be set when a list is created: set it with an update of the list.`,
      );
    }
    const title = String(body.Title ?? '');
    if (!title) throw new SpError(400, '-2147024809, System.ArgumentException', 'A list needs a title.');
    if (this.lists.some((list) => list.Title.toLowerCase() === title.toLowerCase())) {
      throw new SpError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`,
      );
    }
    const list: StandInList = {
      Id: randomUUID(),
      Title: title,
      Description: String(body.Description ?? ''),
      BaseTemplate: Number(body.BaseTemplate ?? 100),
      ServerRelativeUrl: `${this.path}/Lists/${title}`,
      EnableVersioning: false,
      MajorVersionLimit: 50,
      HasUniqueRoleAssignments: false,
      fields: [baseField('Title', 'Title', 'Text', { Required: true })],
      views: [{ Id: randomUUID(), Title: 'All Items', ViewQuery: '', RowLimit: 30, PersonalView: false, ViewFields: ['LinkTitle'] }],
      items: new Map(),
      nextId: 1,
    };
    this.lists.push(list);
    return list;
  }

  updateList(list: StandInList, body: Record<string, unknown>): void {
    if (typeof body.Title === 'string') list.Title = body.Title;
    if (typeof body.Description === 'string') list.Description = body.Description;
    if (typeof body.EnableVersioning === 'boolean') list.EnableVersioning = body.EnableVersioning;
    if (typeof body.MajorVersionLimit === 'number') list.MajorVersionLimit = body.MajorVersionLimit;
  }

  field(list: StandInList, name: string): StandInField {
    const found = list.fields.find((field) => field.InternalName === name || field.Title === name);
    if (!found)
      throw new SpError(
        404,
        '-2147024809, System.ArgumentException',
        `Column '${name}' does not exist. It may have been deleted by another user.`,
      );
    return found;
  }

  /**
   * A list's fields as SharePoint's JSON has them, with their `SchemaXml`; only the
   * selected properties when `select` is given, and those must be properties of `SP.Field`.
   */
  fieldsJson(list: StandInList, select?: string): Array<Record<string, unknown>> {
    const names = select?.split(',').map((name) => name.trim());
    for (const name of names ?? []) {
      if (!SP_FIELD_PROPERTIES.has(name))
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The property '${name}' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.`,
        );
    }
    return list.fields.map((field) => {
      const json: Record<string, unknown> = { ...field, SchemaXml: schemaXmlOf(field) };
      if (!names) return json;
      return Object.fromEntries(names.map((name) => [name, json[name] ?? null]));
    });
  }

  addFieldFromXml(list: StandInList, xml: string): StandInField {
    const attributes: Record<string, string> = {};
    const open = /^<Field\b([^>]*?)\/?>/.exec(xml.trim());
    if (!open) throw new SpError(400, '-2147024809, System.ArgumentException', 'The schema XML is not a Field element.');
    for (const match of open[1].matchAll(/(\w+)="([^"]*)"/g)) attributes[match[1]] = xmlUnescape(match[2]);
    const name = attributes.Name ?? attributes.StaticName;
    if (!name || name.length > 32 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new SpError(400, '-2147024809, System.ArgumentException', `Field name ${String(name)} is not valid.`);
    }
    if (list.fields.some((field) => field.InternalName === name)) {
      throw new SpError(500, '-2130575342, Microsoft.SharePoint.SPException', `A duplicate field name "${name}" was found.`);
    }
    const type = attributes.Type ?? 'Text';
    if (type === 'Lookup' && !(attributes.List && this.listById(attributes.List))) {
      throw new SpError(400, '-2147024809, System.ArgumentException', `The lookup list of ${name} does not exist.`);
    }
    const field = baseField(name, attributes.DisplayName ?? name, type, {
      Required: bool(attributes.Required),
      Indexed: bool(attributes.Indexed),
      EnforceUniqueValues: bool(attributes.EnforceUniqueValues),
      MaxLength: attributes.MaxLength ? Number(attributes.MaxLength) : type === 'Text' ? 255 : null,
      Choices: [...xml.matchAll(/<CHOICE>(.*?)<\/CHOICE>/g)].map((match) => xmlUnescape(match[1])),
      LookupList: attributes.List ? `{${attributes.List.replace(/[{}]/g, '').toLowerCase()}}` : null,
      LookupField: attributes.ShowField ?? null,
      DisplayFormat: attributes.Format === 'DateOnly' ? 0 : type === 'DateTime' ? 1 : 0,
      RelationshipDeleteBehavior: attributes.RelationshipDeleteBehavior === 'Restrict' ? 1 : 0,
      Hidden: bool(attributes.Hidden),
    });
    if (field.EnforceUniqueValues && !field.Indexed) {
      throw new SpError(400, '-2147024809, System.ArgumentException', 'A column that enforces unique values must be indexed.');
    }
    list.fields.push(field);
    return field;
  }

  updateField(list: StandInList, field: StandInField, body: Record<string, unknown>): void {
    for (const key of ['Title', 'Required', 'Indexed', 'EnforceUniqueValues', 'MaxLength', 'Hidden'] as const) {
      if (key in body) (field as unknown as Record<string, unknown>)[key] = body[key];
    }
    if ('Choices' in body) field.Choices = [...(body.Choices as string[])];
    if (list.fields.filter((candidate) => candidate.Indexed).length > 20) {
      field.Indexed = false;
      throw new SpError(400, '-2147024809, System.ArgumentException', 'A list can have at most 20 indexed columns.');
    }
  }

  view(list: StandInList, title: string): StandInView {
    const found = list.views.find((view) => view.Title === title);
    if (!found) throw new SpError(404, '-2147024809, System.ArgumentException', `The view '${title}' does not exist.`);
    return found;
  }

  addView(list: StandInList, body: Record<string, unknown>): StandInView {
    const view: StandInView = {
      Id: randomUUID(),
      Title: String(body.Title),
      ViewQuery: String(body.ViewQuery ?? ''),
      RowLimit: Number(body.RowLimit ?? 30),
      PersonalView: body.PersonalView === true,
      ViewFields: ['LinkTitle'],
    };
    list.views.push(view);
    return view;
  }

  /** The field that holds a property of an item (`XId` is the id of lookup `X`). */
  private fieldOfProperty(list: StandInList, property: string): StandInField | undefined {
    const direct = list.fields.find((field) => field.InternalName === property);
    if (direct) return direct.TypeAsString === 'Lookup' ? undefined : direct;
    const lookup = property.endsWith('Id') ? list.fields.find((field) => field.InternalName === property.slice(0, -2)) : undefined;
    return lookup?.TypeAsString === 'Lookup' ? lookup : undefined;
  }

  private property(list: StandInList, name: string): { field?: StandInField } {
    if (SYSTEM_PROPERTIES.has(name)) return {};
    const field = this.fieldOfProperty(list, name);
    if (!field) throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${name}' does not exist.`);
    return { field };
  }

  private coerce(field: StandInField | undefined, value: Literal): unknown {
    if (value === null) return null;
    if (!field) return value;
    switch (field.TypeAsString) {
      case 'Boolean':
        return value === true || value === 1;
      case 'DateTime':
        return typeof value === 'object' ? value.datetime : spInstant(String(value));
      default:
        return value;
    }
  }

  private typedFilter(list: StandInList, node: FilterNode): FilterNode {
    switch (node.kind) {
      case 'compare':
        return { ...node, value: this.coerce(this.property(list, node.field).field, node.value) as Literal };
      case 'not':
        return { kind: 'not', operand: this.typedFilter(list, node.operand) };
      default:
        return { kind: node.kind, left: this.typedFilter(list, node.left), right: this.typedFilter(list, node.right) };
    }
  }

  private indexed(list: StandInList, property: string): boolean {
    return SYSTEM_PROPERTIES.has(property) || this.fieldOfProperty(list, property)?.Indexed === true;
  }

  private throttled(): SpError {
    return new SpError(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
  }

  /** A page of items for a query, refused as SharePoint would past the list view threshold. */
  queryItems(list: StandInList, query: ItemQuery): ItemPage {
    let filter: FilterNode | undefined;
    try {
      filter = query.filter ? this.typedFilter(list, parseFilter(query.filter)) : undefined;
    } catch (error) {
      if (error instanceof FilterSyntaxError)
        throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The query is not valid: ${error.message}`);
      throw error;
    }
    const order = (query.orderby ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, direction] = part.split(/\s+/);
        this.property(list, name);
        return { name, descending: direction?.toLowerCase() === 'desc' };
      });
    const byId = filter && idsOf(filter);
    // Items asked for by id come straight from the list, as SharePoint reads them by its own key.
    const all = byId ? byId.flatMap((id) => list.items.get(id) ?? []) : [...list.items.values()];
    if (list.items.size > LIST_VIEW_THRESHOLD) {
      // Past the threshold SharePoint answers a query only through an index: the first
      // clause of the filter must be on an indexed column and match no more than the
      // threshold, and every sort must be on an indexed column, whether or not the filter
      // narrows the read ("Manage large lists and libraries", Microsoft Support: filter
      // and sort only on indexed columns; "Use indexing to improve query performance").
      if (filter && !this.indexed(list, firstField(filter))) throw this.throttled();
      if (order.some(({ name }) => !this.indexed(list, name))) throw this.throttled();
      if (filter) {
        // The index is walked for the leading conditions on the first column together: a
        // range on it (`Id ge 1 and Id lt 5001`) narrows as much as its two ends allow.
        const conditions = conjuncts(filter);
        const column = firstField(conditions[0]);
        const narrowing = [conditions[0]];
        for (const condition of conditions.slice(1)) {
          if (condition.kind !== 'compare' || condition.field !== column) break;
          narrowing.push(condition);
        }
        const narrowed = all.filter((item) => narrowing.every((condition) => matches(condition, this.row(item))));
        if (narrowed.length > LIST_VIEW_THRESHOLD) throw this.throttled();
      }
    }
    const rows = all.map((item) => ({ item, row: this.row(item) })).filter(({ row }) => !filter || matches(filter, row));
    rows.sort((a, b) => {
      for (const { name, descending } of order) {
        const compared = compareValues(a.row[name], b.row[name]);
        if (compared !== 0) return descending ? -compared : compared;
      }
      return a.item.id - b.item.id;
    });
    const size = Math.min(query.top ? Number(query.top) : DEFAULT_PAGE, MAX_PAGE);
    const offset = query.skiptoken ? Number(/PagedOffset=(\d+)/.exec(query.skiptoken)?.[1] ?? 0) : 0;
    const page = rows.slice(offset, offset + size);
    const names = query.select ? query.select.split(',').map((name) => name.trim()) : undefined;
    const select = names?.filter((name) => !name.includes('/'));
    select?.forEach((name) => this.property(list, name));
    const expanded = this.expansions(list, names?.filter((name) => name.includes('/')) ?? [], query.expand);
    return {
      items: page.map(({ item }) => {
        const out = this.render(list, item, select);
        for (const { field, target, properties } of expanded) {
          const looked = target.items.get(item.values[`${field.InternalName}Id`] as number);
          out[field.InternalName] = looked ? Object.fromEntries(properties.map((name) => [name, this.row(looked)[name] ?? null])) : null;
        }
        return out;
      }),
      next: offset + size < rows.length ? offset + size : undefined,
    };
  }

  /**
   * The lookups a read expands and the properties it shows of each looked-up item.
   * A `Lookup/Field` selection needs the lookup in `$expand`, and SharePoint shows
   * only some kinds of column through a lookup: single lines of text, numbers, dates
   * and the item's id ("Create list relationships by using unique and lookup
   * columns", Microsoft Support; yes/no and calculated reported refused through REST
   * in pnp/pnpjs#1258). Any other kind is refused.
   */
  private expansions(
    list: StandInList,
    selected: readonly string[],
    expand: string | undefined,
  ): Array<{ field: StandInField; target: StandInList; properties: string[] }> {
    const expanded = (expand ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const byLookup = new Map<string, { field: StandInField; target: StandInList; properties: string[] }>();
    for (const name of expanded) {
      const field = list.fields.find((candidate) => candidate.InternalName === name);
      const target = field?.TypeAsString === 'Lookup' && field.LookupList ? this.listById(field.LookupList) : undefined;
      if (!field || !target)
        throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${name}' does not exist.`);
      byLookup.set(name, { field, target, properties: [] });
    }
    for (const name of selected) {
      const [lookup, property] = name.split('/');
      const expansion = byLookup.get(lookup);
      if (!expansion) {
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.SPException',
          `The query to field '${name}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${lookup}.`,
        );
      }
      if (!SYSTEM_PROPERTIES.has(property)) {
        const field = expansion.target.fields.find((candidate) => candidate.InternalName === property);
        if (!field) throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${property}' does not exist.`);
        if (!SHOWN_THROUGH_LOOKUP.has(field.TypeAsString)) {
          throw new SpError(
            400,
            '-1, Microsoft.SharePoint.SPException',
            `The query to field '${name}' is not valid: a column of type '${field.TypeAsString}' cannot be shown through a lookup.`,
          );
        }
      }
      expansion.properties.push(property);
    }
    return [...byLookup.values()];
  }

  private row(item: StoredItem): Record<string, unknown> {
    return { ...item.values, Id: item.id, ID: item.id };
  }

  /** An item as JSON, with its ETag; only the selected properties when `select` is given. */
  render(list: StandInList, item: StoredItem, select?: readonly string[]): Record<string, unknown> {
    const row = this.row(item);
    const names = select ?? [
      'Id',
      'ID',
      ...list.fields.map((field) => (field.TypeAsString === 'Lookup' ? `${field.InternalName}Id` : field.InternalName)),
    ];
    const out: Record<string, unknown> = { 'odata.etag': `"${item.version}"` };
    for (const name of names) out[name] = row[name] ?? null;
    return out;
  }

  item(list: StandInList, id: number): StoredItem {
    const item = list.items.get(id);
    if (!item)
      throw new SpError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
    return item;
  }

  private checkIfMatch(item: StoredItem, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch === '*') return;
    if (ifMatch.replaceAll('"', '') !== String(item.version)) {
      throw new SpError(
        412,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        "The request ETag value does not match the object's ETag value.",
      );
    }
  }

  private write(list: StandInList, target: Record<string, unknown>, body: Record<string, unknown>, creating: boolean, id?: number): void {
    for (const [name, value] of Object.entries(body)) {
      if (name.startsWith('odata.') || name.startsWith('@odata') || name === '__metadata') continue;
      const field = this.fieldOfProperty(list, name);
      if (!field)
        throw new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The property '${name}' does not exist on type 'SP.Data.ListItem'.`,
        );
      target[name] = this.stored(field, value);
    }
    for (const field of list.fields) {
      const name = field.TypeAsString === 'Lookup' ? `${field.InternalName}Id` : field.InternalName;
      if (creating && !(name in target)) target[name] = field.TypeAsString === 'Boolean' ? false : null;
      const value = target[name];
      if (field.Required && (value === null || value === '' || (Array.isArray(value) && value.length === 0))) {
        throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPFieldValidationException', `${field.Title} is required.`);
      }
      if (field.EnforceUniqueValues && value !== null) {
        const clash = [...list.items.values()].some((other) => other.id !== id && other.values[name] === value);
        if (clash) {
          throw new SpError(
            409,
            '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
            `This value already exists in the list. Column ${field.Title} enforces unique values.`,
          );
        }
      }
    }
  }

  private stored(field: StandInField, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    const invalid = () =>
      new SpError(400, '-2146232832, Microsoft.SharePoint.SPFieldValidationException', `The value of ${field.Title} is not valid.`);
    switch (field.TypeAsString) {
      case 'Text':
      case 'Note':
        if (typeof value !== 'string') throw invalid();
        if (field.TypeAsString === 'Text' && value.length > (field.MaxLength ?? 255)) throw invalid();
        return value === '' ? null : value;
      case 'Choice':
        if (typeof value !== 'string') throw invalid();
        return value;
      case 'MultiChoice':
        // SharePoint keeps no difference between no selection and an empty one.
        if (!Array.isArray(value)) throw invalid();
        return value.length === 0 ? null : [...value];
      case 'Number':
        if (typeof value !== 'number') throw invalid();
        return value;
      case 'Boolean':
        if (typeof value !== 'boolean') throw invalid();
        return value;
      case 'DateTime':
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalid();
        return spInstant(value);
      case 'Lookup': {
        if (typeof value !== 'number') throw invalid();
        const target = field.LookupList ? this.listById(field.LookupList) : undefined;
        if (!target?.items.has(value)) throw invalid();
        return value;
      }
      default:
        return value;
    }
  }

  addItem(list: StandInList, body: Record<string, unknown>): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    this.write(list, values, body, true);
    const item: StoredItem = { id: list.nextId, version: 1, values, history: [] };
    list.nextId += 1;
    list.items.set(item.id, item);
    return this.render(list, item);
  }

  updateItem(list: StandInList, id: number, body: Record<string, unknown>, ifMatch: string | undefined): string {
    const item = this.item(list, id);
    this.checkIfMatch(item, ifMatch);
    const values = { ...item.values };
    this.write(list, values, body, false, id);
    if (list.EnableVersioning) {
      item.history.push({ version: item.version, values: item.values });
      // Versions past the limit are trimmed for good, oldest first, as SharePoint does.
      item.history.splice(0, Math.max(0, item.history.length - (list.MajorVersionLimit - 1)));
    }
    item.values = values;
    item.version += 1;
    return `"${item.version}"`;
  }

  deleteItem(list: StandInList, id: number, ifMatch: string | undefined): void {
    const item = this.item(list, id);
    this.checkIfMatch(item, ifMatch);
    for (const other of this.lists) {
      for (const field of other.fields) {
        if (field.TypeAsString !== 'Lookup' || field.RelationshipDeleteBehavior !== 1 || field.LookupList !== `{${list.Id}}`) continue;
        if ([...other.items.values()].some((candidate) => candidate.values[`${field.InternalName}Id`] === id)) {
          throw new SpError(
            409,
            '-2130575306, Microsoft.SharePoint.SPException',
            `This item cannot be deleted because an item in the "${other.Title}" list is related to it through the "${field.Title}" column.`,
          );
        }
      }
    }
    list.items.delete(id);
    this.recycle(list, id, RECYCLE_BIN_ITEM_TYPE.listItem, String(item.values.Title ?? ''));
  }

  /** The item's versions as SharePoint lists them: the current one first, then the earlier ones, newest first. */
  versions(list: StandInList, id: number): Array<{ version: number; values: Record<string, unknown>; current: boolean }> {
    const item = this.item(list, id);
    const earlier = item.history.map((entry) => ({ ...entry, current: false })).reverse();
    return [{ version: item.version, values: item.values, current: true }, ...earlier];
  }

  /** Deletes an earlier version, into the first-stage recycle bin unless told otherwise; the current version cannot be deleted. */
  deleteVersion(list: StandInList, id: number, versionId: number): void {
    const item = this.item(list, id);
    if (versionId === item.version * VERSION_ID_STEP) {
      throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot delete the current version.');
    }
    const index = item.history.findIndex((entry) => entry.version * VERSION_ID_STEP === versionId);
    if (index < 0) throw new SpError(404, '-2130575338, System.ArgumentException', 'The version does not exist.');
    const [removed] = item.history.splice(index, 1);
    if (this.recycleDeletedVersions) this.recycle(list, id, RECYCLE_BIN_ITEM_TYPE.listItemVersion, `Version ${removed.version}.0`);
  }

  private recycle(list: StandInList, id: number, itemType: number, title: string): void {
    this.recycleBin.push({
      Id: randomUUID(),
      ItemState: RECYCLE_BIN_STAGE.first,
      ItemType: itemType,
      LeafName: `${id}_.000`,
      DirName: list.ServerRelativeUrl.replace(/^\//, ''),
      Title: title,
      DeletedDate: spInstant(new Date().toISOString()),
      Size: 512,
    });
  }

  /** The entries in the given stages as SharePoint's JSON has them (`SP.RecycleBinItem`), filtered and selected as asked. */
  recycleBinEntries(stages: readonly number[], filter?: string, select?: string): Array<Record<string, unknown>> {
    let condition: FilterNode | undefined;
    try {
      condition = filter ? parseFilter(filter) : undefined;
    } catch (error) {
      if (error instanceof FilterSyntaxError)
        throw new SpError(400, '-1, Microsoft.SharePoint.SPException', `The query is not valid: ${error.message}`);
      throw error;
    }
    const names = select?.split(',').map((name) => name.trim());
    return this.recycleBin
      .filter(
        (entry) => stages.includes(entry.ItemState) && (!condition || matches(condition, entry as unknown as Record<string, unknown>)),
      )
      .map((entry) => {
        const json: Record<string, unknown> = {
          ...entry,
          AuthorEmail: '',
          AuthorName: 'Partner Pathway',
          DeletedByEmail: '',
          DeletedByName: 'Partner Pathway',
          DeletedDateLocalFormatted: entry.DeletedDate,
          DirNamePath: { DecodedUrl: entry.DirName },
          LeafNamePath: { DecodedUrl: entry.LeafName },
        };
        const row: Record<string, unknown> = { 'odata.type': 'SP.RecycleBinItem', 'odata.id': `RecycleBin(guid'${entry.Id}')` };
        for (const [name, value] of Object.entries(json)) if (!names || names.includes(name)) row[name] = value;
        return row;
      });
  }

  /**
   * Deletes recycle bin entries by id, from the site's first-stage bin (`web`) or
   * from the site collection's (`site`): a first-stage entry moves to the second
   * stage, a second-stage one (reached only through the site collection) is gone.
   * Ids no longer in that bin are passed over.
   */
  deleteFromRecycleBin(ids: readonly string[], bin: 'web' | 'site'): void {
    for (const id of ids) {
      const index = this.recycleBin.findIndex((entry) => entry.Id === id);
      if (index < 0) continue;
      const entry = this.recycleBin[index];
      if (entry.ItemState === RECYCLE_BIN_STAGE.first) entry.ItemState = RECYCLE_BIN_STAGE.second;
      else if (bin === 'site') this.recycleBin.splice(index, 1);
    }
  }

  /** Moves first-stage entries to the second stage. */
  moveToSecondStage(ids: readonly string[]): void {
    for (const entry of this.recycleBin) if (ids.includes(entry.Id)) entry.ItemState = RECYCLE_BIN_STAGE.second;
  }

  /** Adds items directly, bypassing HTTP: for tests that need thousands of them. */
  seed(list: StandInList, rows: ReadonlyArray<Record<string, unknown>>): void {
    for (const row of rows) {
      list.items.set(list.nextId, { id: list.nextId, version: 1, values: { ...row }, history: [] });
      list.nextId += 1;
    }
  }
}
