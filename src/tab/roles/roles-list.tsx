import {
  Badge,
  Button,
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
  // The title opens the role: it reads as the row's name, at the start of its cell.
  open: {
    justifyContent: 'flex-start',
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Props for {@link RolesList}. */
export interface RolesListProps {
  readonly roles: readonly RoleSummary[];
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  /** Opens a role, to read, edit or move it on. */
  readonly onOpen: (roleId: number) => void;
}

/** The workstream's roles: where each is in its flow, its advert, and how many people are involved; each title opens its role. */
export function RolesList({ roles, labelledBy, onOpen }: RolesListProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const badge = useWordBadgeStyles();
  if (roles.length === 0) {
    return <Text className={styles.quiet}>No roles yet. Plan one here, or ask the Partner Pathway bot; it will appear in this list.</Text>;
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
                <Button appearance="transparent" className={styles.open} data-opens={role.id} onClick={() => onOpen(role.id)}>
                  {role.title}
                </Button>
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
