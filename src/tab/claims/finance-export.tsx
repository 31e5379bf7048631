import { Button, Field, Input, Text } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { CalendarDate } from '../api/types';
import { saveFile } from '../shared/download-button';
import { FormRefusal } from '../shared/form-refusal';
import { useFormStyles } from '../shared/form-styles';
import { useAction, useChangeKeys } from '../shared/use-action';
import { OutcomeRegion } from '../shared/action-message';
import { pounds } from './money';

/** Props for {@link FinanceExport}. */
export interface FinanceExportProps {
  readonly api: ApiClient;
  readonly today: CalendarDate;
  /** Reads the claims again once the export marked some Paid. */
  readonly onExported: () => void;
}

/**
 * The Engagement team's export to finance: the approved claims whose activity falls in
 * a period, saved as CSV, each marked Paid; says how many and how much.
 */
export function FinanceExport({ api, today, onExported }: FinanceExportProps) {
  const styles = useFormStyles();
  const action = useAction(onExported);
  const keys = useChangeKeys();
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const refusal = action.outcome.kind === 'refused' ? action.outcome : null;
  const outcome = useRef<HTMLDivElement>(null);
  const exportClaims = async () => {
    const made = await action.run(
      async () => {
        const exported = await api.financeExport({ from, to }, keys.keyFor(['finance-export', from, to]));
        saveFile({ fileName: exported.fileName, blob: new Blob([exported.csv], { type: 'text/csv' }) });
        return exported;
      },
      (exported) =>
        exported.claimsPaid === 0
          ? `No approved claims for ${from} to ${to}: nothing was marked Paid. The file holds only the column headings.`
          : `${exported.claimsPaid} ${exported.claimsPaid === 1 ? 'claim' : 'claims'} marked Paid and saved to ${exported.fileName}: involvement payments ${pounds(exported.paymentsPence)}, expenses ${pounds(exported.expensesPence)}.`,
    );
    if (made) keys.succeeded();
  };
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void exportClaims();
      }}
    >
      <Text block>
        The approved claims whose activity falls in the period, as CSV for finance (involvement payments apart from expenses). Each claim
        exported is marked Paid.
      </Text>
      <Field label="From" required validationMessage={refusal?.fields.from}>
        <Input type="date" value={from} onChange={(_event, data) => setFrom(data.value)} />
      </Field>
      <Field label="To" required validationMessage={refusal?.fields.to}>
        <Input type="date" value={to} onChange={(_event, data) => setTo(data.value)} />
      </Field>
      <FormRefusal refusal={refusal} fields={['from', 'to']} />
      <OutcomeRegion ref={outcome} outcome={action.outcome} shown={action.outcome.kind === 'done'} />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" icon={<ArrowDownload16Regular />} disabledFocusable={action.outcome.kind === 'busy'}>
          Export to finance and mark Paid
        </Button>
      </div>
    </form>
  );
}
