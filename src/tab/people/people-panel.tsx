import { Badge, Button, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ApiClient, MemberGroup, Person } from '../api/client';
import type { Member } from '../api/types';
import { ActionMessage } from '../shared/action-message';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { usePlainListStyles } from '../shared/list-styles';
import { LoadError } from '../shared/load-error';
import { useAction } from '../shared/use-action';
import { useLoad } from '../shared/use-load';
import { AddPersonForm } from './add-person-form';
import { RemovePersonDialog } from './remove-person-dialog';

const useStyles = makeStyles({
  list: {
    maxWidth: '40rem',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: {
    flexGrow: 1,
  },
});

/** "Priya Shah", "Priya Shah and Sam Lee", "Priya Shah, Sam Lee and Jo Bloggs". */
function namesOf(people: readonly Person[]): string {
  const names = people.map((person) => person.userName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Props for {@link PeoplePanel}. */
export interface PeoplePanelProps {
  readonly api: ApiClient;
  readonly group: MemberGroup;
  /** The group as named in sentences: "Maternity", "the Engagement team". */
  readonly groupName: string;
  /** What being a member means, shown first. */
  readonly intro: string;
  /** What removing someone means for them, shown before they are removed. */
  readonly removalMeans: string;
  /** Who is signed in (their id), marked "you" in the list; null when not known. */
  readonly myId: string | null;
  /** Teams' people picker; null outside Teams, where a form takes the person's id and name. */
  readonly pickPeople: ((title: string) => Promise<Person[]>) | null;
}

/**
 * Who is in a workstream or the Engagement team, read in one call when the panel
 * opens: add colleagues (Teams' people picker, or a form outside Teams) and remove
 * them after a confirmation that says what it means. Refusals show the server's sentence.
 */
export function PeoplePanel({ api, group, groupName, intro, removalMeans, myId, pickPeople }: PeoplePanelProps) {
  const styles = useStyles();
  const listStyles = usePlainListStyles();
  const badge = useWordBadgeStyles();
  const key = group === 'engagement-team' ? group : `workstream:${group.workstreamId}`;
  const members = useLoad(`members:${key}`, (signal) => api.members(group, signal));
  const { refresh } = members;
  const action = useAction(refresh);
  const busy = action.outcome.kind === 'busy';
  const [removing, setRemoving] = useState<Member | null>(null);
  const current = members.status === 'ready' ? members.data : [];

  /** Adds those not yet in the group, one call each, and says who was added and who already was. */
  const addAll = async (people: readonly Person[]): Promise<string> => {
    const known = new Set(current.map((member) => member.userId));
    const added = people.filter((person) => !known.has(person.userId.trim()));
    const already = people.filter((person) => known.has(person.userId.trim()));
    for (const person of added) await api.addMember(group, person);
    const sentences = [
      added.length > 0 ? `Added ${namesOf(added)} to ${groupName}.` : '',
      already.length > 0 ? `${namesOf(already)} ${already.length === 1 ? 'is' : 'are'} already in ${groupName}.` : '',
    ].filter(Boolean);
    return sentences.length > 0 ? sentences.join(' ') : 'Nobody was added.';
  };
  /** Adds the people `choose` gives (the picker, or the form's one person) as one action, saying what was done. */
  const add = (choose: () => Promise<readonly Person[]>) =>
    action.run(
      async () => addAll(await choose()),
      (said) => said,
    );

  const remove = (member: Member) => {
    setRemoving(null);
    void action.run(() => api.removeMember(member), `${member.userName} removed from ${groupName}.`);
  };

  if (members.status === 'loading') return <Spinner label="Loading the people…" />;
  if (members.status === 'error') return <LoadError title="Could not load the people" failure={members} />;
  return (
    <>
      <Text>{intro}</Text>
      <div aria-live="polite">
        <ActionMessage outcome={action.outcome} />
      </div>
      {current.length === 0 ? (
        <Text>Nobody has been added yet.</Text>
      ) : (
        <ul className={mergeClasses(listStyles.list, styles.list)} aria-label={`People in ${groupName} (${current.length})`}>
          {current.map((member) => (
            <li key={member.id} className={styles.item}>
              <Text className={styles.name}>{member.userName}</Text>
              {member.userId === myId && (
                <Badge appearance="tint" color="informative" className={badge.badge}>
                  You
                </Badge>
              )}
              <Button size="small" disabledFocusable={busy} aria-label={`Remove ${member.userName}`} onClick={() => setRemoving(member)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {pickPeople ? (
        <div>
          <Button
            appearance="primary"
            icon={<PersonAdd20Regular />}
            disabledFocusable={busy}
            onClick={() => void add(() => pickPeople(`Add people to ${groupName}`))}
          >
            Add people to {groupName}
          </Button>
        </div>
      ) : (
        <AddPersonForm
          groupName={groupName}
          busy={busy}
          fieldErrors={action.outcome.kind === 'refused' ? action.outcome.fields : {}}
          onAdd={(person) => add(async () => [person])}
        />
      )}
      <RemovePersonDialog
        member={removing}
        groupName={groupName}
        removalMeans={removalMeans}
        myId={myId}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
