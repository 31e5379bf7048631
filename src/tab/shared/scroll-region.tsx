import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

/** Props for {@link ScrollRegion}. */
export interface ScrollRegionProps {
  /** The id of the heading that names the region. */
  readonly labelledBy: string;
  readonly children: ReactNode;
}

/**
 * A named region that scrolls sideways when a wide table meets a narrow Teams pane.
 * It takes focus so keyboard users can scroll it too.
 */
export function ScrollRegion({ labelledBy, children }: ScrollRegionProps) {
  const styles = useStyles();
  return (
    <div className={styles.region} tabIndex={0} role="region" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
