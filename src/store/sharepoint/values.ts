import type { ColumnMeta } from '../../domain/schema/columns';
import { columnsOf, type ListName } from '../../domain/schema/lists';

/** A parsed value in canonical form: instants become UTC `toISOString()` strings. */
export function canonicalValue(meta: ColumnMeta, value: unknown): unknown {
  if (meta.kind === 'dateTime' && typeof value === 'string') return new Date(value).toISOString();
  return value;
}

/** The given fields of an item (already validated) in canonical form. */
export function canonicalFields(list: ListName, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, meta } of columnsOf(list)) {
    if (name in fields) out[name] = canonicalValue(meta, fields[name]);
  }
  return out;
}
