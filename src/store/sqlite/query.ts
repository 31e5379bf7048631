import type { ColumnMeta } from '../../domain/schema/columns';
import { columnsOf, LISTS, type ListName } from '../../domain/schema/lists';
import { parseFields } from '../../domain/schema/validate';
import { ValidationError } from '../../domain/errors';
import type { AnyQuery } from '../../domain/store';
import { assertList, canonicalValue } from '../commit-rules';
import { selectColumns, toSql, type SqlValue } from './codec';
import { ident } from './sql';

/** SQL text and the values bound to its placeholders. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

function columnOf(list: ListName, field: string, use: 'filter' | 'sort'): ColumnMeta {
  const column = columnsOf(list).find((candidate) => candidate.name === field);
  if (!column) {
    const message = `${field} is not a column of ${LISTS[list].title}, so it cannot be used to ${use} it.`;
    throw new ValidationError(message, { [field]: message });
  }
  return column.meta;
}

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: message });
}

/** Validates one value of a condition as if it were written, and encodes it for binding. */
function bindable(list: ListName, field: string, meta: ColumnMeta, value: unknown): SqlValue {
  if (value === null || value === undefined) refuse(field, `${meta.title}: only a whole condition can be empty (null), not a value in it.`);
  const parsed = parseFields(list, { [field]: value }, true) as Record<string, unknown>;
  return toSql(meta, canonicalValue(meta, parsed[field]));
}

function isRange(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idCondition(value: unknown, params: SqlValue[]): string {
  const ids = Array.isArray(value) ? value : [value];
  if (!ids.every((id) => Number.isInteger(id) && (id as number) > 0)) {
    refuse('id', 'id must be a whole number above 0, or a list of them.');
  }
  if (!Array.isArray(value)) {
    params.push(value as number);
    return '"id" = ?';
  }
  if (value.length === 0) return '0';
  params.push(JSON.stringify(value));
  return '"id" IN (SELECT "value" FROM json_each(?))';
}

function condition(list: ListName, field: string, value: unknown, params: SqlValue[]): string {
  if (field === 'id') return idCondition(value, params);
  const meta = columnOf(list, field, 'filter');
  const column = ident(field);
  if (value === null) return `${column} IS NULL`;
  if (meta.kind === 'multiChoice') {
    refuse(field, `${meta.title} can only be filtered for being empty (null).`);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '0';
    params.push(JSON.stringify(value.map((item) => bindable(list, field, meta, item))));
    return `${column} IN (SELECT "value" FROM json_each(?))`;
  }
  if (isRange(value)) {
    if (meta.kind === 'boolean') refuse(field, `${meta.title} is yes or no, so it has no range.`);
    const bounds = Object.keys(value);
    if (bounds.length === 0 || bounds.some((bound) => bound !== 'gte' && bound !== 'lte')) {
      refuse(field, `${meta.title}: a range needs gte, lte or both, and nothing else.`);
    }
    const parts: string[] = [];
    if (value.gte !== undefined) {
      params.push(bindable(list, field, meta, value.gte));
      parts.push(`${column} >= ?`);
    }
    if (value.lte !== undefined) {
      params.push(bindable(list, field, meta, value.lte));
      parts.push(`${column} <= ?`);
    }
    return parts.join(' AND ');
  }
  params.push(bindable(list, field, meta, value));
  return `${column} = ?`;
}

/**
 * Turns a {@link Query} into one parameterised SELECT. Table and column names come
 * from the schema only and every value is bound, so the SQL text depends only on
 * the query's shape and can be cached. Conditions are checked like written values
 * (`id` takes one id or a list of them);
 * unknown fields and malformed conditions are a {@link ValidationError}. Rows come
 * back in `orderBy` order, then by id, so equal sort keys have a stable order.
 */
export function compileQuery(query: AnyQuery): CompiledQuery {
  assertList(query.list);
  const list = query.list;
  const params: SqlValue[] = [];
  const conditions = Object.entries((query.where ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => condition(list, field, value, params));
  const orderBy = (query.orderBy ?? []) as ReadonlyArray<{ readonly field: string; readonly descending?: boolean }>;
  const order = orderBy.map(({ field, descending }) => {
    columnOf(list, field, 'sort');
    return `${ident(field)} ${descending ? 'DESC' : 'ASC'}`;
  });
  let sql = `SELECT ${selectColumns(list)} FROM ${ident(list)}`;
  if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
  sql += ` ORDER BY ${[...order, '"id" ASC'].join(', ')}`;
  if (query.top !== undefined) {
    if (!Number.isInteger(query.top) || query.top < 0) refuse('top', 'top must be a whole number, 0 or more.');
    params.push(query.top);
    sql += ' LIMIT ?';
  }
  return { sql, params };
}
