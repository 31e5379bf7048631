import { Field, Text, makeStyles } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import type { ApiClient } from '../api/client';
import type { MonitoringTableState } from '../api/types';
import { OutcomeRegion } from '../shared/action-message';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { shortDate } from '../shared/format';
import { Section } from '../shared/section';
import { useAction } from '../shared/use-action';

const useStyles = makeStyles({
  // The server gives each line at fault on a line of its own.
  lines: {
    whiteSpace: 'pre-line',
  },
});

/** What the tables are called in the view. */
const TITLES: Readonly<Record<MonitoringTableState['kind'], string>> = {
  'Population profile': 'population profile',
  'Postcode deciles': 'table of postcode districts and deciles',
};

function loadedText(table: MonitoringTableState): string {
  if (!table.loaded) return 'Saved now: none.';
  const { lines, savedAt } = table.loaded;
  return `Saved now: ${lines} ${lines === 1 ? 'line' : 'lines'} of figures, saved on ${shortDate(savedAt.slice(0, 10))}.`;
}

/** A file's text, read as UTF-8. */
function textOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read. Choose it again, or save it again as a CSV file.'));
    reader.readAsText(file);
  });
}

/** A file chosen, read, and waiting for the person to confirm it replaces the table saved now. */
interface Chosen {
  readonly name: string;
  readonly csv: string;
}

/**
 * One of the organisation's tables for equality monitoring: what is saved now, and a
 * file picker that sends a CSV to replace it, asking first when one is saved. A file
 * with a bad line is refused by the server, each line named under the picker.
 */
function TableUpload({
  table,
  api,
  onSaved,
}: {
  readonly table: MonitoringTableState;
  readonly api: ApiClient;
  readonly onSaved: () => void;
}) {
  const styles = useStyles();
  const action = useAction(onSaved);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const title = TITLES[table.kind];
  const refused = action.outcome.kind === 'refused' ? action.outcome.fields.csv : undefined;

  const send = (file: Chosen) => {
    setChosen(null);
    void action.run(
      () => api.setMonitoringTable(table.kind, file.csv),
      (saved) =>
        `Saved ${file.name} as the ${table.kind.toLowerCase()}: ${saved.lines} ${saved.lines === 1 ? 'line' : 'lines'} of figures.`,
    );
  };
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file can be chosen again after it was refused and corrected.
    event.target.value = '';
    if (!file) return;
    const next = { name: file.name, csv: await textOf(file) };
    if (table.loaded) setChosen(next);
    else send(next);
  };

  return (
    <Section level={3} title={table.kind}>
      <Text block>{loadedText(table)}</Text>
      <Field
        label={`Upload the ${title} (CSV)`}
        hint={table.guidance}
        validationMessage={refused ? <span className={styles.lines}>{refused}</span> : undefined}
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            ref={picker}
            type="file"
            accept=".csv,text/csv"
            disabled={action.outcome.kind === 'busy'}
            onChange={(event) => void pick(event)}
          />
        )}
      </Field>
      <OutcomeRegion
        ref={outcome}
        outcome={action.outcome}
        shown={action.outcome.kind === 'done' || (action.outcome.kind === 'refused' && !refused)}
      />
      <ConfirmDialog
        open={chosen !== null}
        title={`Replace the ${table.kind.toLowerCase()} saved now?`}
        confirmLabel={`Replace it with ${chosen?.name ?? 'the file'}`}
        onConfirm={() => chosen && send(chosen)}
        onCancel={() => {
          setChosen(null);
          picker.current?.focus();
        }}
      >
        {`${loadedText(table)} ${chosen?.name ?? 'The file'} replaces it; the one saved now is not kept.`}
      </ConfirmDialog>
    </Section>
  );
}

/** The organisation's population profile and postcode table, each uploaded from a CSV file (Engagement team only). */
export function MonitoringTables({
  tables,
  api,
  onSaved,
}: {
  readonly tables: readonly MonitoringTableState[];
  readonly api: ApiClient;
  readonly onSaved: () => void;
}) {
  return (
    <Section title="The organisation's tables">
      {tables.map((table) => (
        <TableUpload key={table.kind} table={table} api={api} onSaved={onSaved} />
      ))}
    </Section>
  );
}
