import type { ColumnMeta } from '../../domain/schema/columns';
import { columnsOf, LISTS, type ListName } from '../../domain/schema/lists';

/** Every internal name this app gives a column starts with this, so it never clashes with SharePoint's own. */
export const FIELD_PREFIX = 'PPP';

/** SharePoint's limit on a field's internal name. */
export const INTERNAL_NAME_MAX = 32;

/** The columns every list has besides its schema fields, by internal name. */
export const SYSTEM_FIELDS = {
  /** The client-generated key: indexed and unique, so a retried create cannot duplicate. */
  key: `${FIELD_PREFIX}Key`,
  /** The commit time of the create and of the last update (SharePoint's own Created and Modified are the server's clock). */
  created: `${FIELD_PREFIX}CreatedAt`,
  modified: `${FIELD_PREFIX}ModifiedAt`,
} as const;

/** One schema column as SharePoint stores it. */
export interface SpColumn {
  /** The schema's field name (`workstreamId`). */
  readonly name: string;
  readonly meta: ColumnMeta;
  /** The field's internal name (`PPPWorkstream`). */
  readonly internalName: string;
  /** The property items carry its value in: the internal name, or `<internal>Id` for a lookup. */
  readonly property: string;
  /**
   * For a multi-choice column, a yes/no field recording that the question was
   * answered: SharePoint stores an empty selection as empty, like no answer at all.
   */
  readonly answeredProperty?: string;
  /**
   * For an expandable choice column, a single line of text holding the same value:
   * SharePoint shows text through a lookup, never a choice (see `expansion.ts`).
   */
  readonly copyProperty?: string;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function internalNameOf(name: string, meta: ColumnMeta): string {
  const base = meta.kind === 'lookup' && name.endsWith('Id') ? name.slice(0, -2) : name;
  return `${FIELD_PREFIX}${pascal(base)}`;
}

const columnCache = new Map<ListName, readonly SpColumn[]>();

/** The columns of a list with their SharePoint names, in schema order. */
export function spColumns(list: ListName): readonly SpColumn[] {
  let columns = columnCache.get(list);
  if (!columns) {
    columns = columnsOf(list).map(({ name, meta }) => {
      const internalName = internalNameOf(name, meta);
      return {
        name,
        meta,
        internalName,
        property: meta.kind === 'lookup' ? `${internalName}Id` : internalName,
        answeredProperty: meta.kind === 'multiChoice' ? `${internalName}Answered` : undefined,
        copyProperty: meta.kind === 'choice' && meta.expandable === true ? `${internalName}Text` : undefined,
      };
    });
    columnCache.set(list, columns);
  }
  return columns;
}

/** One schema column by its field name, or undefined. */
export function spColumn(list: ListName, name: string): SpColumn | undefined {
  return spColumns(list).find((column) => column.name === name);
}

/** The list's title in SharePoint, from the schema (`PPP Roles`). */
export function listTitle(list: ListName): string {
  return LISTS[list].title;
}

/** Every property a read of the list selects: the item id, the system fields and each column. */
export function selectProperties(list: ListName): string[] {
  const properties = ['Id', SYSTEM_FIELDS.key, SYSTEM_FIELDS.created, SYSTEM_FIELDS.modified];
  for (const column of spColumns(list)) {
    properties.push(column.property);
    if (column.answeredProperty) properties.push(column.answeredProperty);
  }
  return properties;
}
