import { CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import type { StageCounts } from '../api/types';
import { stageCountsInOrder } from '../shared/format';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  warning: {
    color: tokens.colorStatusWarningForeground3,
  },
});

/** Badges cut off at 99 by default; a large workstream's counts are shown in full. */
const COUNT_LIMIT = 999_999;

/** Props for {@link StageSummary}. */
export interface StageSummaryProps {
  readonly stageCounts: Partial<StageCounts>;
  readonly needsAttention: number;
}

/** How many partners need someone to act, and how many are at each stage of the pathway. */
export function StageSummary({ stageCounts, needsAttention }: StageSummaryProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Partners by stage">
      <li className={styles.item}>
        {needsAttention > 0 && <Warning16Regular className={styles.warning} aria-hidden />}
        <span>Needs attention</span>
        <CounterBadge
          count={needsAttention}
          showZero
          overflowCount={COUNT_LIMIT}
          appearance={needsAttention > 0 ? 'filled' : 'ghost'}
          color={needsAttention > 0 ? 'danger' : 'informative'}
        />
      </li>
      {stageCountsInOrder(stageCounts).map(({ stage, count }) => (
        <li key={stage} className={styles.item}>
          <span>{stage}</span>
          <CounterBadge
            count={count}
            showZero
          overflowCount={COUNT_LIMIT}
            appearance={count > 0 ? 'filled' : 'ghost'}
            color={count > 0 ? 'brand' : 'informative'}
          />
        </li>
      ))}
    </ul>
  );
}
