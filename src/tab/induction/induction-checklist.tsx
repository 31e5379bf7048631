import { Caption1, Checkbox, Field, Input, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Circle16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { CalendarDate, InductionProgress, InductionTask, ItemDocument } from '../api/types';
import { inductionProgress, shortDate } from '../shared/format';
import { usePlainListStyles } from '../shared/list-styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
  },
  detail: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: tokens.spacingHorizontalXXL,
  },
  // Where a checkbox would be, so an item ticked by the booking lines up with the others.
  linked: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
  },
  doneIcon: {
    color: tokens.colorPaletteGreenForeground1,
  },
  notYetIcon: {
    color: tokens.colorNeutralForeground3,
  },
});

/** Props for {@link InductionChecklist}. */
export interface InductionChecklistProps {
  readonly tasks: readonly InductionTask[];
  /** Links to the organisation's documents, on the items they concern (none for a document with no link set). */
  readonly documents?: readonly ItemDocument[];
  readonly progress: InductionProgress;
  /** Ticking is open only when the server says so (during induction); otherwise the list is shown as a record. */
  readonly editable: boolean;
  readonly busy: boolean;
  readonly today: CalendarDate;
  /** Ticks an item; agreements pass the date signed. */
  readonly onComplete: (task: InductionTask, date: CalendarDate | undefined) => void;
  readonly onReopen: (task: InductionTask) => void;
  /** Takes the person to the booking form, for the item the first booking ticks; null when nothing can be booked now. */
  readonly onGoToBooking?: (() => void) | null;
}

function labelOf(task: InductionTask): string {
  return task.required ? `${task.label} (required)` : task.label;
}

function DoneCaption({ task }: { readonly task: InductionTask }) {
  const styles = useStyles();
  if (!task.done || !task.doneDate) return null;
  return (
    <Caption1 className={styles.detail}>
      {task.kind === 'Agreement' ? 'Signed' : 'Done'} {shortDate(task.doneDate)}
      {task.doneBy ? `, recorded by ${task.doneBy}` : ''}
    </Caption1>
  );
}

/**
 * "First one-to-one booked": one fact with the booking, so there is no box to tick.
 * It says whether it is done, and until then points to where a one-to-one is booked.
 */
function TickedByBooking({ task, onGoToBooking }: { readonly task: InductionTask; readonly onGoToBooking: (() => void) | null }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.linked}>
        {task.done ? (
          <CheckmarkCircle16Filled className={styles.doneIcon} aria-hidden />
        ) : (
          <Circle16Regular className={styles.notYetIcon} aria-hidden />
        )}
        <Text>
          {labelOf(task)}
          {task.done ? '' : ': not yet'}
        </Text>
      </div>
      {task.done ? (
        <DoneCaption task={task} />
      ) : (
        <Caption1 className={styles.detail}>
          Ticked when the first one-to-one is booked.{' '}
          {onGoToBooking && (
            <Link as="button" inline onClick={onGoToBooking}>
              Book it under One-to-ones
            </Link>
          )}
        </Caption1>
      )}
    </>
  );
}

/**
 * A partner's induction checklist: one checkbox per item, required items marked in
 * words, agreements with the date they were signed (today unless changed). Items that
 * record a fact kept elsewhere say so: the first one-to-one is ticked by booking it,
 * and ticking the Peer Support Network invitation records the invitation. An item
 * that concerns one of the organisation's documents links to it, when a link is set.
 */
export function InductionChecklist({
  tasks,
  documents = [],
  progress,
  editable,
  busy,
  today,
  onComplete,
  onReopen,
  onGoToBooking = null,
}: InductionChecklistProps) {
  const styles = useStyles();
  const listStyles = usePlainListStyles();
  const hintPrefix = useId();
  const [signedOn, setSignedOn] = useState<Record<number, CalendarDate>>({});
  const missing =
    progress.missingRequired.length > 0 ? `Still required: ${progress.missingRequired.join(', ')}` : 'Every required item is done.';
  return (
    <>
      <Field label={`Induction progress: ${inductionProgress(progress)}`} hint={missing}>
        <ProgressBar value={progress.total > 0 ? progress.done / progress.total : 0} thickness="large" />
      </Field>
      {!editable && <Text>The checklist can be changed only while the partner is in induction.</Text>}
      <ul className={listStyles.list} aria-label="Induction checklist">
        {tasks.map((task) => {
          if (task.kind === 'One-to-one booked') {
            return (
              <li key={task.id}>
                <TickedByBooking task={task} onGoToBooking={editable ? onGoToBooking : null} />
              </li>
            );
          }
          const invitation = task.kind === 'Peer Support Network invitation';
          const document = documents.find((linked) => linked.taskId === task.id);
          const hintId = `${hintPrefix}-${task.id}`;
          return (
            <li key={task.id}>
              <div className={styles.item}>
                <Checkbox
                  checked={task.done}
                  // Not disabled while a change is saved: a disabled box drops the keyboard focus, and someone ticking item after item would start again from the top.
                  disabled={!editable}
                  label={labelOf(task)}
                  aria-describedby={invitation ? hintId : undefined}
                  onChange={(_event, data) => {
                    if (busy) return;
                    if (data.checked === true) onComplete(task, task.kind === 'Agreement' ? (signedOn[task.id] ?? today) : undefined);
                    else onReopen(task);
                  }}
                />
                {editable && task.kind === 'Agreement' && !task.done && (
                  <Field label={`Date signed: ${task.label}`} orientation="horizontal" size="small">
                    <Input
                      type="date"
                      size="small"
                      max={today}
                      value={signedOn[task.id] ?? today}
                      onChange={(_event, data) => setSignedOn((current) => ({ ...current, [task.id]: data.value }))}
                    />
                  </Field>
                )}
              </div>
              <DoneCaption task={task} />
              {document && (
                <Caption1 className={styles.detail}>
                  <Link href={document.url} target="_blank" rel="noreferrer" inline>
                    Open the {document.name}
                  </Link>
                </Caption1>
              )}
              {invitation && (
                <Caption1 id={hintId} className={styles.detail}>
                  {task.done
                    ? 'Unticking it takes back the invitation, if they have not answered it yet.'
                    : 'Ticking it records on their record that they were invited to the Peer Support Network, today.'}
                </Caption1>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
