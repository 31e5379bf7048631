import {
  Field,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { FormsCounted, ProfileCell, Representativeness } from '../api/types';
import { DownloadButton } from '../shared/download-button';
import { LoadError } from '../shared/load-error';
import { useRowStyles } from '../shared/row-styles';
import { ScrollRegion } from '../shared/scroll-region';
import { Section } from '../shared/section';
import { useLoad } from '../shared/use-load';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
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
  return `Forms counted: ${counted}. Waiting to be counted: ${forms.waiting}. Declined: ${forms.declined}.`;
}

/**
 * Equality monitoring for the Engagement team: for the system or one workstream at a
 * time, each question's answers with their count, share and gap from the population,
 * as the server worked them out (small counts already hidden), and the CSV of it all.
 */
export function RepresentativenessView({ api }: { readonly api: ApiClient }) {
  const view = useLoad('representativeness', (signal) => api.representativeness(signal));
  if (view.status === 'loading') return <Spinner label="Loading the equality monitoring counts…" />;
  if (view.status === 'error') return <LoadError title="Could not load the equality monitoring counts" failure={view} />;
  return <Profiles view={view.data} api={api} />;
}

function Profiles({ view, api }: { readonly view: Representativeness; readonly api: ApiClient }) {
  const styles = useStyles();
  const [compared, setCompared] = useState<Compared>('system');
  const workstreamIndex = compared === 'system' ? -1 : view.workstreams.findIndex((workstream) => workstream.id === compared);
  const forms = workstreamIndex < 0 ? view.system : view.workstreams[workstreamIndex];
  const name = workstreamIndex < 0 ? 'the whole system' : view.workstreams[workstreamIndex].title;
  return (
    <div className={styles.view}>
      <Section title="Equality monitoring">
        <ul className={styles.notes}>
          {view.notes.map((note) => (
            <li key={note}>
              <Text>{note}</Text>
            </li>
          ))}
        </ul>
        <DownloadButton fetchFile={() => api.download('representativenessCsv', {})}>Download every workstream (CSV)</DownloadButton>
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
        <Text aria-live="polite">{formsText(forms)}</Text>
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
    </div>
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
  const headingId = useId();
  return (
    <Section title={title} level={3} headingId={headingId} named={false}>
      <ScrollRegion labelledBy={headingId}>
        <Table className={styles.table} aria-label={`${title}: ${name}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Answer</TableHeaderCell>
              <TableHeaderCell>Count</TableHeaderCell>
              <TableHeaderCell>Share</TableHeaderCell>
              <TableHeaderCell>Population</TableHeaderCell>
              <TableHeaderCell>Gap</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.answer} className={rowStyles.row}>
                <TableCell>{row.answer}</TableCell>
                <TableCell>{numberOr(row.cell.count)}</TableCell>
                <TableCell>{numberOr(row.cell.percent, '%')}</TableCell>
                <TableCell>{row.population === null ? <Text className={styles.quiet}>Not given</Text> : `${row.population}%`}</TableCell>
                <TableCell>{gapText(row.cell)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
