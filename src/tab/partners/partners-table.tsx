import {
  Caption1,
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
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { DashboardRow } from '../api/types';
import { summariseInduction } from '../shared/format';
import { useRowStyles } from '../shared/row-styles';
import { NextOneToOne, PartnerName } from './partner-cells';

/** The table scrolls inside the page once it is this tall, in percent of the window's height. */
const SCROLLER_MAX_VH = 70;

const useStyles = makeStyles({
  scroller: {
    maxHeight: `${SCROLLER_MAX_VH}vh`,
    overflow: 'auto',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  table: {
    // Sized by content, so a state like "Overdue by 14 days" keeps its column wide enough.
    tableLayout: 'auto',
    minWidth: '60rem',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  spacer: {
    padding: 0,
    border: 'none',
  },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** A first guess at a row's height, near the usual one (45 to 71 px in a wide window); each row is measured once drawn. */
const ROW_ESTIMATE_PX = 60;

/**
 * Rows drawn beyond the visible ones, so scrolling and keyboard focus never meet a blank:
 * the next row is always there to tab to. Every row drawn is work before the table first shows.
 */
const OVERSCAN_ROWS = 2;

/**
 * How big the table's scrolling box will be before it is in the page: as tall as it may
 * grow. The first render then draws the rows that will show, rather than a guess drawn
 * again once the box has been measured.
 */
function expectedRect(): { width: number; height: number } {
  return { width: window.innerWidth, height: Math.round((window.innerHeight * SCROLLER_MAX_VH) / 100) };
}

/** Props for {@link PartnersTable}. */
export interface PartnersTableProps {
  readonly rows: readonly DashboardRow[];
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  /** Opens the detail panel for a row. */
  readonly onOpen: (row: DashboardRow) => void;
}

/**
 * The workstream's partners, one row per person per role, with their induction and
 * one-to-one state. Virtualised: only the rows in view (and a few either side) are
 * in the page, so thousands of partners scroll smoothly; `aria-rowcount` and
 * `aria-rowindex` tell assistive technology the full size.
 */
export function PartnersTable({ rows, labelledBy, onOpen }: PartnersTableProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [initialRect] = useState(expectedRect);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    initialRect,
    getItemKey: (index) => rows[index].involvementId,
  });
  const shown = virtualizer.getVirtualItems();
  const above = shown.length > 0 ? shown[0].start : 0;
  const below = shown.length > 0 ? virtualizer.getTotalSize() - shown[shown.length - 1].end : 0;

  return (
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      <Table className={styles.table} aria-labelledby={labelledBy} aria-rowcount={rows.length + 1}>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Stage</TableHeaderCell>
            <TableHeaderCell>Induction</TableHeaderCell>
            <TableHeaderCell>Next one-to-one</TableHeaderCell>
            <TableHeaderCell>Named contact</TableHeaderCell>
            <TableHeaderCell>Peer Support Network</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {above > 0 && (
            <tr aria-hidden="true">
              <td colSpan={7} className={styles.spacer} style={{ height: above }} />
            </tr>
          )}
          {shown.map((item) => {
            const row = rows[item.index];
            const induction = summariseInduction(row.induction);
            return (
              <TableRow
                key={item.key}
                className={rowStyles.row}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <TableCell>
                  <div className={styles.cell}>
                    <PartnerName row={row} onOpen={onOpen} />
                  </div>
                </TableCell>
                <TableCell>{row.roleTitle}</TableCell>
                <TableCell>{row.stage}</TableCell>
                <TableCell>
                  <div className={styles.cell}>
                    <Text className={row.induction ? undefined : styles.quiet}>{induction.progress}</Text>
                    {induction.missing && <Caption1>{induction.missing}</Caption1>}
                  </div>
                </TableCell>
                <TableCell>
                  <div className={styles.cell}>
                    <NextOneToOne row={row} />
                  </div>
                </TableCell>
                <TableCell>{row.ownerName ?? <Text className={styles.quiet}>Not assigned yet</Text>}</TableCell>
                <TableCell>{row.peerNetworkStatus}</TableCell>
              </TableRow>
            );
          })}
          {below > 0 && (
            <tr aria-hidden="true">
              <td colSpan={7} className={styles.spacer} style={{ height: below }} />
            </tr>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
