import {
  Badge,
  Button,
  Field,
  Input,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Booking, DownloadedFile, HeldOneToOne } from '../api/client';
import type { CalendarDate, NextOneToOne, OneToOne, PartnerActions } from '../api/types';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { DownloadButton } from '../shared/download-button';
import type { Refusal } from '../shared/form-refusal';
import { describeDue, shortDate } from '../shared/format';
import { useReturnFocus } from '../shared/use-return-focus';
import { MoveOneToOneForm } from './move-one-to-one-form';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  heading: {
    margin: 0,
  },
});

const STATUS_COLOUR = { Booked: 'brand', Held: 'success', Cancelled: 'informative' } as const;

function when(oneToOne: OneToOne): string {
  const at = oneToOne.time ? ` at ${oneToOne.time}` : '';
  const where = oneToOne.where ? `, ${oneToOne.where}` : '';
  return `${shortDate(oneToOne.date)}${at}${where}`;
}

/** Props for {@link OneToOneSchedule}. */
export interface OneToOneScheduleProps {
  /** Newest first. */
  readonly oneToOnes: readonly OneToOne[];
  readonly next: NextOneToOne;
  /** What the server says can be done: book one (only while none is booked), move or cancel the one booked, record one held. */
  readonly can: Pick<PartnerActions, 'bookOneToOne' | 'changeBookedOneToOne' | 'recordOneToOne'>;
  /** A change is being saved: buttons ignore presses but keep the focus, so it stays in the panel. */
  readonly busy: boolean;
  readonly today: CalendarDate;
  /** The id of the booking form's date field, so the checklist can point to it. */
  readonly bookDateId?: string;
  /** What else cancelling the booked one-to-one changes, said in its confirmation; null when nothing else does. */
  readonly cancelAlso?: string | null;
  /** The one-to-one whose move form is open, or null. */
  readonly moving: number | null;
  readonly onStartMove: (oneToOne: OneToOne) => void;
  readonly onStopMove: () => void;
  /** The refusal the last move met, shown in the move form. */
  readonly moveRefusal: Refusal | null;
  readonly onBook: (booking: Booking) => Promise<boolean>;
  readonly onMove: (oneToOne: OneToOne, booking: Booking) => Promise<boolean>;
  /** Called once the person has confirmed the cancellation. */
  readonly onCancel: (oneToOne: OneToOne) => void;
  readonly onRecordHeld: (held: HeldOneToOne) => Promise<boolean>;
  /** Fetches a booked one-to-one's calendar invitation. */
  readonly downloadInvitation: (oneToOneId: number) => Promise<DownloadedFile>;
  /** Shown instead of the notes box when notes cannot be kept (no consent to notes); null when they can. */
  readonly notesBlocked?: ReactNode;
}

/**
 * A partner's one-to-ones: when the next is due, the history, and what the server says
 * can be done: book one (one at a time), move or cancel the one booked (after a
 * confirmation saying what cancelling means), record one as held.
 */
export function OneToOneSchedule({
  oneToOnes,
  next,
  can,
  busy,
  today,
  bookDateId,
  cancelAlso = null,
  moving,
  onStartMove,
  onStopMove,
  moveRefusal,
  onBook,
  onMove,
  onCancel,
  onRecordHeld,
  downloadInvitation,
  notesBlocked = null,
}: OneToOneScheduleProps) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const [booking, setBooking] = useState<Booking>({ date: '', time: '', where: '' });
  const [held, setHeld] = useState({ date: today, notes: '' });
  const [cancelling, setCancelling] = useState<OneToOne | null>(null);
  const bookId = useId();
  const recordId = useId();
  const { opener: moveButton, returnFocus } = useReturnFocus<HTMLButtonElement>();
  // Focus goes back to Cancel when the confirmation closes with nothing changed, not to the table behind the panel.
  const restoreFocusTarget = useRestoreFocusTarget();

  const book = async (event: FormEvent) => {
    event.preventDefault();
    if (await onBook(booking)) setBooking({ date: '', time: '', where: '' });
  };
  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (await onRecordHeld({ date: held.date, notes: held.notes })) setHeld({ date: today, notes: '' });
  };

  return (
    <>
      <Text>Next one-to-one: {next.due ? `${shortDate(next.due)} (${describeDue(next)})` : describeDue(next)}</Text>
      {oneToOnes.length === 0 ? (
        <Text>No one-to-ones yet.</Text>
      ) : (
        <ul className={styles.list} aria-label="One-to-one history">
          {oneToOnes.map((oneToOne) => (
            <li key={oneToOne.id} className={styles.item}>
              <Badge appearance="outline" color={STATUS_COLOUR[oneToOne.status]} className={badge.badge}>
                {oneToOne.status}
              </Badge>
              <Text>{when(oneToOne)}</Text>
              {oneToOne.status === 'Booked' && (
                <>
                  <DownloadButton
                    size="small"
                    fetchFile={() => downloadInvitation(oneToOne.id)}
                    aria-label={`Download the invitation for ${shortDate(oneToOne.date)}`}
                  >
                    Invitation (.ics)
                  </DownloadButton>
                  {can.recordOneToOne && oneToOne.date <= today && (
                    <Button
                      size="small"
                      disabledFocusable={busy}
                      onClick={() => onRecordHeld({ date: oneToOne.date, booked: { id: oneToOne.id, version: oneToOne.version } })}
                    >
                      Record {shortDate(oneToOne.date)} as held
                    </Button>
                  )}
                  {can.changeBookedOneToOne &&
                    (moving === oneToOne.id ? (
                      <MoveOneToOneForm
                        oneToOne={oneToOne}
                        today={today}
                        busy={busy}
                        refusal={moveRefusal}
                        onMove={(moved) => onMove(oneToOne, moved)}
                        onDismiss={() => {
                          onStopMove();
                          returnFocus();
                        }}
                      />
                    ) : (
                      <>
                        <Button
                          ref={moveButton}
                          size="small"
                          aria-label={`Move the one-to-one on ${shortDate(oneToOne.date)}`}
                          onClick={() => onStartMove(oneToOne)}
                        >
                          Move
                        </Button>
                        <Button
                          size="small"
                          aria-label={`Cancel the one-to-one on ${shortDate(oneToOne.date)}`}
                          disabledFocusable={busy}
                          onClick={() => setCancelling(oneToOne)}
                          {...restoreFocusTarget}
                        >
                          Cancel
                        </Button>
                      </>
                    ))}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={cancelling ? `Cancel the one-to-one on ${shortDate(cancelling.date)}?` : ''}
        confirmLabel="Cancel the one-to-one"
        cancelLabel="Keep it booked"
        onConfirm={() => {
          if (cancelling) onCancel(cancelling);
          setCancelling(null);
        }}
        onCancel={() => setCancelling(null)}
      >
        <Text block>
          It stays in their history as cancelled, and nothing is booked in its place: book another when you have a date. If you sent an
          invitation, let them know it is off.
        </Text>
        {cancelAlso && <Text block>{cancelAlso}</Text>}
      </ConfirmDialog>
      {can.bookOneToOne && (
        <form className={styles.form} onSubmit={book} aria-labelledby={bookId}>
          <Subtitle2 as="h4" id={bookId} className={styles.heading}>
            Book a one-to-one
          </Subtitle2>
          <div className={styles.row}>
            <Field label="Date" required>
              <Input
                id={bookDateId}
                type="date"
                min={today}
                required
                value={booking.date}
                onChange={(_e, data) => setBooking({ ...booking, date: data.value })}
              />
            </Field>
            <Field label="Time (optional)">
              <Input type="time" value={booking.time} onChange={(_e, data) => setBooking({ ...booking, time: data.value })} />
            </Field>
            <Field label="Where (optional)">
              <Input value={booking.where} onChange={(_e, data) => setBooking({ ...booking, where: data.value })} />
            </Field>
          </div>
          <div>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              Book one-to-one
            </Button>
          </div>
        </form>
      )}
      {can.recordOneToOne && (
        <form className={styles.form} onSubmit={record} aria-labelledby={recordId}>
          <Subtitle2 as="h4" id={recordId} className={styles.heading}>
            Record a one-to-one that was held
          </Subtitle2>
          <Field label="Date held" required>
            <Input type="date" max={today} required value={held.date} onChange={(_e, data) => setHeld({ ...held, date: data.value })} />
          </Field>
          {notesBlocked ?? (
            <Field label="Notes (optional)" hint="Keep to what helps support them; notes are personal data.">
              <Textarea value={held.notes} onChange={(_e, data) => setHeld({ ...held, notes: data.value })} />
            </Field>
          )}
          <div>
            <Button type="submit" disabledFocusable={busy}>
              Record as held
            </Button>
          </div>
        </form>
      )}
      {!can.bookOneToOne && !can.changeBookedOneToOne && !can.recordOneToOne && (
        <Text>One-to-ones are booked and recorded during induction and while a partner is active or paused.</Text>
      )}
    </>
  );
}
