import { Badge, Button, Field, Input, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Booking, DownloadedFile, HeldOneToOne } from '../api/client';
import type { CalendarDate, NextOneToOne, OneToOne } from '../api/types';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { DownloadButton } from '../shared/download-button';
import { describeDue, shortDate } from '../shared/format';

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
  /** One-to-ones can be booked and recorded during induction and while active or paused. */
  readonly open: boolean;
  /** A change is being saved: buttons ignore presses but keep the focus, so it stays in the panel. */
  readonly busy: boolean;
  readonly today: CalendarDate;
  readonly onBook: (booking: Booking) => Promise<boolean>;
  readonly onRecordHeld: (held: HeldOneToOne) => Promise<boolean>;
  /** Fetches a booked one-to-one's calendar invitation. */
  readonly downloadInvitation: (oneToOneId: number) => Promise<DownloadedFile>;
  /** Shown instead of the notes box when notes cannot be kept (no consent to notes); null when they can. */
  readonly notesBlocked?: ReactNode;
}

/** A partner's one-to-ones: when the next is due, the history, booking one and recording one as held. */
export function OneToOneSchedule({ oneToOnes, next, open, busy, today, onBook, onRecordHeld, downloadInvitation, notesBlocked = null }: OneToOneScheduleProps) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const [booking, setBooking] = useState<Booking>({ date: '', time: '', where: '' });
  const [held, setHeld] = useState({ date: today, notes: '' });
  const bookId = useId();
  const recordId = useId();

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
                  {open && oneToOne.date <= today && (
                    <Button
                      size="small"
                      disabledFocusable={busy}
                      onClick={() => onRecordHeld({ date: oneToOne.date, booked: { id: oneToOne.id, version: oneToOne.version } })}
                    >
                      Record {shortDate(oneToOne.date)} as held
                    </Button>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <>
          <form className={styles.form} onSubmit={book} aria-labelledby={bookId}>
            <Subtitle2 as="h4" id={bookId} className={styles.heading}>
              Book a one-to-one
            </Subtitle2>
            <div className={styles.row}>
              <Field label="Date" required>
                <Input type="date" min={today} required value={booking.date} onChange={(_e, data) => setBooking({ ...booking, date: data.value })} />
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
        </>
      ) : (
        <Text>One-to-ones start with induction.</Text>
      )}
    </>
  );
}
