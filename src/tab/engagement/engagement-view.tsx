import {
  Caption1,
  Subtitle1,
  Subtitle2,
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
import { useId } from 'react';
import type { ApiClient } from '../api/client';
import type { EngagementOverview } from '../api/types';
import { describeStages, shortDate } from '../shared/format';
import { useRowStyles } from '../shared/row-styles';
import { ScrollRegion } from '../shared/scroll-region';
import { AdvertsAwaiting } from './adverts-awaiting';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXL,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
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
});

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

/** Props for {@link EngagementView}. */
export interface EngagementViewProps {
  readonly overview: EngagementOverview;
  readonly api: ApiClient;
  /** Reads the overview again, after an advert was approved or sent back. */
  readonly onChanged: () => void;
}

/**
 * The Engagement team's personal tab: adverts waiting for them to approve or send back,
 * every workstream side by side, then the Peer Support Network roster.
 */
export function EngagementView({ overview, api, onChanged }: EngagementViewProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const workstreamsId = useId();
  const networkId = useId();
  const rosterId = useId();
  const { counts, members } = overview.peerNetwork;
  return (
    <div className={styles.root}>
      <Caption1>Counts and due states as of {shortDate(overview.today)}.</Caption1>
      <AdvertsAwaiting overview={overview} api={api} onChanged={onChanged} />
      {/* Not a named region itself: the table's scrolling region is, under the same name. */}
      <section className={styles.section}>
        <Subtitle1 as="h2" id={workstreamsId} className={styles.heading}>
          All workstreams
        </Subtitle1>
        {overview.workstreams.length === 0 ? (
          <Text className={styles.quiet}>No workstreams yet. A workstream starts when someone adds the Partner Pathway tab to its Teams channel and chooses “A new workstream”.</Text>
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
                      <Text weight="semibold">{workstream.title}</Text>
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
      </section>
      <section className={styles.section} aria-labelledby={networkId}>
        <Subtitle1 as="h2" id={networkId} className={styles.heading}>
          Peer Support Network
        </Subtitle1>
        <Text>
          {counts.Joined} joined, {counts.Invited} invited and waiting for an answer, {counts.Declined} declined.
        </Text>
        {members.length === 0 ? (
          <Text className={styles.quiet}>Nobody has been invited yet. Invitations are recorded from a partner&apos;s induction.</Text>
        ) : (
          <>
            <Subtitle2 as="h3" id={rosterId} className={styles.heading}>
              Roster
            </Subtitle2>
            <ScrollRegion labelledBy={rosterId}>
              <Table className={styles.table} aria-label="Peer Support Network roster" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Since</TableHeaderCell>
                    <TableHeaderCell>Workstreams</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {members.map((member) => (
                    <TableRow key={member.partnerId} className={rowStyles.row}>
                      <TableCell>{member.name}</TableCell>
                      <TableCell>{member.status}</TableCell>
                      <TableCell>{member.date ? shortDate(member.date) : <Text className={styles.quiet}>Not recorded</Text>}</TableCell>
                      <TableCell>{member.workstreams.join(', ')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </section>
    </div>
  );
}
