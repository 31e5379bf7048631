import { optionalText } from '../../pathway/inputs';
import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';

/** The Peer Support Network: recording the invitation and the partner's answer (joining is their choice). */
export const peerNetworkCapability: Capability = {
  name: 'peer-network',
  actions: {
    async 'peer.invite'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.partners.invitePeerNetwork(scope.turn.actor, { partnerId: detail.partner.id, version: data.partnerVersion, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id, `Invitation to the Peer Support Network recorded for ${detail.name}.`);
    },
    async 'peer.answer'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.partners.recordPeerNetworkAnswer(scope.turn.actor, {
        partnerId: detail.partner.id,
        version: data.partnerVersion,
        key: pressKey(scope.turn.action),
        answer: optionalText(data.answer),
      });
      return showPartner(scope, detail.involvement.id);
    },
  },
};
