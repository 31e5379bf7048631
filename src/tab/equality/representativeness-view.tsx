import { Field, Select, Spinner, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { FormsCounted, ProfileCell, Representativeness } from '../api/types';
import { CountLines, CountsTable, CountsView } from '../shared/counts-view';
import { DownloadButton } from '../shared/download-button';
import { LoadError } from '../shared/load-error';
import { useRowStyles } from '../shared/row-styles';
import { Section } from '../shared/section';
import { useLoad } from '../shared/use-load';
import { MonitoringTables } from './monitoring-tables';

const useStyles = makeStyles({
  table: {
    minWidth: '28rem',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** The whole system, or a workstream by id. */
type Compared = 'system' | number;

const NOT_SHOWN = 'Not shown';

function numberOr(value: number | null, suffix = ''): string {
  return value === null ? NOT_SHOWN : `${value}${suffix}`;
}

function gapText(cell: ProfileCell): string {
  if (cell.count === null) return NOT_SHOWN;
  if (cell.gap === null) return '';
  return `${cell.gap > 0 ? '+' : ''}${cell.gap} points`;
}

function formsText(forms: FormsCounted): string {
  const counted = forms.counted === null ? 'too few to show' : String(forms.counted);
  const acrossEdge = forms.acrossEdge > 0 ? ` Left out, counted in a batch that runs past the period: ${forms.acrossEdge}.` : '';
  return `Forms counted: ${counted}.${acrossEdge} Waiting to be counted: ${forms.waiting}. Declined: ${forms.declined}.`;
}

/** Every quarter so far, a year (`2026`) or a quarter (`2026-Q1`), as chosen in the view. */
const EVERY_QUARTER = 'every';

/** The quarters a choice covers, for the API. */
function periodOf(choice: string): { from?: string; to?: string } {
  if (choice === EVERY_QUARTER) return {};
  if (/^\d{4}$/.test(choice)) return { from: `${choice}-Q1`, to: `${choice}-Q4` };
  return { from: choice, to: choice };
}

/** The years, newest first, then the quarters, newest first, that a period can be. */
function periodChoices(quarters: readonly string[]): string[] {
  const years = [...new Set(quarters.map((quarter) => quarter.slice(0, 4)))];
  return [...years.reverse(), ...[...quarters].reverse()];
}

/**
 * Equality monitoring for the Engagement team: for the system or one workstream at a
 * time, each question's answers with their count, share and gap from the population,
 * as the server worked them out (small counts already hidden), and the CSV of it all.
 */
export function RepresentativenessView({ api }: { readonly api: ApiClient }) {
  const [choice, setChoice] = useState(EVERY_QUARTER);
  const view = useLoad(`representativeness:${choice}`, (signal) => api.representativeness(periodOf(choice), signal));
  // The view read before stays while another period is read, so the period chosen keeps the focus.
  const last = useRef<Representativeness | null>(null);
  if (view.status === 'ready') last.current = view.data;
  if (view.status === 'error') return <LoadError title="Could not load the equality monitoring counts" failure={view} />;
  const shown = view.status === 'ready' ? view.data : last.current;
  if (!shown) return <Spinner label="Loading the equality monitoring counts…" />;
  return (
    <Profiles view={shown} reading={view.status === 'loading'} choice={choice} onChoose={setChoice} onSaved={view.refresh} api={api} />
  );
}

interface ProfilesProps {
  readonly view: Representativeness;
  /** Whether another period is being read. */
  readonly reading: boolean;
  readonly choice: string;
  readonly onChoose: (choice: string) => void;
  /** Reads the view again after a table was saved. */
  readonly onSaved: () => void;
  readonly api: ApiClient;
}

function Profiles({ view, reading, choice, onChoose, onSaved, api }: ProfilesProps) {
  const [compared, setCompared] = useState<Compared>('system');
  const workstreamIndex = compared === 'system' ? -1 : view.workstreams.findIndex((workstream) => workstream.id === compared);
  const forms = workstreamIndex < 0 ? view.system : view.workstreams[workstreamIndex];
  const name = workstreamIndex < 0 ? 'the whole system' : view.workstreams[workstreamIndex].title;
  return (
    <CountsView>
      <Section title="Equality monitoring">
        <CountLines lines={view.notes} />
        <Field label="Period">
          <Select value={choice} onChange={(_event, data) => onChoose(data.value)}>
            <option value={EVERY_QUARTER}>Every quarter so far</option>
            {periodChoices(view.quarters).map((period) => (
              <option key={period} value={period}>
                {/^\d{4}$/.test(period) ? `${period} (the year)` : period}
              </option>
            ))}
          </Select>
        </Field>
        <DownloadButton fetchFile={() => api.download('representativenessCsv', {}, periodOf(choice))}>
          Download every workstream (CSV)
        </DownloadButton>
        <Field label="Show">
          <Select
            value={String(compared)}
            onChange={(_event, data) => setCompared(data.value === 'system' ? 'system' : Number(data.value))}
          >
            <option value="system">The whole system</option>
            {view.workstreams.map((workstream) => (
              <option key={workstream.id} value={String(workstream.id)}>
                {workstream.title}
              </option>
            ))}
          </Select>
        </Field>
        <Text aria-live="polite">{reading ? 'Reading the period chosen…' : `${view.period.title}. ${formsText(forms)}`}</Text>
      </Section>
      {view.questions.map((question) => (
        <QuestionTable
          key={question.key}
          title={question.title}
          name={name}
          rows={question.rows.map((row) => ({
            answer: row.answer,
            population: row.population,
            cell: workstreamIndex < 0 ? row.system : row.workstreams[workstreamIndex],
          }))}
        />
      ))}
      <MonitoringTables tables={view.tables} api={api} onSaved={onSaved} />
    </CountsView>
  );
}

interface QuestionRow {
  readonly answer: string;
  readonly population: number | null;
  readonly cell: ProfileCell;
}

function QuestionTable({ title, name, rows }: { readonly title: string; readonly name: string; readonly rows: readonly QuestionRow[] }) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  return (
    <CountsTable
      title={title}
      label={`${title}: ${name}`}
      columns={['Answer', 'Count', 'Share', 'Population', 'Gap']}
      className={styles.table}
    >
      {rows.map((row) => (
        <TableRow key={row.answer} className={rowStyles.row}>
          <TableCell>{row.answer}</TableCell>
          <TableCell>{numberOr(row.cell.count)}</TableCell>
          <TableCell>{numberOr(row.cell.percent, '%')}</TableCell>
          <TableCell>{row.population === null ? <Text className={styles.quiet}>Not given</Text> : `${row.population}%`}</TableCell>
          <TableCell>{gapText(row.cell)}</TableCell>
        </TableRow>
      ))}
    </CountsTable>
  );
}
