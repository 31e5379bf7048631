import type { ColumnKind, ColumnMeta } from '../domain/schema/columns';
import { columnsOf, LISTS, type ListName } from '../domain/schema/lists';
import type { AnyExpansion, AnyQuery } from '../domain/store';
import { validationError } from './commit-rules';

/**
 * The kinds of column SharePoint shows through a lookup: single lines of text,
 * numbers and dates ("Create list relationships by using unique and lookup
 * columns", Microsoft Support: choice, yes/no, multi-line text, person and
 * calculated columns are not supported; yes/no and calculated reported refused
 * through REST in pnp/pnpjs#1258). A choice column the schema marks `expandable`
 * is shown through a copy of it kept as text.
 */
const SHOWN_THROUGH_LOOKUP: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['text', 'number', 'date', 'dateTime']);

/** One field an expansion reads, with its column. */
export interface ExpandedField {
  readonly name: string;
  readonly meta: ColumnMeta;
}

/** An expansion every store can answer, its fields with their columns. */
export interface CheckedExpansion {
  readonly lookup: string;
  readonly list: ListName;
  readonly fields: readonly ExpandedField[];
}

/**
 * The query's expansion, checked alike by every store, so a read that works on the
 * embedded store works on SharePoint: the lookup must be a lookup column of the list
 * read, pointing at the list named, and each field one SharePoint shows through a
 * lookup. A {@link ValidationError} names what is wrong.
 */
export function checkedExpansion(query: AnyQuery): CheckedExpansion | undefined {
  const expansion: AnyExpansion | undefined = query.expand;
  if (!expansion) return undefined;
  const lookup = columnsOf(query.list).find((column) => column.name === expansion.lookup);
  if (lookup?.meta.kind !== 'lookup' || lookup.meta.lookupList !== expansion.list) {
    throw validationError({
      expand: `${String(expansion.lookup)} is not a lookup of ${LISTS[query.list].title} to ${String(expansion.list)}, so it cannot be expanded.`,
    });
  }
  if (expansion.fields.length === 0) throw validationError({ expand: 'An expansion needs at least one field.' });
  const fields = expansion.fields.map((name) => {
    const column = columnsOf(expansion.list).find((candidate) => candidate.name === name);
    const shown =
      column && (SHOWN_THROUGH_LOOKUP.has(column.meta.kind) || (column.meta.kind === 'choice' && column.meta.expandable === true));
    if (!column || !shown) {
      throw validationError({
        expand: `${String(name)} of ${LISTS[expansion.list].title} cannot be read through a lookup: SharePoint shows only text, numbers, dates and expandable choices that way.`,
      });
    }
    return { name, meta: column.meta };
  });
  return { lookup: expansion.lookup, list: expansion.list, fields };
}

/** The fields an expansion asks for, taken from the item its lookup points at. */
export function expandedFrom(expansion: CheckedExpansion, target: object | undefined): Record<string, unknown> | null {
  if (!target) return null;
  const values = target as unknown as Record<string, unknown>;
  return Object.fromEntries(expansion.fields.map(({ name }) => [name, values[name]]));
}

/** The ids the records' lookup points at, each once. */
export function lookedUpIds(expansion: CheckedExpansion, records: readonly object[]): number[] {
  const ids = new Set<number>();
  for (const record of records) {
    const id = (record as unknown as Record<string, unknown>)[expansion.lookup];
    if (typeof id === 'number') ids.add(id);
  }
  return [...ids];
}
