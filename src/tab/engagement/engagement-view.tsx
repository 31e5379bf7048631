import {
  Caption1,
  Link,
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
import { useId, useLayoutEffect, useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { EngagementOverview } from '../api/types';
import { describeStages, shortDate } from '../shared/format';
import { followInPage } from '../shared/in-page-link';
import { useRowStyles } from '../shared/row-styles';
import { ScrollRegion } from '../shared/scroll-region';
import { Section } from '../shared/section';
import { AdvertsAwaiting } from './adverts-awaiting';
import { PeerNetwork } from './peer-network';
import { PossibleDuplicates } from './possible-duplicates';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  table: {
    minWidth: '48rem',
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
  title: {
    fontWeight: tokens.fontWeightSemibold,
  },
});

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** How a workstream opens from the overview. */
export interface WorkstreamOpening {
  /** The address of the overview with the workstream open, for the link. */
  readonly href: (workstreamId: number) => string;
  /** Opens it in the page. */
  readonly open: (workstreamId: number) => void;
  /** The workstream just left, whose link takes the focus as the overview shows again; null when none. */
  readonly leftId: number | null;
}

/** Props for {@link EngagementView}. */
export interface EngagementViewProps {
  readonly overview: EngagementOverview;
  readonly api: ApiClient;
  /** Reads the overview again, after an advert was decided, a partner invited or two records merged. */
  readonly onChanged: () => void;
  readonly opening: WorkstreamOpening;
}

/**
 * The Engagement team's personal tab: adverts waiting for them to approve or send back,
 * every workstream side by side (each opens, to see it as its team does), the Peer
 * Support Network (with the partners never invited, to invite) and records that may be
 * one person, to merge.
 */
export function EngagementView({ overview, api, onChanged, opening }: EngagementViewProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const workstreamsId = useId();
  const links = useRef(new Map<number, HTMLElement>());
  const { leftId } = opening;
  // Back from a workstream, the person is where they left the overview: on its link.
  useLayoutEffect(() => {
    if (leftId !== null) links.current.get(leftId)?.focus();
  }, [leftId]);
  return (
    <div className={styles.root}>
      <Caption1>Counts and due states as of {shortDate(overview.today)}.</Caption1>
      <AdvertsAwaiting overview={overview} api={api} onChanged={onChanged} />
      {/* Not a named region itself: the table's scrolling region is, under the same name. */}
      <Section title="All workstreams" headingId={workstreamsId} named={false}>
        {overview.workstreams.length === 0 ? (
          <Text className={styles.quiet}>
            No workstreams yet. A workstream starts when someone adds the Partner Pathway tab to its Teams channel and chooses “A new
            workstream”.
          </Text>
        ) : (
          <ScrollRegion labelledBy={workstreamsId}>
            <Table className={styles.table} aria-labelledby={workstreamsId}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Workstream</TableHeaderCell>
                  <TableHeaderCell>Partners</TableHeaderCell>
                  <TableHeaderCell>By stage</TableHeaderCell>
                  <TableHeaderCell>One-to-ones overdue</TableHeaderCell>
                  <TableHeaderCell>Due soon</TableHeaderCell>
                  <TableHeaderCell>Adverts awaiting approval</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.workstreams.map((workstream) => (
                  <TableRow key={workstream.id} className={rowStyles.row}>
                    <TableCell>
                      <Link
                        className={styles.title}
                        href={opening.href(workstream.id)}
                        ref={(link) => {
                          if (link) links.current.set(workstream.id, link);
                          else links.current.delete(workstream.id);
                        }}
                        onClick={followInPage(() => opening.open(workstream.id))}
                      >
                        {workstream.title}
                      </Link>
                    </TableCell>
                    <TableCell>{sum(workstream.stageCounts)}</TableCell>
                    <TableCell>{describeStages(workstream.stageCounts)}</TableCell>
                    <TableCell>{workstream.overdueOneToOnes > 0 ? `${workstream.overdueOneToOnes} overdue` : 'None overdue'}</TableCell>
                    <TableCell>{workstream.dueSoonOneToOnes}</TableCell>
                    <TableCell>
                      {workstream.advertsAwaitingApproval.length === 0 ? (
                        <Text className={styles.quiet}>None waiting</Text>
                      ) : (
                        <ul className={styles.list}>
                          {workstream.advertsAwaitingApproval.map((advert) => (
                            <li key={advert.roleId}>
                              {advert.title}
                              {advert.closingDate ? `, closes ${shortDate(advert.closingDate)}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </Section>
      <PeerNetwork peerNetwork={overview.peerNetwork} api={api} onChanged={onChanged} />
      <PossibleDuplicates api={api} onChanged={onChanged} />
    </div>
  );
}
