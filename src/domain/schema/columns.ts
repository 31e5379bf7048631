import { z } from 'zod';

/**
 * How a column is stored. The names follow SharePoint's field kinds so that the
 * provisioning can map them one to one; the SQLite adapter maps them to affinities.
 */
export type ColumnKind = 'text' | 'note' | 'choice' | 'multiChoice' | 'number' | 'boolean' | 'date' | 'dateTime' | 'lookup';

/** SharePoint's own limit for a single line of text. */
export const SINGLE_LINE_MAX = 255;
/** Long text is capped so that one careless paste cannot fill a list item. */
export const NOTE_MAX = 4000;

/** What every store needs to know about one column, beyond its zod type. */
export interface ColumnMeta {
  readonly kind: ColumnKind;
  /** The name people read: form labels, list view headers and error messages. */
  readonly title: string;
  readonly required: boolean;
  /**
   * Used as a first filter or as a sort somewhere, so both stores index it: past
   * 5,000 items SharePoint sorts only on an indexed column, even in a filtered read.
   */
  readonly indexed: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** The list a lookup column points at. */
  readonly lookupList?: string;
  /**
   * A choice column read through lookups from other lists (a store query's
   * `expand`). SharePoint refuses to show a choice column through a lookup, so its
   * adapter keeps a copy of such a column as a single line of text beside it.
   */
  readonly expandable?: boolean;
  /**
   * Personal data about a partner. Its values are never copied into the audit
   * trail or logs, only the fact that it changed.
   */
  readonly personal: boolean;
}

/** Column metadata, keyed by the zod schema of each column. */
export const columnRegistry = z.registry<ColumnMeta>();

interface CommonOptions {
  indexed?: boolean;
  personal?: boolean;
}

/** A required column's values are never empty; any other column's may be null. */
type Column<T extends z.ZodType, R extends boolean | undefined> = [R] extends [true] ? T : z.ZodNullable<T>;

function finish<T extends z.ZodType, R extends boolean | undefined>(
  schema: T,
  meta: Omit<ColumnMeta, 'required' | 'indexed' | 'personal'>,
  options: CommonOptions & { required?: R },
): Column<T, R> {
  const required = options.required === true;
  const column = (required ? schema : schema.nullable()) as Column<T, R>;
  columnRegistry.add(column, {
    ...meta,
    required,
    indexed: options.indexed === true,
    personal: options.personal === true,
  });
  return column;
}

/** A single line of text (at most 255 characters, SharePoint's limit). */
export function text<R extends boolean | undefined = undefined>(
  title: string,
  options: CommonOptions & { required?: R; maxLength?: number } = {},
) {
  const maxLength = Math.min(options.maxLength ?? SINGLE_LINE_MAX, SINGLE_LINE_MAX);
  const base = options.required ? z.string().trim().min(1).max(maxLength) : z.string().trim().max(maxLength);
  return finish(base, { kind: 'text', title, maxLength }, options);
}

/** Several lines of plain text. */
export function note<R extends boolean | undefined = undefined>(
  title: string,
  options: CommonOptions & { required?: R; maxLength?: number } = {},
) {
  const maxLength = options.maxLength ?? NOTE_MAX;
  const base = options.required ? z.string().trim().min(1).max(maxLength) : z.string().trim().max(maxLength);
  return finish(base, { kind: 'note', title, maxLength }, options);
}

/** One value from a fixed list. */
export function choice<const C extends readonly [string, ...string[]], R extends boolean | undefined = undefined>(
  title: string,
  choices: C,
  options: CommonOptions & { required?: R; expandable?: boolean } = {},
) {
  return finish(z.enum(choices), { kind: 'choice', title, choices, expandable: options.expandable === true }, options);
}

/** Any number of values from a fixed list. */
export function multiChoice<const C extends readonly [string, ...string[]], R extends boolean | undefined = undefined>(
  title: string,
  choices: C,
  options: CommonOptions & { required?: R } = {},
) {
  return finish(z.array(z.enum(choices)), { kind: 'multiChoice', title, choices }, options);
}

/** A whole number, optionally within bounds. */
export function integer<R extends boolean | undefined = undefined>(
  title: string,
  options: CommonOptions & { required?: R; min?: number; max?: number } = {},
) {
  let base = z.number().int();
  if (options.min !== undefined) base = base.min(options.min);
  if (options.max !== undefined) base = base.max(options.max);
  return finish(base, { kind: 'number', title, min: options.min, max: options.max }, options);
}

/** Yes or no. Always required: a missing yes/no is stored as no. */
export function yesNo(title: string, options: CommonOptions = {}) {
  return finish<z.ZodBoolean, true>(z.boolean(), { kind: 'boolean', title }, { ...options, required: true });
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (`YYYY-MM-DD`) in the organisation's time zone, with no time of day. */
export function date<R extends boolean | undefined = undefined>(title: string, options: CommonOptions & { required?: R } = {}) {
  const base = z
    .string()
    .regex(CALENDAR_DATE, { error: `${title} must be a date like 2026-03-31` })
    .refine((value) => isRealDate(value), { error: `${title} is not a real date` });
  return finish(base, { kind: 'date', title }, options);
}

/** An instant, stored as an ISO 8601 string in UTC. */
export function dateTime<R extends boolean | undefined = undefined>(title: string, options: CommonOptions & { required?: R } = {}) {
  return finish(z.iso.datetime({ offset: true }), { kind: 'dateTime', title }, options);
}

/** The id of an item in another list. */
export function lookup<R extends boolean | undefined = undefined>(
  title: string,
  lookupList: string,
  options: CommonOptions & { required?: R } = {},
) {
  return finish(z.number().int().positive(), { kind: 'lookup', title, lookupList }, options);
}

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** Most values a {@link remembered} check keeps before it starts again. */
const REMEMBERED_MAX = 50_000;

/**
 * `check`, remembering the strings it accepted: a check of a string alone (a date, an
 * instant) gives the same answer every time, and stored rows repeat the same few
 * thousand dates and times on every read.
 */
function remembered(check: (value: string) => boolean): (value: string) => boolean {
  const accepted = new Set<string>();
  return (value) => {
    if (accepted.has(value)) return true;
    if (!check(value)) return false;
    if (accepted.size >= REMEMBERED_MAX) accepted.clear();
    accepted.add(value);
    return true;
  };
}

const anyDate = date('Date', { required: true });
const anyInstant = dateTime('Instant', { required: true });
const isCalendarDate = remembered((value) => anyDate.safeParse(value).data === value);
const isInstant = remembered((value) => anyInstant.safeParse(value).data === value);

/** True for an instant as {@link dateTime} accepts it, unchanged: for system fields, checked as often as columns. */
export function isStoredInstant(value: unknown): boolean {
  return typeof value === 'string' && isInstant(value);
}

const asIsChecks = new WeakMap<z.ZodType, (value: unknown) => boolean>();

/**
 * A quick check of a stored value against its column: true only for a value that the
 * column's schema accepts and gives back unchanged (text already trimmed, a whole
 * number in range, one of the choices, a real date), so a record whose every value
 * passes needs no parse. It may say false where the schema would accept (a value it
 * would trim, say): the caller then parses, and the schema decides and explains.
 * Reads check every value of every row, so this is worked out once per column.
 */
export function acceptsAsIs(schema: z.ZodType): (value: unknown) => boolean {
  let check = asIsChecks.get(schema);
  if (!check) {
    const meta = metaOf(schema);
    const present = presentCheck(meta);
    check = meta.required ? present : (value) => value === null || present(value);
    asIsChecks.set(schema, check);
  }
  return check;
}

function presentCheck(meta: ColumnMeta): (value: unknown) => boolean {
  const choices = new Set(meta.choices);
  switch (meta.kind) {
    case 'text':
    case 'note': {
      const shortest = meta.required ? 1 : 0;
      const longest = meta.maxLength ?? Number.POSITIVE_INFINITY;
      return (value) => typeof value === 'string' && value.length >= shortest && value.length <= longest && value === value.trim();
    }
    case 'choice':
      return (value) => typeof value === 'string' && choices.has(value);
    case 'multiChoice':
      return (value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && choices.has(item));
    case 'number':
      return (value) =>
        Number.isSafeInteger(value) &&
        (meta.min === undefined || (value as number) >= meta.min) &&
        (meta.max === undefined || (value as number) <= meta.max);
    case 'lookup':
      return (value) => Number.isSafeInteger(value) && (value as number) > 0;
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'date':
      return (value) => typeof value === 'string' && isCalendarDate(value);
    case 'dateTime':
      return isStoredInstant;
  }
}

/** The metadata of a column; every column of a list is built by the helpers above. */
export function metaOf(schema: z.ZodType): ColumnMeta {
  const meta = columnRegistry.get(schema);
  if (!meta) throw new Error('Column was not built by the schema helpers');
  return meta;
}
