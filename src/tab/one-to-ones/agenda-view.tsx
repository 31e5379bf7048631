import {
  Badge,
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
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { DownloadedFile } from '../api/client';
import type { Agenda, AgendaItem, ReviewItem } from '../api/types';
import { useWordBadgeStyles } from '../shared/badge-styles';
import { NARROW, useMediaQuery } from '../shared/breakpoints';
import { useCardListStyles } from '../shared/card-styles';
import { DownloadButton } from '../shared/download-button';
import { shortDate } from '../shared/format';
import { useRowStyles } from '../shared/row-styles';
import { Section } from '../shared/section';

const useStyles = makeStyles({
  group: {
    overflowX: 'auto',
  },
  table: {
    minWidth: '44rem',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

function whenWords(item: Pick<AgendaItem, 'daysFromToday'>): string {
  if (item.daysFromToday < 0) return `${days(-item.daysFromToday)} ago`;
  if (item.daysFromToday === 0) return 'Today';
  return `In ${days(item.daysFromToday)}`;
}

function whatWords(item: AgendaItem): string {
  if (item.kind === 'due') return item.overdue ? 'Overdue, nothing booked' : 'Due, nothing booked yet';
  const at = item.time ? ` at ${item.time}` : '';
  const where = item.where ? `, ${item.where}` : '';
  return item.overdue ? `Booked${at}${where}: not recorded as held` : `Booked${at}${where}`;
}

/** A card's date and how far it is from today. */
function DateFact({ item }: { readonly item: Pick<AgendaItem, 'date' | 'daysFromToday'> }) {
  const cards = useCardListStyles();
  return (
    <>
      <dt className={cards.term}>Date</dt>
      <dd className={cards.value}>
        <Text>{shortDate(item.date)}</Text> <Caption1>{whenWords(item)}</Caption1>
      </dd>
    </>
  );
}

/** What an item is, in words, on a badge when it is overdue. */
function What({ item }: { readonly item: AgendaItem }) {
  const badge = useWordBadgeStyles();
  if (!item.overdue) return <>{whatWords(item)}</>;
  return (
    <Badge appearance="tint" color="danger" icon={<Warning16Regular />} className={badge.badge}>
      {whatWords(item)}
    </Badge>
  );
}

/** A booked one-to-one's calendar invitation, or a quiet "None booked". */
function Invitation({
  item,
  downloadInvitation,
}: {
  readonly item: AgendaItem;
  readonly downloadInvitation: (oneToOneId: number) => Promise<DownloadedFile>;
}) {
  const styles = useStyles();
  const invitationId = item.kind === 'booked' ? item.oneToOneId : null;
  if (invitationId === null) return <Text className={styles.quiet}>None booked</Text>;
  return (
    <DownloadButton
      size="small"
      fetchFile={() => downloadInvitation(invitationId)}
      aria-label={`Download the invitation: ${item.name}, ${shortDate(item.date)}`}
    >
      Download (.ics)
    </DownloadButton>
  );
}

const itemKey = (item: AgendaItem): string => `${item.kind}:${item.oneToOneId ?? item.involvementId}`;

interface AgendaTableProps {
  readonly title: string;
  readonly items: readonly AgendaItem[];
  readonly onOpen: (item: AgendaItem) => void;
  readonly downloadInvitation: (oneToOneId: number) => Promise<DownloadedFile>;
}

function AgendaTable({ title, items, onOpen, downloadInvitation }: AgendaTableProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const cards = useCardListStyles();
  const narrow = useMediaQuery(NARROW);
  const id = useId();
  // The side panel hands focus back to the name that opened it.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Section title={`${title} (${items.length})`} level={3} headingId={id} className={styles.group}>
      {narrow ? (
        // On a phone, one card per one-to-one instead of a table wider than the window.
        <ul className={cards.list} aria-labelledby={id}>
          {items.map((item) => (
            <li key={itemKey(item)} className={cards.item}>
              <div className={cards.card}>
                <Link as="button" onClick={() => onOpen(item)} {...restoreFocusTarget}>
                  {item.name}
                </Link>
                <dl className={cards.facts}>
                  <DateFact item={item} />
                  <dt className={cards.term}>Role</dt>
                  <dd className={cards.value}>{item.roleTitle}</dd>
                  <dt className={cards.term}>One-to-one</dt>
                  <dd className={cards.value}>
                    <What item={item} />
                  </dd>
                  <dt className={cards.term}>Named contact</dt>
                  <dd className={cards.value}>{item.ownerName ?? <Text className={styles.quiet}>Not assigned yet</Text>}</dd>
                  <dt className={cards.term}>Invitation</dt>
                  <dd className={cards.value}>
                    <Invitation item={item} downloadInvitation={downloadInvitation} />
                  </dd>
                </dl>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <Table className={styles.table} aria-labelledby={id} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Date</TableHeaderCell>
              <TableHeaderCell>Partner</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>One-to-one</TableHeaderCell>
              <TableHeaderCell>Named contact</TableHeaderCell>
              <TableHeaderCell>Invitation</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={itemKey(item)} className={rowStyles.row}>
                <TableCell>
                  <Text>{shortDate(item.date)}</Text> <Caption1>{whenWords(item)}</Caption1>
                </TableCell>
                <TableCell>
                  <Link as="button" onClick={() => onOpen(item)} {...restoreFocusTarget}>
                    {item.name}
                  </Link>
                </TableCell>
                <TableCell>{item.roleTitle}</TableCell>
                <TableCell>
                  <What item={item} />
                </TableCell>
                <TableCell>{item.ownerName ?? <Text className={styles.quiet}>Not assigned yet</Text>}</TableCell>
                <TableCell>
                  <Invitation item={item} downloadInvitation={downloadInvitation} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

/** The reviews coming round in the agenda's weeks, by date: each names the partner, who opens to record it. */
function ReviewList({ reviews, onOpen }: { readonly reviews: readonly ReviewItem[]; readonly onOpen: (item: ReviewItem) => void }) {
  const cards = useCardListStyles();
  const id = useId();
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Section title={`Reviews coming round (${reviews.length})`} level={3} headingId={id}>
      <ul className={cards.list} aria-labelledby={id}>
        {reviews.map((item) => (
          <li key={`${item.kind}:${item.involvementId}`} className={cards.item}>
            <div className={cards.card}>
              <Link as="button" onClick={() => onOpen(item)} {...restoreFocusTarget}>
                {item.name}
              </Link>
              <dl className={cards.facts}>
                <dt className={cards.term}>Review</dt>
                <dd className={cards.value}>
                  <Text>{item.what}</Text>
                </dd>
                <DateFact item={item} />
                <dt className={cards.term}>Role</dt>
                <dd className={cards.value}>{item.roleTitle}</dd>
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Props for {@link AgendaView}. */
export interface AgendaViewProps {
  readonly agenda: Agenda;
  /** Opens the partner's detail panel. */
  readonly onOpen: (item: Pick<AgendaItem, 'involvementId' | 'name'>) => void;
  /** Fetches a booked one-to-one's calendar invitation. */
  readonly downloadInvitation: (oneToOneId: number) => Promise<DownloadedFile>;
}

/** The workstream's one-to-ones for the coming weeks: overdue ones first, then the coming ones by date; then the reviews coming round. */
export function AgendaView({ agenda, onOpen, downloadInvitation }: AgendaViewProps) {
  const styles = useStyles();
  const overdue = agenda.items.filter((item) => item.overdue);
  const coming = agenda.items.filter((item) => !item.overdue);
  return (
    <>
      <Text>Booked and due one-to-ones up to {shortDate(agenda.until)}. Select a name to book one or record it as held.</Text>
      {agenda.items.length === 0 && <Text className={styles.quiet}>Nothing booked or due in the coming weeks.</Text>}
      {overdue.length > 0 && <AgendaTable title="Overdue" items={overdue} onOpen={onOpen} downloadInvitation={downloadInvitation} />}
      {coming.length > 0 && <AgendaTable title="Coming up" items={coming} onOpen={onOpen} downloadInvitation={downloadInvitation} />}
      {agenda.reviews.length > 0 && <ReviewList reviews={agenda.reviews} onOpen={onOpen} />}
    </>
  );
}
