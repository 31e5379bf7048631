import { z } from 'zod';
import { RefusedError, ValidationError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { LISTS, type ListName } from '../domain/schema/lists';
import { validationErrorFrom } from '../domain/schema/validate';
import type { CommitContext, Ref } from '../domain/store';

/** What both store adapters check of a commit before they write, and how they refuse it. */

const keySchema = z.string().trim().min(1).max(255);
const contextSchema = z.object({
  actor: z.object({ id: z.string().trim().min(1), name: z.string().trim().min(1) }),
  at: z.iso.datetime({ offset: true }),
  key: z.string().trim().min(1).max(200).optional(),
});
const CONTEXT_TITLES: Record<string, string> = { actor: 'Who', at: 'When', key: 'Action key' };

/** A ValidationError whose message is the field sentences. */
export function validationError(fields: Record<string, string>): ValidationError {
  const sentences = Object.values(fields);
  const message = sentences.length === 1 ? sentences[0] : `Please correct ${sentences.length} things: ${sentences.join(' ')}`;
  return new ValidationError(message, fields);
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

/** Whether a lookup value names an item created earlier in the same commit. */
export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as { ref?: unknown }).ref === 'string';
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
