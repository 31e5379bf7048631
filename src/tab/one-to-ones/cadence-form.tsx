import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Refusal } from '../shared/form-refusal';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  weeks: {
    maxWidth: '12rem',
  },
});

/** Props for {@link CadenceForm}. */
export interface CadenceFormProps {
  /** How often they have one-to-ones now, in weeks. */
  readonly cadenceWeeks: number;
  readonly busy: boolean;
  /** The refusal the last change of cadence met: shown under the field. */
  readonly refusal: Refusal | null;
  /** Asks the server; resolves true when it was set. */
  readonly onSet: (cadenceWeeks: number) => Promise<boolean>;
}

/** How often the partner has one-to-ones: every so many weeks, starting from what is set now; the server says which numbers it takes. */
export function CadenceForm({ cadenceWeeks, busy, refusal, onSet }: CadenceFormProps) {
  const styles = useStyles();
  const [weeks, setWeeks] = useState(String(cadenceWeeks));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Sent as typed: the server's refusal says what it takes.
    void onSet(weeks.trim() === '' ? Number.NaN : Number(weeks));
  };
  return (
    <form className={styles.form} aria-label="One-to-one cadence" onSubmit={submit} noValidate>
      <Field
        className={styles.weeks}
        label="One-to-one every (weeks)"
        hint={`Now every ${cadenceWeeks} weeks.`}
        validationMessage={refusal ? (refusal.fields.cadenceWeeks ?? refusal.message) : undefined}
      >
        <Input type="number" value={weeks} onChange={(_event, data) => setWeeks(data.value)} />
      </Field>
      <Button type="submit" disabledFocusable={busy}>
        Set cadence
      </Button>
    </form>
  );
}
