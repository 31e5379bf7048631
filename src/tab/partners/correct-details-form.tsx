import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PartnerCorrections } from '../api/client';
import type { Partner } from '../api/types';
import { ContactMethodSelect, EmailInput, PhoneInput } from '../shared/contact-inputs';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';

/** The form opens where "Correct their details" was pressed, so the focus goes straight to the first field. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

/** The details that can be corrected, by the server's names. */
const FIELDS = ['fullName', 'preferredName', 'email', 'phone', 'postalAddress', 'preferredContact', 'accessNeeds'] as const;

type DetailField = (typeof FIELDS)[number];

type Draft = Record<DetailField, string>;

function draftOf(partner: Partner): Draft {
  return Object.fromEntries(FIELDS.map((field) => [field, partner[field] ?? ''])) as Draft;
}

/** Only what was changed, each as typed (trimmed), and a field emptied as null (the full name, which cannot be cleared, as empty for the server to say so). */
function correctionsFrom(partner: Partner, draft: Draft): PartnerCorrections {
  const corrections: Record<string, string | null> = {};
  for (const field of FIELDS) {
    const typed = draft[field].trim();
    if (typed !== (partner[field] ?? '').trim()) corrections[field] = typed === '' && field !== 'fullName' ? null : typed;
  }
  return corrections as PartnerCorrections;
}

/** Props for {@link CorrectDetailsForm}. */
export interface CorrectDetailsFormProps {
  readonly partner: Partner;
  readonly busy: boolean;
  /** The refusal the last correction met: a field's message shows under it, anything else in the form. */
  readonly refusal: Refusal | null;
  /** Asks the server to save what changed; resolves true when it did. */
  readonly onSave: (corrections: PartnerCorrections) => Promise<boolean>;
  readonly onDismiss: () => void;
}

/**
 * Corrects a partner's details: names, contact details, preferred way of contact and
 * access needs, starting from what is held. Only the changes are sent; the server
 * checks an email or phone number (its message shows under the field) and that the
 * preferred way of contact has its details (its sentence shows in the form).
 */
export function CorrectDetailsForm({ partner, busy, refusal, onSave, onDismiss }: CorrectDetailsFormProps) {
  const styles = useFormStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(partner));
  const set = (field: DetailField) => (_event: unknown, data: { value: string }) =>
    setDraft((current) => ({ ...current, [field]: data.value }));
  const message = (field: DetailField) => refusal?.fields[field];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSave(correctionsFrom(partner, draft));
  };
  return (
    <form className={styles.form} aria-label="Correct their details" onSubmit={submit} noValidate>
      <Field label="Full name" required validationMessage={message('fullName')}>
        <Input ref={focusWhenShown} autoComplete="off" value={draft.fullName} onChange={set('fullName')} />
      </Field>
      <Field
        label="Preferred name"
        hint="What they like to be called, if it is not their full name."
        validationMessage={message('preferredName')}
      >
        <Input autoComplete="off" value={draft.preferredName} onChange={set('preferredName')} />
      </Field>
      <Field label="Email" validationMessage={message('email')}>
        <EmailInput value={draft.email} onChange={set('email')} />
      </Field>
      <Field label="Phone" validationMessage={message('phone')}>
        <PhoneInput value={draft.phone} onChange={set('phone')} />
      </Field>
      <Field label="Postal address" validationMessage={message('postalAddress')}>
        <Textarea autoComplete="off" value={draft.postalAddress} onChange={set('postalAddress')} />
      </Field>
      <Field
        label="Preferred contact"
        hint="It needs its details: an email address for Email, a phone number for Phone or Text message, an address for Post."
        validationMessage={message('preferredContact')}
      >
        <ContactMethodSelect value={draft.preferredContact} onChange={set('preferredContact')} />
      </Field>
      <Field label="Access needs and adjustments" validationMessage={message('accessNeeds')}>
        <Textarea value={draft.accessNeeds} onChange={set('accessNeeds')} />
      </Field>
      <FormRefusal refusal={refusal} fields={FIELDS} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Save the corrections
        </Button>
        <Button onClick={onDismiss}>Cancel</Button>
      </div>
    </form>
  );
}
