import { Button, Field, Select, Spinner, Text, mergeClasses } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Member } from '../api/types';
import { FormRefusal, type Refusal } from './form-refusal';
import { useFormStyles } from './form-styles';
import { LoadError } from './load-error';
import { useLoad } from './use-load';

/** The form opens where its button was pressed, so the focus goes straight to the choice. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

/** Props for {@link ChooseMember}. */
export interface ChooseMemberProps {
  readonly workstreamId: number;
  /** Who holds the part now, left out of the choice. */
  readonly currentId: string | null;
  /** The change, as the form's name and its button: "Change named contact". */
  readonly change: string;
  /** The choice's label: "New named contact". */
  readonly label: string;
  /** Why only these people are offered. */
  readonly hint: string;
  readonly className?: string;
  readonly busy: boolean;
  /** The server's refusal; its message about the person chosen (`ownerId`) shows under the choice. */
  readonly refusal: Refusal | null;
  readonly loadMembers: (signal: AbortSignal) => Promise<Member[]>;
  readonly onChoose: (member: Member) => Promise<boolean>;
  readonly onDismiss: () => void;
}

/** The workstream's members, read when the form opens, to hand a part (named contact, recruiting lead) to another of them. */
export function ChooseMember({
  workstreamId,
  currentId,
  change,
  label,
  hint,
  className,
  busy,
  refusal,
  loadMembers,
  onChoose,
  onDismiss,
}: ChooseMemberProps) {
  const formStyles = useFormStyles();
  const members = useLoad(`members:workstream:${workstreamId}`, loadMembers);
  const [chosen, setChosen] = useState('');
  if (members.status === 'loading') return <Spinner size="small" label="Loading the workstream's members…" />;
  if (members.status === 'error') return <LoadError title="Could not load the workstream's members" failure={members} />;
  const others = members.data.filter((member) => member.userId !== currentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const member = others.find((other) => other.userId === chosen);
    if (member) void onChoose(member);
  };
  return (
    <form className={mergeClasses(formStyles.form, className)} aria-label={change} onSubmit={submit} noValidate>
      {others.length === 0 ? (
        <Text>Nobody else is a member of this workstream yet. Add colleagues on its People view, then choose them here.</Text>
      ) : (
        <Field label={label} required hint={hint} validationMessage={refusal?.fields.ownerId}>
          <Select ref={focusWhenShown} className={formStyles.choice} value={chosen} onChange={(_event, data) => setChosen(data.value)}>
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
            {change}
          </Button>
        )}
        <Button onClick={onDismiss}>Cancel</Button>
      </div>
    </form>
  );
}
