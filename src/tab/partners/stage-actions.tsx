import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ChatOutcome, Involvement, Judged, OneToOne, PartnerActions, SelectionQuestion, Stage, StageChange } from '../api/types';
import { useFormStyles } from '../shared/form-styles';
import { shortDate } from '../shared/format';
import { SelectionCriteria } from './selection-criteria';

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

/** The changes that can cancel the one-to-one booked in the same step. */
const CAN_CANCEL_BOOKED: readonly Stage[] = ['Paused', 'Ended', 'Not progressed'];

const NEEDS_REASON: readonly Stage[] = ['Paused', 'Ended', 'Not progressed'];

/** What the informal chat decided, as recorded with it: the next stage, or nothing yet. */
type Outcome = ChatOutcome['to'] | 'later';

const OUTCOME_NAMES: Record<Outcome, string> = {
  Offered: 'Offer the role',
  'Not progressed': 'Not this time (not progressed)',
  later: 'Decide later: record the chat only',
};

interface Draft {
  readonly to: Stage | '';
  readonly at: string;
  readonly where: string;
  readonly adjustments: string;
  readonly notes: string;
  readonly reason: string;
  /** How the partner was judged against the role's criteria, for an offer or a "not this time". */
  readonly judged: Judged;
  readonly exitConversationOffered: boolean;
  readonly outcome: Outcome;
  /** Cancel the one-to-one booked with the change: on unless the person unticks it. */
  readonly cancelBooked: boolean;
}

const EMPTY: Draft = {
  to: '',
  at: '',
  where: '',
  adjustments: '',
  notes: '',
  reason: '',
  judged: {},
  exitConversationOffered: false,
  outcome: 'later',
  cancelBooked: true,
};

const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant as a `datetime-local` input shows it, in the browser's time. */
function localDateTime(instant: string | null): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The chat's outcome as the form has it, with the reason "not this time" needs. */
function outcomeOf(draft: Draft): ChatOutcome | undefined {
  if (draft.outcome === 'Offered') return { to: 'Offered', criteria: draft.judged, reason: draft.reason };
  if (draft.outcome === 'Not progressed') return { to: 'Not progressed', reason: draft.reason, criteria: draft.judged };
  return undefined;
}

function changeFrom(draft: Draft, booked: boolean, bookedAdjustments: string): StageChange | null {
  const cancelBooked = booked ? { cancelBooked: draft.cancelBooked } : {};
  switch (draft.to) {
    case '':
    case 'Interested':
      return null;
    case 'Chat booked':
      return { to: draft.to, at: draft.at ? new Date(draft.at).toISOString() : '', where: draft.where, adjustments: draft.adjustments };
    case 'Chat held': {
      const outcome = outcomeOf(draft);
      // Sent only when changed, so a chat recorded as it was booked leaves the adjustments asked for as they are.
      const adjustments = draft.adjustments.trim() !== bookedAdjustments.trim() ? { adjustments: draft.adjustments } : {};
      return { to: draft.to, notes: draft.notes, ...adjustments, ...(outcome ? { outcome } : {}) };
    }
    case 'Paused':
      return { to: draft.to, reason: draft.reason, ...cancelBooked };
    case 'Not progressed':
      return { to: draft.to, reason: draft.reason, criteria: draft.judged, ...cancelBooked };
    case 'Offered':
      return { to: draft.to, reason: draft.reason, criteria: draft.judged };
    case 'Ended':
      return { to: draft.to, reason: draft.reason, exitConversationOffered: draft.exitConversationOffered, ...cancelBooked };
    default:
      return { to: draft.to };
  }
}

/** Props for {@link StageActions}. */
export interface StageActionsProps {
  /** The involvement: its stage, and the informal chat as booked. */
  readonly involvement: Pick<Involvement, 'stage' | 'chatAt' | 'chatWhere' | 'chatAdjustments'>;
  /** What the server says can be done next; nothing else is offered, and the server still decides. */
  readonly actions: Pick<PartnerActions, 'nextStages' | 'bookChat'>;
  /** The one-to-one booked, which pausing, ending or not progressing can cancel; null when none is. */
  readonly booked: Pick<OneToOne, 'date'> | null;
  readonly busy: boolean;
  /** Asks the server for the change; resolves true when it was made. */
  readonly onChange: (change: StageChange) => Promise<boolean>;
  /** Shown instead of the chat's notes box when notes cannot be kept (no consent to notes); null when they can. */
  readonly notesBlocked?: ReactNode;
  /** What an offer or a "not this time" asks for: the role's criteria to judge, in the server's words. */
  readonly selection: SelectionQuestion;
}

/** The selection decision the form is making, if any: an offer or a "not this time", directly or as the chat's outcome. */
function decisionOf(draft: Draft): 'Offered' | 'Not progressed' | null {
  if (draft.to === 'Offered' || draft.to === 'Not progressed') return draft.to;
  if (draft.to === 'Chat held' && draft.outcome !== 'later') return draft.outcome;
  return null;
}

/**
 * Moves a partner along the pathway. It offers the steps the server says are open
 * from here (and moving the informal chat once it is booked) and asks for what each
 * needs (a reason, the chat's time and place, whether to cancel the one-to-one
 * booked); the server checks the guards and its plain refusal is shown as it is.
 */
export function StageActions({ involvement, actions, booked, busy, onChange, notesBlocked = null, selection }: StageActionsProps) {
  const styles = useFormStyles();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { stage } = involvement;
  const movesChat = stage === 'Chat booked' && actions.bookChat;
  const choices: readonly Stage[] = movesChat ? ['Chat booked', ...actions.nextStages] : actions.nextStages;
  if (choices.length === 0) return <Text>This involvement is {stage}, so it has no further stages.</Text>;
  const nameOf = (to: Stage): string => (to === 'Chat booked' && movesChat ? 'Move the informal chat' : ACTION_NAMES[to]);
  const change = changeFrom(draft, booked !== null, involvement.chatAdjustments ?? '');
  const decision = decisionOf(draft);
  const choose = (to: Stage | '') =>
    setDraft(
      to === 'Chat booked' && movesChat
        ? {
            ...EMPTY,
            to,
            at: localDateTime(involvement.chatAt),
            where: involvement.chatWhere ?? '',
            adjustments: involvement.chatAdjustments ?? '',
          }
        : { ...EMPTY, to, adjustments: to === 'Chat held' ? (involvement.chatAdjustments ?? '') : '' },
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (change && (await onChange(change))) setDraft(EMPTY);
  };
  return (
    <form className={styles.form} onSubmit={submit}>
      <Field label="Next step">
        <Select value={draft.to} onChange={(_e, data) => choose(data.value as Stage | '')}>
          <option value="">Choose what happens next</option>
          {choices.map((next) => (
            <option key={next} value={next}>
              {nameOf(next)}
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
          <Field
            label="Adjustments asked for (optional)"
            hint="What helps them take part: captions, a quiet room, someone with them. Keep to what the chat needs."
          >
            <Textarea value={draft.adjustments} onChange={(_e, data) => setDraft({ ...draft, adjustments: data.value })} />
          </Field>
        </>
      )}
      {draft.to === 'Chat held' && (
        <>
          <Field
            label="Adjustments agreed (optional)"
            hint="What will help them take part in the role. It replaces the adjustments asked for when the chat was booked."
          >
            <Textarea value={draft.adjustments} onChange={(_e, data) => setDraft({ ...draft, adjustments: data.value })} />
          </Field>
          {notesBlocked ?? (
            <Field label="Notes from the chat (optional)">
              <Textarea value={draft.notes} onChange={(_e, data) => setDraft({ ...draft, notes: data.value })} />
            </Field>
          )}
          <Field label="Outcome of the chat">
            <RadioGroup value={draft.outcome} onChange={(_e, data) => setDraft({ ...draft, outcome: data.value as Outcome })}>
              {(Object.keys(OUTCOME_NAMES) as Outcome[]).map((outcome) => (
                <Radio key={outcome} value={outcome} label={OUTCOME_NAMES[outcome]} />
              ))}
            </RadioGroup>
          </Field>
        </>
      )}
      {decision && <SelectionCriteria selection={selection} judged={draft.judged} onChange={(judged) => setDraft({ ...draft, judged })} />}
      {decision === 'Offered' && (
        <Field label={selection.offerReasonLabel} required>
          <Textarea required value={draft.reason} onChange={(_e, data) => setDraft({ ...draft, reason: data.value })} />
        </Field>
      )}
      {draft.to !== '' && (NEEDS_REASON.includes(draft.to) || decision === 'Not progressed') && (
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
      {booked && draft.to !== '' && CAN_CANCEL_BOOKED.includes(draft.to) && (
        <Checkbox
          label={`Also cancel the one-to-one booked for ${shortDate(booked.date)}`}
          checked={draft.cancelBooked}
          onChange={(_e, data) => setDraft({ ...draft, cancelBooked: data.checked === true })}
        />
      )}
      <div>
        {/* Focusable even when it cannot be pressed: after a change the form empties, and a disabled button would drop the focus out of the panel. */}
        <Button type="submit" appearance="primary" disabledFocusable={busy || change === null}>
          {draft.to === '' ? 'Choose a next step' : nameOf(draft.to)}
        </Button>
      </div>
    </form>
  );
}
