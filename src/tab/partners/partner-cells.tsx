import { Badge, Caption1, Link, Text, makeStyles, tokens, useRestoreFocusTarget, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Clock16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { DashboardRow, DueState } from '../api/types';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { describeBooked, describeDue, shortDate } from '../shared/format';
import { isErased } from './filter-rows';

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
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

/**
 * A partner's name, which opens them in the side panel (and takes the focus back when
 * it closes), marked if their data was erased, with why they need someone to act.
 */
export function PartnerName({ row, onOpen }: { readonly row: DashboardRow; readonly onOpen: (row: DashboardRow) => void }) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.stack}>
      <Link as="button" onClick={() => onOpen(row)} {...restoreFocusTarget}>
        {row.name}
      </Link>
      {isErased(row) && (
        <Badge appearance="outline" color="informative" className={badge.badge}>
          Personal data erased
        </Badge>
      )}
      {row.attention.map((reason) => (
        <Caption1 key={reason} className={styles.attention}>
          <Warning16Regular aria-hidden />
          {reason}
        </Caption1>
      ))}
    </div>
  );
}

/** A partner's next one-to-one: the date it is due, its state in words on a badge, and the one booked, if any. */
export function NextOneToOne({ row }: { readonly row: DashboardRow }) {
  const styles = useStyles();
  const badge = useWordBadgeStyles();
  const { nextOneToOne: next, booked } = row;
  return (
    <div className={styles.stack}>
      {next.state === 'none' || next.due === null ? (
        <Text className={styles.quiet}>{describeDue(next)}</Text>
      ) : (
        <>
          <Text>{shortDate(next.due)}</Text>
          <Badge appearance="tint" className={badge.badge} {...DUE_BADGE[next.state]}>
            {describeDue(next)}
          </Badge>
        </>
      )}
      {booked && <Caption1>{describeBooked(booked)}</Caption1>}
    </div>
  );
}
