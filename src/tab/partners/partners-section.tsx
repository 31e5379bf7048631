import { Button, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { DownloadedFile } from '../api/client';
import type { DashboardRow } from '../api/types';
import { PARTNERS_AS_LIST, useMediaQuery } from '../shared/breakpoints';
import { DownloadButton } from '../shared/download-button';
import { filterRows, type PartnerShow } from './filter-rows';
import { PartnersList } from './partners-list';
import { PartnersTable } from './partners-table';

const useStyles = makeStyles({
  searchRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  // It gives way to what is beside it, so both stay on one line on a phone.
  search: {
    flexGrow: 1,
    flexBasis: '10rem',
    minWidth: 0,
    maxWidth: '24rem',
  },
  searchBox: {
    width: '100%',
    minWidth: 0,
  },
  counted: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
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

/**
 * A count with thousands separated by commas, as en-GB writes it (5,000). Not
 * `toLocaleString`: its first use loads the browser's locale data, which took longer
 * than drawing the rest of the first screen, and this is the first screen's only use of it.
 */
const count = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Which partners are shown, in words after "Showing 3 of 12 partners". */
function shownWords(show: PartnerShow): string {
  if (show === 'all') return '';
  if (show === 'needs-attention') return ' needing attention';
  return ` at ${show}`;
}

/** Props for {@link PartnersSection}. */
export interface PartnersSectionProps {
  readonly rows: readonly DashboardRow[];
  /** Which partners the stage counters above chose to show. */
  readonly show: PartnerShow;
  /** Shows everyone again (Clear filters). */
  readonly onShow: (show: PartnerShow) => void;
  /** The id of the heading that names the partners table. */
  readonly labelledBy: string;
  /** Fetches the partners as CSV. */
  readonly downloadCsv: () => Promise<DownloadedFile>;
  readonly onOpen: (row: DashboardRow) => void;
  /** Beside the search, on the same line so the first partner stays on a phone's first screen: logging interest. */
  readonly logInterest?: ReactNode;
}

/**
 * The workstream's partners, searched by name and narrowed by the stage counters: a
 * table on a wide window, a list of cards on a narrow one; how many are shown (said
 * to assistive technology as it changes), and the CSV export.
 */
export function PartnersSection({ rows, show, onShow, labelledBy, downloadCsv, onOpen, logInterest = null }: PartnersSectionProps) {
  const styles = useStyles();
  const asList = useMediaQuery(PARTNERS_AS_LIST);
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterRows(rows, { query, show }), [rows, query, show]);

  if (rows.length === 0) {
    return (
      <>
        {logInterest}
        <Text className={styles.quiet}>
          No partners yet. When someone shows interest in one of this workstream&apos;s roles, log it here with Log interest, or with the
          Partner Pathway bot, and they will appear here.
        </Text>
      </>
    );
  }
  const clear = () => {
    setQuery('');
    onShow('all');
    // The button pressed goes with the message; the search is where someone looks for a partner next.
    search.current?.focus();
  };
  return (
    <>
      <div className={styles.searchRow}>
        <Field label="Search by name" className={styles.search}>
          <SearchBox ref={search} className={styles.searchBox} value={query} onChange={(_event, data) => setQuery(data.value)} />
        </Field>
        {logInterest}
      </div>
      <div className={styles.counted}>
        <Text role="status">
          {shown.length === rows.length
            ? `${count(rows.length)} partners`
            : `Showing ${count(shown.length)} of ${count(rows.length)} partners${shownWords(show)}`}
        </Text>
        <DownloadButton size="small" fetchFile={downloadCsv}>
          Export partners (CSV)
        </DownloadButton>
      </div>
      {shown.length === 0 && (
        <div className={styles.empty}>
          <Text>No partners match these filters.</Text>
          <Button onClick={clear}>Clear filters</Button>
        </div>
      )}
      {shown.length > 0 && asList && <PartnersList rows={shown} labelledBy={labelledBy} onOpen={onOpen} />}
      {shown.length > 0 && !asList && <PartnersTable rows={shown} labelledBy={labelledBy} onOpen={onOpen} />}
    </>
  );
}
