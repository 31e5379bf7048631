import { z } from 'zod';
import type { ColumnMeta } from '../../domain/schema/columns';
import { LISTS, recordSchema, type ListName, type RecordOf } from '../../domain/schema/lists';
import type { CheckedExpansion } from '../expansion';
import { SYSTEM_FIELDS, spColumns } from './names';

/** An expansion as SharePoint reads it: the lookup field to `$expand` and the properties of the item it points at. */
export interface CompiledExpansion {
  readonly checked: CheckedExpansion;
  /** The lookup field's internal name, as `$expand` and the answer name it. */
  readonly lookup: string;
  /** Each field with the property SharePoint shows it in: the column's own, or its text copy for a choice. */
  readonly fields: ReadonlyArray<{ readonly name: string; readonly meta: ColumnMeta; readonly property: string; readonly copy: boolean }>;
}

/** An item as SharePoint's JSON returns it. */
export type SpItem = Readonly<Record<string, unknown>>;

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/**
 * A calendar date as SharePoint's date-only field reads it back. The value is
 * written as UTC midnight; a site in another time zone may shift it by its
 * offset, so the nearest UTC midnight is taken.
 */
function calendarDate(raw: string): string {
  return new Date(Date.parse(raw) + HALF_DAY_MS).toISOString().slice(0, 10);
}

/** A field's canonical value (already validated) as SharePoint takes it in JSON. */
export function toSp(meta: ColumnMeta, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (meta.kind) {
    case 'date':
      return `${String(value)}T00:00:00Z`;
    case 'dateTime':
      return new Date(String(value)).toISOString();
    case 'multiChoice':
      return [...(value as string[])];
    default:
      return value;
  }
}

/** A property as SharePoint returns it, back in the schema's form; SharePoint drops milliseconds from instants. */
export function fromSp(meta: ColumnMeta, raw: unknown): unknown {
  if (raw === null || raw === undefined || raw === '') return meta.kind === 'boolean' ? false : null;
  switch (meta.kind) {
    case 'date':
      return calendarDate(String(raw));
    case 'dateTime':
      return instant(String(raw));
    case 'multiChoice':
      return Array.isArray(raw) ? [...(raw as string[])] : [...((raw as { results?: string[] }).results ?? [])];
    default:
      return raw;
  }
}

/** An instant in the port's form, at SharePoint's precision (whole seconds). */
export function instant(value: string): string {
  const time = Date.parse(value);
  return new Date(time - (time % 1000)).toISOString();
}

/** The properties of a create or update body for the given (canonical, validated) fields. */
export function itemBody(list: ListName, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const column of spColumns(list)) {
    if (!(column.name in fields)) continue;
    const value = fields[column.name];
    body[column.property] = toSp(column.meta, value);
    if (column.answeredProperty) body[column.answeredProperty] = value !== null && value !== undefined;
    if (column.copyProperty) body[column.copyProperty] = value ?? null;
  }
  return body;
}

/** The version of an item: the number SharePoint puts in its ETag (`"3"`). */
export function versionOf(etag: unknown): number {
  const match = typeof etag === 'string' ? /(\d+)"?$/.exec(etag) : null;
  if (!match) throw new Error(`SharePoint returned an ETag this app cannot read: ${String(etag)}`);
  return Number(match[1]);
}

/**
 * Turns an item from SharePoint into a record of the list, validated against the
 * schema. An item that does not parse was edited around the app's rules (in the
 * list itself, say): it throws a plain Error naming the item and the fields,
 * never their values, which may be personal.
 */
export function recordFromItem<L extends ListName>(list: L, item: SpItem): RecordOf<L> {
  const candidate: Record<string, unknown> = {
    id: item.Id ?? item.ID,
    key: item[SYSTEM_FIELDS.key],
    version: versionOf(item['odata.etag']),
    created: typeof item[SYSTEM_FIELDS.created] === 'string' ? instant(item[SYSTEM_FIELDS.created] as string) : null,
    modified: typeof item[SYSTEM_FIELDS.modified] === 'string' ? instant(item[SYSTEM_FIELDS.modified] as string) : null,
  };
  for (const column of spColumns(list)) {
    let value = fromSp(column.meta, item[column.property]);
    if (column.answeredProperty && value === null && item[column.answeredProperty] === true) value = [];
    candidate[column.name] = value;
  }
  const result = recordSchema(list).safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The ${list} item with id ${String(candidate.id)} in SharePoint does not match the schema (${problems})`);
  }
  return result.data as RecordOf<L>;
}

/** A canonical value as it will read back from SharePoint (instants lose their milliseconds). */
export function asStored(meta: ColumnMeta, value: unknown): unknown {
  return fromSp(meta, toSp(meta, value));
}

const expandedSchemas = new Map<string, z.ZodType>();

function expandedSchema(expansion: CompiledExpansion): z.ZodType {
  const key = `${expansion.checked.list}:${expansion.fields.map(({ name }) => name).join(',')}`;
  let schema = expandedSchemas.get(key);
  if (!schema) {
    const shape = LISTS[expansion.checked.list].schema.shape as Record<string, z.ZodType>;
    schema = z.object(Object.fromEntries(expansion.fields.map(({ name }) => [name, shape[name]])));
    expandedSchemas.set(key, schema);
  }
  return schema;
}

/**
 * The fields of the item an item's lookup points at, as SharePoint expanded them,
 * validated against the schema; null when the lookup is empty, and undefined when a
 * choice's text copy is empty (an item written before the copy existed), for the
 * caller to read that item itself.
 */
export function expandedFromItem(list: ListName, expansion: CompiledExpansion, item: SpItem): Record<string, unknown> | null | undefined {
  const raw = item[expansion.lookup] as Record<string, unknown> | null | undefined;
  if (raw === null || raw === undefined) return null;
  const candidate: Record<string, unknown> = {};
  for (const { name, meta, property, copy } of expansion.fields) {
    const value = raw[property];
    if (copy && (value === null || value === undefined || value === '')) return undefined;
    candidate[name] = fromSp(meta, value);
  }
  const result = expandedSchema(expansion).safeParse(candidate);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new Error(
      `The ${list} item with id ${String(item.Id ?? item.ID)} in SharePoint shows its ${expansion.checked.list} item's ${fields} in a form the schema refuses`,
    );
  }
  return result.data as Record<string, unknown>;
}
