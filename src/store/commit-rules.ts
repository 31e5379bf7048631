import { z } from 'zod';
import { ConflictError, NotFoundError, RefusedError, ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { ColumnMeta } from '../domain/schema/columns';
import { columnsOf, LISTS, type ListName } from '../domain/schema/lists';
import { validationErrorFrom } from '../domain/schema/validate';
import type { Change, CommitContext, RecordAccess, Ref } from '../domain/store';

/** What both store adapters check of a commit before they write, and how they refuse it. */

const keySchema = z.string().trim().min(1).max(255);
const contextSchema = z.object({
  actor: z.object({ id: z.string().trim().min(1), name: z.string().trim().min(1) }),
  at: z.iso.datetime({ offset: true }),
  key: z.string().trim().min(1).max(200).optional(),
});
const CONTEXT_TITLES: Record<string, string> = { actor: 'Who', at: 'When', key: 'Action key' };
const ACCESS_ACTIONS: ReadonlyArray<RecordAccess['action']> = ['Viewed', 'Exported'];

/** A ValidationError whose message is the field sentences. */
export function validationError(fields: Record<string, string>): ValidationError {
  const sentences = Object.values(fields);
  const message = sentences.length === 1 ? sentences[0] : `Please correct ${sentences.length} things: ${sentences.join(' ')}`;
  return new ValidationError(message, fields);
}

/** Narrows an untrusted list name to one the schema declares; a ValidationError otherwise. */
export function assertList(list: string): asserts list is ListName {
  if (!Object.hasOwn(LISTS, list)) {
    throw new ValidationError(`There is no list called ${list}.`, { list: `There is no list called ${list}.` });
  }
}

/**
 * Checks that every change names a list, and refuses any change to the audit
 * trail: its entries are written by the adapters alongside the changes they describe.
 */
export function checkedChanges(changes: readonly Change[]): void {
  for (const change of changes) {
    assertList(change.list);
    if (change.list === 'activity') {
      throw new RefusedError(
        'audit-append-only',
        'The activity list is the audit trail: its entries are added by the app and cannot be created, changed or removed.',
        { op: change.op },
      );
    }
  }
}

/** Checks a read to be recorded: a list the schema declares, and an action that records a read. */
export function checkedAccess(access: RecordAccess): void {
  assertList(access.list);
  if (!ACCESS_ACTIONS.includes(access.action)) {
    throw validationError({ action: `Action: a read is recorded as ${ACCESS_ACTIONS.join(' or ')}.` });
  }
}

/** Who wrote, when, and as part of which keyed action: what every audit entry of a commit carries. */
export interface Stamp {
  readonly at: string;
  readonly actor: Principal;
  readonly operation: string | null;
}

/** The commit context checked, with its instant in canonical form and its key (if any) as `operation`; a ValidationError names what is wrong otherwise. */
export function checkedContext(context: CommitContext): Stamp {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) throw validationErrorFrom(parsed.error, (field) => CONTEXT_TITLES[field] ?? field);
  return { at: new Date(context.at).toISOString(), actor: context.actor, operation: parsed.data.key ?? null };
}

/** A create's key, trimmed; a ValidationError if it is missing or too long. */
export function checkedKey(key: unknown): string {
  const parsed = keySchema.safeParse(key);
  if (!parsed.success) throw validationError({ key: 'Every new item needs a key of 1 to 255 characters.' });
  return parsed.data;
}

/** The item an update or delete names, as read now: NotFoundError when it is gone, ConflictError when it has moved on from the version the caller read. */
export function checkedVersion<R extends { readonly version: number }>(
  list: ListName,
  id: number,
  version: number,
  current: R | undefined,
): R {
  if (!current) throw new NotFoundError(LISTS[list].itemName, id);
  if (current.version !== version) throw new ConflictError(LISTS[list].itemName);
  return current;
}

/** Whether a lookup value names an item created earlier in the same commit. */
export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as { ref?: unknown }).ref === 'string';
}

/** An item created earlier in a commit, as a later change's {@link Ref} finds it. */
export interface RefTarget {
  readonly list: ListName;
  readonly id: number;
}

/** Records the name a create gives itself; a ValidationError when an earlier change of the commit took it. */
export function declareRef(refs: Map<string, RefTarget>, ref: string | undefined, target: RefTarget): void {
  if (ref === undefined) return;
  if (refs.has(ref)) {
    throw validationError({ ref: `Two changes in this commit are both called "${ref}"; each ref must be unique.` });
  }
  refs.set(ref, target);
}

/** The refs in the lookup columns of a create's values. */
export function refsOf(list: ListName, values: unknown): Ref[] {
  if (typeof values !== 'object' || values === null) return [];
  return columnsOf(list).flatMap(({ name, meta }) => {
    const value = (values as Record<string, unknown>)[name];
    return meta.kind === 'lookup' && isRef(value) ? [value] : [];
  });
}

/**
 * A create's values with each `{ ref }` in a lookup column replaced by the id of
 * the item it names; a ValidationError names each ref that no earlier change
 * declared, or that names an item of another list than the column's.
 */
export function resolveRefs(list: ListName, values: unknown, refs: ReadonlyMap<string, RefTarget>): unknown {
  if (typeof values !== 'object' || values === null) return values;
  const resolved: Record<string, unknown> = { ...values };
  const problems: Record<string, string> = {};
  for (const { name, meta } of columnsOf(list)) {
    const value = resolved[name];
    if (meta.kind !== 'lookup' || !isRef(value)) continue;
    const target = refs.get(value.ref);
    if (!target) {
      problems[name] = `${meta.title}: no earlier change in this commit has the ref "${value.ref}".`;
    } else if (target.list !== meta.lookupList) {
      const wanted = LISTS[meta.lookupList as ListName].itemName;
      problems[name] = `${meta.title}: the ref "${value.ref}" is a ${LISTS[target.list].itemName}, not a ${wanted}.`;
    } else {
      resolved[name] = target.id;
    }
  }
  if (Object.keys(problems).length > 0) throw validationError(problems);
  return resolved;
}

/** A lookup value of a change: the column holding it and the item it names. */
export interface LookupValue {
  readonly name: string;
  readonly title: string;
  readonly list: ListName;
  readonly id: number;
}

/** Every lookup column of the fields that names an item by id. */
export function lookupsOf(list: ListName, fields: Readonly<Record<string, unknown>>): LookupValue[] {
  return columnsOf(list).flatMap(({ name, meta }) => {
    const id = fields[name];
    return meta.kind === 'lookup' && typeof id === 'number' ? [{ name, title: meta.title, list: meta.lookupList as ListName, id }] : [];
  });
}

/** Refuses the lookups whose item does not exist, naming each column; does nothing when there are none. */
export function refuseMissingLookups(missing: readonly LookupValue[]): void {
  if (missing.length === 0) return;
  throw validationError(
    Object.fromEntries(missing.map(({ name, title, list, id }) => [name, `${title}: there is no ${LISTS[list].itemName} with id ${id}.`])),
  );
}

/** Every lookup column, of any list, that points at items of the list. */
export function referencesTo(list: ListName): Array<{ readonly list: ListName; readonly name: string }> {
  return (Object.keys(LISTS) as ListName[]).flatMap((other) =>
    columnsOf(other).flatMap(({ name, meta }) => (meta.kind === 'lookup' && meta.lookupList === list ? [{ list: other, name }] : [])),
  );
}

function plural(itemName: string, count: number): string {
  return count === 1 ? `1 ${itemName}` : `${count} ${itemName}s`;
}

/** The refusal of a delete while other items still refer to the item, counted by list. */
export function inUseError(list: ListName, id: number, references: Readonly<Record<string, number>>): RefusedError {
  const counted = Object.entries(references).map(([other, count]) => plural(LISTS[other as ListName].itemName, count));
  return new RefusedError(
    'in-use',
    `This ${LISTS[list].itemName} cannot be removed while ${counted.join(' and ')} still refer to it. Remove or move those first.`,
    { list, id, references },
  );
}

/**
 * A parsed value in its canonical form. Instants become UTC `toISOString()`
 * strings, so that equal instants compare equal and ranges compare in time order
 * whatever offset the caller wrote them with.
 */
export function canonicalValue(meta: ColumnMeta, value: unknown): unknown {
  if (meta.kind === 'dateTime' && typeof value === 'string') return new Date(value).toISOString();
  return value;
}

/** The given fields of an item (already validated) in canonical form, see {@link canonicalValue}. */
export function canonicalFields(list: ListName, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, meta } of columnsOf(list)) {
    if (name in fields) out[name] = canonicalValue(meta, fields[name]);
  }
  return out;
}
