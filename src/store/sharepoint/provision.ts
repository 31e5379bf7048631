import type { SPFI } from '@pnp/sp';
import { SINGLE_LINE_MAX, type ColumnMeta } from '../../domain/schema/columns';
import { LISTS, type ListName } from '../../domain/schema/lists';
import { listTitle, spColumns, SYSTEM_FIELDS } from './names';
import { createSp, sharePointFailure, type SharePointConnection } from './sp-client';

/** What provisioning did to one thing on the site. */
export type Outcome = 'created' | 'changed' | 'left alone';

/** One line of the provisioning report. */
export interface ProvisionStep {
  /** `list PPP Roles`, `column PPP Roles / Status`, `view PPP Involvements / By stage`. */
  readonly target: string;
  readonly outcome: Outcome;
  /** For a change, what was different. */
  readonly detail?: string;
}

/** Everything provisioning did, in order. */
export interface ProvisionReport {
  readonly steps: readonly ProvisionStep[];
}

/** A field as the provisioning wants it. */
interface WantedField {
  readonly internalName: string;
  readonly title: string;
  readonly type: string;
  readonly required: boolean;
  readonly indexed: boolean;
  readonly unique: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly lookupList?: ListName;
  readonly hidden: boolean;
  readonly extra: string;
}

/** A view as the provisioning wants it. */
interface WantedView {
  readonly list: ListName;
  readonly title: string;
  readonly query: string;
  readonly fields: readonly string[];
}

/** SharePoint's limit on indexed columns per list. */
export const MAX_INDEXES = 20;
/** `SP.AddFieldOptions`: use the Name attribute as the internal name, and add the column to the default view. */
const ADD_FIELD_OPTIONS = 8 | 16;

function xml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function fieldType(meta: ColumnMeta): { type: string; extra: string } {
  switch (meta.kind) {
    case 'text':
      return { type: 'Text', extra: '' };
    case 'note':
      return { type: 'Note', extra: ' NumLines="6" RichText="FALSE"' };
    case 'choice':
      return { type: 'Choice', extra: ' Format="Dropdown"' };
    case 'multiChoice':
      return { type: 'MultiChoice', extra: '' };
    case 'number':
      return {
        type: 'Number',
        extra: ` Decimals="0"${meta.min === undefined ? '' : ` Min="${meta.min}"`}${meta.max === undefined ? '' : ` Max="${meta.max}"`}`,
      };
    case 'boolean':
      return { type: 'Boolean', extra: '' };
    case 'date':
      return { type: 'DateTime', extra: ' Format="DateOnly"' };
    case 'dateTime':
      return { type: 'DateTime', extra: ' Format="DateTime"' };
    case 'lookup':
      return { type: 'Lookup', extra: '' };
  }
}

/** The fields of a list: the system columns, then every schema column (and each multi-choice's answered flag). */
function wantedFields(list: ListName): WantedField[] {
  const fields: WantedField[] = [
    {
      internalName: SYSTEM_FIELDS.key,
      title: 'Key',
      type: 'Text',
      required: true,
      indexed: true,
      unique: true,
      maxLength: 255,
      hidden: false,
      extra: '',
    },
    {
      internalName: SYSTEM_FIELDS.created,
      title: 'Created in app',
      type: 'DateTime',
      required: true,
      indexed: false,
      unique: false,
      hidden: false,
      extra: ' Format="DateTime"',
    },
    {
      internalName: SYSTEM_FIELDS.modified,
      title: 'Modified in app',
      type: 'DateTime',
      required: true,
      indexed: false,
      unique: false,
      hidden: false,
      extra: ' Format="DateTime"',
    },
  ];
  for (const column of spColumns(list)) {
    const { type, extra } = fieldType(column.meta);
    fields.push({
      internalName: column.internalName,
      title: column.meta.title,
      type,
      // A yes/no column always has a value; SharePoint's required flag adds nothing there.
      required: column.meta.required && column.meta.kind !== 'boolean',
      indexed: column.meta.indexed,
      unique: false,
      maxLength: column.meta.kind === 'text' ? column.meta.maxLength : undefined,
      choices: column.meta.choices,
      lookupList: column.meta.kind === 'lookup' ? (column.meta.lookupList as ListName) : undefined,
      hidden: false,
      extra,
    });
    if (column.answeredProperty) {
      fields.push({
        internalName: column.answeredProperty,
        title: `${column.meta.title} answered`,
        type: 'Boolean',
        required: false,
        indexed: false,
        unique: false,
        hidden: true,
        extra: '',
      });
    }
    if (column.copyProperty) {
      fields.push({
        internalName: column.copyProperty,
        title: `${column.meta.title} as text`,
        type: 'Text',
        required: false,
        indexed: false,
        unique: false,
        // The most SharePoint allows, so that a longer choice added later never needs the length changed.
        maxLength: SINGLE_LINE_MAX,
        hidden: true,
        extra: '',
      });
    }
  }
  const indexes = fields.filter((field) => field.indexed).length;
  if (indexes > MAX_INDEXES) throw new Error(`${listTitle(list)} would need ${indexes} indexed columns; SharePoint allows ${MAX_INDEXES}`);
  return fields;
}

function schemaXml(field: WantedField, lookupListId?: string): string {
  const attributes = [
    `Type="${field.type}"`,
    `Name="${field.internalName}"`,
    `StaticName="${field.internalName}"`,
    `DisplayName="${xml(field.title)}"`,
    `Required="${field.required ? 'TRUE' : 'FALSE'}"`,
    `Indexed="${field.indexed ? 'TRUE' : 'FALSE'}"`,
  ];
  if (field.unique) attributes.push('EnforceUniqueValues="TRUE"');
  if (field.maxLength !== undefined) attributes.push(`MaxLength="${field.maxLength}"`);
  if (field.hidden) attributes.push('Hidden="TRUE"');
  if (lookupListId) {
    attributes.push(`List="{${lookupListId}}"`, 'ShowField="ID"');
    if (field.indexed) attributes.push('RelationshipDeleteBehavior="Restrict"');
  }
  const choices = field.choices ? `<CHOICES>${field.choices.map((choice) => `<CHOICE>${xml(choice)}</CHOICE>`).join('')}</CHOICES>` : '';
  const defaultValue = field.type === 'Boolean' ? '<Default>0</Default>' : '';
  return `<Field ${attributes.join(' ')}${field.extra}>${choices}${defaultValue}</Field>`;
}

function eq(field: string, type: string, value: string): string {
  return `<Eq><FieldRef Name="${field}"/><Value Type="${type}">${xml(value)}</Value></Eq>`;
}

const involvementFields = ['PPPPartner', 'PPPRole', 'PPPStage', 'PPPOwnerName', 'PPPNextOneToOneDue'];
const ACTIVE = eq('PPPStage', 'Choice', 'Active');

/** The views staff use, on the lists they belong to. */
export const WANTED_VIEWS: readonly WantedView[] = [
  {
    list: 'involvements',
    title: 'By stage',
    query:
      '<GroupBy Collapse="FALSE"><FieldRef Name="PPPStage"/></GroupBy><OrderBy><FieldRef Name="PPPStageChangedAt" Ascending="FALSE"/></OrderBy>',
    fields: involvementFields,
  },
  {
    list: 'involvements',
    title: 'Induction in progress',
    query: `<Where>${eq('PPPStage', 'Choice', 'Induction')}</Where><OrderBy><FieldRef Name="PPPInductionStartedDate"/></OrderBy>`,
    fields: [
      'PPPPartner',
      'PPPRole',
      'PPPOwnerName',
      'PPPInductionStartedDate',
      'PPPInductionDone',
      'PPPInductionTotal',
      'PPPInductionStillRequired',
    ],
  },
  {
    list: 'involvements',
    title: 'One-to-ones due in 14 days',
    query:
      `<Where><And>${ACTIVE}<And><Geq><FieldRef Name="PPPNextOneToOneDue"/><Value Type="DateTime"><Today/></Value></Geq>` +
      '<Leq><FieldRef Name="PPPNextOneToOneDue"/><Value Type="DateTime"><Today OffsetDays="14"/></Value></Leq></And></And></Where>' +
      '<OrderBy><FieldRef Name="PPPNextOneToOneDue"/></OrderBy>',
    fields: involvementFields,
  },
  {
    list: 'involvements',
    title: 'Overdue one-to-ones',
    query:
      `<Where><And>${ACTIVE}<Lt><FieldRef Name="PPPNextOneToOneDue"/><Value Type="DateTime"><Today/></Value></Lt></And></Where>` +
      '<OrderBy><FieldRef Name="PPPNextOneToOneDue"/></OrderBy>',
    fields: involvementFields,
  },
  {
    list: 'roles',
    title: 'Awaiting approval',
    query: `<Where>${eq('PPPAdvertState', 'Choice', 'Awaiting approval')}</Where><OrderBy><FieldRef Name="PPPClosingDate"/></OrderBy>`,
    fields: ['PPPTitle', 'PPPWorkstream', 'PPPOwnerName', 'PPPClosingDate', 'PPPAdvertState'],
  },
  {
    list: 'claims',
    title: 'Claims awaiting approval',
    query: `<Where>${eq('PPPStatus', 'Choice', 'Submitted')}</Where><OrderBy><FieldRef Name="PPPSubmittedAt"/></OrderBy>`,
    fields: [
      'PPPPartner',
      'PPPWorkstream',
      'PPPActivityDate',
      'PPPDescription',
      'PPPPaymentPence',
      'PPPExpensesPence',
      'PPPSubmittedBy',
      'PPPSubmittedAt',
      'PPPApproverName',
    ],
  },
];

const VIEW_ROW_LIMIT = 100;

/**
 * Every list keeps version history, so staff can see and restore earlier values in
 * SharePoint; an erasure removes it for the items erased (`purgeHistory`). Fifty
 * major versions is SharePoint Online's own default for lists; a limit an
 * administrator has set on a list that already keeps history is left as it is.
 */
export const LIST_VERSIONING = { EnableVersioning: true, MajorVersionLimit: 50 } as const;

/** For a list whose earlier versions would say too much (`keepsHistory: false` in the schema): equality monitoring's counts. */
export const NO_VERSIONING = { EnableVersioning: false } as const;

/** What provisioning says of a list it keeps to the app (`appAlone` in the schema). */
const APP_ALONE = "site permissions not inherited: only the app and the site collection's administrators read it";

interface ListInfo {
  Id: string;
  EnableVersioning: boolean;
  HasUniqueRoleAssignments: boolean;
}

/** What a read of a list's fields selects: properties of `SP.Field` only, which SharePoint accepts on every field. */
const FIELD_PROPERTIES = ['InternalName', 'Title', 'TypeAsString', 'Required', 'Indexed', 'EnforceUniqueValues', 'SchemaXml'] as const;

interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  /** The field's definition, with the settings of its own type (length, choices). */
  SchemaXml: string;
}

/** SharePoint's length for a text field whose definition names none. */
const DEFAULT_TEXT_LENGTH = 255;

function xmlText(value: string): string {
  return value.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

/**
 * A text field's length and a choice field's choices, from its definition
 * (`SchemaXml`): they are properties of derived types (`SP.FieldText`,
 * `SP.FieldChoice`), which a read of a list's fields cannot select.
 */
function definitionOf(info: FieldInfo): { maxLength?: number; choices: string[] } {
  const open = /^<Field\b[^>]*>/.exec(info.SchemaXml)?.[0] ?? '';
  const maxLength = /\sMaxLength="(\d+)"/.exec(open)?.[1];
  return {
    maxLength: maxLength ? Number(maxLength) : info.TypeAsString === 'Text' ? DEFAULT_TEXT_LENGTH : undefined,
    choices: [...info.SchemaXml.matchAll(/<CHOICE>(.*?)<\/CHOICE>/g)].map((match) => xmlText(match[1])),
  };
}

/** What differs between a field on the site and the wanted one, as properties to update. */
function fieldChanges(info: FieldInfo, wanted: WantedField): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const definition = definitionOf(info);
  if (info.Title !== wanted.title) changes.Title = wanted.title;
  if (info.Required !== wanted.required) changes.Required = wanted.required;
  if (info.Indexed !== wanted.indexed && !wanted.unique) changes.Indexed = wanted.indexed;
  if (wanted.maxLength !== undefined && definition.maxLength !== wanted.maxLength) changes.MaxLength = wanted.maxLength;
  if (wanted.choices && JSON.stringify(definition.choices) !== JSON.stringify(wanted.choices)) changes.Choices = [...wanted.choices];
  return changes;
}

/**
 * Makes the site match the schema, idempotently and without touching data: each
 * list of the schema (title from the schema, {@link LIST_VERSIONING} or, where the schema says, none), every column with its type,
 * required flag, length, choices, lookup and index, and the staff views. Things
 * already right are left alone; a column whose type differs is reported, never
 * replaced. `progress` gets one line per step as it happens. Running it twice
 * changes nothing the second time.
 */
export async function provision(
  connection: SharePointConnection,
  progress: (line: string) => void = () => undefined,
): Promise<ProvisionReport> {
  return new Provisioner(createSp(connection), progress).run();
}

class Provisioner {
  private readonly steps: ProvisionStep[] = [];
  private readonly listIds = new Map<ListName, string>();

  constructor(
    private readonly sp: SPFI,
    private readonly progress: (line: string) => void,
  ) {}

  async run(): Promise<ProvisionReport> {
    const lists = Object.keys(LISTS) as ListName[];
    for (const [index, list] of lists.entries()) {
      this.progress(`[${index + 1}/${lists.length}] ${listTitle(list)}`);
      await this.ensureList(list);
      await this.ensureFields(list);
    }
    for (const view of WANTED_VIEWS) await this.ensureView(view);
    const count = (outcome: Outcome) => this.steps.filter((step) => step.outcome === outcome).length;
    this.progress(`Done: ${count('created')} created, ${count('changed')} changed, ${count('left alone')} left alone.`);
    return { steps: this.steps };
  }

  /** Records a step, and prints it unless it was left alone with nothing to say (a column left alone for its type is printed). */
  private record(target: string, outcome: Outcome, detail?: string): void {
    this.steps.push({ target, outcome, detail });
    if (outcome !== 'left alone' || detail) this.progress(`  ${outcome} ${target}${detail ? ` (${detail})` : ''}`);
  }

  private list(list: ListName) {
    return this.sp.web.lists.getByTitle(listTitle(list));
  }

  private async ensureList(list: ListName): Promise<void> {
    const title = listTitle(list);
    const versioning = LISTS[list].keepsHistory ? LIST_VERSIONING : NO_VERSIONING;
    let info: ListInfo;
    try {
      info = (await this.list(list).select('Id', 'EnableVersioning', 'HasUniqueRoleAssignments')()) as ListInfo;
    } catch (error) {
      if (sharePointFailure(error)?.status !== 404) throw error;
      const description = `Partner Pathway: ${LISTS[list].itemName} records. Managed by the app; do not rename columns.`;
      // SharePoint creates a list from SP.ListCreationInformation's properties only;
      // version history is a setting of the list, so it follows as an update.
      const created = (await this.sp.web.lists.add(title, description, 100, false)) as { Id: string };
      this.listIds.set(list, created.Id);
      await this.list(list).update(versioning);
      if (LISTS[list].appAlone) await this.keepToTheApp(list);
      this.record(`list ${title}`, 'created', LISTS[list].appAlone ? APP_ALONE : undefined);
      return;
    }
    this.listIds.set(list, info.Id);
    const changes: string[] = [];
    if (info.EnableVersioning !== versioning.EnableVersioning) {
      await this.list(list).update(versioning);
      changes.push(
        versioning.EnableVersioning ? `version history on, ${LIST_VERSIONING.MajorVersionLimit} versions` : 'version history off',
      );
    }
    if (LISTS[list].appAlone && !info.HasUniqueRoleAssignments) {
      await this.keepToTheApp(list);
      changes.push(APP_ALONE);
    }
    this.record(`list ${title}`, changes.length > 0 ? 'changed' : 'left alone', changes.length > 0 ? changes.join('; ') : undefined);
  }

  /**
   * Stops the list inheriting the site's permissions, copying none of them
   * (`breakroleinheritance(copyroleassignments=false, clearsubscopes=true)`): the app,
   * signed in app-only, is checked by its own permission on the site, not the list's.
   */
  private async keepToTheApp(list: ListName): Promise<void> {
    await this.list(list).breakRoleInheritance(false, true);
  }

  private async ensureFields(list: ListName): Promise<void> {
    const title = listTitle(list);
    const existing = (await this.list(list).fields.select(...FIELD_PROPERTIES)()) as FieldInfo[];
    const byName = new Map(existing.map((info) => [info.InternalName, info]));
    const titleField = byName.get('Title');
    if (titleField?.Required) {
      await this.list(list).fields.getByInternalNameOrTitle('Title').update({ Required: false });
      this.record(`column ${title} / Title`, 'changed', 'no longer required: the app does not use it');
    }
    for (const wanted of wantedFields(list)) {
      const target = `column ${title} / ${wanted.title}`;
      const info = byName.get(wanted.internalName);
      if (!info) {
        const lookupId = wanted.lookupList ? this.listIds.get(wanted.lookupList) : undefined;
        await this.list(list).fields.createFieldAsXml({ SchemaXml: schemaXml(wanted, lookupId), Options: ADD_FIELD_OPTIONS } as never);
        this.record(target, 'created');
        continue;
      }
      if (info.TypeAsString !== wanted.type) {
        this.record(target, 'left alone', `is ${info.TypeAsString} on the site, the schema wants ${wanted.type}: change it by hand`);
        continue;
      }
      const changes = fieldChanges(info, wanted);
      if (Object.keys(changes).length === 0) {
        this.record(target, 'left alone');
        continue;
      }
      await this.list(list).fields.getByInternalNameOrTitle(wanted.internalName).update(changes);
      this.record(target, 'changed', Object.keys(changes).join(', '));
    }
  }

  private async ensureView(wanted: WantedView): Promise<void> {
    const target = `view ${listTitle(wanted.list)} / ${wanted.title}`;
    const views = this.list(wanted.list).views;
    const existing = (
      (await views.select('Title', 'ViewQuery', 'RowLimit')()) as Array<{ Title: string; ViewQuery: string; RowLimit: number }>
    ).find((view) => view.Title === wanted.title);
    const fields = wanted.fields;
    if (!existing) {
      await views.add(wanted.title, false, { ViewQuery: wanted.query, RowLimit: VIEW_ROW_LIMIT });
      await this.setViewFields(wanted, fields);
      this.record(target, 'created');
      return;
    }
    const view = views.getByTitle(wanted.title);
    const current = (await view.fields()) as unknown as { Items: string[] | { results: string[] } };
    const currentFields = Array.isArray(current.Items) ? current.Items : current.Items.results;
    const changed: string[] = [];
    if (existing.ViewQuery !== wanted.query || existing.RowLimit !== VIEW_ROW_LIMIT) {
      await view.update({ ViewQuery: wanted.query, RowLimit: VIEW_ROW_LIMIT });
      changed.push('query');
    }
    if (JSON.stringify(currentFields) !== JSON.stringify(fields)) {
      await this.setViewFields(wanted, fields);
      changed.push('columns');
    }
    this.record(target, changed.length > 0 ? 'changed' : 'left alone', changed.join(', ') || undefined);
  }

  private async setViewFields(wanted: WantedView, fields: readonly string[]): Promise<void> {
    const viewFields = this.list(wanted.list).views.getByTitle(wanted.title).fields;
    await viewFields.removeAll();
    for (const field of fields) await viewFields.add(field);
  }
}
