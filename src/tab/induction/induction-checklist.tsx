import { Caption1, Checkbox, Field, Input, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CalendarDate, InductionProgress, InductionTask } from '../api/types';
import { shortDate } from '../shared/format';
import { usePlainListStyles } from '../shared/list-styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
  },
  detail: {
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: tokens.spacingHorizontalXXL,
  },
});

/** Props for {@link InductionChecklist}. */
export interface InductionChecklistProps {
  readonly tasks: readonly InductionTask[];
  readonly progress: InductionProgress;
  /** Ticking is open only during induction; otherwise the list is shown as a record. */
  readonly editable: boolean;
  readonly busy: boolean;
  readonly today: CalendarDate;
  /** Ticks an item; agreements pass the date signed. */
  readonly onComplete: (task: InductionTask, date: CalendarDate | undefined) => void;
  readonly onReopen: (task: InductionTask) => void;
}

function progressWords(progress: InductionProgress): string {
  return `${progress.done} of ${progress.total} done`;
}

/**
 * A partner's induction checklist: one checkbox per item, required items marked in
 * words, agreements with the date they were signed (today unless changed).
 */
export function InductionChecklist({ tasks, progress, editable, busy, today, onComplete, onReopen }: InductionChecklistProps) {
  const styles = useStyles();
  const listStyles = usePlainListStyles();
  const [signedOn, setSignedOn] = useState<Record<number, CalendarDate>>({});
  const missing = progress.missingRequired.length > 0 ? `Still required: ${progress.missingRequired.join(', ')}` : 'Every required item is done.';
  return (
    <>
      <Field label={`Induction progress: ${progressWords(progress)}`} hint={missing}>
        <ProgressBar value={progress.total > 0 ? progress.done / progress.total : 0} thickness="large" />
      </Field>
      {!editable && <Text>The checklist can be changed only while the partner is in induction.</Text>}
      <ul className={listStyles.list} aria-label="Induction checklist">
        {tasks.map((task) => (
          <li key={task.id}>
            <div className={styles.item}>
              <Checkbox
                checked={task.done}
                // Not disabled while a change is saved: a disabled box drops the keyboard focus, and someone ticking item after item would start again from the top.
                disabled={!editable}
                label={task.required ? `${task.label} (required)` : task.label}
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
            {task.done && task.doneDate && (
              <Caption1 className={styles.detail}>
                {task.kind === 'Agreement' ? 'Signed' : 'Done'} {shortDate(task.doneDate)}
                {task.doneBy ? `, recorded by ${task.doneBy}` : ''}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
