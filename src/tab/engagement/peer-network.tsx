import {
  Button,
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
import { useId, useRef } from 'react';
import type { ApiClient } from '../api/client';
import type { EngagementOverview, PeerNetworkMember } from '../api/types';
import { OutcomeRegion, useFocusIfLost } from '../shared/action-message';
import { useCardListStyles } from '../shared/card-styles';
import { shortDate } from '../shared/format';
import { useRowStyles } from '../shared/row-styles';
import { ScrollRegion } from '../shared/scroll-region';
import { Section } from '../shared/section';
import { useAction, useChangeKeys } from '../shared/use-action';

const useStyles = makeStyles({
  heading: {
    margin: 0,
  },
  table: {
    minWidth: '48rem',
  },
  quiet: {
    color: tokens.colorNeutralForeground3,
  },
});

/** Props for {@link PeerNetwork}. */
export interface PeerNetworkProps {
  readonly peerNetwork: EngagementOverview['peerNetwork'];
  readonly api: ApiClient;
  /** Reads the overview again, after an invitation (or a refusal, which may mean it changed). */
  readonly onChanged: () => void;
}

/**
 * The Peer Support Network: how many joined, are invited, declined or were never
 * invited; the roster; and the partners in induction, active or paused never invited,
 * each with Invite, which records the invitation today.
 */
export function PeerNetwork({ peerNetwork, api, onChanged }: PeerNetworkProps) {
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const cards = useCardListStyles();
  const rosterId = useId();
  const notInvitedId = useId();
  const action = useAction(onChanged);
  const keys = useChangeKeys();
  const { counts, members, notInvited } = peerNetwork;
  const outcome = useRef<HTMLDivElement>(null);
  // After a refusal the overview is read again, and the button pressed may be gone with the person (invited meanwhile).
  useFocusIfLost(outcome, action.outcome.kind === 'refused');
  const invite = async (partner: PeerNetworkMember) => {
    const invited = await action.run(
      () => api.invitePeerNetwork({ id: partner.partnerId, version: partner.version }, keys.keyFor(['invite', partner.partnerId])),
      `${partner.name} is invited to the Peer Support Network, dated today.`,
    );
    if (!invited) return;
    keys.succeeded();
    // They leave the list, and the button pressed with them, when the overview is read again: the focus goes to what was done.
    outcome.current?.focus();
  };
  return (
    <Section title="Peer Support Network">
      <Text>
        {counts.Joined} joined, {counts.Invited} invited and waiting for an answer, {counts.Declined} declined, {counts['Not invited']} not
        invited yet.
      </Text>
      <OutcomeRegion ref={outcome} outcome={action.outcome} />
      {members.length === 0 ? (
        <Text className={styles.quiet}>Nobody has been invited yet.</Text>
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
      <Subtitle2 as="h3" id={notInvitedId} className={styles.heading}>
        Not invited yet ({notInvited.length})
      </Subtitle2>
      {notInvited.length === 0 ? (
        <Text className={styles.quiet}>Every partner in induction, active or paused has been invited.</Text>
      ) : (
        <>
          <Text>
            Every partner is to be invited. Inviting records the invitation on their record, dated today, and ticks it on their induction
            checklist.
          </Text>
          <ul className={cards.list} aria-labelledby={notInvitedId}>
            {notInvited.map((partner) => (
              <li key={partner.partnerId} className={cards.item}>
                <div className={cards.card}>
                  <Text weight="semibold">{partner.name}</Text>
                  <dl className={cards.facts}>
                    <dt className={cards.term}>Workstreams</dt>
                    <dd className={cards.value}>{partner.workstreams.join(', ')}</dd>
                  </dl>
                  <Button
                    aria-label={`Invite ${partner.name} to the Peer Support Network`}
                    disabledFocusable={action.outcome.kind === 'busy'}
                    onClick={() => void invite(partner)}
                  >
                    Invite
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
