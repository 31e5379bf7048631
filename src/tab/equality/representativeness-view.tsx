import { Field, Select, Spinner, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
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
  // The two quarters side by side where there is room, one under the other on a phone.
  period: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  periodName: {
    flexBasis: '100%',
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
  const acrossEdge = forms.acrossEdge > 0 ? ` Left out, counted in a batch that runs past the period: ${forms.acrossEdge}.` : '';
  return `Forms counted: ${counted}.${acrossEdge} Waiting to be counted: ${forms.waiting}. Declined: ${forms.declined}.`;
}

/** The quarters chosen, each end included; an empty end is left open (every quarter so far at that end). */
interface Period {
  readonly from: string;
  readonly to: string;
}

const EVERY_QUARTER: Period = { from: '', to: '' };

/** The period as the API takes it, an open end left out. */
function queryOf(period: Period): { from?: string; to?: string } {
  return { ...(period.from && { from: period.from }), ...(period.to && { to: period.to }) };
}

/**
 * Equality monitoring for the Engagement team: for the system or one workstream at a
 * time, each question's answers with their count, share and gap from the population,
 * as the server worked them out (small counts already hidden), and the CSV of it all.
 */
export function RepresentativenessView({ api }: { readonly api: ApiClient }) {
  const [period, setPeriod] = useState(EVERY_QUARTER);
  const view = useLoad(`representativeness:${period.from}:${period.to}`, (signal) => api.representativeness(queryOf(period), signal));
  // The view read before stays while another period is read (so the quarter chosen keeps the focus) or refused.
  const last = useRef<Representativeness | null>(null);
  if (view.status === 'ready') last.current = view.data;
  const shown = view.status === 'ready' ? view.data : last.current;
  if (view.status === 'error' && (!shown || view.noAccess)) {
    return <LoadError title="Could not load the equality monitoring counts" failure={view} />;
  }
  if (!shown) return <Spinner label="Loading the equality monitoring counts…" />;
  return (
    <Profiles
      view={shown}
      reading={view.status === 'loading'}
      period={period}
      refusal={view.status === 'error' ? view.message : null}
      onChoose={setPeriod}
      onSaved={view.refresh}
      api={api}
    />
  );
}

interface ProfilesProps {
  readonly view: Representativeness;
  /** Whether another period is being read. */
  readonly reading: boolean;
  readonly period: Period;
  /** Why the server would not read the period chosen, in its words; the view shown is the one read before. */
  readonly refusal: string | null;
  readonly onChoose: (period: Period) => void;
  /** Reads the view again after a table was saved. */
  readonly onSaved: () => void;
  readonly api: ApiClient;
}

function Profiles({ view, reading, period, refusal, onChoose, onSaved, api }: ProfilesProps) {
  const [compared, setCompared] = useState<Compared>('system');
  const workstreamIndex = compared === 'system' ? -1 : view.workstreams.findIndex((workstream) => workstream.id === compared);
  const forms = workstreamIndex < 0 ? view.system : view.workstreams[workstreamIndex];
  const name = workstreamIndex < 0 ? 'the whole system' : view.workstreams[workstreamIndex].title;
  return (
    <CountsView>
      <Section title="Equality monitoring">
        <CountLines lines={view.notes} />
        <PeriodFields quarters={view.quarters} period={period} refusal={refusal} onChoose={onChoose} />
        <DownloadButton
          fetchFile={() => api.download('representativenessCsv', {}, queryOf({ from: view.period.from ?? '', to: view.period.to ?? '' }))}
        >
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

/**
 * The period as two quarters, each end included and either left open. Any two may be
 * chosen: the server says when a period cannot be read, and that shows under the
 * quarter it ends with.
 */
function PeriodFields(props: {
  readonly quarters: readonly string[];
  readonly period: Period;
  readonly refusal: string | null;
  readonly onChoose: (period: Period) => void;
}) {
  const styles = useStyles();
  const { period, onChoose } = props;
  const headingId = useId();
  const newestFirst = [...props.quarters].reverse();
  const options = (open: string) => [
    <option key="open" value="">
      {open}
    </option>,
    ...newestFirst.map((quarter) => (
      <option key={quarter} value={quarter}>
        {quarter}
      </option>
    )),
  ];
  return (
    <div role="group" aria-labelledby={headingId} className={styles.period}>
      <Text id={headingId} weight="semibold" className={styles.periodName}>
        Period
      </Text>
      <Field label="From the quarter">
        <Select value={period.from} onChange={(_event, data) => onChoose({ ...period, from: data.value })}>
          {options('The first quarter')}
        </Select>
      </Field>
      <Field label="To the quarter" validationState={props.refusal ? 'error' : 'none'} validationMessage={props.refusal ?? undefined}>
        <Select value={period.to} onChange={(_event, data) => onChoose({ ...period, to: data.value })}>
          {options('The last quarter ended')}
        </Select>
      </Field>
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
