import {
  Badge,
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
import type { RoleSummary } from '../api/types';
import { describePeople, describeStages, shortDate } from '../shared/format';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { useRowStyles } from '../shared/row-styles';
import { ScrollRegion } from '../shared/scroll-region';

const useStyles = makeStyles({
  table: {
    minWidth: '40rem',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** Props for {@link RolesList}. */
export interface RolesListProps {
  readonly roles: readonly RoleSummary[];
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
}

/** The workstream's roles: where each is in its flow, its advert, and how many people are involved. */
export function RolesList({ roles, labelledBy }: RolesListProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const badge = useWordBadgeStyles();
  if (roles.length === 0) {
    return (
      <Text className={styles.quiet}>
        No roles yet. Ask the Partner Pathway bot to plan a role for this workstream; it will appear here.
      </Text>
    );
  }
  return (
    <ScrollRegion labelledBy={labelledBy}>
      <Table className={styles.table} size="small" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Advert</TableHeaderCell>
            <TableHeaderCell>Closing date</TableHeaderCell>
            <TableHeaderCell>People</TableHeaderCell>
            <TableHeaderCell>At each stage</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {roles.map((role) => (
            <TableRow key={role.id} className={rowStyles.row}>
              <TableCell>
                <Text weight="semibold">{role.title}</Text>
              </TableCell>
              <TableCell>
                <Badge appearance="outline" color={role.status === 'Advertised' ? 'brand' : 'informative'} className={badge.badge}>
                  {role.status}
                </Badge>
              </TableCell>
              <TableCell>{role.advertState}</TableCell>
              <TableCell>{role.closingDate ? shortDate(role.closingDate) : <Text className={styles.quiet}>None set</Text>}</TableCell>
              <TableCell>{describePeople(role.stageCounts)}</TableCell>
              <TableCell>{describeStages(role.stageCounts)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
