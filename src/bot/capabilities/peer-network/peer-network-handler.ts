import { optionalText } from '../../pathway/inputs';
import type { Capability } from '../../pathway/turn';
import { actOnPartner } from '../partner/act-on-partner';

/** The Peer Support Network: recording the invitation and the partner's answer (joining is their choice). */
export const peerNetworkCapability: Capability = {
  name: 'peer-network',
  actions: {
    'peer.invite': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.partners.invitePeerNetwork(scope.turn.actor, press.partner);
        return (detail) => `Invitation to the Peer Support Network recorded for ${detail.name}.`;
      }),
    'peer.answer': (scope, data) =>
      actOnPartner(scope, data, async (press) => {
        await scope.service.partners.recordPeerNetworkAnswer(scope.turn.actor, { ...press.partner, answer: optionalText(data.answer) });
      }),
  },
};
