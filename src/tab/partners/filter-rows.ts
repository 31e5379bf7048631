import type { DashboardRow, Stage } from '../api/types';

/** Which partners the stage counters show: everyone, those who need someone to act, or those at one stage. */
export type PartnerShow = 'all' | 'needs-attention' | Stage;

/** What the partners list is narrowed to. */
export interface PartnerFilter {
  /** Part of a name, matched ignoring case and accents. */
  readonly query: string;
  readonly show: PartnerShow;
}

/** The filter that shows everyone. */
export const NO_FILTER: PartnerFilter = { query: '', show: 'all' };

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('en-GB')
    .trim();
}

/** The rows that match every part of the filter, in their original order. */
export function filterRows(rows: readonly DashboardRow[], filter: PartnerFilter): DashboardRow[] {
  const query = fold(filter.query);
  return rows.filter((row) => {
    if (filter.show === 'needs-attention' && row.attention.length === 0) return false;
    if (filter.show !== 'all' && filter.show !== 'needs-attention' && row.stage !== filter.show) return false;
    if (query === '') return true;
    return fold(row.name).includes(query) || (row.preferredName ? fold(row.preferredName).includes(query) : false);
  });
}

const CLOSED_STAGES: readonly Stage[] = ['Ended', 'Not progressed'];

/**
 * The row a link to a partner opens: their current involvement in this workstream
 * (one that has not ended) if any, else their most recent listed one, else undefined.
 */
export function rowForPartner(rows: readonly DashboardRow[], partnerId: number): DashboardRow | undefined {
  const theirs = rows.filter((row) => row.partnerId === partnerId);
  return theirs.find((row) => !CLOSED_STAGES.includes(row.stage)) ?? theirs[0];
}

/**
 * Whether the row's partner had their personal data erased. The table's rows carry
 * no erasure date, but erasure always leaves the name "Erased partner <their id>".
 */
export function isErased(row: Pick<DashboardRow, 'name' | 'partnerId'>): boolean {
  return row.name === `Erased partner ${row.partnerId}`;
}
