import { Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import type { Person } from '../api/client';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '32rem',
  },
  heading: {
    margin: 0,
  },
});

const EMPTY: Person = { userId: '', userName: '' };

/** Props for {@link AddPersonForm}. */
export interface AddPersonFormProps {
  /** Where the person is added: "Maternity", "the Engagement team". */
  readonly groupName: string;
  readonly busy: boolean;
  /** The server's message for each field it refused, by field name (`userId`, `userName`). */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Asks the server to add them; resolves true when it did. */
  readonly onAdd: (person: Person) => Promise<boolean>;
}

/**
 * Adds a colleague by their Entra object id and name, for use outside Teams where
 * there is no people picker. The server checks both and its message for each shows
 * under the field, so the browser's own checks are turned off.
 */
export function AddPersonForm({ groupName, busy, fieldErrors, onAdd }: AddPersonFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [person, setPerson] = useState<Person>(EMPTY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onAdd(person)) setPerson(EMPTY);
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={headingId} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Add a colleague to {groupName}
      </Subtitle2>
      <Field label="Name" required validationMessage={fieldErrors.userName}>
        <Input value={person.userName} autoComplete="off" onChange={(_e, data) => setPerson({ ...person, userName: data.value })} />
      </Field>
      <Field
        label="Entra object id"
        required
        hint="Their object id in Microsoft Entra ID, such as 0f1b2a3c-4d5e-6f70-8192-a3b4c5d6e7f8: on their profile in the Entra admin centre, or ask IT."
        validationMessage={fieldErrors.userId}
      >
        <Input
          value={person.userId}
          autoComplete="off"
          spellCheck={false}
          onChange={(_e, data) => setPerson({ ...person, userId: data.value })}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Add to {groupName}
        </Button>
      </div>
    </form>
  );
}
