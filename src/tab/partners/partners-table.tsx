import {
  Badge,
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
  type BadgeProps,
} from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Clock16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { DashboardRow, DueState } from '../api/types';
import { describeBooked, describeDue, shortDate, summariseInduction } from '../shared/format';
import { ScrollRegion } from '../shared/scroll-region';

const useStyles = makeStyles({
  table: {
    // Sized by content, so a state like "Overdue by 14 days" keeps its column wide enough.
    tableLayout: 'auto',
    minWidth: '60rem',
  },
  badge: {
    whiteSpace: 'nowrap',
  },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  attention: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorStatusWarningForeground3,
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** How each due state looks; the words always say the state, the colour and icon only repeat it. */
const DUE_BADGE: Record<Exclude<DueState, 'none'>, Pick<BadgeProps, 'color'> & { icon: ReactElement }> = {
  overdue: { color: 'danger', icon: <Warning16Regular /> },
  'due-soon': { color: 'warning', icon: <Clock16Regular /> },
  'on-track': { color: 'success', icon: <CheckmarkCircle16Regular /> },
};

function NextOneToOneCell({ row }: { readonly row: DashboardRow }) {
  const styles = useStyles();
  const { nextOneToOne: next, booked } = row;
  return (
    <div className={styles.cell}>
      {next.state === 'none' || next.due === null ? (
        <Text className={styles.quiet}>{describeDue(next)}</Text>
      ) : (
        <>
          <Text>{shortDate(next.due)}</Text>
          <Badge appearance="tint" className={styles.badge} {...DUE_BADGE[next.state]}>
            {describeDue(next)}
          </Badge>
        </>
      )}
      {booked && <Caption1>{describeBooked(booked)}</Caption1>}
    </div>
  );
}

/** Props for {@link PartnersTable}. */
export interface PartnersTableProps {
  readonly rows: readonly DashboardRow[];
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
}

/** The workstream's partners, one row per person per role, with their induction and one-to-one state. */
export function PartnersTable({ rows, labelledBy }: PartnersTableProps) {
  const styles = useStyles();
  if (rows.length === 0) {
    return (
      <Text className={styles.quiet}>
        No partners yet. When someone shows interest in one of this workstream&apos;s roles, log it with the Partner
        Pathway bot and they will appear here.
      </Text>
    );
  }
  return (
    <ScrollRegion labelledBy={labelledBy}>
      <Table className={styles.table} aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
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
          {rows.map((row) => {
            const induction = summariseInduction(row.induction);
            return (
              <TableRow key={row.involvementId}>
                <TableCell>
                  <div className={styles.cell}>
                    <Text weight="semibold">{row.name}</Text>
                    {row.attention.map((reason) => (
                      <Caption1 key={reason} className={styles.attention}>
                        <Warning16Regular aria-hidden />
                        {reason}
                      </Caption1>
                    ))}
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
                  <NextOneToOneCell row={row} />
                </TableCell>
                <TableCell>
                  {row.ownerName ?? <Text className={styles.quiet}>Not assigned yet</Text>}
                </TableCell>
                <TableCell>{row.peerNetworkStatus}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
