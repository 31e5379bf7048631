import type { ColumnMeta } from '../../domain/schema/columns';
import { columnsOf, recordChecksOf, recordSchema, type ListName, type RecordOf } from '../../domain/schema/lists';
import { ident } from './sql';

/** A value as SQLite stores it. */
export type SqlValue = string | number | null;

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

/** Turns one stored column value back into the field's value; a multiple choice that is not JSON throws, naming the row and column. */
type Decode = (list: ListName, id: unknown, raw: unknown) => unknown;

const asStored: Decode = (_list, _id, raw) => raw;

function decoderOf(name: string, meta: ColumnMeta): Decode {
  switch (meta.kind) {
    case 'boolean':
      return (_list, _id, raw) => (raw === 0 || raw === 1 ? raw === 1 : raw);
    case 'multiChoice':
      return (list, id, raw) => {
        if (typeof raw !== 'string') return raw;
        try {
          return JSON.parse(raw) as unknown;
        } catch (error) {
          throw new Error(`The ${list} row with id ${String(id)} holds a ${name} that is not a JSON array`, { cause: error });
        }
      };
    default:
      return asStored;
  }
}

/** How one list's rows are read: the columns selected, in order, and each one's decoding and quick check. */
interface RowReader {
  readonly select: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly decode: Decode; readonly check: (value: unknown) => boolean }>;
}

const readers = new Map<ListName, RowReader>();

/** Worked out once per list: reads decode and check every value of every row. */
function readerOf(list: ListName): RowReader {
  let reader = readers.get(list);
  if (!reader) {
    const metas = new Map(columnsOf(list).map(({ name, meta }) => [name, meta]));
    const columns = recordChecksOf(list).map(({ name, check }) => {
      const meta = metas.get(name);
      return { name, decode: meta ? decoderOf(name, meta) : asStored, check };
    });
    reader = { select: columns.map(({ name }) => ident(name)).join(', '), columns };
    readers.set(list, reader);
  }
  return reader;
}

/** The column list every read of a list selects, system columns first: rows come back as arrays in this order. */
export function selectColumns(list: ListName): string {
  return readerOf(list).select;
}

/**
 * Turns a row (its values in {@link selectColumns} order) into a record of the list,
 * validated against the list schema and the system fields: value by value when each
 * is as the schema would give it back (as the app writes them), else by a parse. A
 * row that does not parse was written around the app or by a missing migration: that
 * is a bug, so it throws a plain Error naming the row and the fields (never their
 * values, which may be personal).
 */
export function recordFromRow<L extends ListName>(list: L, row: readonly unknown[]): RecordOf<L> {
  const { columns } = readerOf(list);
  const id = row[0];
  const candidate: Record<string, unknown> = {};
  let asIs = row.length === columns.length;
  for (let index = 0; index < columns.length; index += 1) {
    const { name, decode, check } = columns[index];
    const raw = row[index];
    const value = raw === null ? null : decode(list, id, raw);
    candidate[name] = value;
    if (asIs && !check(value)) asIs = false;
  }
  if (asIs) return candidate as RecordOf<L>;
  const result = recordSchema(list).safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`The ${list} row with id ${String(id)} does not match the schema (${problems})`);
  }
  return result.data as RecordOf<L>;
}
