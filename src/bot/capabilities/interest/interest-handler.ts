import { optionalText } from '../../pathway/inputs';
import { pressKey, type Capability } from '../../pathway/turn';
import { loadPartner } from '../partner/partner-card';
import { showPartner } from '../partner/partner-handler';
import { loadRole } from '../roles/roles-handler';

/**
 * Logging interest in a role (from the role card's form, with the person's consent
 * to hold their details) and recording that it was acknowledged.
 */
export const interestCapability: Capability = {
  name: 'interest',
  actions: {
    async 'interest.log'(scope, data) {
      const { role } = await loadRole(scope, data.roleId);
      const involvement = await scope.service.involvements.recordInterest(scope.turn.actor, {
        roleId: role.id,
        key: optionalText(data.key),
        partner: {
          fullName: optionalText(data.fullName),
          preferredName: optionalText(data.preferredName),
          email: optionalText(data.email),
          phone: optionalText(data.phone),
          preferredContact: optionalText(data.preferredContact),
          accessNeeds: optionalText(data.accessNeeds),
          consentGiven: data.consentGiven === 'true' || data.consentGiven === true,
        },
      });
      return showPartner(scope, involvement.id, `Interest logged. ${scope.guidance.text('interest', 'acknowledge')}`);
    },
    async 'interest.acknowledge'(scope, data) {
      const detail = await loadPartner(scope, data.involvementId);
      await scope.service.involvements.acknowledgeInterest(scope.turn.actor, { involvementId: detail.involvement.id, version: data.version, key: pressKey(scope.turn.action) });
      return showPartner(scope, detail.involvement.id);
    },
  },
};
