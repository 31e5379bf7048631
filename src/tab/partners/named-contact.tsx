import { Button, Field, Select, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Member } from '../api/types';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { LoadError } from '../shared/load-error';
import { useLoad } from '../shared/use-load';
import { useReturnFocus } from '../shared/use-return-focus';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
  },
  form: {
    alignSelf: 'stretch',
  },
});

/** The form opens where "Change named contact" was pressed, so the focus goes straight to the choice. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

interface ChooseProps {
  readonly workstreamId: number;
  readonly ownerId: string | null;
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  readonly loadMembers: (signal: AbortSignal) => Promise<Member[]>;
  readonly onChoose: (member: Member) => Promise<boolean>;
  readonly onDismiss: () => void;
}

/** The workstream's members, read when the form opens, to choose the new named contact from. */
function ChooseNamedContact({ workstreamId, ownerId, busy, refusal, loadMembers, onChoose, onDismiss }: ChooseProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const members = useLoad(`members:workstream:${workstreamId}`, loadMembers);
  const [chosen, setChosen] = useState('');
  if (members.status === 'loading') return <Spinner size="small" label="Loading the workstream's members…" />;
  if (members.status === 'error') return <LoadError title="Could not load the workstream's members" failure={members} />;
  const others = members.data.filter((member) => member.userId !== ownerId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const member = others.find((other) => other.userId === chosen);
    if (member) void onChoose(member);
  };
  return (
    <form className={mergeClasses(formStyles.form, styles.form)} aria-label="Change named contact" onSubmit={submit} noValidate>
      {others.length === 0 ? (
        <Text>Nobody else is a member of this workstream yet. Add colleagues on its People view, then choose them here.</Text>
      ) : (
        <Field
          label="New named contact"
          required
          hint="Only members of the workstream can be chosen: they can see the partner's record."
          validationMessage={refusal?.fields.ownerId}
        >
          <Select ref={focusWhenShown} value={chosen} onChange={(_event, data) => setChosen(data.value)}>
            <option value="">Choose a member of the workstream</option>
            {others.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.userName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <FormRefusal refusal={refusal} fields={['ownerId']} />
      <div className={formStyles.buttons}>
        {others.length > 0 && (
          <Button type="submit" appearance="primary" disabledFocusable={busy || chosen === ''}>
            Change named contact
          </Button>
        )}
        <Button onClick={onDismiss}>Cancel</Button>
      </div>
    </form>
  );
}

/** Props for {@link NamedContact}. */
export interface NamedContactProps {
  /** The partner's workstream, whose members may be chosen. */
  readonly workstreamId: number;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  /** How the partner is named in sentences. */
  readonly name: string;
  /** Whether the server says the named contact can be changed now. */
  readonly canChange: boolean;
  readonly choosing: boolean;
  readonly onStart: () => void;
  readonly onStop: () => void;
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  readonly loadMembers: (signal: AbortSignal) => Promise<Member[]>;
  /** Asks the server; resolves true when the member chosen is the named contact. */
  readonly onChoose: (member: Member) => Promise<boolean>;
}

/**
 * Who looks after the partner in this role, and handing them to another member of the
 * workstream (when staff leave or share out their partners): reminders follow.
 */
export function NamedContact({
  workstreamId,
  ownerId,
  ownerName,
  name,
  canChange,
  choosing,
  onStart,
  onStop,
  busy,
  refusal,
  loadMembers,
  onChoose,
}: NamedContactProps) {
  const styles = useStyles();
  const { opener, returnFocus } = useReturnFocus<HTMLButtonElement>();
  return (
    <div className={styles.block}>
      <Text>
        {ownerName
          ? `${ownerName} looks after ${name}: reminders about them go to ${ownerName}.`
          : `Nobody is ${name}'s named contact yet.`}
      </Text>
      {canChange &&
        (choosing ? (
          <ChooseNamedContact
            workstreamId={workstreamId}
            ownerId={ownerId}
            busy={busy}
            refusal={refusal}
            loadMembers={loadMembers}
            onChoose={onChoose}
            onDismiss={() => {
              onStop();
              returnFocus();
            }}
          />
        ) : (
          <Button ref={opener} onClick={onStart}>
            Change named contact
          </Button>
        ))}
    </div>
  );
}
