import { Button, Checkbox, Dropdown, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { NewClaim } from '../api/client';
import type { CalendarDate, ClaimLine, ExpenseLine } from '../api/types';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { DAY_LENGTHS, EXPENSE_KINDS } from './money';

const useStyles = makeStyles({
  line: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    minWidth: 0,
  },
});

interface LineDraft {
  readonly kind: ExpenseLine['kind'];
  /** Miles for mileage, pounds for anything else, as typed. */
  readonly value: string;
  readonly receiptHeld: boolean;
}

const NO_DAY = 'No payment, expenses only';

/** Pounds as typed ("4.50", "£4.50") in whole pence; NaN when it is not an amount. */
export function pence(typed: string): number {
  const cleaned = typed.trim().replace(/^£/, '').replaceAll(',', '');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Math.round(Number(cleaned) * 100) : Number.NaN;
}

/** A typed amount that is not pounds and pence, said before anything is sent. */
function amountProblem(line: LineDraft): string | null {
  if (line.kind === 'Mileage') return /^\d+(\.\d+)?$/.test(line.value.trim()) ? null : 'Enter the miles as a number, such as 12.5.';
  return Number.isNaN(pence(line.value)) ? 'Enter the amount in pounds, such as 4.50.' : null;
}

/** A saved expense line as the form shows it: miles for mileage, pounds for anything else. */
function asTyped(expense: ExpenseLine): LineDraft {
  const value = expense.kind === 'Mileage' ? String(expense.miles ?? '') : (expense.amountPence / 100).toFixed(2);
  return { kind: expense.kind, value, receiptHeld: expense.receiptHeld };
}

/** Props for {@link RecordClaimForm}. */
export interface RecordClaimFormProps {
  readonly today: CalendarDate;
  /** Whether the role is paid, so a half or full day can be claimed. */
  readonly paidRole: boolean;
  /** The Draft claim being changed, filled in; none to record a new claim. */
  readonly draft?: ClaimLine;
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  /** Saves the claim as a Draft, or submits it for approval too. */
  readonly onSave: (claim: NewClaim, submit: boolean) => void;
  readonly onCancel: () => void;
}

/**
 * Staff record a claim for the partner, or change a Draft one: the activity, a half or
 * full day where the role is paid, and each expense. The first field takes the focus,
 * since the button that opened the form goes.
 */
export function RecordClaimForm({ today, paidRole, draft, busy, refusal, onSave, onCancel }: RecordClaimFormProps) {
  const styles = useStyles();
  const form = useFormStyles();
  const [activityDate, setActivityDate] = useState(draft?.claim.activityDate ?? today);
  const [description, setDescription] = useState(draft?.claim.description ?? '');
  const [dayLength, setDayLength] = useState<string>(draft?.claim.dayLength ?? NO_DAY);
  const [lines, setLines] = useState<LineDraft[]>(() => draft?.lines.map(asTyped) ?? []);
  const [checked, setChecked] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const change = (index: number, changed: Partial<LineDraft>) =>
    setLines((all) => all.map((line, at) => (at === index ? { ...line, ...changed } : line)));
  const save = (submit: boolean) => {
    setChecked(true);
    if (lines.some((line) => amountProblem(line) !== null)) return;
    onSave(
      {
        activityDate,
        description,
        ...(dayLength === NO_DAY ? {} : { dayLength: dayLength as NonNullable<NewClaim['dayLength']> }),
        expenses: lines.map((line) =>
          line.kind === 'Mileage'
            ? { kind: line.kind, miles: Number(line.value), receiptHeld: line.receiptHeld }
            : { kind: line.kind, amountPence: pence(line.value), receiptHeld: line.receiptHeld },
        ),
      },
      submit,
    );
  };
  return (
    <form
      className={form.form}
      aria-label={draft ? 'Change the draft claim' : 'Record a claim'}
      onSubmit={(event) => {
        event.preventDefault();
        save(true);
      }}
    >
      <Field label="Date of the activity" required validationMessage={refusal?.fields.activityDate}>
        <Input ref={first} type="date" value={activityDate} max={today} onChange={(_event, data) => setActivityDate(data.value)} />
      </Field>
      <Field label="What it was" required validationMessage={refusal?.fields.description}>
        <Input value={description} onChange={(_event, data) => setDescription(data.value)} />
      </Field>
      {paidRole && (
        <Field label="Involvement payment">
          <RadioGroup value={dayLength} onChange={(_event, data) => setDayLength(data.value)}>
            {[NO_DAY, ...DAY_LENGTHS].map((length) => (
              <Radio key={length} value={length} label={length} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {lines.map((line, index) => {
        const problem = checked ? amountProblem(line) : null;
        return (
          <fieldset key={index} className={styles.line}>
            <legend>Expense {index + 1}</legend>
            <Field label="Kind">
              <Dropdown
                className={form.choice}
                value={line.kind}
                selectedOptions={[line.kind]}
                onOptionSelect={(_event, data) => change(index, { kind: data.optionValue as LineDraft['kind'] })}
              >
                {EXPENSE_KINDS.map((kind) => (
                  <Option key={kind} value={kind}>
                    {kind}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={line.kind === 'Mileage' ? 'Miles' : 'Amount (£)'} required validationMessage={problem}>
              <Input inputMode="decimal" value={line.value} onChange={(_event, data) => change(index, { value: data.value })} />
            </Field>
            <Checkbox
              label="Receipt held"
              checked={line.receiptHeld}
              onChange={(_event, data) => change(index, { receiptHeld: data.checked === true })}
            />
            <Button onClick={() => setLines((all) => all.filter((_line, at) => at !== index))}>Remove expense {index + 1}</Button>
          </fieldset>
        );
      })}
      <div className={form.buttons}>
        <Button onClick={() => setLines((all) => [...all, { kind: 'Mileage', value: '', receiptHeld: false }])}>Add an expense</Button>
      </div>
      <FormRefusal refusal={refusal} fields={['activityDate', 'description']} />
      <div className={form.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Submit for approval
        </Button>
        <Button disabledFocusable={busy} onClick={() => save(false)}>
          Save as draft
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
