import { Button, Field, SearchBox, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { DownloadedFile } from '../api/client';
import { STAGES, type DashboardRow, type Stage } from '../api/types';
import { DownloadButton } from '../shared/download-button';
import { filterRows, NO_FILTER, type PartnerFilter } from './filter-rows';
import { PartnersTable } from './partners-table';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
  search: {
    minWidth: '16rem',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
  empty: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

const count = (value: number): string => value.toLocaleString('en-GB');

/** Props for {@link PartnersSection}. */
export interface PartnersSectionProps {
  readonly rows: readonly DashboardRow[];
  /** The id of the heading that names the partners table. */
  readonly labelledBy: string;
  /** Fetches the partners as CSV. */
  readonly downloadCsv: () => Promise<DownloadedFile>;
  readonly onOpen: (row: DashboardRow) => void;
}

/** The partners table with its search, stage and "needs attention" filters, and the CSV export. */
export function PartnersSection({ rows, labelledBy, downloadCsv, onOpen }: PartnersSectionProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState<PartnerFilter>(NO_FILTER);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const update = (change: Partial<PartnerFilter>) => setFilter((current) => ({ ...current, ...change }));

  if (rows.length === 0) {
    return (
      <Text className={styles.quiet}>
        No partners yet. When someone shows interest in one of this workstream&apos;s roles, log it with the Partner
        Pathway bot and they will appear here.
      </Text>
    );
  }
  return (
    <>
      <div className={styles.toolbar}>
        <Field label="Search by name" className={styles.search}>
          <SearchBox value={filter.query} onChange={(_event, data) => update({ query: data.value })} />
        </Field>
        <Field label="Stage">
          <Select value={filter.stage} onChange={(_event, data) => update({ stage: data.value as Stage | 'all' })}>
            <option value="all">All stages</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stage}
              </option>
            ))}
          </Select>
        </Field>
        <Switch
          label="Needs attention only"
          checked={filter.needsAttentionOnly}
          onChange={(_event, data) => update({ needsAttentionOnly: data.checked })}
        />
        <DownloadButton fetchFile={downloadCsv}>Export partners (CSV)</DownloadButton>
      </div>
      <Text role="status">
        {shown.length === rows.length ? `${count(rows.length)} partners` : `Showing ${count(shown.length)} of ${count(rows.length)} partners`}
      </Text>
      {shown.length === 0 ? (
        <div className={styles.empty}>
          <Text>No partners match these filters.</Text>
          <Button onClick={() => setFilter(NO_FILTER)}>Clear filters</Button>
        </div>
      ) : (
        <PartnersTable rows={shown} labelledBy={labelledBy} onOpen={onOpen} />
      )}
    </>
  );
}
