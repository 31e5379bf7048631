import { CounterBadge, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { STAGES, type Stage, type StageCounts } from '../api/types';
import { NARROW, NARROW_MEDIA, useMediaQuery } from '../shared/breakpoints';
import { stageCountsInOrder } from '../shared/format';
import type { PartnerShow } from './filter-rows';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    [NARROW_MEDIA]: {
      gap: tokens.spacingHorizontalXS,
    },
  },
  button: {
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
  },
  warning: {
    color: tokens.colorStatusWarningForeground3,
  },
});

/** Badges cut off at 99 by default; a large workstream's counts are shown in full. */
const COUNT_LIMIT = 999_999;

function isStage(name: string): name is Stage {
  return (STAGES as readonly string[]).includes(name);
}

/** Props for {@link StageSummary}. */
export interface StageSummaryProps {
  readonly stageCounts: Partial<StageCounts>;
  readonly needsAttention: number;
  /** Which partners are shown now; its counter is pressed. */
  readonly show: PartnerShow;
  /** Shows those partners; pressing the pressed counter again (or All) shows everyone. */
  readonly onShow: (show: PartnerShow) => void;
}

interface CounterProps {
  readonly label: string;
  readonly count: number;
  readonly pressed: boolean;
  readonly color: 'brand' | 'danger';
  readonly size: 'small' | 'medium';
  readonly icon?: ReactElement;
  readonly onPress: () => void;
}

function Counter({ label, count, pressed, color, size, icon, onPress }: CounterProps) {
  const styles = useStyles();
  return (
    <ToggleButton className={styles.button} size={size} checked={pressed} icon={icon} onClick={onPress}>
      {label}
      <CounterBadge
        count={count}
        showZero
        overflowCount={COUNT_LIMIT}
        size={size}
        appearance={count > 0 ? 'filled' : 'ghost'}
        color={count > 0 ? color : 'informative'}
      />
    </ToggleButton>
  );
}

/**
 * How many partners there are, how many need someone to act, and how many are at each
 * stage of the pathway; each count is a toggle that shows only those partners, and
 * pressing it again (or All) shows everyone.
 */
export function StageSummary({ stageCounts, needsAttention, show, onShow }: StageSummaryProps) {
  const styles = useStyles();
  const size = useMediaQuery(NARROW) ? 'small' : 'medium';
  const counts = stageCountsInOrder(stageCounts);
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  const toggle = (pressed: PartnerShow) => () => onShow(show === pressed ? 'all' : pressed);
  return (
    <ul className={styles.list} aria-label="Show partners by stage">
      <li>
        <Counter label="All" size={size} count={total} pressed={show === 'all'} color="brand" onPress={() => onShow('all')} />
      </li>
      <li>
        <Counter
          label="Needs attention"
          size={size}
          count={needsAttention}
          pressed={show === 'needs-attention'}
          color="danger"
          icon={needsAttention > 0 ? <Warning16Regular className={styles.warning} /> : undefined}
          onPress={toggle('needs-attention')}
        />
      </li>
      {counts.map(({ stage, count }) => (
        <li key={stage}>
          {isStage(stage) ? (
            <Counter label={stage} size={size} count={count} pressed={show === stage} color="brand" onPress={toggle(stage)} />
          ) : (
            // A stage this tab does not know yet is counted, but cannot be shown on its own.
            <Text className={styles.count}>
              {stage} {count}
            </Text>
          )}
        </li>
      ))}
    </ul>
  );
}
