import type { ColumnMeta } from '../../domain/schema/columns';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Quotes a table or column name. Names come only from the schema, so anything
 * that is not a plain identifier is a bug, never something to escape.
 */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Columns every table has besides its list's fields, in the order they are selected. */
export const SYSTEM_COLUMNS = ['id', 'key', 'version', 'created', 'modified'] as const;

/** The DDL of the system columns, for `CREATE TABLE`. */
export const SYSTEM_COLUMN_DEFINITIONS = [
  '"id" INTEGER PRIMARY KEY AUTOINCREMENT',
  '"key" TEXT NOT NULL UNIQUE',
  '"version" INTEGER NOT NULL',
  '"created" TEXT NOT NULL',
  '"modified" TEXT NOT NULL',
];

function affinity(meta: ColumnMeta): 'TEXT' | 'INTEGER' {
  switch (meta.kind) {
    case 'number':
    case 'boolean':
    case 'lookup':
      return 'INTEGER';
    case 'text':
    case 'note':
    case 'choice':
    case 'multiChoice':
    case 'date':
    case 'dateTime':
      return 'TEXT';
  }
}

/**
 * The value existing rows get when a required column is added to a table that
 * already exists (SQLite refuses `ADD COLUMN ... NOT NULL` without a default).
 * It is the kind's empty value: right for yes/no columns ("a missing yes/no is
 * stored as no"); for text, choices, dates and numbers with a minimum it will not
 * pass validation, so those rows fail loudly on read until they are backfilled.
 * A lookup has none: SQLite forbids a non-null default on a REFERENCES column.
 */
export function naturalEmptyValue(meta: ColumnMeta): string | number | null {
  switch (meta.kind) {
    case 'boolean':
    case 'number':
      return 0;
    case 'multiChoice':
      return '[]';
    case 'text':
    case 'note':
    case 'choice':
    case 'date':
    case 'dateTime':
      return '';
    case 'lookup':
      return null;
  }
}

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/**
 * The DDL of one field's column. `addedToExistingTable` gives a required column
 * its {@link naturalEmptyValue} as default; one without (a lookup) is added
 * without NOT NULL, and validation keeps it required for new writes.
 */
export function columnDefinition(name: string, meta: ColumnMeta, addedToExistingTable = false): string {
  const parts = [ident(name), affinity(meta)];
  if (meta.required) {
    const empty = addedToExistingTable ? naturalEmptyValue(meta) : null;
    if (!addedToExistingTable) parts.push('NOT NULL');
    else if (empty !== null) parts.push(`NOT NULL DEFAULT ${literal(empty)}`);
  }
  if (meta.kind === 'lookup') {
    if (!meta.lookupList) throw new Error(`Lookup column ${name} does not say which list it points at`);
    parts.push(`REFERENCES ${ident(meta.lookupList)}("id")`);
  }
  return parts.join(' ');
}

/** The name of the index on one column. */
export function indexName(table: string, column: string): string {
  return `ix_${table}_${column}`;
}
