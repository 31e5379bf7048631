import { Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Booking } from '../api/client';
import type { CalendarDate, OneToOne } from '../api/types';
import { shortDate } from '../shared/format';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';

const useStyles = makeStyles({
  form: {
    flexBasis: '100%',
    paddingBlock: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** The form opens where Move was pressed, so the focus goes straight to the date. */
const focusWhenShown = (element: HTMLElement | null): void => element?.focus();

const FIELDS = ['date', 'time', 'where'] as const;

/** Props for {@link MoveOneToOneForm}. */
export interface MoveOneToOneFormProps {
  readonly oneToOne: OneToOne;
  readonly today: CalendarDate;
  readonly busy: boolean;
  /** The refusal the last move met; its field messages show under the fields. */
  readonly refusal: Refusal | null;
  /** Asks the server; resolves true when it was moved. */
  readonly onMove: (booking: Booking) => Promise<boolean>;
  readonly onDismiss: () => void;
}

/** Moves the booked one-to-one to another date, and time and place, starting from where it is now. */
export function MoveOneToOneForm({ oneToOne, today, busy, refusal, onMove, onDismiss }: MoveOneToOneFormProps) {
  const styles = useStyles();
  const formStyles = useFormStyles();
  const [booking, setBooking] = useState<Booking>({ date: oneToOne.date, time: oneToOne.time ?? '', where: oneToOne.where ?? '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onMove(booking);
  };
  const fieldMessage = (field: (typeof FIELDS)[number]) => refusal?.fields[field];
  return (
    <form
      className={mergeClasses(formStyles.form, styles.form)}
      aria-label={`Move the one-to-one on ${shortDate(oneToOne.date)}`}
      onSubmit={submit}
      noValidate
    >
      <div className={styles.row}>
        <Field label="New date" required validationMessage={fieldMessage('date')}>
          <Input
            ref={focusWhenShown}
            type="date"
            min={today}
            value={booking.date}
            onChange={(_e, data) => setBooking({ ...booking, date: data.value })}
          />
        </Field>
        <Field label="Time (optional)" validationMessage={fieldMessage('time')}>
          <Input type="time" value={booking.time} onChange={(_e, data) => setBooking({ ...booking, time: data.value })} />
        </Field>
        <Field label="Where (optional)" validationMessage={fieldMessage('where')}>
          <Input value={booking.where} onChange={(_e, data) => setBooking({ ...booking, where: data.value })} />
        </Field>
      </div>
      <FormRefusal refusal={refusal} fields={FIELDS} />
      <div className={formStyles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Move one-to-one
        </Button>
        <Button onClick={onDismiss}>Keep it as it is</Button>
      </div>
    </form>
  );
}
