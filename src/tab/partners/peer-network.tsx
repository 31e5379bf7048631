import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PeerNetworkAnswer } from '../api/client';
import type { Partner, PartnerActions } from '../api/types';
import { shortDate } from '../shared/format';

const useStyles = makeStyles({
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlockStart: tokens.spacingVerticalS,
  },
});

const ANSWERS: readonly PeerNetworkAnswer[] = ['Joined', 'Declined'];

/** Props for {@link PeerNetwork}. */
export interface PeerNetworkProps {
  readonly partner: Partner;
  readonly name: string;
  readonly actions: Pick<PartnerActions, 'invitePeerNetwork' | 'recordPeerNetworkAnswer' | 'withdrawPeerNetworkInvitation'>;
  readonly busy: boolean;
  readonly onInvite: () => void;
  readonly onAnswer: (answer: PeerNetworkAnswer) => void;
  readonly onWithdraw: () => void;
}

/** Where the partner is with the Peer Support Network since when, in words. */
function statusWords({ peerNetworkStatus: status, peerNetworkDate: date }: Partner, name: string): string {
  const since = date ? ` on ${shortDate(date)}` : '';
  switch (status) {
    case 'Not invited':
      return `${name} has not been invited to the Peer Support Network.`;
    case 'Invited':
      return `${name} was invited${since} and has not answered yet.`;
    case 'Joined':
      return `${name} joined${since}.`;
    case 'Declined':
      return `${name} declined${since}.`;
  }
}

/**
 * The partner's place in the Peer Support Network, and the steps the server offers:
 * invite, record their answer, or take back an invitation they have not answered.
 */
export function PeerNetwork({ partner, name, actions, busy, onInvite, onAnswer, onWithdraw }: PeerNetworkProps) {
  const styles = useStyles();
  const answers = actions.recordPeerNetworkAnswer ? ANSWERS.filter((answer) => answer !== partner.peerNetworkStatus) : [];
  const offered = actions.invitePeerNetwork || answers.length > 0 || actions.withdrawPeerNetworkInvitation;
  return (
    <div>
      <Text block>{statusWords(partner, name)}</Text>
      {offered && (
        <div className={styles.buttons}>
          {actions.invitePeerNetwork && (
            <Button disabledFocusable={busy} onClick={onInvite}>
              Record invitation sent today
            </Button>
          )}
          {answers.map((answer) => (
            <Button key={answer} disabledFocusable={busy} onClick={() => onAnswer(answer)}>
              {answer === 'Joined' ? 'Record that they joined' : 'Record that they declined'}
            </Button>
          ))}
          {actions.withdrawPeerNetworkInvitation && (
            <Button disabledFocusable={busy} onClick={onWithdraw}>
              Take back the invitation
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
