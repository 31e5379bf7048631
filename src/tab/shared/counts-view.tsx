import { Table, TableBody, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { ScrollRegion } from './scroll-region';
import { Section } from './section';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  lines: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
});

/** The frame of an Engagement team view of counts (equality monitoring, selection): its parts stacked with room between. */
export function CountsView({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  return <div className={styles.view}>{children}</div>;
}

/** Lines of the server's words as a bulleted list: notes about a view, or its counts. */
export function CountLines({ lines, label }: { readonly lines: readonly string[]; readonly label?: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.lines} aria-label={label}>
      {lines.map((line) => (
        <li key={line}>
          <Text>{line}</Text>
        </li>
      ))}
    </ul>
  );
}

/** Props for {@link CountsTable}. */
export interface CountsTableProps {
  /** The part's heading, which also names the region the table scrolls in. */
  readonly title: string;
  /** The table's own name, saying whose counts it holds. */
  readonly label: string;
  readonly columns: readonly string[];
  /** The table's width: as wide as its columns need to read, scrolling sideways in a narrow pane. */
  readonly className: string;
  /** The rows. */
  readonly children: ReactNode;
}

/** A part of a counts view: a small table under its heading, in a region that scrolls sideways when the pane is narrow. */
export function CountsTable({ title, label, columns, className, children }: CountsTableProps) {
  const headingId = useId();
  return (
    <Section title={title} level={3} headingId={headingId} named={false}>
      <ScrollRegion labelledBy={headingId}>
        <Table className={className} aria-label={label} size="small">
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column}>{column}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>{children}</TableBody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
