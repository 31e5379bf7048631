import { Button, Checkbox, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Stage, StageChange } from '../api/types';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** What each next stage is called as an action. */
const ACTION_NAMES: Record<Stage, string> = {
  Interested: 'Interested',
  'Chat booked': 'Book the informal chat',
  'Chat held': 'Record the chat as held',
  Offered: 'Offer the role',
  Induction: 'Start induction',
  Active: 'Make active',
  Paused: 'Pause',
  Ended: 'End the involvement',
  'Not progressed': 'Not this time (not progressed)',
};

const NEEDS_REASON: readonly Stage[] = ['Paused', 'Ended', 'Not progressed'];

interface Draft {
  readonly to: Stage | '';
  readonly at: string;
  readonly where: string;
  readonly notes: string;
  readonly reason: string;
  readonly exitConversationOffered: boolean;
}

const EMPTY: Draft = { to: '', at: '', where: '', notes: '', reason: '', exitConversationOffered: false };

function changeFrom(draft: Draft): StageChange | null {
  switch (draft.to) {
    case '':
    case 'Interested':
      return null;
    case 'Chat booked':
      return { to: draft.to, at: draft.at ? new Date(draft.at).toISOString() : '', where: draft.where };
    case 'Chat held':
      return { to: draft.to, notes: draft.notes };
    case 'Paused':
    case 'Not progressed':
      return { to: draft.to, reason: draft.reason };
    case 'Ended':
      return { to: draft.to, reason: draft.reason, exitConversationOffered: draft.exitConversationOffered };
    default:
      return { to: draft.to };
  }
}

/** Props for {@link StageActions}. */
export interface StageActionsProps {
  readonly stage: Stage;
  /** The stages the pathway allows next; the server still decides. */
  readonly nextStages: readonly Stage[];
  readonly busy: boolean;
  /** Asks the server for the change; resolves true when it was made. */
  readonly onChange: (change: StageChange) => Promise<boolean>;
  /** Shown instead of the chat's notes box when notes cannot be kept (no consent to notes); null when they can. */
  readonly notesBlocked?: ReactNode;
}

/**
 * Moves a partner along the pathway. It offers the stages the rules allow from here
 * and asks for what each needs (a reason, the chat's time and place); the server
 * checks the guards and its plain refusal is shown as it is.
 */
export function StageActions({ stage, nextStages, busy, onChange, notesBlocked = null }: StageActionsProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  if (nextStages.length === 0) return <Text>This involvement is {stage}, so it has no further stages.</Text>;
  const change = changeFrom(draft);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (change && (await onChange(change))) setDraft(EMPTY);
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <Field label="Next step">
        <Select value={draft.to} onChange={(_e, data) => setDraft({ ...EMPTY, to: data.value as Stage | '' })}>
          <option value="">Choose what happens next</option>
          {nextStages.map((next) => (
            <option key={next} value={next}>
              {ACTION_NAMES[next]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.to === 'Chat booked' && (
        <>
          <Field label="Date and time of the chat" required>
            <Input type="datetime-local" required value={draft.at} onChange={(_e, data) => setDraft({ ...draft, at: data.value })} />
          </Field>
          <Field label="Where the chat will be" required>
            <Input required value={draft.where} onChange={(_e, data) => setDraft({ ...draft, where: data.value })} />
          </Field>
        </>
      )}
      {draft.to === 'Chat held' &&
        (notesBlocked ?? (
          <Field label="Notes from the chat (optional)">
            <Textarea value={draft.notes} onChange={(_e, data) => setDraft({ ...draft, notes: data.value })} />
          </Field>
        ))}
      {draft.to !== '' && NEEDS_REASON.includes(draft.to) && (
        <Field label="Reason" required hint="Kind and plain: the partner may ask to see it.">
          <Textarea required value={draft.reason} onChange={(_e, data) => setDraft({ ...draft, reason: data.value })} />
        </Field>
      )}
      {draft.to === 'Ended' && (
        <Checkbox
          label="An exit conversation was offered"
          checked={draft.exitConversationOffered}
          onChange={(_e, data) => setDraft({ ...draft, exitConversationOffered: data.checked === true })}
        />
      )}
      <div>
        {/* Focusable even when it cannot be pressed: after a change the form empties, and a disabled button would drop the focus out of the panel. */}
        <Button type="submit" appearance="primary" disabledFocusable={busy || change === null}>
          {draft.to === '' ? 'Choose a next step' : ACTION_NAMES[draft.to]}
        </Button>
      </div>
    </form>
  );
}
