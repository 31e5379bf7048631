import { Subtitle1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
});

/** Props for {@link Section}. */
export interface SectionProps {
  /** What the section holds, as its heading. */
  readonly title: ReactNode;
  /** The heading's level: 2 for the parts of a view, 3 for the parts of those or of the partner panel. */
  readonly level?: 2 | 3;
  /** The heading's id, for a list or table in the section to take the heading as its name too; made here if not given. */
  readonly headingId?: string;
  /**
   * Whether the heading names the section as a region (the default). Not when a scrolling
   * region inside already bears that name: two regions of one name would be one too many.
   */
  readonly named?: boolean;
  /** Whether the heading can take the focus, for a view that moves it there (a page just opened). */
  readonly focusableHeading?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A part of a view under its heading, its contents stacked below it. */
export function Section({ title, level = 2, headingId, named = true, focusableHeading = false, className, children }: SectionProps) {
  const styles = useStyles();
  const madeId = useId();
  const id = headingId ?? madeId;
  const Heading = level === 2 ? Subtitle1 : Subtitle2;
  return (
    <section className={mergeClasses(styles.section, className)} aria-labelledby={named ? id : undefined}>
      <Heading as={level === 2 ? 'h2' : 'h3'} id={id} tabIndex={focusableHeading ? -1 : undefined} className={styles.heading}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
