import type { ColumnMeta } from '../../domain/schema/columns';
import { LISTS, type ListName } from '../../domain/schema/lists';
import { parseFields } from '../../domain/schema/validate';
import { ValidationError } from '../../domain/errors';
import type { AnyQuery } from '../../domain/store';
import { canonicalValue } from '../commit-rules';
import { checkedExpansion } from '../expansion';
import { spColumn, type SpColumn } from './names';
import { toSp, type CompiledExpansion } from './codec';

/**
 * A value as an OData literal for `$filter`. Text is quoted with every quote
 * doubled (PnPjs passes filters through as written); the URL encoding of `&`, `#`,
 * `%` and other characters is left to the query string. Instants become
 * `datetime'…'`, yes/no becomes 1 or 0. Every value put into a filter goes through here.
 */
export function odataLiteral(value: string | number | boolean | null, kind: 'text' | 'number' | 'boolean' | 'dateTime' = 'text'): string {
  if (value === null) return 'null';
  if (kind === 'boolean' || typeof value === 'boolean') return value ? '1' : '0';
  if (kind === 'number' || typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${String(value)}`);
    return String(value);
  }
  if (kind === 'dateTime') return `datetime'${new Date(value).toISOString()}'`;
  return `'${value.replaceAll("'", "''")}'`;
}

/** A read of one list as SharePoint query options; `empty` when it can match nothing (an empty "any of"). */
export interface CompiledQuery {
  readonly filter?: string;
  readonly orderBy: ReadonlyArray<{ readonly property: string; readonly ascending: boolean }>;
  readonly top?: number;
  readonly empty: boolean;
  readonly expand?: CompiledExpansion;
  /**
   * Whether the read leads with a condition on an indexed column (or has none) and
   * sorts on indexed columns only: the reads SharePoint refuses past the threshold
   * only for matching too many items, which ranges of ids can answer.
   */
  readonly byIndex: boolean;
}

function compiledExpansion(query: AnyQuery): CompiledExpansion | undefined {
  const checked = checkedExpansion(query);
  if (!checked) return undefined;
  return {
    checked,
    lookup: columnOf(query.list, checked.lookup, 'filter').internalName,
    fields: checked.fields.map(({ name, meta }) => {
      const column = columnOf(checked.list, name, 'filter');
      return { name, meta, property: column.copyProperty ?? column.property, copy: column.copyProperty !== undefined };
    }),
  };
}

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: message });
}

function columnOf(list: ListName, field: string, use: 'filter' | 'sort'): SpColumn {
  const column = spColumn(list, field);
  if (!column) refuse(field, `${field} is not a column of ${LISTS[list].title}, so it cannot be used to ${use} it.`);
  return column;
}

function literalKind(meta: ColumnMeta): 'text' | 'number' | 'boolean' | 'dateTime' {
  switch (meta.kind) {
    case 'number':
    case 'lookup':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'dateTime':
      return 'dateTime';
    default:
      return 'text';
  }
}

/** Validates one value of a condition as if it were written, and writes it as a literal. */
function literalFor(list: ListName, column: SpColumn, value: unknown): string {
  if (value === null || value === undefined) {
    refuse(column.name, `${column.meta.title}: only a whole condition can be empty (null), not a value in it.`);
  }
  const parsed = parseFields(list, { [column.name]: value }, true) as Record<string, unknown>;
  const stored = toSp(column.meta, canonicalValue(column.meta, parsed[column.name]));
  return odataLiteral(stored as string | number | boolean, literalKind(column.meta));
}

function isRange(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function anyOf(property: string, literals: readonly string[]): string {
  const parts = literals.map((literal) => `${property} eq ${literal}`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' or ')})`;
}

function idCondition(value: unknown): string | undefined {
  const ids = Array.isArray(value) ? value : [value];
  if (!ids.every((id) => Number.isInteger(id) && (id as number) > 0)) refuse('id', 'id must be a whole number above 0, or a list of them.');
  if (ids.length === 0) return undefined;
  return anyOf(
    'Id',
    ids.map((id) => odataLiteral(id as number, 'number')),
  );
}

/** One condition as a filter clause, or undefined for one that can match nothing. */
function condition(list: ListName, field: string, value: unknown): string | undefined {
  if (field === 'id') return idCondition(value);
  const column = columnOf(list, field, 'filter');
  if (value === null) {
    if (column.answeredProperty) return `${column.answeredProperty} eq 0`;
    return `${column.property} eq null`;
  }
  if (column.meta.kind === 'multiChoice') refuse(field, `${column.meta.title} can only be filtered for being empty (null).`);
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return anyOf(
      column.property,
      value.map((item) => literalFor(list, column, item)),
    );
  }
  if (isRange(value)) {
    if (column.meta.kind === 'boolean') refuse(field, `${column.meta.title} is yes or no, so it has no range.`);
    const bounds = Object.keys(value);
    if (bounds.length === 0 || bounds.some((bound) => bound !== 'gte' && bound !== 'lte')) {
      refuse(field, `${column.meta.title}: a range needs gte, lte or both, and nothing else.`);
    }
    const parts: string[] = [];
    if (value.gte !== undefined) parts.push(`${column.property} ge ${literalFor(list, column, value.gte)}`);
    if (value.lte !== undefined) parts.push(`${column.property} le ${literalFor(list, column, value.lte)}`);
    return parts.join(' and ');
  }
  return `${column.property} eq ${literalFor(list, column, value)}`;
}

const UNINDEXED = 9;

/**
 * How well a condition narrows a read, lowest first: SharePoint picks its index
 * from the first clause, which must match fewer than 5,000 items, so the likeliest
 * narrowest indexed condition goes first. Ids and lookups (one parent's children)
 * narrow most; a choice or a yes/no may match half a list; an unindexed column
 * never leads.
 */
function narrowness(list: ListName, field: string, value: unknown): number {
  if (field === 'id') return 0;
  const meta = spColumn(list, field)?.meta;
  if (!meta?.indexed) return UNINDEXED;
  if (value === null || Array.isArray(value)) return 6;
  if (typeof value === 'object') return 4;
  switch (meta.kind) {
    case 'lookup':
    case 'number':
      return 1;
    case 'text':
      return 2;
    case 'date':
    case 'dateTime':
      return 3;
    default:
      return 5;
  }
}

/**
 * Turns a query into SharePoint query options. The narrowest condition on an
 * indexed column comes first (see {@link narrowness}), so the first clause of the
 * filter lets SharePoint use an index and stay under the list view threshold;
 * results are ordered by `orderBy`, then by id.
 * Unknown fields and malformed conditions are a {@link ValidationError}.
 */
export function compileQuery(query: AnyQuery): CompiledQuery {
  const list = query.list;
  const entries = Object.entries((query.where ?? {}) as Record<string, unknown>).filter(([, value]) => value !== undefined);
  entries.sort(([a, x], [b, y]) => narrowness(list, a, x) - narrowness(list, b, y));
  let empty = false;
  const clauses: string[] = [];
  for (const [field, value] of entries) {
    const clause = condition(list, field, value);
    if (clause === undefined) empty = true;
    else clauses.push(clause);
  }
  const sorts = (query.orderBy ?? []) as ReadonlyArray<{ readonly field: string; readonly descending?: boolean }>;
  const orderBy = sorts.map(({ field, descending }) => ({
    property: columnOf(list, field, 'sort').property,
    ascending: descending !== true,
  }));
  if (query.top !== undefined && (!Number.isInteger(query.top) || query.top < 0)) refuse('top', 'top must be a whole number, 0 or more.');
  return {
    filter: clauses.length > 0 ? clauses.join(' and ') : undefined,
    orderBy: [...orderBy, { property: 'Id', ascending: true }],
    top: query.top,
    empty: empty || query.top === 0,
    expand: compiledExpansion(query),
    byIndex:
      (entries.length === 0 || narrowness(list, entries[0][0], entries[0][1]) < UNINDEXED) &&
      sorts.every(({ field }) => spColumn(list, field)?.meta.indexed === true),
  };
}

/** SharePoint's list view threshold: a read whose first indexed condition matches more items than this is refused. */
export const LIST_VIEW_THRESHOLD = 5000;

/** A compiled read narrowed to items with ids from `start` up to (not including) `end`, or every id from `start` when `end` is left out. */
export function inIdRange(query: CompiledQuery, start: number, end?: number): CompiledQuery {
  const range = [`Id ge ${odataLiteral(start, 'number')}`, ...(end === undefined ? [] : [`Id lt ${odataLiteral(end, 'number')}`])];
  return { ...query, filter: [...range, ...(query.filter ? [query.filter] : [])].join(' and ') };
}

/**
 * The query as two halves of its longest "is one of" list (ids included), every
 * other condition kept; undefined when no list has two values to split. Each item
 * matches at most one half (a column holds one value), so the halves' answers
 * together are the query's answer.
 */
export function halvesOf(query: AnyQuery): [AnyQuery, AnyQuery] | undefined {
  const where = (query.where ?? {}) as Record<string, unknown>;
  let longest: [string, readonly unknown[]] | undefined;
  for (const [field, value] of Object.entries(where)) {
    if (Array.isArray(value) && value.length > 1 && value.length > (longest?.[1].length ?? 0)) longest = [field, value];
  }
  if (!longest) return undefined;
  const [field, values] = longest;
  const middle = Math.ceil(values.length / 2);
  const half = (part: readonly unknown[]) => ({ ...query, where: { ...where, [field]: part } }) as AnyQuery;
  return [half(values.slice(0, middle)), half(values.slice(middle))];
}

/** Two values in SharePoint's order: empty first, text without regard to case. */
function compareStored(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  const [x, y] = typeof a === 'string' && typeof b === 'string' ? [a.toLowerCase(), b.toLowerCase()] : [a as number, b as number];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The answers to the parts of a split query as the one answer SharePoint would
 * have given the whole query: ordered by `orderBy`, then by id, and cut to `top`.
 */
export function joinAnswers<R extends { readonly id: number }>(query: AnyQuery, answers: ReadonlyArray<readonly R[]>): R[] {
  if (answers.length === 1) return [...answers[0]];
  const orderBy = (query.orderBy ?? []) as ReadonlyArray<{ readonly field: string; readonly descending?: boolean }>;
  const joined = answers.flat().sort((a, b) => {
    for (const { field, descending } of orderBy) {
      const compared = compareStored((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
      if (compared !== 0) return descending ? -compared : compared;
    }
    return a.id - b.id;
  });
  return query.top === undefined ? joined : joined.slice(0, query.top);
}
