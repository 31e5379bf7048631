import type { ColumnMeta } from '../../domain/schema/columns';
import { columnsOf, isRecordAsIs, recordSchema, type ListName, type RecordOf } from '../../domain/schema/lists';
import { ident, SYSTEM_COLUMNS } from './sql';

/** A value as SQLite stores it. */
export type SqlValue = string | number | null;

/** A row as better-sqlite3 returns it. */
export type Row = Record<string, unknown>;

/** A canonical field value as a column value. */
export function toSql(meta: ColumnMeta, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  switch (meta.kind) {
    case 'boolean':
      return value ? 1 : 0;
    case 'multiChoice':
      return JSON.stringify(value);
    default:
      return value as string | number;
  }
}

function fromSql(list: ListName, id: unknown, name: string, meta: ColumnMeta, raw: unknown): unknown {
  if (raw === null) return null;
  if (meta.kind === 'boolean' && (raw === 0 || raw === 1)) return raw === 1;
  if (meta.kind === 'multiChoice' && typeof raw === 'string') {
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new Error(`The ${list} row with id ${String(id)} holds a ${name} that is not a JSON array`, { cause: error });
    }
  }
  return raw;
}

/** The column list every read of a list selects, system columns first. */
export function selectColumns(list: ListName): string {
  return [...SYSTEM_COLUMNS, ...columnsOf(list).map((column) => column.name)].map(ident).join(', ');
}

/**
 * Turns a row into a record of the list, validated against the list schema and
 * the system fields: value by value when each is as the schema would give it back
 * (as the app writes them), else by a parse. A row that does not parse was
 * written around the app or by a missing migration: that is a bug, so it throws a
 * plain Error naming the row and the fields (never their values, which may be
 * personal).
 */
export function recordFromRow<L extends ListName>(list: L, row: Row): RecordOf<L> {
  const candidate: Record<string, unknown> = {};
  for (const { name, meta } of columnsOf(list)) candidate[name] = fromSql(list, row.id, name, meta, row[name]);
  for (const name of SYSTEM_COLUMNS) candidate[name] = row[name];
  if (isRecordAsIs(list, candidate)) return candidate as RecordOf<L>;
  const result = recordSchema(list).safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The ${list} row with id ${String(row.id)} does not match the schema (${problems})`);
  }
  return result.data as RecordOf<L>;
}
