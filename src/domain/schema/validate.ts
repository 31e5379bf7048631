import { z } from 'zod';
import { ValidationError } from '../errors';
import { metaOf } from './columns';
import { fieldChecksOf, holdsAsIs, isPlainObject, LISTS, type Fields, type ListName } from './lists';

/** Turns one zod issue into a sentence about the field, using the column's title. */
function describe(issue: z.core.$ZodIssue, title: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? `${title} is required.` : `${title} has the wrong kind of value.`;
    case 'too_small':
      if (issue.origin === 'string') return `${title} is required.`;
      return `${title} must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${title} must be ${String(issue.maximum)} characters or fewer.`;
      return `${title} must be at most ${String(issue.maximum)}.`;
    case 'invalid_value':
      // Literal values (a consent that must be given) carry their own message.
      if (!issue.values.every((value) => typeof value === 'string')) return sentence(issue.message);
      return `${title} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      if (issue.format === 'datetime') return `${title} must be a date and time like 2026-03-31T14:00:00Z.`;
      return sentence(issue.message);
    case 'unrecognized_keys':
      return `${issue.keys.join(', ')} cannot be set here.`;
    default:
      return sentence(issue.message);
  }
}

function sentence(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}

/**
 * Field-level messages for a failed parse. Field names are the issue's first path
 * segment; `titles` gives the readable name of each field.
 */
export function fieldMessages(error: z.ZodError, titles: (field: string) => string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    if (fields[field]) continue;
    const title = titles(String(issue.path[0] ?? 'This request'));
    fields[field] = describe(issue, title);
  }
  return fields;
}

/** A {@link ValidationError} whose message lists every field at fault. */
export function validationErrorFrom(error: z.ZodError, titles: (field: string) => string): ValidationError {
  return validationErrorOf(fieldMessages(error, titles));
}

/** A {@link ValidationError} from a message for each field at fault, its message listing them all. */
export function validationErrorOf(fields: Record<string, string>): ValidationError {
  const sentences = Object.values(fields);
  const message = sentences.length === 1 ? sentences[0] : `Please correct ${sentences.length} things: ${sentences.join(' ')}`;
  return new ValidationError(message, fields);
}

function listTitles(list: ListName): (field: string) => string {
  const fields = LISTS[list].fields as Record<string, z.ZodType>;
  return (field) => (fields[field] ? metaOf(fields[field]).title : field);
}

const strictSchemas = new Map<ListName, { readonly whole: z.ZodObject; readonly part: z.ZodObject }>();

/** A list's schema refusing unknown fields, whole and with every field optional (built once per list: every write and query asks). */
function strictSchemasOf(list: ListName): { readonly whole: z.ZodObject; readonly part: z.ZodObject } {
  let schemas = strictSchemas.get(list);
  if (!schemas) {
    const base = LISTS[list].schema as z.ZodObject;
    schemas = { whole: base.strict(), part: base.partial().strict() };
    strictSchemas.set(list, schemas);
  }
  return schemas;
}

const fieldCheckByName = new Map<ListName, ReadonlyMap<string, (value: unknown) => boolean>>();

/** True when `values` is a plain object of some fields of the list, each as its schema would give it back. */
function holdsSomeAsIs(list: ListName, values: unknown): values is Record<string, unknown> {
  if (!isPlainObject(values)) return false;
  let checks = fieldCheckByName.get(list);
  if (!checks) {
    checks = new Map(fieldChecksOf(list).map(({ name, check }) => [name, check]));
    fieldCheckByName.set(list, checks);
  }
  for (const name in values) {
    if (!Object.hasOwn(values, name)) continue;
    const check = checks.get(name);
    const value = values[name];
    if (!check || value === undefined || !check(value)) return false;
  }
  return true;
}

/**
 * Parses a whole item of a list, or the part of one that an update changes,
 * throwing a {@link ValidationError} with field-level messages.
 */
export function parseFields<L extends ListName>(list: L, values: unknown, partial: true): Partial<Fields<L>>;
export function parseFields<L extends ListName>(list: L, values: unknown, partial?: false): Fields<L>;
export function parseFields<L extends ListName>(list: L, values: unknown, partial = false): Partial<Fields<L>> {
  // Values already as the schema would give them back (as the app makes them) need no parse: the same values pass, the same are refused.
  const asIs = partial ? holdsSomeAsIs(list, values) : holdsAsIs(fieldChecksOf(list), values);
  if (asIs) return { ...(values as Record<string, unknown>) } as Partial<Fields<L>>;
  const schemas = strictSchemasOf(list);
  const result = (partial ? schemas.part : schemas.whole).safeParse(values);
  if (!result.success) throw validationErrorFrom(result.error, listTitles(list));
  return result.data as Partial<Fields<L>>;
}
