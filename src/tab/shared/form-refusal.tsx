import { RefusalMessage } from './action-message';
import type { ActionOutcome } from './use-action';

/** A change the server refused, with its sentence and its message for each field at fault. */
export type Refusal = Extract<ActionOutcome, { readonly kind: 'refused' }>;

/** Props for {@link FormRefusal}. */
export interface FormRefusalProps {
  /** The refusal this form's last change met, or null. */
  readonly refusal: Refusal | null;
  /** The fields the form shows, by the server's names: their messages are shown under them instead. */
  readonly fields: readonly string[];
}

/**
 * The server's sentence for a change refused from a form, inside the form, unless
 * each part of it is already shown under a field of the form.
 */
export function FormRefusal({ refusal, fields }: FormRefusalProps) {
  if (!refusal) return null;
  const named = Object.keys(refusal.fields);
  if (named.length > 0 && named.every((field) => fields.includes(field))) return null;
  return <RefusalMessage message={refusal.message} />;
}
