import { Button, Checkbox, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaymentChoices } from '../api/client';
import type { PaymentPreference } from '../api/types';
import { FormRefusal, type Refusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { CAP_PERIODS } from './money';
import { pence } from './record-claim-form';

const NO_CAP = 'No cap';

/** Props for {@link PaymentPreferencesForm}. */
export interface PaymentPreferencesFormProps {
  readonly preferences: PaymentPreference | null;
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  readonly onSave: (choices: PaymentChoices) => void;
  readonly onCancel: () => void;
}

/** The partner's choices about payment, as they tell staff: to decline it, and a cap per period (a benefits earnings limit, say). */
export function PaymentPreferencesForm({ preferences, busy, refusal, onSave, onCancel }: PaymentPreferencesFormProps) {
  const form = useFormStyles();
  const [declines, setDeclines] = useState(preferences?.declinesPayment ?? false);
  const [period, setPeriod] = useState<string>(preferences?.capPeriod ?? NO_CAP);
  const [cap, setCap] = useState(preferences?.capPence === null || !preferences ? '' : (preferences.capPence / 100).toFixed(2));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className={form.form}
      aria-label="Their choices about payment"
      onSubmit={(event) => {
        event.preventDefault();
        if (period === NO_CAP) return onSave({ declinesPayment: declines, capPence: null, capPeriod: null });
        const capPence = pence(cap);
        if (Number.isNaN(capPence)) return setProblem('Enter the cap in pounds, such as 500.');
        setProblem(null);
        onSave({ declinesPayment: declines, capPence, capPeriod: period as NonNullable<PaymentChoices['capPeriod']> });
      }}
    >
      <Checkbox
        label="They decline involvement payments"
        checked={declines}
        onChange={(_event, data) => setDeclines(data.checked === true)}
      />
      <Field label="Cap on involvement payments, per" validationMessage={refusal?.fields.capPeriod}>
        <Dropdown
          className={form.choice}
          value={period}
          selectedOptions={[period]}
          onOptionSelect={(_event, data) => setPeriod(data.optionValue ?? NO_CAP)}
        >
          {[NO_CAP, ...CAP_PERIODS].map((choice) => (
            <Option key={choice} value={choice}>
              {choice}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {period !== NO_CAP && (
        <Field label="Cap (£)" required validationMessage={problem ?? refusal?.fields.capPence}>
          <Input inputMode="decimal" value={cap} onChange={(_event, data) => setCap(data.value)} />
        </Field>
      )}
      <FormRefusal refusal={refusal} fields={['capPence', 'capPeriod']} />
      <div className={form.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          Save their choices
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
