import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Member } from '../api/types';
import { ChooseMember } from '../shared/choose-member';
import type { Refusal } from '../shared/form-refusal';
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
          <ChooseMember
            className={styles.form}
            workstreamId={workstreamId}
            currentId={ownerId}
            change="Change named contact"
            label="New named contact"
            hint="Only members of the workstream can be chosen: they can see the partner's record."
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
