import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '40rem',
  },
  heading: {
    margin: 0,
  },
});

/** Props for {@link Notice}. */
export interface NoticeProps {
  /** What the situation is, as the page's heading. */
  readonly title: string;
  /** Why, and what to do next. */
  readonly children: ReactNode;
}

/** A page that has nothing to show the person yet: a heading saying why, then what to do. */
export function Notice({ title, children }: NoticeProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </div>
  );
}
