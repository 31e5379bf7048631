import { metaOf, NOTE_MAX } from '../domain/schema/columns';
import { AUDIT_ACTIONS, columnsOf, LISTS, type Fields, type ListName } from '../domain/schema/lists';
import { parseFields } from '../domain/schema/validate';
import type { Change } from '../domain/store';
import type { Stamp } from './commit-rules';

type FieldChange = { readonly from: unknown; readonly to: unknown } | { readonly changed: true };

const CHANGES_MAX = metaOf(LISTS.activity.fields.changes).maxLength ?? NOTE_MAX;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Values are parsed, so two plain values are the same only when identical; lists (multiple choices) compare as JSON.
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The `changes` column of an audit entry: `{ field: { from, to } }` for every field
 * whose value differs between `before` and `after` (either may be absent, for a
 * create or a delete). Personal fields record only `{ changed: true }`, never a value.
 * If the JSON would not fit in the column, the largest values are replaced by
 * `{ changed: true }` too: the change is still recorded rather than refused.
 */
export function auditChanges(list: ListName, before: object | undefined, after: object | undefined): string {
  const changes: Record<string, FieldChange> = {};
  for (const { name, meta } of columnsOf(list)) {
    const from = (before as Record<string, unknown> | undefined)?.[name] ?? null;
    const to = (after as Record<string, unknown> | undefined)?.[name] ?? null;
    if (same(from, to)) continue;
    changes[name] = meta.personal ? { changed: true } : { from, to };
  }
  let json = JSON.stringify(changes);
  if (json.length <= CHANGES_MAX) return json;
  const bySize = Object.keys(changes).sort((a, b) => JSON.stringify(changes[b]).length - JSON.stringify(changes[a]).length);
  for (const field of bySize) {
    if (json.length <= CHANGES_MAX) break;
    changes[field] = { changed: true };
    json = JSON.stringify(changes);
  }
  return json;
}

/** One entry of the audit trail, before it is stamped with who and when. */
export interface AuditEntry {
  readonly list: ListName;
  readonly itemId: number;
  readonly action: (typeof AUDIT_ACTIONS)[number];
  readonly summary?: string;
  readonly changes: string | null;
}

const ACTION_OF = { create: 'Created', update: 'Updated', delete: 'Deleted' } as const;

/** The entry of one change written: its action, its summary and what changed between the item before and after (absent for a create or a delete). */
export function changeEntry(change: Change, itemId: number, before: object | undefined, after: object | undefined): AuditEntry {
  return {
    list: change.list,
    itemId,
    action: ACTION_OF[change.op],
    summary: change.summary,
    changes: auditChanges(change.list, before, after),
  };
}

/** The fields of an `activity` item for the entry, stamped and validated. */
export function auditFields(entry: AuditEntry, { at, actor, operation }: Stamp): Fields<'activity'> {
  return parseFields('activity', {
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    list: entry.list,
    itemId: entry.itemId,
    summary: entry.summary ?? null,
    changes: entry.changes,
    operation,
  });
}
